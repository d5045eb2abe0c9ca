import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver';
import { isChannel, isJourney, isOwner, isPersona, isStage, isStakeholder, isTouchpoint, type Touchpoint } from '../generated/ast.js';
import { gradeOf, isValidGrade } from '../../map/vocabulary/grades.js';
import type { JourneyServices } from '../journey-module.js';
import { gradesByPersona, personaNames, touchpointFacts } from '../touchpoint-properties.js';

/**
 * The outline and breadcrumbs: journeys > stages > touchpoints beside the owners, stakeholders, channels and personas,
 * with titles in the detail (and for a redesign the journey it redesigns), and for a touchpoint its grade
 * ("2 negative · confused", or "not graded"; in a journey of several personas, each one's: "Maria 2, Tomasz 4").
 * A client without hierarchical symbols gets the same symbols as a flat list, each naming its container.
 */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.#services = services;
    }

    override async getSymbols(document: LangiumDocument, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
        const symbols = await super.getSymbols(document, params);
        if (this.#services.shared.lsp.ClientCapabilities.hierarchicalDocumentSymbols) {
            return symbols;
        }
        // Langium's interface knows only the tree; the protocol allows either form as the answer.
        return flatten(symbols, document.uri.toString()) as unknown as DocumentSymbol[];
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        return { ...symbol, kind: this.#services.shared.lsp.ClientCapabilities.documentSymbolKind(symbol.kind), detail: symbolDetail(astNode) };
    }
}

/** The tree in document order, as SymbolInformation: each symbol with its location and its parent's name. */
function flatten(symbols: DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
    return symbols.flatMap(symbol => [
        { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName ? { containerName } : {}) },
        ...flatten(symbol.children ?? [], uri, symbol.name)
    ]);
}

export function symbolDetail(node: AstNode): string | undefined {
    if (isTouchpoint(node)) {
        const grade = gradeDetail(node);
        return node.title ? `${grade} · ${node.title}` : grade;
    }
    if (isJourney(node) && node.redesigns) {
        return [node.title, `redesigns ${node.redesigns.$refText}`].filter(Boolean).join(' · ');
    }
    if (isJourney(node) || isStage(node) || isOwner(node) || isStakeholder(node) || isChannel(node) || isPersona(node)) {
        return node.title;
    }
    return undefined;
}

function gradeDetail(touchpoint: Touchpoint): string {
    const personas = personaNames(touchpoint.$container.$container);
    const grades = gradesByPersona(touchpointFacts(touchpoint), personas);
    if (personas.length > 1) {
        return personas.map(persona => {
            const grade = grades.get(persona)?.grade;
            return `${persona} ${grade !== undefined && isValidGrade(grade) ? grade : 'not graded'}`;
        }).join(', ');
    }
    const [emotion] = grades.values();
    return emotion && isValidGrade(emotion.grade)
        ? [`${emotion.grade} ${gradeOf(emotion.grade).meaning}`, emotion.feeling].filter(Boolean).join(' · ')
        : 'not graded';
}
