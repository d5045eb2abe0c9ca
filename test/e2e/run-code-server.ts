// Runs the e2e suite (test/e2e/suite, bundled to out/e2e/suite) inside code-server's extension host, with
// the extension loaded from this repository; exits with the suite's exit code. `npm run test:e2e`.
import * as path from 'node:path';
import { launchBrowser, REPO, startCodeServer, within } from './code-server.ts';

const SUITE_TIMEOUT_MS = 240_000;
/** Workbench chatter that the extension host forwards along with the suite's output. */
const NOISE = /^(Ignoring fetching additional builtin|Updating additional builtin|\[AccountPolicyGate\]|\[AgentHost|\[Service Worker\]|\[reconnection-grace-time\]|Creating a socket|Resolv(ing|ed) connection token)/;

async function main(): Promise<number> {
    const server = await startCodeServer();
    const browser = await launchBrowser();
    try {
        const page = await browser.newPage();
        await page.route(url => !['127.0.0.1', 'localhost'].includes(url.hostname), route => route.abort());
        let finish: (code: number) => void = () => undefined;
        const exitCode = new Promise<number>(resolve => { finish = resolve; });
        // The workbench calls these when started with enable-smoke-test-driver and a test payload.
        await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
        await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
            const parts = Array.isArray(args) ? args : [type, args];
            if (!NOISE.test(String(parts[0]))) {
                console.log(...parts);
            }
        });
        const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${file}`;
        const payload = [
            ['extensionDevelopmentPath', remote(REPO)],
            ['extensionTestsPath', remote(path.join(REPO, 'out', 'e2e', 'suite', 'index.cjs'))]
        ];
        const url = `${server.origin}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
        await page.goto(url);
        const code = await within(SUITE_TIMEOUT_MS,
            `the e2e suite to finish in code-server; the last lines code-server printed:\n${server.log()}`, exitCode);
        console.log(`e2e suite in code-server: exit code ${code}`);
        return code;
    } finally {
        await browser.close();
        await server.stop();
    }
}

main().then(code => { process.exitCode = code; }, (error: unknown) => {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
