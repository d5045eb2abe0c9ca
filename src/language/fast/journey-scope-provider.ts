import {
    AstUtils, DefaultScopeProvider, DocumentCache, MultiMap, stream, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo,
    type Scope, type Stream
} from 'langium';
import { RedesignScopes } from '../redesign-scope.js';

/** A file's own declarations of one type: all of them in order, and by name. */
interface OwnDeclarations {
    all: AstNodeDescription[];
    byName: MultiMap<string, AstNodeDescription>;
}

/**
 * Langium's scopes, the same answers, found by name instead of by a scan. Every reference of a journey
 * file is resolved against the file's own declarations first (its local symbols, which JourneyScopeComputation
 * puts on the root only), then against the workspace's; but for `replaces`, whose scope is the language's
 * own (RedesignScopes, asked first here as in the equivalence test). Langium filters the local symbols by type and
 * scans them for every reference: a file of 10,000 journeys took 10 s to link, 50,000 five minutes.
 * Here they are grouped by type and name once per version of the file.
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    /** Each document's own declarations, by reference type; dropped when the document changes. */
    readonly #own: DocumentCache<string, OwnDeclarations>;
    readonly #redesigns: RedesignScopes;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.#own = new DocumentCache(services.shared);
        this.#redesigns = new RedesignScopes(this.descriptions);
    }

    override getScope(context: ReferenceInfo): Scope {
        const steps = this.#redesigns.scopeFor(context);
        if (steps) {
            return steps;
        }
        const referenceType = this.reflection.getReferenceType(context);
        const global = this.getGlobalScope(referenceType, context);
        const document = AstUtils.getDocument(context.container);
        const root = document.parseResult.value;
        const symbols = document.localSymbols;
        if (!symbols?.has(root)) {
            return global;
        }
        const own = this.#own.get(document.uri, referenceType, () => {
            const all = symbols.getStream(root).filter(description => this.reflection.isSubtype(description.type, referenceType)).toArray();
            return { all, byName: new MultiMap(all.map(description => [description.name, description])) };
        });
        return new OwnFirstScope(own, global);
    }
}

/** Langium's StreamScope over a file's own declarations, with the workspace's as the outer scope. */
class OwnFirstScope implements Scope {
    readonly #own: OwnDeclarations;
    readonly #outer: Scope;

    constructor(own: OwnDeclarations, outer: Scope) {
        this.#own = own;
        this.#outer = outer;
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.#own.byName.get(name)[0] ?? this.#outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.#own.byName.get(name)).concat(this.#outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.#own.all).concat(this.#outer.getAllElements());
    }
}
