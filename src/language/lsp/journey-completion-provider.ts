import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, NextFeature } from 'langium/lsp';
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { RestartingCompletionProvider } from '../fast/restarting-completion-provider.js';
import {
    isChannel, isEmotionProperty, isJourney, isOwner, isParty, isPartyField, isPersona, isStakeholder, isTouchpoint, isWithProperty, type Party,
    type Touchpoint
} from '../generated/ast.js';
import { CIRCLES } from '../../map/vocabulary/circles.js';
import { GRADES } from '../../map/vocabulary/grades.js';
import { DURATION_UNITS } from '../../map/vocabulary/durations.js';
import type { JourneyServices } from '../journey-module.js';
import { personaNames, TOUCHPOINT_PROPERTIES, TOUCHPOINT_PROPERTY_RULES, type TouchpointPropertyInfo } from '../touchpoint-properties.js';
import { describedNode } from '../workspace/described-node.js';

/** The fields of an owner's or a stakeholder's body, in the order completion offers them, with what each is for. */
const PARTY_FIELDS: readonly { keyword: string, detail: string }[] = [
    { keyword: 'circle', detail: `its circle on the stakeholder map: ${CIRCLES.map(({ circle }) => circle).join(', ')}` },
    { keyword: 'gives', detail: 'what it does for the customer (may repeat)' },
    { keyword: 'gets', detail: 'what it gets in return (may repeat)' },
    { keyword: 'link', detail: 'a relationship with another owner or stakeholder (may repeat)' }
];

/**
 * What may come next at the cursor, with what each item means: the properties a touchpoint can still
 * take and the fields of an owner's or a stakeholder's body, the declarations a reference can name (titles
 * as details; after `emotion`, the journey's own personas; after `redesigns`, the other journeys; after
 * `replaces`, the steps of the journey redesigned; after `with`, the parties not yet taking part; after
 * `link`, the other parties), the grades, the duration units and the circles.
 */
export class JourneyCompletionProvider extends RestartingCompletionProvider {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.#services = services;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (assignment && !GrammarAST.isCrossReference(assignment.terminal)) {
            if (rule?.name === 'EmotionProperty' && assignment.feature === 'grade') {
                return this.#completeGrades(context, acceptor);
            }
            if (rule?.name === 'DurationProperty' && assignment.feature === 'unit') {
                return this.#completeUnits(context, acceptor);
            }
            if (rule?.name === 'PartyField' && assignment.feature === 'circle') {
                return this.#completeCircles(context, acceptor);
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const touchpoint = context.node && AstUtils.getContainerOfType(context.node, isTouchpoint);
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule?.name === 'PartyField') {
            return this.#completePartyField(context, keyword, acceptor);
        }
        const property = TOUCHPOINT_PROPERTIES.findIndex(p => p.keyword === keyword.value);
        if (!touchpoint || property < 0 || !rule || !TOUCHPOINT_PROPERTY_RULES.has(rule.name)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        const info = TOUCHPOINT_PROPERTIES[property];
        if (!canTake(touchpoint, info)) {
            return;
        }
        const { label, detail } = info;
        acceptor(context, {
            label,
            detail,
            kind: CompletionItemKind.Property,
            sortText: `0${property.toString().padStart(2, '0')}`
        });
    }

    /** Every item as the client can take it: a kind it knows, documentation in a format it reads. */
    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const filled = super.fillCompletionItem(context, item);
        if (!filled) {
            return undefined;
        }
        const capabilities = this.#services.shared.lsp.ClientCapabilities;
        const { documentation } = filled;
        return {
            ...filled,
            kind: filled.kind === undefined ? undefined : capabilities.completionItemKind(filled.kind),
            documentation: typeof documentation === 'object' && documentation.kind === MarkupKind.Markdown && !capabilities.markdownCompletionDocumentation
                ? { kind: MarkupKind.PlainText, value: documentation.value }
                : documentation
        };
    }

    /** A persona graded in a touchpoint is one of its journey's; a journey redesigns another. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const journey = AstUtils.getContainerOfType(refInfo.container, isJourney);
        if (isEmotionProperty(refInfo.container) && journey) {
            const personas = new Set(journey.personas.map(persona => persona.$refText));
            return candidates.filter(candidate => personas.has(candidate.name));
        }
        if (journey === refInfo.container && refInfo.property === 'redesigns') {
            return candidates.filter(candidate => candidate.name !== journey.name);
        }
        if (isWithProperty(refInfo.container)) {
            // The touchpoint's owner and the parties listed already would be redundant-with.
            const listed = new Set(refInfo.container.$container.properties.flatMap(property => property.$type === 'OwnerProperty' ? [property.owner?.$refText]
                : property.$type === 'WithProperty' ? property.parties.filter(party => party !== refInfo.reference).map(party => party.$refText) : []));
            return candidates.filter(candidate => !listed.has(candidate.name));
        }
        if (isPartyField(refInfo.container)) {
            const self = refInfo.container.$container.name;
            return candidates.filter(candidate => candidate.name !== self);
        }
        return candidates;
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const declaration = describedNode(this.#services, nodeDescription);
        if (isOwner(declaration)) {
            item.detail = [declaration.title, declaration.external ? '(external)' : undefined].filter(Boolean).join(' ') || 'Owner';
        } else if (isStakeholder(declaration) || isChannel(declaration) || isPersona(declaration) || isJourney(declaration)) {
            item.detail = declaration.title ?? declaration.$type;
        } else if (isTouchpoint(declaration)) {
            const stage = declaration.$container;
            item.detail = `${declaration.title ?? declaration.name} (stage ${stage.title ?? stage.name})`;
        }
        return item;
    }

    #completeGrades(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const { value, meaning } of GRADES) {
            acceptor(context, { label: String(value), detail: meaning, kind: CompletionItemKind.EnumMember, sortText: `0${value}` });
        }
    }

    /** `circle`, once per party; `gives`, `gets` and `link` always. */
    #completePartyField(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const index = PARTY_FIELDS.findIndex(field => field.keyword === keyword.value);
        const party: Party | undefined = context.node ? AstUtils.getContainerOfType(context.node, isParty) : undefined;
        if (index < 0 || (keyword.value === 'circle' && party?.fields.some(field => field.kind === 'circle'))) {
            return;
        }
        acceptor(context, { label: keyword.value, detail: PARTY_FIELDS[index].detail, kind: CompletionItemKind.Property, sortText: `0${index}` });
    }

    #completeCircles(context: CompletionContext, acceptor: CompletionAcceptor): void {
        CIRCLES.forEach(({ circle, detail }, index) => {
            acceptor(context, { label: circle, detail, kind: CompletionItemKind.EnumMember, sortText: `0${index}` });
        });
    }

    #completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        Object.entries(DURATION_UNITS).forEach(([unit, { label }], index) => {
            acceptor(context, { label: unit, detail: label, kind: CompletionItemKind.Unit, sortText: `0${index}` });
        });
    }
}

/**
 * Whether a touchpoint can take one more of a property: a single-valued one it does not have yet; an
 * `emotion` line while none grades it, or, in a journey of several personas, while one of them has no line
 * of their own; `replaces` only in a redesign.
 */
function canTake(touchpoint: Touchpoint, property: TouchpointPropertyInfo): boolean {
    const present = touchpoint.properties.filter(given => given.$type === property.type);
    if (property.type === 'EmotionProperty') {
        const personas = personaNames(touchpoint.$container.$container);
        const graded = new Set(present.filter(isEmotionProperty).map(emotion => emotion.persona?.$refText));
        return present.length === 0 || (personas.length > 1 && personas.some(persona => !graded.has(persona)));
    }
    if (property.type === 'ReplacesProperty' && !touchpoint.$container.$container.redesigns) {
        return false;
    }
    return !property.single || present.length === 0;
}
