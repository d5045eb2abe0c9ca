import { TextDocument, type LangiumDocument } from 'langium';
import type { WorkspaceEdit } from 'vscode-languageserver';

/** The texts of the given documents after a WorkspaceEdit, as a client applies it, keyed by file name. */
export function applyWorkspaceEdit(documents: Record<string, LangiumDocument>, edit: WorkspaceEdit | undefined): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const [name, document] of Object.entries(documents)) {
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        texts[name] = TextDocument.applyEdits(document.textDocument, edits);
    }
    return texts;
}
