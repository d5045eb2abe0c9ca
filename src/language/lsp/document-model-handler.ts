import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import {
    DocumentModelRequest, DocumentsValidatedNotification, type DocumentModelParams, type DocumentModelResult, type DocumentsValidatedParams
} from '../../shared/protocol.js';
import { buildDocumentModel } from '../map-model-builder.js';

/**
 * Notify, then pull: after each build the server names the validated documents; a client with a
 * preview of one of them asks for its model. Nothing is computed for documents nobody previews.
 *
 * The model of an open document validated at the text the editor has is answered at once, whatever else
 * is being built: in a large workspace the rest of the files are built in the background after the open
 * ones (OpenFirstDocumentBuilder), and the preview waited for all of them (16-24 s at 2,000 files). Any
 * other model (a document edited since its last build, a closed one, one the server does not have) is
 * answered after the builds queued before the request, so that it reflects the latest text: an export
 * right after a keystroke draws that keystroke.
 */
export function registerDocumentModelHandler(connection: Connection, shared: LangiumSharedServices): void {
    const { DocumentBuilder, LangiumDocuments, TextDocuments, WorkspaceLock } = shared.workspace;

    DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const params: DocumentsValidatedParams = { uris: documents.map(document => document.uri.toString()) };
        void connection.sendNotification(DocumentsValidatedNotification, params);
    });

    const validated = (uri: string) => {
        const document = LangiumDocuments.getDocument(URI.parse(uri));
        return document && document.state >= DocumentState.Validated ? document : undefined;
    };
    /** Whether the tree of this open document is of the text the editor has now: the very string, unless an edit came since. */
    const current = (document: LangiumDocument) => {
        const open = TextDocuments?.get(document.uri.toString());
        return open !== undefined && document.parseResult.value.$cstNode?.root.fullText === open.getText();
    };

    connection.onRequest(DocumentModelRequest, (params: DocumentModelParams): DocumentModelResult | Promise<DocumentModelResult> => {
        const document = validated(params.uri);
        if (document && current(document)) {
            return buildDocumentModel(document);
        }
        // A read action runs after the pending builds.
        return WorkspaceLock.read(() => {
            const built = validated(params.uri);
            return built ? buildDocumentModel(built) : null;
        });
    });
}
