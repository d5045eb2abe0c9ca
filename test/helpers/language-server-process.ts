import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    ApplyWorkspaceEditRequest, ConfigurationRequest, createMessageConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type ClientCapabilities, type CompletionItemKind, type ConfigurationParams, type Diagnostic, type InitializeParams, type InitializeResult, type MessageConnection, type SymbolKind
} from 'vscode-languageserver-protocol/node';
import { DocumentModelRequest } from '../../src/shared/protocol.ts';

/** The bundled server, which is also the package's `journey-language-server` command. */
export const SERVER = fileURLToPath(new URL('../../out/language/main.cjs', import.meta.url));

/** A document no workspace of the tests holds. */
const NOT_IN_THE_WORKSPACE = 'file:///not-in-the-workspace.journey';

/** Every kind from 1 to the last: a client's `valueSet`. */
const ALL = <T extends number>(last: T): T[] => Array.from({ length: last }, (_, i) => (i + 1) as T);

/** What VS Code declares, for the features this server has. */
export const FULL_CAPABILITIES: ClientCapabilities = {
    workspace: {
        applyEdit: true,
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        codeLens: { refreshSupport: true },
        symbol: { symbolKind: { valueSet: ALL<SymbolKind>(26) } }
    },
    textDocument: {
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] }, completionItemKind: { valueSet: ALL<CompletionItemKind>(25) } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: ALL<SymbolKind>(26) } },
        codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
            isPreferredSupport: true,
            dataSupport: true
        },
        rename: { prepareSupport: true }
    }
};

/** A request or notification the server sent to the client. */
export interface ServerMessage {
    method: string;
    params: unknown;
}

export interface StartOptions {
    /** What the client declares; FULL_CAPABILITIES unless given. */
    capabilities?: ClientCapabilities;
    /**
     * The workspace the client names, from the temporary folder: by default that folder as `rootUri`
     * and as the only workspace folder.
     */
    workspace?: (folder: string) => Pick<InitializeParams, 'rootUri' | 'workspaceFolders'> & { rootPath?: string | null };
    /** Environment variables for the server process, beside this process's own, from the temporary folder. */
    env?: (folder: string) => Record<string, string>;
    /** The server's command-line arguments; `--stdio` unless given. */
    args?: string[];
}

/** The initialize parameters of a workspace of one folder, as VS Code sends them, with every capability VS Code declares. */
export function folderParams(folder: string): InitializeParams {
    return { processId: process.pid, ...workspaceOf(folder), capabilities: FULL_CAPABILITIES };
}

function workspaceOf(folder: string): Pick<InitializeParams, 'rootUri' | 'workspaceFolders'> {
    const uri = `file://${folder}`;
    return { rootUri: uri, workspaceFolders: [{ uri, name: 'workspace' }] };
}

/**
 * The bundled language server, started as VS Code would start it but over stdio, and a real LSP
 * client connection to it. Settings are answered from `settings`, which a test may change; every
 * request and notification the server sends is recorded.
 */
export class LanguageServerProcess {
    readonly connection: MessageConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Requests from the server, in the order they came (answered as a VS Code-like client would). */
    readonly requests: ServerMessage[] = [];
    /** Notifications from the server other than diagnostics, in order. */
    readonly notifications: ServerMessage[] = [];
    settings: Record<string, unknown> = {};
    initializeResult: InitializeResult | undefined;
    readonly #process: ChildProcessWithoutNullStreams;
    readonly #stderr: string[] = [];
    readonly #listeners = new Set<() => void>();
    #folder: string | undefined;

    /**
     * A server initialized on a new temporary folder holding these files (names may contain folders);
     * `stop` removes it.
     */
    static async startInFolder(files: Record<string, string>, options: StartOptions = {}): Promise<LanguageServerProcess> {
        const folder = await mkdtemp(path.join(tmpdir(), 'journey-lsp-'));
        for (const [name, text] of Object.entries(files)) {
            await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
            await writeFile(path.join(folder, name), text);
        }
        const server = new LanguageServerProcess(options.env?.(folder), options.args);
        server.#folder = folder;
        const workspace = options.workspace?.(folder) ?? workspaceOf(folder);
        await server.initialize({ processId: process.pid, ...workspace, capabilities: options.capabilities ?? FULL_CAPABILITIES });
        return server;
    }

    /** The URI of a file of the temporary folder. */
    uriOf(name: string): string {
        return `file://${this.#folder}/${name}`;
    }

    /** The path of the temporary folder. */
    get folder(): string {
        return this.#folder!;
    }

    constructor(env: Record<string, string> = {}, args = ['--stdio']) {
        this.#process = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe', env: { ...process.env, ...env } });
        this.#process.stderr.on('data', chunk => this.#stderr.push(String(chunk)));
        this.connection = createMessageConnection(new StreamMessageReader(this.#process.stdout), new StreamMessageWriter(this.#process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.#changed();
        });
        this.connection.onNotification((method, params) => {
            this.notifications.push({ method, params });
            this.#changed();
        });
        this.connection.onRequest((method, params) => {
            this.requests.push({ method, params });
            this.#changed();
            return this.#answer(method, params);
        });
        this.connection.listen();
    }

    #answer(method: string, params: unknown): unknown {
        switch (method) {
            case ConfigurationRequest.method:
                return (params as ConfigurationParams).items.map(item => item.section ? this.settings[item.section] ?? null : null);
            case ApplyWorkspaceEditRequest.method:
                return { applied: true };
            default:
                return null;
        }
    }

    async initialize(params: InitializeParams): Promise<void> {
        this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, params);
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    async open(uri: string, text: string): Promise<void> {
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'journey', version: 1, text } });
    }

    async change(uri: string, version: number, text: string): Promise<void> {
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    async configure(settings: Record<string, unknown>): Promise<void> {
        this.settings = settings;
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }

    /**
     * Waits until every build queued so far has finished and its diagnostics have been published: the
     * server answers the model of a document it does not have (null) after the builds queued before the
     * request, as any model but that of an open, current, validated document (document-model-handler.ts).
     */
    async settle(): Promise<void> {
        await this.connection.sendRequest(DocumentModelRequest, { uri: NOT_IN_THE_WORKSPACE });
    }

    /** Waits, at most `timeoutMs`, until the diagnostics published for `uri` satisfy `predicate`. */
    waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
        return this.#waitFor(() => {
            const current = this.diagnostics.get(uri);
            return current && predicate(current) ? current : undefined;
        }, timeoutMs, () => `No matching diagnostics for ${uri}; last published: ${JSON.stringify(this.diagnostics.get(uri))}`);
    }

    /** Waits, at most `timeoutMs`, for a notification (other than diagnostics) of this method that satisfies `predicate`. */
    waitForNotification(method: string, predicate: (params: unknown) => boolean = () => true, timeoutMs = 10_000): Promise<unknown> {
        return this.#waitFor(() => this.notifications.find(n => n.method === method && predicate(n.params))?.params,
            timeoutMs, () => `No matching ${method} notification; received: ${JSON.stringify(this.notifications)}`);
    }

    #waitFor<T>(found: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const result = found();
                if (result !== undefined) {
                    cleanup();
                    resolve(result);
                }
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`${failure()} (within ${timeoutMs} ms); server stderr: ${this.#stderr.join('')}`));
            }, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                this.#listeners.delete(check);
            };
            this.#listeners.add(check);
            check();
        });
    }

    #changed(): void {
        this.#listeners.forEach(listener => listener());
    }

    async stop(): Promise<void> {
        const exited = new Promise(resolve => this.#process.once('exit', resolve));
        try {
            await this.connection.sendRequest(ShutdownRequest.type);
            await this.connection.sendNotification(ExitNotification.type);
        } finally {
            const killer = setTimeout(() => this.#process.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(killer);
            this.connection.dispose();
            if (this.#folder) {
                await rm(this.#folder, { recursive: true, force: true });
            }
        }
    }

    /** The server process's id. */
    get pid(): number {
        return this.#process.pid!;
    }

    get exitCode(): number | null {
        return this.#process.exitCode;
    }
}
