import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';

const SERVER = fileURLToPath(new URL('../../out/language/main.cjs', import.meta.url));

/**
 * The bundled language server, started as VS Code would start it but over stdio, and a real LSP
 * client connection to it. Settings are answered from `settings`, which a test may change.
 */
export class LanguageServerProcess {
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    settings: Record<string, unknown> = {};
    readonly #process: ChildProcessWithoutNullStreams;
    readonly #stderr: string[] = [];
    readonly #listeners = new Set<() => void>();
    #folder: string | undefined;

    /** A server initialized on a new temporary workspace folder holding these files; `stop` removes it. */
    static async startInFolder(files: Record<string, string>): Promise<LanguageServerProcess> {
        const folder = await mkdtemp(path.join(tmpdir(), 'journey-lsp-'));
        for (const [name, text] of Object.entries(files)) {
            await writeFile(path.join(folder, name), text);
        }
        const server = new LanguageServerProcess();
        server.#folder = folder;
        await server.initialize(folder);
        return server;
    }

    /** The URI of a file of the workspace folder. */
    uriOf(name: string): string {
        return `file://${this.#folder}/${name}`;
    }

    constructor() {
        this.#process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
        this.#process.stderr.on('data', chunk => this.#stderr.push(String(chunk)));
        this.connection = createProtocolConnection(new StreamMessageReader(this.#process.stdout), new StreamMessageWriter(this.#process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.#listeners.forEach(listener => listener());
        });
        this.connection.onRequest(ConfigurationRequest.type, params =>
            params.items.map(item => item.section ? this.settings[item.section] ?? null : null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.listen();
    }

    async initialize(workspaceFolder: string): Promise<void> {
        const uri = `file://${workspaceFolder}`;
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: uri,
            workspaceFolders: [{ uri, name: 'workspace' }],
            capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
                    completion: { completionItem: { snippetSupport: false } }
                }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    async open(uri: string, text: string): Promise<void> {
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'journey', version: 1, text } });
    }

    async change(uri: string, version: number, text: string): Promise<void> {
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async configure(settings: Record<string, unknown>): Promise<void> {
        this.settings = settings;
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }

    /** Waits, at most `timeoutMs`, until the diagnostics published for `uri` satisfy `predicate`. */
    waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const current = this.diagnostics.get(uri);
                if (current && predicate(current)) {
                    cleanup();
                    resolve(current);
                }
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${JSON.stringify(this.diagnostics.get(uri))}; server stderr: ${this.#stderr.join('')}`));
            }, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                this.#listeners.delete(check);
            };
            this.#listeners.add(check);
            check();
        });
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

    get exitCode(): number | null {
        return this.#process.exitCode;
    }
}
