#!/usr/bin/env bash
# Installs code-server (a real VS Code whose workbench is served to a browser) from the npm registry into a
# cache folder outside the repository, once per version; prints the folder. Needs Node 24 (npm scripts run on
# the `node` devDependency's) and Debian's libkrb5-dev for its native modules.
set -euo pipefail
version="${CODE_SERVER_VERSION:-4.139.1}"
cache="${JOURNEY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-maps}"
dir="$cache/code-server-$version"
if [ -x "$dir/node_modules/.bin/code-server" ]; then
  echo "$dir"
  exit 0
fi
if [ ! -e /usr/include/gssapi/gssapi.h ]; then
  echo "code-server needs Debian's libkrb5-dev: apt-get install -y libkrb5-dev" >&2
  exit 1
fi
# Native modules build against the headers of the Node that runs them (a user's npmrc may name another
# Node's): its own prefix's, or those of the platform package the `node` devDependency installed.
headers=$(node -p "const p = require('path'), fs = require('fs'), own = p.resolve(process.execPath, '../..');
  [own, p.join(own, 'node_modules', 'node-' + process.platform + '-' + process.arch)].find(d => fs.existsSync(p.join(d, 'include/node/node.h'))) ?? ''")
if [ -n "$headers" ]; then
  export npm_config_nodedir="$headers"
fi
rm -rf "$dir.partial"
mkdir -p "$dir.partial"
# npm 11 skips dependencies' install scripts until approved; code-server's native modules need them.
# They build from source against this Node's headers (about 3 minutes on 2 cores).
(
  cd "$dir.partial"
  echo '{ "name": "journey-maps-code-server", "private": true }' > package.json
  npm install --no-audit --no-fund --loglevel=error "code-server@$version"
  npm install-scripts approve --all --loglevel=error
  npm rebuild --loglevel=error
) >&2
mv "$dir.partial" "$dir"
echo "$dir"
