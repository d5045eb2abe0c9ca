import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWithClient, CLIENT_OPTIONS, type JourneyExtensionApi } from './activate.js';
import { serveWorkspaceFiles } from './workspace-files.js';

/**
 * The extension in the browser (package.json `browser`: vscode.dev, github.dev): the language server runs
 * in a Web Worker and reads the workspace through this extension.
 */
let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): JourneyExtensionApi {
    const server = vscode.Uri.joinPath(context.extensionUri, 'out', 'language', 'main-browser.js');
    const worker = new Worker(server.toString(true), { name: 'Journey Maps language server' });
    client = new LanguageClient('journey', 'Journey Maps', worker, CLIENT_OPTIONS);
    serveWorkspaceFiles(client);
    return activateWithClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
