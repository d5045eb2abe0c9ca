import { TextDocument, URI, type LangiumDocuments } from 'langium';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';

/**
 * How Langium's open documents are made (NormalizedTextDocuments), a file opened as it is on disk
 * holding the very string its parse holds. Langium keeps the parse of a file read from disk when the
 * editor opens it unchanged, and that parse holds its text (the CST's and the AST's strings are slices
 * of it), so the text the editor sends would be a second copy of it, as large as the file, for as long as
 * it is open. The same content either way.
 */
export function textSharingConfiguration(documents: () => LangiumDocuments): TextDocumentsConfiguration<TextDocument> {
    const parsedText = (uri: string, content: string): string => {
        const parsed = documents().getDocument(URI.parse(uri))?.parseResult.value.$cstNode?.root.fullText;
        return parsed === content ? parsed : content;
    };
    return {
        create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, parsedText(uri, content)),
        update: (document, changes, version) => TextDocument.update(document, changes, version)
    };
}
