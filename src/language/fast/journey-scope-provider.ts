import {
    AstUtils, DefaultScopeProvider, MultiMap, stream, type AstNode, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo,
    type Scope, type Stream
} from 'langium';
import { RedesignScopes } from '../redesign-scope.js';
import type { JourneyIndexManager } from '../workspace/journey-index-manager.js';

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
    /** Each syntax tree's own declarations, by reference type: they go with the tree (a new version of the file, a released one). */
    readonly #own = new WeakMap<AstNode, Map<string, OwnDeclarations>>();
    readonly #redesigns: RedesignScopes;
    /** The index's generation the cached global scopes were made at. */
    #generation = -1;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.#redesigns = new RedesignScopes(this.descriptions);
    }

    /**
     * Langium's global scope, kept until the next update; made again too when the index replaced
     * descriptions in between (JourneyIndexManager.detach), so that it holds no released syntax tree.
     */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const { generation } = this.indexManager as JourneyIndexManager;
        if (generation !== this.#generation) {
            this.globalScopeCache.clear();
            this.#generation = generation;
        }
        return super.getGlobalScope(referenceType, context);
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
        let byType = this.#own.get(root);
        if (!byType) {
            byType = new Map();
            this.#own.set(root, byType);
        }
        let own = byType.get(referenceType);
        if (!own) {
            const all = symbols.getStream(root).filter(description => this.reflection.isSubtype(description.type, referenceType)).toArray();
            own = { all, byName: new MultiMap(all.map(description => [description.name, description])) };
            byType.set(referenceType, own);
        }
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
