import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenModifiers, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isChannel, isChannelProperty, isDurationProperty, isEmotionProperty, isJourney, isMomentOfTruth, isNote, isOwner, isOwnerProperty,
    isPartyField, isPersona, isReplacesProperty, isStage, isStakeholder, isTouchpoint, isWithProperty, type Party
} from '../generated/ast.js';
import { gradeOf, isValidGrade } from '../../map/vocabulary/grades.js';

/** Modifiers of our own (declared in package.json with their TextMate fallbacks): the sentiment of a grade. */
export const GradeModifiers = { negative: 'negative', neutral: 'neutral', positive: 'positive' } as const;

const DECLARATION_TYPES: Record<string, string> = {
    Owner: SemanticTokenTypes.class,
    Stakeholder: SemanticTokenTypes.type,
    Channel: SemanticTokenTypes.interface,
    Persona: SemanticTokenTypes.struct,
    Journey: SemanticTokenTypes.namespace,
    Stage: SemanticTokenTypes.namespace,
    Touchpoint: SemanticTokenTypes.event
};

/** The token type of a reference to an owner or a stakeholder: its kind once resolved, an owner's until then. */
function partyType(party: Party | undefined): string {
    return isStakeholder(party) ? DECLARATION_TYPES.Stakeholder : DECLARATION_TYPES.Owner;
}

/**
 * Semantic colours on top of the TextMate grammar: declarations apart from references (each kind its own
 * token type: a persona graded, a journey redesigned, a step replaced and the parties of `with`, `link` and
 * owned notes as their kinds), grades by sentiment, the moment-of-truth marker as a decorator, duration
 * units and circles.
 */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenModifiers(): Record<string, number> {
        const next = Object.keys(AllSemanticTokenModifiers).length;
        return {
            ...AllSemanticTokenModifiers,
            [GradeModifiers.negative]: 1 << next,
            [GradeModifiers.neutral]: 1 << (next + 1),
            [GradeModifiers.positive]: 1 << (next + 2)
        };
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isOwner(node) || isStakeholder(node) || isChannel(node) || isPersona(node) || isJourney(node) || isStage(node) || isTouchpoint(node)) {
            acceptor({ node, property: 'name', type: DECLARATION_TYPES[node.$type], modifier: SemanticTokenModifiers.declaration });
            if (isJourney(node)) {
                node.personas.forEach((_, index) => acceptor({ node, property: 'personas', index, type: DECLARATION_TYPES.Persona }));
                if (node.redesigns) {
                    acceptor({ node, property: 'redesigns', type: DECLARATION_TYPES.Journey });
                }
            }
        } else if (isOwnerProperty(node)) {
            acceptor({ node, property: 'owner', type: DECLARATION_TYPES.Owner });
        } else if (isWithProperty(node)) {
            node.parties.forEach((party, index) => acceptor({ node, property: 'parties', index, type: partyType(party.ref) }));
        } else if (isNote(node) && node.owner) {
            acceptor({ node, property: 'owner', type: DECLARATION_TYPES.Owner });
        } else if (isPartyField(node) && node.party) {
            acceptor({ node, property: 'party', type: partyType(node.party.ref) });
        } else if (isPartyField(node) && node.circle) {
            acceptor({ node, property: 'circle', type: SemanticTokenTypes.enumMember });
        } else if (isChannelProperty(node)) {
            acceptor({ node, property: 'channel', type: DECLARATION_TYPES.Channel });
        } else if (isEmotionProperty(node)) {
            if (node.persona) {
                acceptor({ node, property: 'persona', type: DECLARATION_TYPES.Persona });
            }
            if (node.grade !== undefined && isValidGrade(node.grade)) {
                acceptor({ node, property: 'grade', type: SemanticTokenTypes.number, modifier: GradeModifiers[gradeOf(node.grade).sentiment] });
            }
        } else if (isReplacesProperty(node)) {
            node.steps.forEach((_, index) => acceptor({ node, property: 'steps', index, type: DECLARATION_TYPES.Touchpoint }));
        } else if (isMomentOfTruth(node)) {
            for (const keyword of ['moment', 'of', 'truth']) {
                acceptor({ node, keyword, type: SemanticTokenTypes.decorator });
            }
        } else if (isDurationProperty(node)) {
            acceptor({ node, property: 'unit', type: SemanticTokenTypes.enumMember });
        }
    }
}
