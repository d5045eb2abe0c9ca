import { DefaultIndexManager, UriUtils, type URI } from 'langium';

/**
 * Langium's index, with one question it answers in one pass: which declarations of a document are
 * referenced from anywhere in the workspace. Langium's `findAllReferences` scans every reference of the
 * workspace for one declaration; asked for each declaration of a file (`unused-declaration`), that was
 * declarations x references.
 */
export class JourneyIndexManager extends DefaultIndexManager {
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
}
