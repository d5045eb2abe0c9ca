/**
 * A reader for Mermaid `journey` diagrams that reads them as Mermaid 12 does: its preprocessing
 * (`mermaid-preprocess.ts`), then the lexer and grammar of its `journey.jison`, rule for rule:
 *
 *     journey
 *       title My working day
 *       accTitle: ...            accDescr: ...   or   accDescr { ...lines... }
 *       section Go to work
 *         Make tea: 5: Me
 *         Do work: 1: Me, Cat
 *
 * A task is `name: score: actor, actor`. `#` starts a comment anywhere a token may start, and so does
 * `%` (one is enough); `;` is no separator but an error; `accTitle:` and `accDescr:` run to the end of
 * the line, `#` and `;` included; keywords are case-insensitive. A diagram Mermaid rejects is refused
 * with the line and what is wrong. Markdown files give every fenced ```mermaid block that holds a journey.
 */
import {
    asWritten, decodeEntities, MermaidSyntaxError, preprocessDiagram, type MermaidComment, type PreprocessedDiagram,
    type TrackedText
} from './mermaid-preprocess.js';

export interface MermaidTask {
    title: string;
    /** The score as Mermaid reads it, with `Number()`: NaN when it is not a number, 0 when it is blank. */
    score: number;
    /** The score as written (trimmed). */
    scoreText: string;
    actors: string[];
    /** `%%` comments written just before the task. */
    comments: string[];
    /** A `%% ungraded:` comment (written by `journey export`) came just before: the score is a stand-in. */
    ungraded: boolean;
}

export interface MermaidSection {
    /** Undefined for the tasks written before the first `section`, which Mermaid draws in no section. */
    title?: string;
    tasks: MermaidTask[];
    comments: string[];
}

export interface MermaidJourney {
    title?: string;
    accTitle?: string;
    accDescr?: string;
    sections: MermaidSection[];
    /** Comments before the first section or task. */
    leadingComments: string[];
    /** Comments after the last task. */
    comments: string[];
    /** 1-based line of the `journey` keyword in the file read. */
    line: number;
}

/**
 * The journey diagrams of a file: a Mermaid file holds one; Markdown, one per fenced `mermaid` block.
 * Throws a MermaidSyntaxError for a journey Mermaid rejects.
 */
export function readMermaidJourneys(text: string, markdown: boolean): MermaidJourney[] {
    const file = text.replace(/^\uFEFF/, '');
    const lineOf = lineFinder(file);
    const blocks = markdown ? fencedMermaidBlocks(file) : [{ start: 0, end: file.length }];
    return blocks
        .map(block => preprocessDiagram(file, block.start, block.end, lineOf))
        .filter(diagram => diagram !== undefined)
        .map(diagram => parseJourney(diagram, lineOf));
}

/** The 1-based line of an offset in a text (`\r\n`, `\r` or `\n` end a line). */
function lineFinder(text: string): (offset: number) => number {
    const starts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
        starts.push(match.index + match[0].length);
    }
    return offset => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const middle = Math.ceil((low + high) / 2);
            if (starts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    };
}

/** The contents of fenced code blocks whose info string is `mermaid` (``` or ~~~, three or more, closed by a like fence). */
function fencedMermaidBlocks(text: string): { start: number, end: number }[] {
    const blocks: { start: number, end: number }[] = [];
    let open: { fence: RegExp, mermaid: boolean, start: number } | undefined;
    for (const line of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
        if (line[0] === '') {
            break;
        }
        if (!open) {
            const match = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line[1]);
            if (match) {
                const fence = new RegExp(`^ {0,3}${match[1].startsWith('`') ? '`' : '~'}{${match[1].length},}\\s*$`);
                open = { fence, mermaid: match[2].toLowerCase() === 'mermaid', start: line.index + line[0].length };
            }
        } else if (open.fence.test(line[1])) {
            if (open.mermaid) {
                blocks.push({ start: open.start, end: line.index });
            }
            open = undefined;
        }
    }
    if (open?.mermaid) {
        blocks.push({ start: open.start, end: text.length });
    }
    return blocks;
}

type TokenType = 'journey' | 'title' | 'acc_title' | 'acc_title_value' | 'acc_descr' | 'acc_descr_value' | 'acc_descr_open'
    | 'acc_descr_multiline_value' | 'section' | 'taskName' | 'taskData' | ':' | 'NEWLINE' | 'EOF' | 'INVALID' | 'end';

interface Token {
    type: TokenType;
    /** As matched, entity codes masked. */
    text: string;
    /** Its offset in the file. */
    offset: number;
}

type LexerState = 'INITIAL' | 'acc_title' | 'acc_descr' | 'acc_descr_multiline';

interface LexerRule {
    pattern: RegExp;
    /** The token it gives; none for what the lexer skips. */
    token?: TokenType;
    /** A `%` comment: kept, to be written as a `//` comment. */
    comment?: boolean;
    begin?: LexerState;
    pop?: boolean;
}

/**
 * The rules of Mermaid's journey lexer in its order: at each position the first that matches wins (not
 * the longest), all case-insensitive. `acc_title` and `acc_descr` are compiled by jison as
 * `(?!\n||)*[^\n]*`, which is `[^\n]*`: their value runs to the end of the line.
 */
const RULES: Record<LexerState, LexerRule[]> = {
    INITIAL: [
        { pattern: /%(?!\{)[^\n]*/iy, comment: true },
        { pattern: /[^}]%%[^\n]*/iy, comment: true },
        { pattern: /\n+/iy, token: 'NEWLINE' },
        { pattern: /\s+/iy },
        { pattern: /#[^\n]*/iy },
        { pattern: /journey\b/iy, token: 'journey' },
        { pattern: /title\s[^#\n;]+/iy, token: 'title' },
        { pattern: /accTitle\s*:\s*/iy, token: 'acc_title', begin: 'acc_title' },
        { pattern: /accDescr\s*:\s*/iy, token: 'acc_descr', begin: 'acc_descr' },
        // Mermaid gives no token here; this one only says where the description opened, for an error.
        { pattern: /accDescr\s*\{\s*/iy, token: 'acc_descr_open', begin: 'acc_descr_multiline' },
        { pattern: /section\s[^#:\n;]+/iy, token: 'section' },
        { pattern: /[^#:\n;]+/iy, token: 'taskName' },
        { pattern: /:[^#\n;]+/iy, token: 'taskData' },
        { pattern: /:/iy, token: ':' },
        { pattern: /$/iy, token: 'EOF' },
        { pattern: /./iy, token: 'INVALID' }
    ],
    acc_title: [{ pattern: /[^\n]*/iy, token: 'acc_title_value', pop: true }],
    acc_descr: [{ pattern: /[^\n]*/iy, token: 'acc_descr_value', pop: true }],
    acc_descr_multiline: [{ pattern: /\}/iy, pop: true }, { pattern: /[^}]*/iy, token: 'acc_descr_multiline_value' }]
};

/** Mermaid's journey lexer (jison): tokens one by one; `end` after the input, as jison's `$end`. */
class Lexer {
    /** The `%` comments it skipped, in order. */
    readonly comments: MermaidComment[] = [];
    readonly #source: TrackedText;
    #position = 0;
    #state: LexerState = 'INITIAL';
    #done = false;

    constructor(source: TrackedText) {
        this.#source = source;
    }

    next(): Token {
        for (;;) {
            // As jison: once the input is used up, one more match (EOF in INITIAL), then the end.
            if (this.#done) {
                return { type: 'end', text: '', offset: this.#offset(this.#position) };
            }
            if (this.#position >= this.#source.text.length) {
                this.#done = true;
            }
            const token = this.#match();
            if (token) {
                return token;
            }
        }
    }

    #match(): Token | undefined {
        for (const rule of RULES[this.#state]) {
            rule.pattern.lastIndex = this.#position;
            const match = rule.pattern.exec(this.#source.text);
            if (!match) {
                continue;
            }
            const offset = this.#offset(this.#position);
            this.#position += match[0].length;
            if (rule.pop) {
                this.#state = 'INITIAL';
            }
            if (rule.begin) {
                this.#state = rule.begin;
            }
            if (rule.comment) {
                const text = asWritten(match[0]).trim().replace(/^%+/, '').trim();
                if (text !== '') {
                    this.comments.push({ text, offset });
                }
            }
            return rule.token && { type: rule.token, text: match[0], offset };
        }
        return undefined;
    }

    #offset(position: number): number {
        const offsets = this.#source.offsets;
        return offsets[Math.min(position, offsets.length - 1)];
    }
}

/** A label as Mermaid draws it: entity codes decoded, spaces trimmed. */
function label(masked: string): string {
    return decodeEntities(masked).trim();
}

/** A short quote of what the user wrote, for a message. */
function quote(masked: string): string {
    const text = asWritten(masked).trim();
    return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/** The comments of a diagram in the order of the file, each handed out once: with the statement after it. */
class Comments {
    readonly #lists: MermaidComment[][];
    readonly #taken: number[];

    /** Lists each in the order of the file. */
    constructor(...lists: MermaidComment[][]) {
        this.#lists = lists;
        this.#taken = lists.map(() => 0);
    }

    /** The comments before an offset not handed out yet. */
    before(offset: number): string[] {
        const taken: MermaidComment[] = [];
        this.#lists.forEach((list, i) => {
            for (; this.#taken[i] < list.length && list[this.#taken[i]].offset < offset; this.#taken[i]++) {
                taken.push(list[this.#taken[i]]);
            }
        });
        return taken.sort((a, b) => a.offset - b.offset).map(comment => comment.text);
    }
}

const SEMICOLON = '";" is not journey syntax: Mermaid has no statement separator (write #59; for a semicolon in a text)';

/** Mermaid's journey grammar over the lexer's tokens, with the journey database's reading of each statement. */
function parseJourney(diagram: PreprocessedDiagram, lineOf: (offset: number) => number): MermaidJourney {
    const lexer = new Lexer(diagram.source);
    const comments = new Comments(diagram.comments, lexer.comments);
    const fail = (token: Token, message: string) => new MermaidSyntaxError(lineOf(token.offset), message);
    const journey: MermaidJourney = { title: diagram.frontMatterTitle, sections: [], leadingComments: [], comments: [], line: 0 };
    let pending: string[] = [];
    let section: MermaidSection | undefined;
    let accDescrOpen: Token | undefined;
    let previous: Token | undefined;

    const first = lexer.next();
    if (first.type !== 'journey') {
        throw fail(first, 'the diagram must start with "journey"');
    }
    journey.line = lineOf(first.offset);
    for (let token = lexer.next(); token.type !== 'EOF'; previous = token, token = lexer.next()) {
        pending.push(...comments.before(token.offset));
        switch (token.type) {
            case 'NEWLINE':
                break;
            case 'title':
                journey.title = label(token.text.slice('title'.length + 1));
                break;
            case 'acc_title':
                journey.accTitle = label(lexer.next().text);
                break;
            case 'acc_descr':
                journey.accDescr = label(lexer.next().text);
                break;
            case 'acc_descr_open':
                accDescrOpen = token;
                break;
            case 'acc_descr_multiline_value':
                journey.accDescr = label(token.text).replace(/\n\s+/g, '\n');
                break;
            case 'section':
                if (journey.sections.length === 0) {
                    journey.leadingComments.push(...pending.splice(0));
                }
                section = { title: label(token.text.slice('section'.length + 1)), tasks: [], comments: pending };
                pending = [];
                journey.sections.push(section);
                break;
            case 'taskName': {
                const data = lexer.next();
                if (data.type !== 'taskData') {
                    throw data.type === 'INVALID' ? fail(data, SEMICOLON) : fail(token, `the task ${quote(token.text)} has no score: a task is "name: score: actor, actor"`);
                }
                if (!section) {
                    journey.leadingComments.push(...pending.splice(0));
                    section = { tasks: [], comments: [] };
                    journey.sections.push(section);
                }
                section.tasks.push(task(token.text, data.text, pending));
                pending = [];
                break;
            }
            case 'INVALID':
                throw fail(token, SEMICOLON);
            case 'taskData':
            case ':':
                throw fail(token, previous?.type === 'section'
                    ? `a section title cannot hold ":" (write #58; for a colon): ${quote(previous.text)}`
                    : `${quote(token.text)} has no task name before it: a task is "name: score: actor, actor"`);
            case 'journey':
                throw fail(token, 'a second "journey": one diagram holds one journey (a task cannot start with the word "journey")');
            default:
                // `end`: the text ran out where Mermaid's lexer gives no EOF: inside `accDescr { ... }`, or
                // in an `accTitle:` or `accDescr:` whose spaces ran to the end of the diagram.
                throw previous?.type === 'acc_title' || previous?.type === 'acc_descr'
                    ? fail(previous, `${quote(previous.text)} has no text`)
                    : fail(accDescrOpen ?? token, '"accDescr {" is not closed by "}"');
        }
    }
    journey.comments.push(...[...pending, ...comments.before(Infinity)].filter(comment => !isUngradedMarker(comment)));
    return journey;
}

function isUngradedMarker(comment: string): boolean {
    return comment.startsWith('ungraded:');
}

/** A task as Mermaid's `addTask` reads it: the data after the first `:` split at `:`, the score read with Number(). */
function task(name: string, data: string, comments: string[]): MermaidTask {
    const [score = '', actors] = data.slice(1).split(':');
    return {
        title: label(name),
        score: Number(score),
        scoreText: label(score),
        actors: actors === undefined ? [] : actors.split(',').map(label).filter(actor => actor !== ''),
        comments: comments.filter(comment => !isUngradedMarker(comment)),
        ungraded: comments.some(isUngradedMarker)
    };
}
