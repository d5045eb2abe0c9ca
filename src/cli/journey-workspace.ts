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

export interface WorkspaceOptions {
    /** Files loaded with these texts, not with what is on disk (`journey diff`: a file as it was at a git revision). */
    texts?: ReadonlyMap<string, string>;
    /**
     * False: no diagnostics but the syntax errors of the files that have some (what refuses a file that does
     * not parse), for a command that reads only the models (`journey diff`, which builds two workspaces).
     */
    validation?: boolean;
}

/**
 * Loads files into the same Langium services the language server uses and builds them together,
 * so cross-file references and workspace-wide checks behave exactly as in the editor.
 */
export async function loadWorkspace(files: string[], { texts = new Map(), validation = true }: WorkspaceOptions = {}): Promise<LoadedWorkspace> {
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
    await DocumentBuilder.build([...documents.values()], { validation });
    if (!validation) {
        for (const document of documents.values()) {
            if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
                document.diagnostics = await services.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'], stopAfterParsingErrors: true });
            }
        }
    }
    return { services, documents };
}

export function diagnosticsOf(document: LangiumDocument): Diagnostic[] {
    return [...document.diagnostics ?? []].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
