import { readFile, stat } from 'node:fs/promises';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices, type JourneyServices } from '../language/journey-module.js';
import { displayPath, UsageError } from './cli-util.js';

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
    /** Told how far loading and building have gone: what is being done, and to how many of the files. */
    progress?: (step: string, done: number, total: number) => void;
}

/** Files read at the same time (well under the usual limit of open files). */
const READ_AT_ONCE = 64;

/** At most one progress report in this many milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Loads files into the same Langium services the language server uses and builds them together,
 * so cross-file references and workspace-wide checks behave exactly as in the editor.
 */
export async function loadWorkspace(files: string[], { texts = new Map(), validation = true, progress }: WorkspaceOptions = {}): Promise<LoadedWorkspace> {
    const services = createJourneyServices(NodeFileSystem).Journey;
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const report = throttled(progress);
    const documents = new Map<string, LangiumDocument>();
    for (const [i, text] of (await readTexts(files, texts)).entries()) {
        const document = LangiumDocumentFactory.fromString(text, URI.file(files[i]));
        LangiumDocuments.addDocument(document);
        documents.set(files[i], document);
        report('reading', i + 1, files.length);
    }
    const phases = ([[DocumentState.Linked, 'linking'], [DocumentState.Validated, 'checking']] as const).map(([state, step]) => {
        let done = 0;
        return DocumentBuilder.onDocumentPhase(state, () => report(step, ++done, files.length));
    });
    await DocumentBuilder.build([...documents.values()], { validation });
    phases.forEach(phase => phase.dispose());
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

/**
 * The texts of the files, `texts` taken first, the others read READ_AT_ONCE at a time; a `UsageError` names
 * the first file (in the order given) that cannot be read.
 */
export async function readTexts(files: string[], texts: ReadonlyMap<string, string> = new Map()): Promise<string[]> {
    const read = await inBatches(files, file => texts.has(file) ? Promise.resolve({ text: texts.get(file)! })
        : readFile(file, 'utf-8').then(text => ({ text }), (error: NodeJS.ErrnoException) => ({ error })));
    return read.map((result, i) => {
        if ('error' in result) {
            throw new UsageError(`${displayPath(files[i])}: cannot read it (${result.error.code ?? result.error.message})`);
        }
        return result.text;
    });
}

/** The sizes of the files in bytes, READ_AT_ONCE at a time; 0 for a file that cannot be read (`readTexts` says why). */
export function fileSizes(files: string[]): Promise<number[]> {
    return inBatches(files, file => stat(file).then(info => info.size, () => 0));
}

/** `read` of each file, READ_AT_ONCE at a time, in the files' order. */
async function inBatches<T>(files: string[], read: (file: string) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    for (let start = 0; start < files.length; start += READ_AT_ONCE) {
        results.push(...await Promise.all(files.slice(start, start + READ_AT_ONCE).map(read)));
    }
    return results;
}

/** `progress`, called at most every PROGRESS_INTERVAL_MS, and always for the last file of a step. */
export function throttled(progress: WorkspaceOptions['progress']): (step: string, done: number, total: number) => void {
    let last = 0;
    return (step, done, total) => {
        const now = performance.now();
        if (progress && (now - last >= PROGRESS_INTERVAL_MS || done === total)) {
            last = now;
            progress(step, done, total);
        }
    };
}
