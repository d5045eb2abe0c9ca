// npm install's check (the root's preinstall, run once the dependencies are in): npm scripts run on the Node
// of the `node` devDependency (Node 24, put first on their PATH by npm), whatever the machine's Node; the
// build and the tests need 22 or later. When that Node did not come (its install script was not allowed to
// run, say), this says so in one line instead of the build failing later with a TypeError. Plain CommonJS,
// for any Node that runs npm.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    console.error(`journey-maps needs Node.js 22 or later for its build and tests, and npm scripts run on Node ${process.version} here: `
        + 'the `node` devDependency (Node 24) was not set up. Install Node 22 or later (https://nodejs.org/, or `nvm install 24`), then run npm install again.');
    process.exit(1);
}
