import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWithClient, CLIENT_OPTIONS, type JourneyExtensionApi } from './activate.js';
import { registerMcpServers } from './mcp-server-provider.js';

/** The desktop extension (package.json `main`): the language server is a Node process of its own. */
let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): JourneyExtensionApi {
    client = createClient(context);
    // `journey mcp` is a Node process: an MCP server for the desktop's agent mode only.
    registerMcpServers(vscode, context.extensionPath, (context.extension.packageJSON as { version: string }).version, context.subscriptions);
    return activateWithClient(context, client);
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
    return new LanguageClient('journey', 'Journey Maps', serverOptions, CLIENT_OPTIONS);
}
