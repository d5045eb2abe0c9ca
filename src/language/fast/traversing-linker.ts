import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './ast-traversal.js';
import { ShapeKeepingLinker } from './shape-keeping-linker.js';

/**
 * Langium's linker, its link() walking the document by the faster traversal of ast-traversal.ts: the same
 * references in the same order. During a link() each declaration a reference resolves to is found once:
 * a description without its node (another file's declaration, as the index keeps it) is found by looking
 * up its document and following its path, and a journey of 10,000 touchpoints has some 25,000 references
 * to a few dozen owners, channels and personas (a tenth of an edit's time went to those lookups).
 */
export class TraversingLinker extends ShapeKeepingLinker {
    /** The nodes of the descriptions resolved during the link() under way. */
    #loaded: Map<AstNodeDescription, AstNode | undefined> | undefined;

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        this.#loaded = new Map();
        try {
            await forEachReference(document.parseResult.value, cancelToken, reference => this.doLink(reference, document));
        } finally {
            this.#loaded = undefined;
        }
    }

    override loadAstNode(description: AstNodeDescription): AstNode | undefined {
        const loaded = this.#loaded;
        if (!loaded || description.node) {
            return super.loadAstNode(description);
        }
        if (!loaded.has(description)) {
            loaded.set(description, super.loadAstNode(description));
        }
        return loaded.get(description);
    }

    /** link(), at once: a released document's tree, parsed again, is linked in the same turn (ReleasedDocuments). */
    linkNow(document: LangiumDocument): void {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }
}
