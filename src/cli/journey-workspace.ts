import { readFile } from 'node:fs/promises';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices, type JourneyServices } from '../language/journey-module.js';
import { UsageError } from './cli-util.js';

export interface LoadedWorkspace {
    services: JourneyServices;
    documents: Map<string, LangiumDocument>;
}

/**
 * Loads files into the same Langium services the language server uses and builds them together,
 * so cross-file references and workspace-wide checks behave exactly as in the editor. A file in `texts`
 * is loaded with that text, not with what is on disk (`journey diff`: a file as it was at a git revision).
 */
export async function loadWorkspace(files: string[], texts: ReadonlyMap<string, string> = new Map()): Promise<LoadedWorkspace> {
    const services = createJourneyServices(NodeFileSystem).Journey;
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = new Map<string, LangiumDocument>();
    for (const file of files) {
        const text = texts.get(file) ?? await readFile(file, 'utf-8').catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`${file}: cannot read it (${error.code ?? error.message})`);
        });
        const document = LangiumDocumentFactory.fromString(text, URI.file(file));
        LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await DocumentBuilder.build([...documents.values()], { validation: true });
    return { services, documents };
}

export function diagnosticsOf(document: LangiumDocument): Diagnostic[] {
    return [...document.diagnostics ?? []].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
