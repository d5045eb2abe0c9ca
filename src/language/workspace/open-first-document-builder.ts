import { AstUtils, Deferred, DocumentState, interruptAndCheck, OperationCancelled, type BuildOptions, type LangiumDocument, type MaybePromise } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { Channel, isJourneyFile, Owner, Persona } from '../generated/ast.js';
import type { JourneySharedServices } from '../journey-module.js';
import { declaredNames } from './declared-names.js';
import { IsolatingDocumentBuilder } from './isolating-document-builder.js';
import type { ReleasedDocuments } from './released-documents.js';

/** Closed documents built together in step 3 where trees are released: the trees held at once, at most. */
const BATCH = 64;

/**
 * A build where the documents open in the editor come first. Langium takes a build phase by phase over
 * all its documents: in a workspace of thousands of files the open file's diagnostics waited for every
 * file to be parsed and linked, at start and after each edit of a declaration the files share.
 *
 * Here a build of open and closed documents goes in three steps:
 * 1. The closed documents the open ones need are parsed and indexed: those declaring a name the open
 *    documents use or declare, as a scan of their text tells (declaredNames) when they were not parsed yet.
 * 2. The open documents are built to the end (linked, validated: their diagnostics are published).
 * 3. The other documents are built, in the background: the build yields between documents to the
 *    requests on the open ones, and an edit cancels it (the next build takes up what is left). An open
 *    document whose diagnostics depend on the references of closed documents (the `unused-declaration`
 *    of an organisation file) is validated only after them. When step 3 indexed documents that were
 *    not parsed before, the open documents are checked again, in case the scan missed a declaration.
 *
 * Requests that wait for the whole workspace (find references, rename) still wait for step 3.
 */
export class OpenFirstDocumentBuilder extends IsolatingDocumentBuilder {
    /** During steps 1 and 2 (and the batches of step 3): the workspace's state, as far as waiting for it goes, stays at this one. */
    #ceiling: DocumentState | undefined;
    /** Resolved, and replaced, whenever the workspace's state may have risen (a phase ended, the ceiling was lifted). */
    #stateChange = new Deferred<void>();
    protected readonly released: ReleasedDocuments;

    constructor(services: JourneySharedServices) {
        super(services);
        this.released = services.workspace.ReleasedDocuments;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const open = documents.filter(document => this.#isOpen(document));
        const closed = documents.filter(document => !this.#isOpen(document));
        if (closed.length === 0 || (open.length === 0 && !this.released.releasing)) {
            return super.buildDocuments(documents, options, cancelToken);
        }
        const unparsed = closed.some(document => document.state < DocumentState.Parsed);
        const toBeLinked = closed.some(document => document.state < DocumentState.Linked);
        const later = toBeLinked ? open.filter(dependsOnOtherReferences) : [];
        const first = open.filter(document => !later.includes(document));
        if (open.length > 0) {
            await this.#underCeiling(async () => {
                await this.#indexContent(open, cancelToken);
                await this.#indexContent(await this.#neededBy(open, closed, cancelToken), cancelToken);
                await super.buildDocuments(first, options, cancelToken);
            });
        }
        if (this.released.releasing) {
            await this.#inBatches(closed, later, options, cancelToken);
        } else {
            this.#setState(Math.min(...closed.map(document => document.state)));
            await super.buildDocuments([...closed, ...later], options, cancelToken);
        }
        if (unparsed && first.length > 0) {
            await this.#checkAgain(first, options, cancelToken);
        }
    }

    /**
     * Step 3 in a language server, which releases the trees of closed documents (ReleasedDocuments): Langium
     * takes each phase over all the documents, so that every tree of the workspace was held at once (1.5 GB
     * for 2,000 journeys), at start and again when an edit of a shared declaration relinks them all. Here the
     * closed documents are indexed a batch at a time, their trees released after each batch, then linked and
     * validated a batch at a time (each tree parsed again and released again): a batch of trees at most is
     * held. What links and validation read of the other documents is in the index by then; the documents
     * whose diagnostics depend on the references of the others (`unused-declaration`) come last, all together.
     */
    async #inBatches(closed: LangiumDocument[], later: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        let last = later;
        await this.#underCeiling(async () => {
            for (const batch of batches(closed.filter(document => document.state < DocumentState.ComputedScopes))) {
                await this.#indexContent(batch, cancelToken);
                this.released.releaseUnlinked(batch);
            }
            // Told by the index, which has every closed document's declarations now: reading their trees would parse them all.
            const declaring = new Set(this.indexManager.allElements().filter(description => OTHERS_REFERENCE.has(description.type))
                .map(description => description.documentUri.toString()));
            last = [...closed.filter(document => declaring.has(document.uri.toString())), ...later];
            for (const batch of batches(closed.filter(document => !last.includes(document)))) {
                await super.buildDocuments(batch, options, cancelToken);
            }
        });
        this.#setState(Math.min(...[...closed, ...later].map(document => document.state)));
        await super.buildDocuments(last, options, cancelToken);
    }

    /** Runs `work` with the workspace's state held where it is for those waiting for it (awaitBuilderState). */
    async #underCeiling(work: () => Promise<void>): Promise<void> {
        try {
            this.#ceiling = DocumentState.Changed;
            await work();
        } finally {
            this.#ceiling = undefined;
            this.#stateChange.resolve();
            this.#stateChange = new Deferred();
        }
    }

    /**
     * What waits for the whole workspace to reach a state (find references, rename) is not let go by
     * step 2, which brought only the open documents there, nor by a batch of step 3. Langium lets a waiter
     * go when a phase is notified, which it is only for a phase some document went through: after the
     * batches, the documents left may all be past the state waited for. Here a waiter looks again whenever
     * the state may have risen.
     */
    protected override async awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        while (this.#ceiling !== undefined || this.currentState < state) {
            if (cancelToken.isCancellationRequested) {
                throw OperationCancelled;
            }
            // Woken by a change of state or by the cancellation, which the loop then throws.
            await new Promise<void>(resolve => {
                const cancelled = cancelToken.onCancellationRequested(() => {
                    cancelled.dispose();
                    resolve();
                });
                void this.#stateChange.promise.then(() => {
                    cancelled.dispose();
                    resolve();
                });
            });
        }
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        this.#setState(this.#ceiling !== undefined ? Math.min(this.currentState, this.#ceiling) : this.currentState);
    }

    #setState(state: DocumentState): void {
        this.currentState = state;
        this.#stateChange.resolve();
        this.#stateChange = new Deferred();
    }

    #isOpen(document: LangiumDocument): boolean {
        return this.textDocuments?.get(document.uri) !== undefined;
    }

    /** Parse and index the documents' exported names (and local symbols), as a build's first three phases do. */
    async #indexContent(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        await this.runCancelable(documents, DocumentState.ComputedScopes, cancelToken, async document => {
            const scopeComputation = this.serviceRegistry.getServices(document.uri).references.ScopeComputation;
            document.localSymbols = await scopeComputation.collectLocalSymbols(document, cancelToken);
        });
    }

    /**
     * The closed documents not indexed yet that declare a name the open documents refer to or declare
     * (what their links and `duplicate-name` need); the documents already indexed are in the index.
     */
    async #neededBy(open: LangiumDocument[], closed: LangiumDocument[], cancelToken: CancellationToken): Promise<LangiumDocument[]> {
        const names = new Set<string>();
        for (const document of open) {
            const root = document.parseResult.value;
            for (const reference of AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node))) {
                names.add(reference.reference.$refText);
            }
            if (isJourneyFile(root)) {
                root.declarations.forEach(declaration => names.add(declaration.name));
            }
        }
        const candidates = closed.filter(document => document.state < DocumentState.IndexedContent);
        const texts = await Promise.all(candidates.map(async document => document.state >= DocumentState.Parsed
            ? document.textDocument.getText() : this.fileSystemProvider.readFile(document.uri).catch(() => '')));
        const needed: LangiumDocument[] = [];
        for (const [i, document] of candidates.entries()) {
            await interruptAndCheck(cancelToken);
            if (declaredNames(texts[i]).values().some(name => names.has(name))) {
                needed.push(document);
            }
        }
        return needed;
    }

    /** The open documents built in step 2, linked (when some link failed) and validated again. */
    async #checkAgain(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const built = documents.filter(document => document.state === DocumentState.Validated);
        for (const document of built) {
            const unresolved = document.references.some(reference => reference.error !== undefined);
            this.resetToState(document, unresolved ? DocumentState.ComputedScopes : DocumentState.IndexedReferences);
        }
        await super.buildDocuments(built, options, cancelToken);
    }
}

function batches<T>(items: T[]): T[][] {
    const result: T[][] = [];
    for (let start = 0; start < items.length; start += BATCH) {
        result.push(items.slice(start, start + BATCH));
    }
    return result;
}

/** The declarations `unused-declaration` checks against the references of the workspace. */
const OTHERS_REFERENCE: ReadonlySet<string> = new Set([Owner.$type, Channel.$type, Persona.$type]);

/** A document that declares what `unused-declaration` checks against the references of the workspace. */
function dependsOnOtherReferences(document: LangiumDocument): boolean {
    const root = document.parseResult.value;
    return isJourneyFile(root) && root.declarations.some(declaration => OTHERS_REFERENCE.has(declaration.$type));
}
