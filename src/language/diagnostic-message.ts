import type { Diagnostic } from 'vscode-languageserver';

/** A diagnostic's message as text: LSP allows Markdown content too, whose text is its value. */
export function diagnosticMessage(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value;
}
