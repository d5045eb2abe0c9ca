import { URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { JourneySharedServices } from '../journey-module.js';

/**
 * Opening a file brings the files beside it when it lies outside the workspace (see
 * JourneyWorkspaceManager). Closing one drops its unsaved text: the document goes back to the stored file
 * (on disk, or in the browser's workspace), or leaves the workspace when there is no such file (an
 * untitled or deleted one), and the documents that depend on it are rebuilt. Without this, text an editor discarded ("Don't Save") would
 * keep its declarations, and the diagnostics they cause, alive in the other files.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    readonly #shared: JourneySharedServices;

    constructor(shared: JourneySharedServices) {
        super(shared);
        this.#shared = shared;
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const { WorkspaceManager } = this.#shared.workspace;
        void WorkspaceManager.ready
            .then(() => WorkspaceManager.filesBeside(URI.parse(event.document.uri)))
            .then(files => {
                if (files.length > 0) {
                    this.fireDocumentUpdate(files, []);
                }
            });
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const { WorkspaceManager, TextDocuments } = this.#shared.workspace;
        const uri = URI.parse(event.document.uri);
        void WorkspaceManager.isStored(uri).then(stored => {
            if (stored) {
                this.fireDocumentUpdate([uri], []);
            } else if (!TextDocuments?.get(uri)) {
                // Not if the editor opened it again meanwhile: the open text is the document now.
                this.fireDocumentUpdate([], [uri]);
            }
        });
    }
}
