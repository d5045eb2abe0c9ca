// Runs the e2e suite (test/e2e/suite, bundled to out/e2e/suite) in a VS Code downloaded by
// @vscode/test-electron, for machines that can reach Microsoft's servers. `npm run test:e2e:electron`.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './code-server.ts';

async function main(): Promise<void> {
    // A copy of the fixture workspace, so that tests may change settings and files freely.
    const temp = await mkdtemp(path.join(tmpdir(), 'journey-electron-'));
    const workspace = path.join(temp, 'workspace');
    await cp(path.join(REPO, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    try {
        await runTests({
            extensionDevelopmentPath: REPO,
            extensionTestsPath: path.join(REPO, 'out', 'e2e', 'suite', 'index.cjs'),
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
        });
    } finally {
        await rm(temp, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    console.error(`e2e (test-electron): ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
