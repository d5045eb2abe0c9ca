import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import {
    DocumentModelRequest, DocumentsValidatedNotification, type DocumentModelParams, type DocumentModelResult, type DocumentsValidatedParams
} from '../../shared/protocol.js';
import { buildDocumentModel } from '../map-model-builder.js';

/**
 * Notify, then pull: after each build the server names the validated documents; a client with a
 * preview of one of them asks for its model. Nothing is computed for documents nobody previews.
 */
export function registerDocumentModelHandler(connection: Connection, shared: LangiumSharedServices): void {
    const { DocumentBuilder, LangiumDocuments, WorkspaceLock } = shared.workspace;

    DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const params: DocumentsValidatedParams = { uris: documents.map(document => document.uri.toString()) };
        void connection.sendNotification(DocumentsValidatedNotification, params);
    });

    connection.onRequest(DocumentModelRequest, (params: DocumentModelParams): Promise<DocumentModelResult> =>
        // A read action runs after pending builds, so the model reflects the latest validated text.
        WorkspaceLock.read(() => {
            const document = LangiumDocuments.getDocument(URI.parse(params.uri));
            return document && document.state >= DocumentState.Validated ? buildDocumentModel(document) : null;
        }));
}
