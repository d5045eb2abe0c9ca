import { URI } from 'langium';
import { JourneyIndexManager } from '../../language/workspace/journey-index-manager.js';
import type { ReferenceTargets, WorkspaceExports } from './share-protocol.js';

/**
 * The index of a thread that builds a share of the workspace (validate-worker.ts): its own documents, as
 * in one process, and what the other threads found in theirs. With every file's declarations, in the
 * workspace's order, a name resolves to the declaration it resolves to in one process (the workspace's
 * scope takes the first of a name) and `duplicate-name` names the same other files in the same order; with
 * the nodes every thread's references point to, `unused-declaration` knows what the whole workspace uses.
 */
export class ShareIndexManager extends JourneyIndexManager {
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

    /** The nodes that the references indexed here point to. */
    referenceTargets(): ReferenceTargets {
        const targets = new Map<string, Set<string>>();
        for (const references of this.referenceIndex.values()) {
            for (const { targetUri, targetPath } of references) {
                const uri = targetUri.toString();
                const paths = targets.get(uri) ?? targets.set(uri, new Set()).get(uri)!;
                paths.add(targetPath);
            }
        }
        return [...targets].map(([uri, paths]) => [uri, [...paths]]);
    }

    /** The nodes that the references of the whole workspace point to (`referenceTargets` of every thread). */
    addReferenced(referenced: ReferenceTargets): void {
        for (const [uri, paths] of referenced) {
            this.#referencedElsewhere.set(uri, new Set(paths));
        }
    }

    override referencedPaths(targetUri: URI): Set<string> {
        const paths = super.referencedPaths(targetUri);
        this.#referencedElsewhere.get(targetUri.toString())?.forEach(path => paths.add(path));
        return paths;
    }
}
