import { AstUtils, Deferred, DocumentState, interruptAndCheck, type BuildOptions, type LangiumDocument, type MaybePromise } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isChannel, isJourneyFile, isOwner, isPersona } from '../generated/ast.js';
import { declaredNames } from './declared-names.js';
import { IsolatingDocumentBuilder } from './isolating-document-builder.js';

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
    /** During steps 1 and 2: the workspace's state, as far as waiting for it goes, stays at this one. */
    #ceiling: DocumentState | undefined;
    /** Resolved when step 3 starts (or the build ends). */
    #unsplit = new Deferred<void>();

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const open = documents.filter(document => this.#isOpen(document));
        const closed = documents.filter(document => !this.#isOpen(document));
        if (open.length === 0 || closed.length === 0) {
            return super.buildDocuments(documents, options, cancelToken);
        }
        const unparsed = closed.some(document => document.state < DocumentState.Parsed);
        const toBeLinked = closed.some(document => document.state < DocumentState.Linked);
        const later = toBeLinked ? open.filter(dependsOnOtherReferences) : [];
        const first = open.filter(document => !later.includes(document));
        try {
            this.#ceiling = DocumentState.Changed;
            this.#unsplit = new Deferred();
            await this.#indexContent(open, cancelToken);
            await this.#indexContent(await this.#neededBy(open, closed, cancelToken), cancelToken);
            await super.buildDocuments(first, options, cancelToken);
        } finally {
            this.#ceiling = undefined;
            this.#unsplit.resolve();
        }
        this.currentState = Math.min(...closed.map(document => document.state));
        await super.buildDocuments([...closed, ...later], options, cancelToken);
        if (unparsed) {
            await this.#checkAgain(first, options, cancelToken);
        }
    }

    /**
     * What waits for the whole workspace to reach a state (find references, rename) is not let go by
     * step 2, which brought only the open documents there.
     */
    protected override async awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        await super.awaitBuilderState(state, cancelToken);
        while (this.#ceiling !== undefined && this.#ceiling < state) {
            await this.#unsplit.promise;
            if (this.currentState < state) {
                await super.awaitBuilderState(state, cancelToken);
            }
        }
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        if (this.#ceiling !== undefined && this.currentState > this.#ceiling) {
            this.currentState = this.#ceiling;
        }
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

/** A document that declares what `unused-declaration` checks against the references of the workspace. */
function dependsOnOtherReferences(document: LangiumDocument): boolean {
    const root = document.parseResult.value;
    return isJourneyFile(root) && root.declarations.some(declaration => isOwner(declaration) || isChannel(declaration) || isPersona(declaration));
}
