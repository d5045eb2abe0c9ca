import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { FromWebviewMessage, RenderedReport } from '../shared/preview-messages.js';
import { registerMcpServers } from './mcp-server-provider.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: LanguageClient | undefined;

/** What the extension gives back to VS Code, and to integration tests. */
export interface JourneyExtensionApi {
    /** Resolves once the language server answered `initialize`. */
    readonly ready: Promise<void>;
    /** What the most recent preview page reported drawing. */
    lastRendered(): RenderedReport | undefined;
    /** Fires whenever a preview page reports what it drew. */
    readonly onDidRender: vscode.Event<RenderedReport>;
    /** Hands the preview of `source` a message as its page would post it (integration tests). */
    previewMessage(source: string, message: FromWebviewMessage): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): JourneyExtensionApi {
    client = createClient(context);
    const previews = new PreviewManager(context.extensionUri, client);
    context.subscriptions.push(previews);
    registerMcpServers(vscode, context.extensionPath, (context.extension.packageJSON as { version: string }).version, context.subscriptions);
    return {
        ready: client.start(),
        lastRendered: () => previews.lastRendered,
        onDidRender: previews.onDidRender,
        previewMessage: (source, message) => previews.deliver(source, message)
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'language', 'main.cjs'));
    // --inspect lets a debugger attach to the server; DEBUG_BREAK makes it wait for one.
    const debugOptions = { execArgv: ['--nolazy', `--inspect${process.env.DEBUG_BREAK ? '-brk' : ''}=${process.env.DEBUG_SOCKET || '6009'}`] };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: debugOptions }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: '*', language: 'journey' }]
    };
    return new LanguageClient('journey', 'Journey Maps', serverOptions, clientOptions);
}
