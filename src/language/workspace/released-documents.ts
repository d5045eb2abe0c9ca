import { AstUtils, DocumentState, TextDocument, type LangiumDocument, type ParseResult } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyScopeComputation } from '../fast/journey-scope-computation.js';
import type { TraversingLinker } from '../fast/traversing-linker.js';
import type { JourneySharedServices } from '../journey-module.js';
import { IssueCodes } from '../validation/issue-codes.js';

/** What the host does for the release: collect the released trees, keep the texts smaller. */
export interface ReleaseHost {
    /** Called once trees were released. */
    collect(): void;
    /** The text, kept in a smaller form: the function gives it back. */
    pack(text: string): () => string;
}

/** A host that keeps texts as they are and leaves collecting to the engine (the web worker's). */
const PLAIN_HOST: ReleaseHost = { collect: () => undefined, pack: text => () => text };

/**
 * The language server lets go of the syntax trees of the closed files no kept file links to. A server held
 * every file's tree (AST and CST, some 300 KB for a journey of 40 touchpoints): 1.5 GB for a workspace of
 * 2,000 journeys of which one is open. Once a closed file is validated, its diagnostics are published and
 * what other files need of it is in the index (its declarations, described without their nodes, and its
 * references): the tree serves nothing until the file changes, or something it depends on does, or a
 * request reads it.
 *
 * A released document keeps its text (packed by the host), state, diagnostics and index entries; its parse
 * result is parsed again from that text the moment anything reads it, and brought back to the document's
 * state (its local symbols, its references linked), in the same turn: every reader gets a tree as before,
 * and a rebuild parses it as a new file. Kept: the files open in the editor and, transitively, the files
 * their references point to (an open journey's owners, the journey it redesigns), which those references hold.
 */
export class ReleasedDocuments {
    readonly #shared: JourneySharedServices;
    /** The released documents: whether they had a reference that did not resolve (Langium relinks those after any change). */
    readonly #released = new WeakMap<LangiumDocument, { unresolved: boolean }>();
    #releasing = false;
    /** Told of each document about to be released, while its tree is there: what a service keeps of it. */
    readonly #listeners: ((document: LangiumDocument) => void)[] = [];
    #host = PLAIN_HOST;

    constructor(shared: JourneySharedServices) {
        this.#shared = shared;
    }

    /** Releases what can be after each build: the language server's mode, not a command line's (which reads every tree once built). */
    releaseAfterEachBuild(host = PLAIN_HOST): void {
        this.#releasing = true;
        this.#host = host;
        this.#shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.releaseUnlinked());
    }

    /** Whether trees are released (releaseAfterEachBuild was called): the builder then holds few at once (OpenFirstDocumentBuilder). */
    get releasing(): boolean {
        return this.#releasing;
    }

    /** Releases the trees of the closed documents (of `candidates`) indexed with their local symbols that no kept document links to. */
    releaseUnlinked(candidates: Iterable<LangiumDocument> = this.#shared.workspace.LangiumDocuments.all): void {
        const { LangiumDocuments, TextDocuments } = this.#shared.workspace;
        const kept = new Set<LangiumDocument>();
        const pending = LangiumDocuments.all.filter(document => TextDocuments?.get(document.uri) !== undefined).toArray();
        while (pending.length > 0) {
            const document = pending.pop()!;
            if (kept.has(document)) {
                continue;
            }
            kept.add(document);
            for (const reference of document.references) {
                const targets = 'ref' in reference ? [reference.ref] : reference.items.map(item => item.ref);
                for (const target of targets) {
                    if (target) {
                        pending.push(AstUtils.getDocument(target));
                    }
                }
            }
        }
        let released = false;
        for (const document of candidates) {
            if (!kept.has(document) && !this.#released.has(document) && document.state >= DocumentState.ComputedScopes && !failedOn(document)) {
                this.#release(document);
                released = true;
            }
        }
        if (released) {
            this.#host.collect();
        }
    }

    /** `listener` is told of each document about to be released, its tree still there (a service keeps what it needs of it). */
    onRelease(listener: (document: LangiumDocument) => void): void {
        this.#listeners.push(listener);
    }

    /** Whether the document's tree is released (reading it will parse the text again). */
    isReleased(document: LangiumDocument): boolean {
        return this.#released.has(document);
    }

    /** Whether a released document had a reference that did not resolve: what Langium's relinking asks of its references. */
    hadUnresolvedReference(document: LangiumDocument): boolean {
        return this.#released.get(document)?.unresolved ?? false;
    }

    #release(document: LangiumDocument): void {
        this.#listeners.forEach(listener => listener(document));
        this.#released.set(document, { unresolved: document.references.some(reference => reference.error !== undefined) });
        this.#shared.workspace.IndexManager.detach(document.uri);
        document.references = [];
        document.localSymbols = undefined;
        document.diagnostics = document.diagnostics?.map(diagnostic => JSON.parse(JSON.stringify(diagnostic)) as Diagnostic);
        const { uri, languageId, version } = document.textDocument;
        const text = this.#host.pack(document.textDocument.getText());
        Object.defineProperty(document, 'textDocument', {
            configurable: true,
            enumerable: true,
            get: () => {
                const textDocument = TextDocument.create(uri, languageId, version, text());
                Object.defineProperty(document, 'textDocument', { configurable: true, enumerable: true, writable: true, value: textDocument });
                return textDocument;
            }
        });
        Object.defineProperty(document, 'parseResult', {
            configurable: true,
            enumerable: true,
            get: () => this.#reload(document),
            set: (value: ParseResult) => this.#keep(document, value)
        });
    }

    /** The tree of a released document, parsed again from its text and brought to the document's state. */
    #reload(document: LangiumDocument): ParseResult {
        const services = this.#shared.ServiceRegistry.getServices(document.uri);
        const parseResult = services.parser.LangiumParser.parse(document.textDocument.getText());
        (parseResult.value as { $document?: LangiumDocument }).$document = document;
        this.#keep(document, parseResult);
        // JourneyFastModule and JourneyModule put these there.
        if (document.state >= DocumentState.ComputedScopes) {
            document.localSymbols = (services.references.ScopeComputation as JourneyScopeComputation).localSymbolsOf(document);
        }
        if (document.state >= DocumentState.Linked) {
            (services.references.Linker as TraversingLinker).linkNow(document);
        }
        return parseResult;
    }

    /** The document holds this parse result as any document does, no longer released. */
    #keep(document: LangiumDocument, parseResult: ParseResult): void {
        this.#released.delete(document);
        Object.defineProperty(document, 'parseResult', { configurable: true, enumerable: true, writable: true, value: parseResult });
    }
}

/** A document the language failed on (IsolatingDocumentBuilder) stays as it is: parsing it again might fail where nobody catches it. */
function failedOn(document: LangiumDocument): boolean {
    return document.diagnostics?.some(diagnostic => diagnostic.code === IssueCodes.InternalError) ?? false;
}
