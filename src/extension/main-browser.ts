import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWithClient, CLIENT_OPTIONS, type JourneyExtensionApi } from './activate.js';
import { serveWorkspaceFiles } from './workspace-files.js';

/**
 * The extension in the browser (package.json `browser`: vscode.dev, github.dev): the language server runs
 * in a Web Worker and reads the workspace through this extension.
 */
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'out', 'language', 'main-browser.js'));
    client = new LanguageClient('journey', 'Journey Maps', worker, CLIENT_OPTIONS);
    serveWorkspaceFiles(client);
    return activateWithClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/**
 * The language server's worker. VS Code refuses a worker whose script lies on a remote (an extension
 * installed in code-server or another VS Code server, run in the browser's extension host): "Creating
 * workers from remote extensions is currently not supported". The script is fetched then (VS Code's fetch
 * reads remote resources) and started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
    const options: WorkerOptions = { name: 'Journey Maps language server' };
    if (script.scheme !== 'vscode-remote') {
        return new Worker(script.toString(true), options);
    }
    const response = await fetch(script.toString(true));
    if (!response.ok) {
        throw new Error(`Could not load the language server from ${script.toString(true)}: HTTP ${response.status}`);
    }
    return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })), options);
}
