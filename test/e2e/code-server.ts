// A real VS Code for tests on machines that cannot download one: code-server from the npm registry,
// started on 127.0.0.1 with its own state folders and no marketplace, stopped by its process group.
// Run with Node 24 (type stripping), as npm scripts do: the `node` devDependency is first on their PATH.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const INSTALL_SCRIPT = path.join(REPO, 'test', 'e2e', 'code-server-install.sh');

const QUIET_SETTINGS = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false
};

/** Fails with `message` when `promise` has not settled within `ms`: no wait in these tests is unbounded. */
export function within<T>(ms: number, message: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${message} (gave up after ${Math.round(ms / 1000)} s)`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

export interface CodeServer {
    readonly origin: string;
    readonly port: number;
    /** A copy of the fixture workspace, so that tests may change settings and files freely. */
    readonly workspace: string;
    /** The last lines code-server printed, for failure messages. */
    log(): string;
    stop(): Promise<void>;
}

export interface CodeServerOptions {
    /** The folder copied as the workspace (default test/e2e/workspace). */
    workspace?: string;
    /** A packaged extension to install first (`--install-extension`), to test what users install. */
    vsix?: string;
    /** User settings beside the quiet ones. */
    settings?: Record<string, unknown>;
}

/** Installs code-server when missing (test/e2e/code-server-install.sh), then starts it and waits for /healthz. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
    const installDir = execFileSync('bash', [INSTALL_SCRIPT], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    const bin = path.join(installDir, 'node_modules', '.bin', 'code-server');
    const temp = await mkdtemp(path.join(tmpdir(), 'journey-code-server-'));
    const userData = path.join(temp, 'user-data');
    const extensions = path.join(temp, 'extensions');
    const workspace = path.join(temp, 'workspace');
    await mkdir(path.join(userData, 'User'), { recursive: true });
    await mkdir(extensions, { recursive: true });
    await writeFile(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, undefined, 2));
    await cp(options.workspace ?? path.join(REPO, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    const env = {
        ...process.env,
        EXTENSIONS_GALLERY: '{}',
        XDG_CONFIG_HOME: path.join(temp, 'config'),
        XDG_DATA_HOME: path.join(temp, 'data'),
        XDG_CACHE_HOME: path.join(temp, 'cache'),
        TMPDIR: temp
    };
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
    if (options.vsix) {
        execFileSync(bin, [...common, '--install-extension', options.vsix], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    }
    const port = await freePort();
    const lines: string[] = [];
    // detached: its own process group, so that stopping it stops every process it started.
    const server: ChildProcess = spawn(bin, [
        ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
        '--vscode-option', 'enable-smoke-test-driver'
    ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const record = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
    server.stdout?.on('data', record);
    server.stderr?.on('data', record);
    const exited = new Promise<void>(resolve => server.once('exit', () => resolve()));
    const origin = `http://127.0.0.1:${port}`;
    const stop = async () => {
        if (server.exitCode === null && server.pid) {
            try {
                process.kill(-server.pid, 'SIGTERM');
            } catch {
                // already gone
            }
            await within(5_000, 'code-server to stop', exited).catch(() => {
                try {
                    process.kill(-server.pid!, 'SIGKILL');
                } catch {
                    // already gone
                }
            });
        }
        await rm(temp, { recursive: true, force: true });
    };
    try {
        await within(60_000, `code-server to answer ${origin}/healthz; it printed:\n${lines.slice(-20).join('\n')}`, (async () => {
            for (;;) {
                if (server.exitCode !== null) {
                    throw new Error(`code-server exited with code ${server.exitCode}:\n${lines.slice(-20).join('\n')}`);
                }
                const healthy = await fetch(`${origin}/healthz`).then(response => response.ok, () => false);
                if (healthy) {
                    return;
                }
                await new Promise(resolve => setTimeout(resolve, 200));
            }
        })());
    } catch (error) {
        await stop();
        throw error;
    }
    return { origin, port, workspace, log: () => lines.slice(-40).join('\n'), stop };
}

/** Debian's Chromium, headless, allowed to reach only the loopback address. */
export function launchBrowser(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1']
    });
}
