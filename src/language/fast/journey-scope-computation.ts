import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isJourneyFile } from '../generated/ast.js';

/**
 * Owners, channels, personas and journeys, the declarations that references find by name, are all
 * top-level. Stages and touchpoints have names but are found by name only by `replaces`, whose scope is
 * the redesigned journey's touchpoints (RedesignScopes), so they are kept out of the local symbols:
 * otherwise every reference in a journey of N touchpoints would filter N candidates.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    override collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        return Promise.resolve(this.localSymbolsOf(document));
    }

    /** collectLocalSymbols' answer, at once: a released document's tree, parsed again, gets its symbols in the same turn (ReleasedDocuments). */
    localSymbolsOf(document: LangiumDocument): LocalSymbols {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        if (isJourneyFile(root)) {
            for (const declaration of root.declarations) {
                this.addLocalSymbol(declaration, document, symbols);
            }
        }
        return symbols;
    }
}
