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

/**
 * Client → server: the view model of one document, or null when the server does not know it. That of an
 * open document validated at the editor's text comes at once; any other after the builds queued before
 * the request (for a document the server does not know: once they are done, which the tests wait for).
 */
export const DocumentModelRequest = 'journey/documentModel';
export interface DocumentModelParams {
    uri: string;
}
export type DocumentModelResult = JourneyDocumentModel | null;

/*
 * Server → client, from the language server in a browser (vscode.dev, github.dev), which has no file
 * system of its own: the editor finds and reads the workspace's files for it, with `vscode.workspace`
 * (findFiles, fs). A failure (no such file) is an error response.
 */

/** The `.journey` files under a folder, as URIs, skipping the folders the desktop server skips. */
export const FindFilesRequest = 'journey/findFiles';
export interface FindFilesParams {
    folder: string;
}
export type FindFilesResult = string[];
/** What FindFilesRequest looks for, and the folders it skips: hidden ones, `node_modules` and `out`, as the desktop server's walk. */
export const JOURNEY_FILES_GLOB = '**/*.journey';
export const SKIPPED_FOLDERS_GLOB = '**/{.*,node_modules,out}/**';

/** The text of a file (UTF-8). */
export const ReadFileRequest = 'journey/readFile';
export interface ReadFileParams {
    uri: string;
}
export type ReadFileResult = string;

/** What a URI names: a file, a folder, or (an error) nothing. */
export const StatRequest = 'journey/stat';
export interface StatParams {
    uri: string;
}
export interface StatResult {
    isFile: boolean;
    isDirectory: boolean;
}

/** The entries of a folder. */
export const ReadDirectoryRequest = 'journey/readDirectory';
export interface ReadDirectoryParams {
    uri: string;
}
export type ReadDirectoryResult = (StatResult & { uri: string })[];
