import { URI, type LangiumDocument } from 'langium';
import { indexedTargets } from '../../language/fast/journey-reference-descriptions.js';
import { JourneyIndexManager } from '../../language/workspace/journey-index-manager.js';
import { mergedTargets, type ReferenceTargets, type WorkspaceExports } from './share-protocol.js';

/**
 * The index of a thread that builds a share of the workspace (validate-worker.ts): its own documents, as
 * in one process, and what the other threads found in theirs. With every file's declarations, in the
 * workspace's order, a name resolves to the declaration it resolves to in one process (the workspace's
 * scope takes the first of a name) and `duplicate-name` names the same other files in the same order; with
 * the nodes every thread's references point to, `unused-declaration` knows what the whole workspace uses.
 */
export class ShareIndexManager extends JourneyIndexManager {
    /**
     * For each document built here, the nodes its references point to: of the reference index, all that a
     * thread reads (`unused-declaration`, and what it tells the other threads), so it is all that it keeps,
     * instead of an entry for every reference.
     */
    readonly #targetsOf = new Map<string, ReferenceTargets>();
    /** The nodes the other threads' references point to, by target document. */
    readonly #referencedElsewhere = new Map<string, ReadonlySet<string>>();

    /**
     * Every file's declarations, in the workspace's order; called first, before any document is indexed
     * here. A document indexed later (parsed here) takes its own place in that order back, with its nodes.
     */
    addWorkspace(workspace: WorkspaceExports[]): void {
        for (const { path, exports } of workspace) {
            const documentUri = URI.file(path);
            this.symbolIndex.set(documentUri.toString(), exports.map(declaration => ({ ...declaration, documentUri })));
        }
    }

    /**
     * Where the document's references point: the targets of the entries Langium's index would make of
     * them. The references are those the linker has resolved, which it lists in the document (every one of
     * the tree, once linked), instead of those of a walk over the tree again.
     */
    override updateReferences(document: LangiumDocument): Promise<void> {
        const targets = new Map<string, Set<string>>();
        for (const reference of document.references) {
            for (const target of indexedTargets(reference)) {
                const uri = target.documentUri.toString();
                const paths = targets.get(uri) ?? targets.set(uri, new Set()).get(uri)!;
                paths.add(target.path);
            }
        }
        this.#targetsOf.set(document.uri.toString(), [...targets].map(([uri, paths]) => [uri, [...paths]]));
        return Promise.resolve();
    }

    /** The nodes that the references indexed here point to. */
    referenceTargets(): ReferenceTargets {
        return mergedTargets([...this.#targetsOf.values()]);
    }

    /** The nodes that the references of the whole workspace point to (`referenceTargets` of every thread). */
    addReferenced(referenced: ReferenceTargets): void {
        for (const [uri, paths] of referenced) {
            this.#referencedElsewhere.set(uri, new Set(paths));
        }
    }

    override referencedPaths(targetUri: URI): Set<string> {
        const uri = targetUri.toString();
        const paths = new Set(this.#referencedElsewhere.get(uri));
        for (const targets of this.#targetsOf.values()) {
            targets.find(([target]) => target === uri)?.[1].forEach(path => paths.add(path));
        }
        return paths;
    }
}
