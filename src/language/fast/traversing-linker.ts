import { AstUtils, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './ast-traversal.js';
import { ShapeKeepingLinker } from './shape-keeping-linker.js';

/** Langium's linker, its link() walking the document by the faster traversal of ast-traversal.ts: the same references in the same order. */
export class TraversingLinker extends ShapeKeepingLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        await forEachReference(document.parseResult.value, cancelToken, reference => this.doLink(reference, document));
    }

    /** link(), at once: a released document's tree, parsed again, is linked in the same turn (ReleasedDocuments). */
    linkNow(document: LangiumDocument): void {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }
}
