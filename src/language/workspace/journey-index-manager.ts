import { DefaultIndexManager, UriUtils, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index, with two questions it answers in one pass: which declarations of a document are
 * referenced from anywhere in the workspace, and which declarations of the workspace bear a name.
 * Langium's `findAllReferences` scans every reference of the workspace for one declaration; asked for
 * each declaration of a file (`unused-declaration`), that was declarations x references. A scan of all
 * the workspace's declarations for each file (`duplicate-name`) was files x declarations.
 */
export class JourneyIndexManager extends DefaultIndexManager {
    /** The workspace's declarations by name, in the order of `allElements()`; made again after any change of the content index. */
    #byName: Map<string, AstNodeDescription[]> | undefined;

    /** The paths (as the AstNodeLocator writes them) of the nodes of `targetUri` that some reference points to. */
    referencedPaths(targetUri: URI): Set<string> {
        const paths = new Set<string>();
        for (const references of this.referenceIndex.values()) {
            for (const reference of references) {
                if (UriUtils.equals(reference.targetUri, targetUri)) {
                    paths.add(reference.targetPath);
                }
            }
        }
        return paths;
    }

    /** The declarations of the workspace named `name`, in the order of `allElements()`. */
    elementsNamed(name: string): readonly AstNodeDescription[] {
        if (!this.#byName) {
            this.#byName = new Map();
            for (const description of this.allElements()) {
                const named = this.#byName.get(description.name);
                if (named) {
                    named.push(description);
                } else {
                    this.#byName.set(description.name, [description]);
                }
            }
        }
        return this.#byName.get(name) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        this.#byName = undefined;
        await super.updateContent(document, cancelToken);
        this.#byName = undefined;
    }

    override removeContent(uri: URI): void {
        this.#byName = undefined;
        super.removeContent(uri);
    }

    override remove(uri: URI): void {
        this.#byName = undefined;
        super.remove(uri);
    }
}
