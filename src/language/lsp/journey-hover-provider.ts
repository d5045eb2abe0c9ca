import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { MarkupKind, type Hover, type HoverParams, type MarkupContent } from 'vscode-languageserver';
import { isChannel, isEmotionProperty, isOwner, isPersona, isTouchpoint, type Channel, type Owner, type Persona, type Touchpoint } from '../generated/ast.js';
import { GRADE_MEANINGS, isValidGrade, MAX_GRADE, MIN_GRADE } from '../../map/vocabulary/grades.js';
import type { JourneyServices } from '../journey-module.js';
import { buildTouchpointModel } from '../map-model-builder.js';
import { formatDecimal, formatDuration } from '../../map/format.js';
import { escapeMarkdown as md, markdownToPlainText } from './markdown.js';

const GRADE_ADVICE: Record<number, string> = {
    1: 'a low point: the customer is upset, angry or gives up.',
    2: 'the customer is frustrated, confused or anxious.',
    3: 'neither good nor bad: the customer gets through it.',
    4: 'the customer is pleased; it works as it should.',
    5: 'a high point: the customer is delighted or relieved.'
};

/**
 * Short Markdown cards: a touchpoint's facts on its name; an owner's, channel's or persona's title and
 * how much of the workspace uses it on its name or any reference to it; the meaning of an emotion grade.
 * A client that did not declare Markdown for hovers gets the same cards as plain text.
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
            return markdown(gradeCard(node.grade), leaf.range);
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
        return undefined;
    }

    #touchpointCard(touchpoint: Touchpoint, document: LangiumDocument): string {
        const stage = touchpoint.$container;
        const model = buildTouchpointModel(touchpoint, stage, stage.$container.stages.flatMap(s => s.touchpoints).indexOf(touchpoint), document);
        const lines = [`**${md(model.title)}**${model.momentOfTruth ? ' · ★ moment of truth' : ''}`, ''];
        const facts: string[] = [`Stage: ${md(stage.title ?? stage.name)}`];
        facts.push(model.owner ? `Owner: ${md(model.owner.title)}${model.owner.external ? ' (external)' : ''}` : 'Owner: **none**');
        facts.push(model.channel ? `Channel: ${md(model.channel.title)}` : 'Channel: none');
        facts.push(model.emotion
            ? `Emotion: ${model.emotion.grade} (${model.emotion.meaning})${model.emotion.feeling ? `, "${md(model.emotion.feeling)}"` : ''}`
            : 'Emotion: **not graded**');
        const measures = [
            model.contacts !== undefined ? `${formatDecimal(model.contacts)} contact${model.contacts === 1 ? '' : 's'}` : undefined,
            model.duration ? formatDuration(model.duration) : undefined
        ].filter(Boolean);
        if (measures.length > 0) {
            facts.push(`Measures: ${measures.join(', ')}`);
        }
        lines.push(...facts.map(fact => `- ${fact}`));
        for (const [kind, label] of [['pain', 'Pain points'], ['idea', 'Ideas']] as const) {
            const notes = model.notes.filter(note => note.kind === kind);
            if (notes.length > 0) {
                lines.push('', `${label}:`, ...notes.map(note => `- ${md(note.text)}`));
            }
        }
        return lines.join('\n');
    }

    #declarationCard(declaration: Owner | Channel | Persona): string {
        const users = this.#services.references.References.findReferences(declaration, { includeDeclaration: false }).count();
        const title = declaration.title ? ` · ${md(declaration.title)}` : '';
        const kind = declaration.$type.toLowerCase();
        const what = isPersona(declaration) ? 'journey' : 'touchpoint';
        const external = isOwner(declaration) && declaration.external ? '\n\nExternal: a partner outside the organisation.' : '';
        const use = users === 0 ? `No ${what} in the workspace uses this ${kind}.` : `Used by ${users} ${what}${users === 1 ? '' : 's'} in the workspace.`;
        return `**${kind} ${md(declaration.name)}**${title}${external}\n\n${use}`;
    }
}

function gradeCard(grade: number): string {
    return `**Emotion ${grade}: ${GRADE_MEANINGS[grade]}**: ${GRADE_ADVICE[grade]}\n\nThe scale runs from ${MIN_GRADE} (${GRADE_MEANINGS[MIN_GRADE]}) to ${MAX_GRADE} (${GRADE_MEANINGS[MAX_GRADE]}).`;
}

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: MarkupKind.Markdown, value }, range };
}
