import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { MarkupKind, type Hover, type HoverParams, type MarkupContent } from 'vscode-languageserver';
import { isChannel, isEmotionProperty, isOwner, isPersona, isTouchpoint, type Channel, type Owner, type Persona, type Touchpoint } from '../generated/ast.js';
import { gradeOf, isValidGrade, MAX_GRADE, MIN_GRADE } from '../../map/vocabulary/grades.js';
import { noteKind } from '../../map/vocabulary/notes.js';
import type { JourneyServices } from '../journey-module.js';
import { buildTouchpointModel } from '../map-model-builder.js';
import { formatDuration, plural } from '../../map/format.js';
import { markdownText as md, markdownToPlainText } from '../../map/markdown-text.js';

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
        const personas = stage.$container.personas.map(persona => persona.$refText);
        const model = buildTouchpointModel(touchpoint, stage, stage.$container.stages.flatMap(s => s.touchpoints).indexOf(touchpoint), document, personas);
        const lines = [`**${md(model.title)}**${model.momentOfTruth ? ' · ★ moment of truth' : ''}`, ''];
        const facts: string[] = [`Stage: ${md(stage.title ?? stage.name)}`];
        facts.push(model.owner ? `Owner: ${md(model.owner.title)}${model.owner.external ? ' (external)' : ''}` : 'Owner: **none**');
        facts.push(model.channel ? `Channel: ${md(model.channel.title)}` : 'Channel: none');
        const [emotion] = model.emotions;
        facts.push(emotion
            ? `Emotion: ${emotion.grade} (${emotion.meaning})${emotion.feeling ? `, "${md(emotion.feeling)}"` : ''}`
            : 'Emotion: **not graded**');
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
        const users = this.#services.references.References.findReferences(declaration, { includeDeclaration: false }).count();
        const title = declaration.title ? ` · ${md(declaration.title)}` : '';
        const kind = declaration.$type.toLowerCase();
        const what = isPersona(declaration) ? 'journey' : 'touchpoint';
        const external = isOwner(declaration) && declaration.external ? '\n\nExternal: a partner outside the organisation.' : '';
        const use = users === 0 ? `No ${what} in the workspace uses this ${kind}.` : `Used by ${plural(users, what)} in the workspace.`;
        return `**${kind} ${md(declaration.name)}**${title}${external}\n\n${use}`;
    }
}

function gradeCard(grade: number): string {
    const { meaning, advice } = gradeOf(grade);
    return `**Emotion ${grade}: ${meaning}**: ${advice}\n\nThe scale runs from ${MIN_GRADE} (${gradeOf(MIN_GRADE).meaning}) to ${MAX_GRADE} (${gradeOf(MAX_GRADE).meaning}).`;
}

function markdown(value: string, range: Hover['range']): Hover {
    return { contents: { kind: MarkupKind.Markdown, value }, range };
}
