import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { FromWebviewMessage, RenderedReport } from '../shared/preview-messages.js';
import { PreviewManager } from './preview/preview-manager.js';

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

/** The client's options, on the desktop and in the browser: every `.journey` document, whatever its scheme. */
export const CLIENT_OPTIONS: LanguageClientOptions = {
    documentSelector: [{ scheme: '*', language: 'journey' }]
};

/**
 * The extension once its language client exists, the same on the desktop (a Node server) and in the
 * browser (a server in a Web Worker): the preview, its commands and exports, and the API.
 */
export function activateWithClient(context: vscode.ExtensionContext, client: BaseLanguageClient): JourneyExtensionApi {
    const previews = new PreviewManager(context.extensionUri, client);
    context.subscriptions.push(previews);
    return {
        ready: client.start(),
        lastRendered: () => previews.lastRendered,
        onDidRender: previews.onDidRender,
        previewMessage: (source, message) => previews.deliver(source, message)
    };
}
