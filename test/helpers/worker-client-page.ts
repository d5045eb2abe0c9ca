// The page script of test/helpers/worker-server-page.ts, bundled for the browser when the tests start: a real
// JSON-RPC client (vscode-jsonrpc's, re-exported by vscode-languageserver-protocol/browser, on its BrowserMessageReader/Writer)
// talking to the language server's Web Worker bundle, and standing in for the editor's workspace as
// src/extension/workspace-files.ts does: it finds, reads and lists the files of an in-page folder.
import {
    BrowserMessageReader, BrowserMessageWriter, ConfigurationRequest, createMessageConnection, ErrorCodes, PublishDiagnosticsNotification,
    ResponseError, type ConfigurationParams, type Diagnostic
} from 'vscode-languageserver-protocol/browser';
import {
    FindFilesRequest, ReadDirectoryRequest, ReadFileRequest, StatRequest,
    type FindFilesParams, type FindFilesResult, type ReadDirectoryParams, type ReadDirectoryResult, type ReadFileParams,
    type ReadFileResult, type StatParams, type StatResult
} from '../../src/shared/protocol.js';

/** A request or notification from the server. */
export interface ServerMessage {
    method: string;
    params: unknown;
}

/** What the page offers the test (through `page.evaluate`). */
export interface WorkerClient {
    /** Stores files in the editor's workspace (URI → text), or removes those given `null`. */
    store(files: Record<string, string | null>): void;
    request(method: string, params: unknown): Promise<unknown>;
    notify(method: string, params: unknown): Promise<void>;
    /** The diagnostics last published for each URI. */
    readonly diagnostics: Record<string, Diagnostic[]>;
    /** Every request and notification from the server but diagnostics, in order. */
    readonly received: ServerMessage[];
}

declare global {
    interface Window {
        journeyClient: WorkerClient;
    }
}

const files = new Map<string, string>();
const received: ServerMessage[] = [];
const diagnostics: Record<string, Diagnostic[]> = {};

const worker = new Worker('/main-browser.js');
const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));

/** Answers the server's requests of one method, and records them. */
function serve<P>(method: string, answer: (params: P) => unknown): void {
    connection.onRequest(method, (params: P) => {
        received.push({ method, params });
        return answer(params);
    });
}

function notFound(uri: string): ResponseError {
    return new ResponseError(ErrorCodes.InvalidParams, `No such file or folder: ${uri}`);
}

/** The URIs directly inside a folder, files and folders, from the stored files' URIs. */
function children(folder: string): ReadDirectoryResult {
    const entries = new Map<string, StatResult>();
    for (const uri of files.keys()) {
        if (uri.startsWith(`${folder}/`)) {
            const [name, ...below] = uri.slice(folder.length + 1).split('/');
            entries.set(`${folder}/${name}`, { isFile: below.length === 0, isDirectory: below.length > 0 });
        }
    }
    return [...entries].map(([uri, kind]) => ({ uri, ...kind }));
}

serve(FindFilesRequest, ({ folder }: FindFilesParams): FindFilesResult =>
    [...files.keys()].filter(uri => uri.startsWith(`${folder}/`) && uri.endsWith('.journey')));
serve(ReadFileRequest, ({ uri }: ReadFileParams): ReadFileResult => {
    const text = files.get(uri);
    if (text === undefined) {
        throw notFound(uri);
    }
    return text;
});
serve(StatRequest, ({ uri }: StatParams): StatResult => {
    if (files.has(uri)) {
        return { isFile: true, isDirectory: false };
    }
    if (children(uri).length > 0) {
        return { isFile: false, isDirectory: true };
    }
    throw notFound(uri);
});
serve(ReadDirectoryRequest, ({ uri }: ReadDirectoryParams): ReadDirectoryResult => children(uri));
serve(ConfigurationRequest.method, ({ items }: ConfigurationParams) => items.map(() => null));
// Anything else (capability registrations, say) is taken as VS Code takes it.
connection.onRequest((method, params) => {
    received.push({ method, params });
    return null;
});
connection.onNotification(PublishDiagnosticsNotification.type, params => {
    diagnostics[params.uri] = params.diagnostics;
});
connection.onNotification((method, params) => {
    received.push({ method, params });
});
connection.listen();

window.journeyClient = {
    store(entries) {
        for (const [uri, text] of Object.entries(entries)) {
            if (text === null) {
                files.delete(uri);
            } else {
                files.set(uri, text);
            }
        }
    },
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    diagnostics,
    received
};
