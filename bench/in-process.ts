/**
 * Entry of the in-process bundle (see bundle.ts): the language services and the view model exactly as
 * the server builds them, for the profiling drivers.
 */
export { createJourneyServices } from '../src/language/journey-module.ts';
export { buildDocumentModel } from '../src/language/map-model-builder.ts';
export { EmptyFileSystem, URI, DocumentState } from 'langium';
export { NodeFileSystem } from 'langium/node';
export { setTextDocument } from 'langium/test';
export { TextDocument } from 'vscode-languageserver-textdocument';
// For the equivalence checks of the optimisations (bench/check-equivalence.ts).
export { DefaultTokenBuilder } from 'langium';
export { DefaultCompletionProvider } from 'langium/lsp';
export { Lexer as ChevrotainLexer } from 'chevrotain';
export { ValueConverter } from 'langium';
export { convertString } from '../src/language/fast/journey-value-converter.ts';
export { forEachReference } from '../src/language/fast/ast-traversal.ts';
export { AstUtils, DefaultReferenceDescriptionProvider } from 'langium';
export { CancellationToken } from 'vscode-languageserver';
export { DefaultDocumentValidator } from 'langium';
export { DefaultAstNodeLocator } from 'langium';
