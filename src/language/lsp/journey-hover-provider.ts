import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { MarkupKind, type Hover, type HoverParams, type MarkupContent } from 'vscode-languageserver';
import {
    isChannel, isEmotionProperty, isJourney, isOwner, isPersona, isStakeholder, isTouchpoint, isWithProperty, type Channel, type EmotionProperty,
    type Journey, type Owner, type Persona, type Stakeholder, type Touchpoint
} from '../generated/ast.js';
import { CIRCLES } from '../../map/vocabulary/circles.js';
import { stakeholderModel } from '../stakeholder-model-builder.js';
import type { EmotionModel, TouchpointModel } from '../../map/model.js';
import { compareJourneys } from '../../map/compare/compare-journeys.js';
import { gradeOf, isValidGrade, MAX_GRADE, MIN_GRADE } from '../../map/vocabulary/grades.js';
import { noteKind } from '../../map/vocabulary/notes.js';
import type { JourneyServices } from '../journey-module.js';
import { buildJourneyModel, buildTouchpointModel } from '../map-model-builder.js';
import { formatDuration, formatList, plural } from '../../map/format.js';
import { markdownText as md, markdownToPlainText } from '../../map/markdown-text.js';
import { personaNames, touchpointFacts } from '../touchpoint-properties.js';

/**
 * Short Markdown cards: a touchpoint's facts on its name (or on a step `replaces` names); an owner's,
 * channel's, persona's or journey's title and how much of the workspace uses it on its name or any
 * reference to it; on an emotion grade, whose grade it is and what it means, and in a redesign the grade
 * of the same step today. A client that did not declare Markdown for hovers gets the same cards as plain text.
 */
export class JourneyHoverProvider extends AstNodeHoverProvider {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        super(services);
        this.#services = services;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await this.#markdownHover(document, params);
        if (!hover || this.#services.shared.lsp.ClientCapabilities.markdownHover) {
            return hover;
        }
        const { value } = hover.contents as MarkupContent;
        return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(value) } };
    }

    async #markdownHover(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const node = leaf?.astNode;
        if (leaf && isEmotionProperty(node) && leaf.text === String(node.grade) && isValidGrade(node.grade)) {
            return markdown(this.#gradeCard(node, document), leaf.range);
        }
        if (leaf && isTouchpoint(node) && leaf === this.#services.references.NameProvider.getNameNode(node)) {
            return markdown(this.#touchpointCard(node, document), leaf.range);
        }
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isOwner(node) || isChannel(node) || isPersona(node)) {
            return this.#declarationCard(node);
        }
        if (isStakeholder(node)) {
            return this.#stakeholderCard(node);
        }
        if (isJourney(node)) {
            return this.#journeyCard(node);
        }
        if (isTouchpoint(node)) {
            // A step named by `replaces`: the card of that step of the journey of today.
            return `${this.#touchpointCard(node, AstUtils.getDocument(node))}\n\nA step of journey '${md(node.$container.$container.name)}'.`;
        }
        return undefined;
    }

    /**
     * Whose grade it is (the persona named, or those the shared line grades), what it means, and in a
     * redesign the grade of the same step in the journey of today (the step of that name, or those this
     * one replaces: the comparison engine's matching).
     */
    #gradeCard(emotion: EmotionProperty, document: LangiumDocument): string {
        const touchpoint = emotion.$container;
        const journey = touchpoint.$container.$container;
        const personas = personaNames(journey);
        const { meaning, advice } = gradeOf(emotion.grade);
        const scale = `The scale runs from ${MIN_GRADE} (${gradeOf(MIN_GRADE).meaning}) to ${MAX_GRADE} (${gradeOf(MAX_GRADE).meaning}).`;
        let whom: (string | undefined)[];
        let lines: string[];
        if (!emotion.persona && personas.length === 0) {
            whom = [undefined];
            lines = [`**Emotion ${emotion.grade}: ${meaning}**: ${advice}`, scale];
        } else {
            const own = new Set(touchpointFacts(touchpoint).emotions.flatMap(line => line.persona ? [line.persona.$refText] : []));
            const names = emotion.persona ? [emotion.persona.$refText] : personas.filter(persona => !own.has(persona));
            whom = names;
            const graded = `${emotion.grade} of ${MAX_GRADE}, ${meaning}`;
            const headline = names.length > 0
                ? `**${md(formatList(names))}: ${graded}**`
                : `**${graded}**, for no persona: each has a line of their own`;
            lines = [`${headline}${emotion.feeling ? ` — ${md(emotion.feeling)}` : ''}`, `${advice[0].toUpperCase()}${advice.slice(1)} ${scale}`];
        }
        const today = this.#todayLine(journey, touchpoint, whom, document);
        return [...lines, ...(today ? [today] : [])].join('\n\n');
    }

    /** In a redesign: the grades of this step's counterparts in the journey of today, for these personas. */
    #todayLine(journey: Journey, touchpoint: Touchpoint, whom: (string | undefined)[], document: LangiumDocument): string | undefined {
        if (!journey.redesigns?.ref || whom.length === 0) {
            return undefined;
        }
        const model = buildJourneyModel(journey, document);
        if (!model.current) {
            return undefined;
        }
        const matched = compareJourneys(model.current, model).steps.filter(step => step.before
            && (step.after?.name === touchpoint.name || step.replacedBy === touchpoint.name));
        const where = `Today in '${md(model.current.name)}'`;
        if (matched.length === 0) {
            return `${where}: a new step.`;
        }
        const grades = matched.flatMap(({ before, replacedBy }) => whom.map(persona => {
            const label = [replacedBy ? md(before!.name) : undefined, persona && whom.length > 1 ? `${replacedBy ? 'for ' : ''}${md(persona)}` : undefined]
                .filter(Boolean).join(' ');
            return `${label ? `${label} ` : ''}${todayGrade(before!, persona)}`;
        }));
        return `${where}: ${grades.join('; ')}.`;
    }

    #touchpointCard(touchpoint: Touchpoint, document: LangiumDocument): string {
        const stage = touchpoint.$container;
        const personas = personaNames(stage.$container);
        const model = buildTouchpointModel(touchpoint, stage, stage.$container.stages.flatMap(s => s.touchpoints).indexOf(touchpoint), document, personas);
        const lines = [`**${md(model.title)}**${model.momentOfTruth ? ' · ★ moment of truth' : ''}`, ''];
        const facts: string[] = [`Stage: ${md(stage.title ?? stage.name)}`];
        facts.push(model.owner ? `Owner: ${md(model.owner.title)}${model.owner.external ? ' (external)' : ''}` : 'Owner: **none**');
        facts.push(model.channel ? `Channel: ${md(model.channel.title)}` : 'Channel: none');
        if (personas.length > 1) {
            facts.push(`Emotion: ${personas.map(persona => `${md(persona)} ${emotionText(model.emotions.find(emotion => emotion.persona === persona))}`).join('; ')}`);
        } else {
            facts.push(`Emotion: ${emotionText(model.emotions[0])}`);
        }
        const measures = [
            model.contacts !== undefined ? plural(model.contacts, 'contact') : undefined,
            model.duration ? formatDuration(model.duration) : undefined
        ].filter(Boolean);
        if (measures.length > 0) {
            facts.push(`Measures: ${measures.join(', ')}`);
        }
        lines.push(...facts.map(fact => `- ${fact}`));
        for (const { kind, lane: label } of [noteKind('pain'), noteKind('idea')]) {
            const notes = model.notes.filter(note => note.kind === kind);
            if (notes.length > 0) {
                lines.push('', `${label}:`, ...notes.map(note => `- ${md(note.text)}`));
            }
        }
        return lines.join('\n');
    }

    #declarationCard(declaration: Owner | Channel | Persona): string {
        const users = isPersona(declaration) ? this.#journeysOf(declaration) : this.#services.references.References.findReferences(declaration, { includeDeclaration: false }).count();
        const title = declaration.title ? ` · ${md(declaration.title)}` : '';
        const kind = declaration.$type.toLowerCase();
        const what = isPersona(declaration) ? 'journey' : 'touchpoint';
        const external = isOwner(declaration) && declaration.external ? '\n\nExternal: a partner outside the organisation.' : '';
        const use = users === 0 ? `No ${what} in the workspace uses this ${kind}.` : `Used by ${plural(users, what)} in the workspace.`;
        return `**${kind} ${md(declaration.name)}**${title}${external}\n\n${use}`;
    }

    /** A stakeholder's place on the stakeholder map: its title, circle, what it gives and gets, its links, the touchpoints it takes part in. */
    #stakeholderCard(stakeholder: Stakeholder): string {
        const model = stakeholderModel(stakeholder, AstUtils.getDocument(stakeholder));
        const circle = CIRCLES.find(entry => entry.circle === model.circle)!;
        const lines = [`**stakeholder ${md(stakeholder.name)}**${stakeholder.title ? ` · ${md(stakeholder.title)}` : ''}`, '',
            `- Circle: ${circle.circle} (${circle.detail})`,
            ...model.gives.map(text => `- Gives: ${md(text)}`),
            ...model.gets.map(text => `- Gets: ${md(text)}`),
            ...model.links.map(link => `- Link to ${md(link.to)}: ${md(link.text)}`)];
        const touchpoints = this.#touchpointsWith(stakeholder);
        lines.push('', touchpoints === 0 ? 'Takes part in no touchpoint of the workspace.' : `Takes part in ${plural(touchpoints, 'touchpoint')} in the workspace.`);
        return lines.join('\n');
    }

    /** The touchpoints whose `with` names a party. */
    #touchpointsWith(party: Owner | Stakeholder): number {
        const documents = this.#services.shared.workspace.LangiumDocuments;
        const locator = this.#services.workspace.AstNodeLocator;
        let count = 0;
        for (const reference of this.#services.references.References.findReferences(party, { includeDeclaration: false })) {
            const root = documents.getDocument(reference.sourceUri)?.parseResult.value;
            if (root && isWithProperty(locator.getAstNode(root, reference.sourcePath))) {
                count++;
            }
        }
        return count;
    }

    /** The journeys that name a persona, in their `for` lists or their `emotion` lines, each counted once. */
    #journeysOf(persona: Persona): number {
        const documents = this.#services.shared.workspace.LangiumDocuments;
        const locator = this.#services.workspace.AstNodeLocator;
        const journeys = new Set<Journey>();
        for (const reference of this.#services.references.References.findReferences(persona, { includeDeclaration: false })) {
            const root = documents.getDocument(reference.sourceUri)?.parseResult.value;
            const journey = root && AstUtils.getContainerOfType(locator.getAstNode(root, reference.sourcePath), isJourney);
            if (journey) {
                journeys.add(journey);
            }
        }
        return journeys.size;
    }

    /** A journey's title, whom it is for, its size, the journey it redesigns and how many redesign it. */
    #journeyCard(journey: Journey): string {
        const personas = journey.personas.map(persona => md(persona.$refText));
        const touchpoints = journey.stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0);
        const redesigns = this.#services.references.References.findReferences(journey, { includeDeclaration: false }).count();
        const facts = [
            `${personas.length > 0 ? `For ${formatList(personas)}: ` : ''}${plural(touchpoints, 'touchpoint')} in ${plural(journey.stages.length, 'stage')}.`,
            ...(journey.redesigns ? [`Redesigns '${md(journey.redesigns.$refText)}'.`] : []),
            ...(redesigns > 0 ? [`Redesigned by ${plural(redesigns, 'journey')} in the workspace.`] : [])
        ];
        return `**journey ${md(journey.name)}**${journey.title ? ` · ${md(journey.title)}` : ''}\n\n${facts.join(' ')}`;
    }
}

/** A grade as the touchpoint card gives it: `2 (negative), "confused"`, or not graded. */
function emotionText(emotion: EmotionModel | undefined): string {
    return emotion ? `${emotion.grade} (${emotion.meaning})${emotion.feeling ? `, "${md(emotion.feeling)}"` : ''}` : '**not graded**';
}

/** A persona's grade of a step of the journey of today: "1 of 5, very negative". */
function todayGrade(step: TouchpointModel, persona: string | undefined): string {
    const emotion = step.emotions.find(candidate => candidate.persona === persona);
    return emotion ? `${emotion.grade} of ${MAX_GRADE}, ${emotion.meaning}` : 'not graded';
}

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: MarkupKind.Markdown, value }, range };
}
