import * as vscode from 'vscode';
import { previewPageHtml } from '../../shared/preview-page.js';
import type { PreviewPageState } from '../../shared/preview-messages.js';

/** The only folder the page may load from: the bundled webview script and styles. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'out', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableForms: false,
        localResourceRoots: [webviewRoot(extensionUri)]
    };
}

/** The page for a panel, with a fresh nonce each time it is set. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, state: PreviewPageState): string {
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
    return previewPageHtml({
        cspSource: webview.cspSource,
        nonce: nonce(),
        scriptUri: asset('preview.js'),
        styleUri: asset('preview.css'),
        state
    });
}

/** 128 random bits, base64: Web Crypto, the same in VS Code's Node extension host and in the browser's. */
function nonce(): string {
    return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
