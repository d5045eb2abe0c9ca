import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isJourneyFile } from '../generated/ast.js';

/**
 * Only owners, channels and personas are ever referenced, and they are all top-level declarations.
 * Stages and touchpoints have names but nothing refers to them, so they are kept out of the local
 * symbols: otherwise every reference in a journey of N touchpoints would filter N candidates.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    override collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        if (isJourneyFile(root)) {
            for (const declaration of root.declarations) {
                this.addLocalSymbol(declaration, document, symbols);
            }
        }
        return Promise.resolve(symbols);
    }
}
