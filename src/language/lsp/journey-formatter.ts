import type { AstNode, CstNode, LangiumDocument, TextDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext, type NodeFormatter } from 'langium/lsp';
import type {
    DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit
} from 'vscode-languageserver';
import {
    isChannel, isDurationProperty, isEmotionProperty, isJourney, isJourneyFile, isMomentOfTruth, isNote, isOwner, isPartyField, isPersona,
    isReplacesProperty, isStage, isStakeholder, isTouchpoint, isWithProperty,
    type Channel, type JourneyFile, type Owner, type Persona, type Stakeholder, type Touchpoint
} from '../generated/ast.js';
import { propertyOf } from '../touchpoint-properties.js';

/** The language's own indentation, like gofmt's: the same whatever the client's editor is set to. */
const CANONICAL_OPTIONS: FormattingOptions = { tabSize: 2, insertSpaces: true };

/**
 * One canonical layout: a declaration per line, two-space indentation, one property per line, values of
 * a touchpoint's single-valued properties (and of its evidence and support notes) aligned, persona fields
 * and the texts of an owner's or stakeholder's gives, gets and links aligned, and the titles of a run of
 * owners (or channels) aligned. Blank lines between declarations and stages are kept; comments stay.
 * The indentation options a client sends are ignored. A range (or the line typed on) gets exactly the
 * edits a full format makes on its lines, so a document with syntax errors gets none, as in a full format.
 */
export class JourneyFormatter extends AbstractFormatter {
    override async formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): Promise<TextEdit[]> {
        return this.#formatLines(document, params.range);
    }

    override async formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): Promise<TextEdit[]> {
        return this.#formatLines(document, { start: { line: params.position.line, character: 0 }, end: params.position });
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        return super.doDocumentFormat(document, CANONICAL_OPTIONS, range);
    }

    /**
     * Langium indents a comment on a line of its own by inserting or deleting characters at the start of
     * each of its lines, which keeps the tabs there: each line's leading whitespace becomes spaces instead,
     * shifted as Langium shifts it.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined,
        context: FormattingContext): TextEdit[] {
        const first = hidden.range.start.line;
        if (previous?.range.end.line === first) {
            return [];
        }
        const shifts = new Map(super.createHiddenTextEdits(previous, hidden, formatting, context).map(edit => [edit.range.start.line, edit]));
        const edits: TextEdit[] = [];
        for (let line = first; line <= hidden.range.end.line; line++) {
            const leading = /^[ \t]*/.exec(context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
            const shift = shifts.get(line);
            const shifted = !shift ? leading : shift.newText ? shift.newText + leading : leading.slice(shift.range.end.character);
            const spaces = ' '.repeat(shifted.replaceAll('\t', ' '.repeat(context.options.tabSize)).length);
            if (spaces !== leading) {
                edits.push({ range: { start: { line, character: 0 }, end: { line, character: leading.length } }, newText: spaces });
            }
        }
        return edits;
    }

    async #formatLines(document: LangiumDocument, range: Range): Promise<TextEdit[]> {
        // Langium's own range formatting formats only the nodes inside the range, so lines whose block
        // starts before it lose their indentation: the whole document is formatted instead.
        const edits = await this.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: CANONICAL_OPTIONS });
        return editsOnLines(document.textDocument, edits, range);
    }

    protected format(node: AstNode): void {
        if (isJourneyFile(node)) {
            this.#formatFile(node);
        } else if (isOwner(node) || isChannel(node)) {
            const f = this.getNodeFormatter(node);
            f.property('name').prepend(Formatting.oneSpace());
            if (isOwner(node)) {
                f.keyword('external').prepend(Formatting.oneSpace());
                this.#formatPartyBody(node);
            }
        } else if (isStakeholder(node)) {
            this.getNodeFormatter(node).properties('name', 'title').prepend(Formatting.oneSpace());
            this.#formatPartyBody(node);
        } else if (isPartyField(node)) {
            this.getNodeFormatter(node).properties('circle', 'text').prepend(Formatting.oneSpace());
        } else if (isPersona(node)) {
            this.#formatPersona(node);
        } else if (isJourney(node)) {
            const f = this.getNodeFormatter(node);
            f.properties('name', 'title').prepend(Formatting.oneSpace());
            f.keywords('for', 'redesigns').prepend(Formatting.oneSpace());
            f.properties('personas', 'redesigns').prepend(Formatting.oneSpace());
            f.keywords(',').prepend(Formatting.noSpace());
            this.#formatBlock(f, node.stages.length === 0 && !node.goal && !node.description, true);
            // After the block: the goal's and description's texts are inside the braces too, but stay on their line.
            f.properties('goal', 'description', 'accessibleTitle').prepend(Formatting.oneSpace());
            f.keyword('titled').prepend(Formatting.oneSpace());
        } else if (isStage(node)) {
            const f = this.getNodeFormatter(node);
            f.properties('name', 'title').prepend(Formatting.oneSpace());
            this.#formatBlock(f, node.touchpoints.length === 0, true);
        } else if (isTouchpoint(node)) {
            this.#formatTouchpoint(node);
        } else if (isMomentOfTruth(node)) {
            const f = this.getNodeFormatter(node);
            f.keywords('of', 'truth').prepend(Formatting.oneSpace());
        } else if (isEmotionProperty(node)) {
            const f = this.getNodeFormatter(node);
            f.property('feeling').prepend(Formatting.oneSpace());
            if (node.persona) {
                // The persona's name is what the touchpoint lines up; the grade follows it.
                f.property('grade').prepend(Formatting.oneSpace());
            }
        } else if (isReplacesProperty(node) || isWithProperty(node)) {
            const f = this.getNodeFormatter(node);
            f.keywords(',').prepend(Formatting.noSpace());
            f.keywords(',').append(Formatting.oneSpace());
        } else if (isDurationProperty(node)) {
            this.getNodeFormatter(node).property('unit').prepend(Formatting.oneSpace());
        } else if (isNote(node)) {
            this.getNodeFormatter(node).properties('owner', 'text').prepend(Formatting.oneSpace());
        }
    }

    #formatFile(file: JourneyFile): void {
        const f = this.getNodeFormatter(file);
        f.nodes(...file.declarations.slice(1)).prepend(Formatting.newLine({ allowMore: true }));
        // Titles of consecutive owners (or channels) line up, as in a table.
        let run: (Owner | Channel)[] = [];
        const flush = () => {
            const width = Math.max(...run.map(d => d.name.length));
            for (const declaration of run) {
                this.getNodeFormatter(declaration).property('title').prepend(Formatting.spaces(width - declaration.name.length + 1));
            }
            run = [];
        };
        for (const declaration of file.declarations) {
            if ((isOwner(declaration) || isChannel(declaration)) && (run.length === 0 || run[0].$type === declaration.$type)) {
                run.push(declaration);
            } else {
                flush();
                if (isOwner(declaration) || isChannel(declaration)) {
                    run.push(declaration);
                }
            }
        }
        flush();
    }

    #formatPersona(persona: Persona): void {
        const f = this.getNodeFormatter(persona);
        f.properties('name', 'title').prepend(Formatting.oneSpace());
        if (!f.keyword('{').nodes.length) {
            return;
        }
        this.#formatBlock(f, persona.fields.length === 0, false);
        const width = Math.max(...persona.fields.map(field => field.kind.length));
        for (const field of persona.fields) {
            this.getNodeFormatter(field).property('text').prepend(Formatting.spaces(width - field.kind.length + 1));
        }
    }

    /** An owner's or a stakeholder's body as a persona's: a field per line, the texts of gives, gets and link aligned (`gets  "..."`). */
    #formatPartyBody(party: Owner | Stakeholder): void {
        const f = this.getNodeFormatter(party);
        if (!f.keyword('{').nodes.length) {
            return;
        }
        this.#formatBlock(f, party.fields.length === 0, false);
        // circle names a ring, not a text: its word keeps one space.
        const texts = party.fields.filter(field => field.kind !== 'circle');
        const width = Math.max(...texts.map(field => field.kind.length));
        for (const field of texts) {
            this.getNodeFormatter(field).property(field.kind === 'link' ? 'party' : 'text').prepend(alignedSpaces(width - field.kind.length + 1));
        }
    }

    #formatTouchpoint(touchpoint: Touchpoint): void {
        const f = this.getNodeFormatter(touchpoint);
        f.properties('name', 'title').prepend(Formatting.oneSpace());
        if (!f.keyword('{').nodes.length) {
            return;
        }
        this.#formatBlock(f, touchpoint.properties.length === 0, false);
        // The values of the properties that have one line up: `owner    Comms`, `duration 2 min`, `emotion  Maria 2`.
        const aligned = touchpoint.properties.map(node => ({ node, info: propertyOf(node) })).filter(({ info }) => info.value !== undefined);
        const width = Math.max(...aligned.map(({ info }) => info.keyword.length));
        for (const { node, info } of aligned) {
            // The table names the value's property (a test holds it to the grammar), which the AST types cannot check here.
            const formatter = this.getNodeFormatter(node as unknown as AstNode & Record<string, unknown>);
            const value = isEmotionProperty(node) && node.persona ? 'persona' : isNote(node) && node.owner ? 'owner' : info.value!;
            formatter.property(value).prepend(alignedSpaces(width - info.keyword.length + 1));
        }
    }

    /**
     * `name {`, the contents indented one per line, `}` on its own line; `{ }` when empty. Blank lines are
     * kept between stages and touchpoints (`keepBlankLines`), not between properties.
     */
    #formatBlock(f: NodeFormatter<AstNode>, empty: boolean, keepBlankLines: boolean): void {
        const open = f.keyword('{');
        const close = f.keyword('}');
        open.prepend(Formatting.oneSpace());
        if (empty) {
            close.prepend(Formatting.oneSpace());
        } else {
            f.interior(open, close).prepend(Formatting.indent({ allowMore: keepBlankLines }));
            close.prepend(Formatting.newLine());
        }
    }
}

/** The spaces before an aligned value, over the one space its own node gives it (the container is formatted first). */
function alignedSpaces(spaces: number): FormattingAction {
    return Formatting.spaces(spaces, { priority: 1 });
}

/**
 * The parts of a whole document's edits that fall on the lines of `range` (a range ending at the start
 * of a line stops before it). Each edit replaces the whitespace between two tokens: one that keeps its
 * line breaks is cut at them, each piece on its own line (trailing spaces, blank lines, indentation);
 * one that adds or removes line breaks belongs to the line of the token after it.
 */
function editsOnLines(text: TextDocument, edits: TextEdit[], range: Range): TextEdit[] {
    const first = range.start.line;
    const last = range.end.line > first && range.end.character === 0 ? range.end.line - 1 : range.end.line;
    const onLines = (line: number) => first <= line && line <= last;
    return edits.flatMap(edit => {
        const before = text.getText(edit.range).split('\n').map(part => part.replace(/\r$/, ''));
        const after = edit.newText.split('\n');
        if (before.length !== after.length) {
            return onLines(edit.range.end.line) ? [edit] : [];
        }
        return before.flatMap((old, i): TextEdit[] => {
            const line = edit.range.start.line + i;
            const start = i === 0 ? edit.range.start : { line, character: 0 };
            const end = i === before.length - 1 ? edit.range.end : { line, character: start.character + old.length };
            return onLines(line) && old !== after[i] ? [{ range: { start, end }, newText: after[i] }] : [];
        });
    });
}
