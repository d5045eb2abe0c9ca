import { DefaultIndexManager, UriUtils, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type URI } from 'langium';
import { FixedSegment } from '../fast/journey-reference-descriptions.js';
import { flatString } from './flat-string.js';
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
    #generation = 0;
    /** One string per target path of the released documents' references: thousands point to the same few declarations. */
    readonly #targetPaths = new Map<string, string>();

    /**
     * Changes whenever a description of the content index is replaced: what is kept from it (a scope of
     * the workspace's declarations) is made again when this is not what it was made at.
     */
    get generation(): number {
        return this.#generation;
    }

    /**
     * A document's entries without its syntax tree, so that the index no longer holds it (ReleasedDocuments):
     * its declarations described without their nodes (what a description tells, name (flat), type, path and the
     * name's range, copied; a reference to one loads the node by its path, as for any description without
     * one), its references with their ranges copied out of the CST (and their target paths shared).
     */
    detach(uri: URI): void {
        const key = uri.toString();
        const descriptions = this.symbolIndex.get(key);
        if (descriptions) {
            this.symbolIndex.set(key, descriptions.map(({ name, nameSegment, selectionSegment, type, documentUri, path }) =>
                ({ name: flatString(name), nameSegment, selectionSegment, type, documentUri, path })));
            this.symbolByTypeIndex.clear(key);
            this.#changed();
        }
        const references = this.referenceIndex.get(key);
        if (references) {
            const fixed = new Map<DocumentSegment, FixedSegment>();
            this.referenceIndex.set(key, references.map(reference => {
                let segment = fixed.get(reference.segment);
                if (!segment) {
                    segment = new FixedSegment(reference.segment);
                    fixed.set(reference.segment, segment);
                }
                let targetPath = this.#targetPaths.get(reference.targetPath);
                if (targetPath === undefined) {
                    targetPath = reference.targetPath;
                    this.#targetPaths.set(targetPath, targetPath);
                }
                const { sourceUri, sourcePath, targetUri, local } = reference;
                return { sourceUri, sourcePath: flatString(sourcePath), targetUri, targetPath, segment, local };
            }));
        }
    }

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
        this.#changed();
        await super.updateContent(document, cancelToken);
        this.#changed();
    }

    override removeContent(uri: URI): void {
        this.#changed();
        super.removeContent(uri);
    }

    override remove(uri: URI): void {
        this.#changed();
        super.remove(uri);
    }

    #changed(): void {
        this.#byName = undefined;
        this.#generation++;
    }
}
