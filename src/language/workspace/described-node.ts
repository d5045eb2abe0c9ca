import type { AstNode, AstNodeDescription } from 'langium';
import type { LangiumServices } from 'langium/lsp';

/**
 * The node an index entry describes: the entry's own, or (for an entry without one, as the index holds
 * for a released document) found by its path in its document's tree, as Langium's linker loads it.
 */
export function describedNode(services: LangiumServices, description: AstNodeDescription): AstNode | undefined {
    if (description.node) {
        return description.node;
    }
    const document = services.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
    return document && services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path);
}
