import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { createJourneyServices } from '../../src/language/journey-module.js';

export type TestServices = ReturnType<typeof createJourneyServices>;

export function createServices(): TestServices {
    return createJourneyServices(EmptyFileSystem);
}

export function uriOf(name: string): URI {
    return URI.parse(`file:///workspace/${name}`);
}

/**
 * Opens files as the editor does (text documents) and builds them together, so cross-file
 * references and workspace-wide checks behave as in the language server.
 */
export async function openWorkspace(services: TestServices, files: Record<string, string>): Promise<Record<string, LangiumDocument>> {
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        const textDocument = TextDocument.create(uriOf(name).toString(), 'journey', 1, text);
        setTextDocument(services.Journey, textDocument);
        documents[name] = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
        services.shared.workspace.LangiumDocuments.addDocument(documents[name]);
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return documents;
}

/** Edits a file as the editor does: a new version of its text, then the incremental update. */
export async function editFile(services: TestServices, name: string, text: string, version = 2): Promise<LangiumDocument> {
    setTextDocument(services.Journey, TextDocument.create(uriOf(name).toString(), 'journey', version, text));
    await services.shared.workspace.DocumentBuilder.update([uriOf(name)], []);
    return services.shared.workspace.LangiumDocuments.getDocument(uriOf(name))!;
}

/** `code severity line:col-line:col` for every diagnostic: compact, exact and readable in a failure. */
export function summarise(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(summariseDiagnostic).sort();
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function summariseDiagnostic(diagnostic: Diagnostic): string {
    return `${diagnostic.code} ${SEVERITY[diagnostic.severity ?? 1]} ${rangeText(diagnostic.range)}`;
}

export function rangeText(range: Range): string {
    return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/**
 * Text with ranges marked as `«like this»`: returns the text without the marks and the marked ranges
 * as `line:col-line:col` (1-based), so a test states exactly where a diagnostic must be.
 */
export function marked(input: string): { text: string, ranges: string[] } {
    let text = '';
    const ranges: string[] = [];
    let start: { line: number, character: number } | undefined;
    let line = 0;
    let character = 0;
    for (const char of input) {
        if (char === '«') {
            start = { line, character };
        } else if (char === '»') {
            ranges.push(rangeText({ start: start!, end: { line, character } }));
        } else {
            text += char;
            if (char === '\n') {
                line++;
                character = 0;
            } else {
                character++;
            }
        }
    }
    return { text, ranges };
}
