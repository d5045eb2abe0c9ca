import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isChannel, isJourney, isOwner, isPersona, isStage, isTouchpoint } from '../generated/ast.js';
import { GRADE_MEANINGS, isValidGrade } from '../emotion-scale.js';
import { touchpointFacts } from '../touchpoint-properties.js';

/**
 * The outline and breadcrumbs: journeys > stages > touchpoints beside the owners, channels and personas,
 * with titles in the detail, and for a touchpoint its grade ("2 negative · confused", or "not graded").
 */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        return { ...super.createSymbol(document, astNode, cstNode, nameNode, computedName), detail: symbolDetail(astNode) };
    }
}

export function symbolDetail(node: AstNode): string | undefined {
    if (isTouchpoint(node)) {
        const emotion = touchpointFacts(node).emotion;
        const grade = emotion && isValidGrade(emotion.grade)
            ? [`${emotion.grade} ${GRADE_MEANINGS[emotion.grade]}`, emotion.feeling].filter(Boolean).join(' · ')
            : 'not graded';
        return node.title ? `${grade} · ${node.title}` : grade;
    }
    if (isJourney(node) || isStage(node) || isOwner(node) || isChannel(node) || isPersona(node)) {
        return node.title;
    }
    return undefined;
}
