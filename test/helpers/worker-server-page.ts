import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    FileChangeType, InitializedNotification, InitializeRequest, type ClientCapabilities, type Diagnostic, type InitializeParams, type InitializeResult, type WorkspaceFolder
} from 'vscode-languageserver-protocol';
import type { ServerMessage } from './worker-client-page.js';
import { FULL_CAPABILITIES } from './language-server-process.js';
import { watchedPage } from './preview-page.js';

/** The language server's Web Worker bundle, as the extension in the browser starts it. */
const WORKER_BUNDLE = fileURLToPath(new URL('../../out/language/main-browser.js', import.meta.url));
const CLIENT_SCRIPT = fileURLToPath(new URL('./worker-client-page.ts', import.meta.url));

/** What VS Code's client declares in the browser too: a file system watcher the server may register. */
const WEB_CLIENT_CAPABILITIES: ClientCapabilities = {
    ...FULL_CAPABILITIES,
    workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } }
};

const PAGE = '<!doctype html><meta charset="utf-8"><title>Journey Maps language server in a Web Worker</title><script src="/client.js"></script>';

/**
 * A page on 127.0.0.1 that starts the language server's worker bundle (out/language/main-browser.js) and
 * talks LSP to it with a real client (test/helpers/worker-client-page.ts), which also plays the editor's
 * workspace: files stored in the page, found, read and listed for the server on request.
 */
export class WorkerServerPages {
    readonly #server: Server;

    private constructor(server: Server) {
        this.#server = server;
    }

    static async start(): Promise<WorkerServerPages> {
        const client = await build({ entryPoints: [CLIENT_SCRIPT], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'warning' });
        const scripts: Record<string, () => Promise<string | Uint8Array>> = {
            '/client.js': () => Promise.resolve(client.outputFiles[0].contents),
            '/main-browser.js': () => readFile(WORKER_BUNDLE)
        };
        const server = createServer((request, response) => {
            const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
            if (path === '/') {
                response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
                return;
            }
            const script = scripts[path];
            if (!script) {
                response.writeHead(404).end();
                return;
            }
            script().then(content => response.writeHead(200, { 'content-type': 'text/javascript' }).end(content),
                (error: unknown) => response.writeHead(500).end(String(error)));
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        return new WorkerServerPages(server);
    }

    get origin(): string {
        return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    }

    /** A new page with a server in its worker, not yet initialized. */
    async open(browser: Browser): Promise<WorkerServerPage> {
        const { page, problems } = await watchedPage(browser, this.origin);
        await page.goto(this.origin);
        await page.waitForFunction(() => 'journeyClient' in window);
        return new WorkerServerPage(page, problems);
    }

    close(): Promise<void> {
        return new Promise(resolve => this.#server.close(() => resolve()));
    }
}

export class WorkerServerPage {
    readonly page: Page;
    /** Errors, console errors and dialogs of the page: none for a server that works. */
    readonly problems: string[];

    constructor(page: Page, problems: string[]) {
        this.page = page;
        this.problems = problems;
    }

    /** Puts files in the editor's workspace (URI → text; `null` removes one): what the server finds and reads. */
    store(files: Record<string, string | null>): Promise<void> {
        return this.page.evaluate(entries => window.journeyClient.store(entries), files);
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.page.evaluate(([m, p]) => window.journeyClient.request(m, p), [method, params] as const) as Promise<R>;
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.page.evaluate(([m, p]) => window.journeyClient.notify(m, p), [method, params] as const);
    }

    /** `initialize` and `initialized`, as VS Code's client sends them, for these workspace folders. */
    async initialize(workspaceFolders: WorkspaceFolder[] | null): Promise<InitializeResult> {
        const params: InitializeParams = { processId: null, rootUri: workspaceFolders?.[0]?.uri ?? null, workspaceFolders, capabilities: WEB_CLIENT_CAPABILITIES };
        const result = await this.request<InitializeResult>(InitializeRequest.method, params);
        await this.notify(InitializedNotification.method, {});
        return result;
    }

    open(uri: string, text: string): Promise<void> {
        return this.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'journey', version: 1, text } });
    }

    change(uri: string, version: number, text: string): Promise<void> {
        return this.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    close(uri: string): Promise<void> {
        return this.notify(DidCloseTextDocumentNotification.method, { textDocument: { uri } });
    }

    /** Tells the server that stored files changed, as the client's file watcher does. */
    filesChanged(changes: { uri: string, type: 'created' | 'changed' | 'deleted' }[]): Promise<void> {
        const types = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };
        return this.notify(DidChangeWatchedFilesNotification.method, { changes: changes.map(change => ({ uri: change.uri, type: types[change.type] })) });
    }

    /** Every request and notification from the server but diagnostics, in order. */
    received(): Promise<ServerMessage[]> {
        return this.page.evaluate(() => window.journeyClient.received);
    }

    /** Waits, at most `timeoutMs`, until the diagnostics published for `uri` satisfy `predicate`; then returns their codes. */
    async waitForDiagnostics(uri: string, predicate: (codes: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
        const deadline = Date.now() + timeoutMs;
        let last: Diagnostic[] | undefined;
        for (;;) {
            last = await this.page.evaluate(u => window.journeyClient.diagnostics[u] as Diagnostic[] | undefined, uri);
            const codes = (last ?? []).map(diagnostic => String(diagnostic.code)).sort();
            if (last && predicate(codes)) {
                return codes;
            }
            if (Date.now() > deadline) {
                throw new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${JSON.stringify(last)}`);
            }
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }
}
