import { parentPort } from 'node:worker_threads';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createJourneyServices } from '../../language/journey-module.js';
import { UsageError } from '../cli-util.js';
import { diagnosticsOf, readTexts } from '../journey-workspace.js';
import { RecordingLinker } from './recording-linker.js';
import { ShareIndexManager } from './share-index-manager.js';
import type { ParsedFile, ReferenceTargets, ShareMessage, ShareRequest, ShareStep, ShareSteps } from './share-protocol.js';

type ShareHandlers = { [S in ShareStep]: (input: ShareSteps[S]['input']) => Promise<ShareSteps[S]['output']> };

/**
 * A thread of `journey validate` (parallel-validation.ts): it builds its share of the workspace with the
 * services of one process, told between the steps what the other threads found (share-protocol.ts).
 */
class WorkspaceShare implements ShareHandlers {
    readonly #services = createJourneyServices({ ...NodeFileSystem, indexManager: shared => new ShareIndexManager(shared) },
        { references: { Linker: services => new RecordingLinker(services) } }).Journey;
    readonly #own: LangiumDocument[] = [];
    /** The names the references of each document parsed here use, by its URI. */
    readonly #uses = new Map<string, string[]>();

    async parse({ files }: ShareSteps['parse']['input']): Promise<ParsedFile[]> {
        const documents = await this.#add(files, 'reading');
        this.#own.push(...documents);
        const { ScopeComputation } = this.#services.references;
        return Promise.all(documents.map(async document => {
            const exports = await ScopeComputation.collectExportedSymbols(document);
            return {
                exports: exports.map(({ name, type, path, nameSegment, selectionSegment }) => ({ name, type, path, nameSegment, selectionSegment })),
                uses: this.#uses.get(document.uri.toString())!
            };
        }));
    }

    async link({ workspace, others }: ShareSteps['link']['input']): Promise<ReferenceTargets> {
        this.#indexManager.addWorkspace(workspace);
        await this.#build([...this.#own, ...await this.#add(others)], { validation: false }, DocumentState.Linked, 'linking');
        return this.#indexManager.referenceTargets();
    }

    async validate({ referenced, checked }: ShareSteps['validate']['input']): Promise<Diagnostic[][]> {
        this.#indexManager.addReferenced(referenced);
        const { LangiumDocuments } = this.#services.shared.workspace;
        const documents = checked.map(path => LangiumDocuments.getDocument(URI.file(path))!);
        await this.#build(documents, { validation: true }, DocumentState.Validated, 'checking');
        return documents.map(diagnosticsOf);
    }

    get #indexManager(): ShareIndexManager {
        return this.#services.shared.workspace.IndexManager as ShareIndexManager;
    }

    /** The files read, parsed and added to the workspace here; each reported as read when `step` is given. */
    async #add(files: string[], step?: string): Promise<LangiumDocument[]> {
        const { LangiumDocumentFactory, LangiumDocuments } = this.#services.shared.workspace;
        const linker = this.#services.references.Linker as RecordingLinker;
        const texts = await readTexts(files);
        return files.map((path, i) => {
            const document = LangiumDocumentFactory.fromString(texts[i], URI.file(path));
            this.#uses.set(document.uri.toString(), linker.takeNames());
            LangiumDocuments.addDocument(document);
            if (step) {
                report(step);
            }
            return document;
        });
    }

    /** Langium's build of the documents; each of this share's files reported as it reaches `state`. */
    async #build(documents: LangiumDocument[], options: { validation: boolean }, state: DocumentState, step: string): Promise<void> {
        const { DocumentBuilder } = this.#services.shared.workspace;
        const own = new Set(this.#own);
        const phase = DocumentBuilder.onDocumentPhase(state, document => {
            if (own.has(document)) {
                report(step);
            }
        });
        await DocumentBuilder.build(documents, options);
        phase.dispose();
    }
}

const port = parentPort!;

/** A progress message at most this often: one per file costs more than the main thread's line is worth. */
const PROGRESS_INTERVAL_MS = 100;

/** The files brought to a step since the last progress message. */
const unreported = { step: '', files: 0, since: 0 };

function report(step: string): void {
    if (step !== unreported.step) {
        sendProgress();
        unreported.step = step;
    }
    unreported.files++;
    if (performance.now() - unreported.since >= PROGRESS_INTERVAL_MS) {
        sendProgress();
    }
}

function sendProgress(): void {
    if (unreported.files > 0) {
        port.postMessage({ progress: unreported.step, files: unreported.files } satisfies ShareMessage);
    }
    unreported.files = 0;
    unreported.since = performance.now();
}

const share = new WorkspaceShare();
// One request at a time: the main thread sends the next step when every thread has answered this one. A file
// that cannot be read is said to the main thread; any other failure is left unhandled: it ends the thread
// with its error, which the main thread reports.
port.on('message', ({ step, input }: ShareRequest) => {
    void (share[step] as (input: ShareRequest['input']) => Promise<ShareSteps[ShareStep]['output']>)(input).then(output => {
        sendProgress();
        port.postMessage({ output } satisfies ShareMessage);
    }, (error: unknown) => {
        if (!(error instanceof UsageError)) {
            throw error;
        }
        port.postMessage({ usage: error.message } satisfies ShareMessage);
    });
});
