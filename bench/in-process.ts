/**
 * Entry of the in-process bundle (see bundle.ts): the language services and the view model exactly as
 * the server builds them, for the profiling drivers.
 */
export { createJourneyServices } from '../src/language/journey-module.ts';
export { buildDocumentModel } from '../src/language/preview/journey-view-model.ts';
export { EmptyFileSystem, URI, DocumentState } from 'langium';
export { NodeFileSystem } from 'langium/node';
export { setTextDocument } from 'langium/test';
export { TextDocument } from 'vscode-languageserver-textdocument';
