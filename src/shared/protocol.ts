import type { JourneyDocumentModel } from '../map/model.js';

/**
 * The custom LSP messages between the language server and its clients. Names and parameter types live
 * here once, for both sides.
 */

/** Server → client, after every build: the documents whose diagnostics (and so maps) were recomputed. */
export const DocumentsValidatedNotification = 'journey/documentsValidated';
export interface DocumentsValidatedParams {
    uris: string[];
}

/** Client → server: the view model of one document, or null when the server does not know it. */
export const DocumentModelRequest = 'journey/documentModel';
export interface DocumentModelParams {
    uri: string;
}
export type DocumentModelResult = JourneyDocumentModel | null;
