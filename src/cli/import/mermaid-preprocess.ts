/**
 * What Mermaid (12) does to a diagram's text before its journey parser reads it: `preprocessDiagram`
 * (line ends, front matter, directives, `%%` comment lines), its journey detector, and `encodeEntities`.
 * Every step keeps, for each character left, its offset in the file, so that an error names the line
 * the user wrote; and the comment lines Mermaid drops are kept, to be written as `//` comments.
 */

/** Mermaid rejects the diagram: what is wrong, and the 1-based line of the file where it is. */
export class MermaidSyntaxError extends Error {
    constructor(readonly line: number, message: string) {
        super(message);
    }
}

/** A text and, for each of its characters, its offset in the file. */
export interface TrackedText {
    text: string;
    offsets: number[];
}

export interface MermaidComment {
    /** The comment's text, without `%%`. */
    text: string;
    /** Its offset in the file. */
    offset: number;
}

export interface PreprocessedDiagram {
    /** The text the journey lexer reads: entity codes masked, a line end added, as Mermaid parses it. */
    source: TrackedText;
    /** The `title:` of the YAML front matter. */
    frontMatterTitle?: string;
    /** The `%%` comment lines Mermaid removes before it parses. */
    comments: MermaidComment[];
}

/** Mermaid's `directiveRegex`: `%%{`, a word, and up to `}%%`, or to the end of the text when there is none. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
/** Mermaid's journey detector, on the text once `%%` comments are stripped (`stripAnyComments`). */
const JOURNEY_FIRST = /^(?:\s*%%[^\n]*\n)*\s*journey/;
/** An entity code, `#58;` or `#colon;`: `encodeEntities` hides it from the lexer, the renderer decodes it. */
const ENTITY = /#(\w+);/g;

/** Private-use characters stand in for an entity code's `#` and `;`, so the lexer reads neither as syntax. */
const ENTITY_OPEN = '\uE000';
const ENTITY_CLOSE = '\uE001';

/**
 * The diagram of `file.slice(start, end)`, as Mermaid's journey parser reads it; undefined when Mermaid
 * would not take it for a journey (a flowchart, say).
 */
export function preprocessDiagram(file: string, start: number, end: number, lineOf: (offset: number) => number): PreprocessedDiagram | undefined {
    let source = cleanupText(tracked(file, start, end));
    const frontMatter = FrontMatter.match(source.text);
    if (frontMatter) {
        source = slice(source, frontMatter.length);
    }
    const directives = removeDirectives(source);
    const lines = [...commentLines(directives.source.text)];
    const cleaned = trimStart(without(directives.source, lines));
    if (directives.unclosed) {
        // Whatever comes after it, Mermaid drops: say so when that is a journey, rather than import a part of it.
        const { offset, lineEnd } = directives.unclosed;
        const rest = slice(source, lineEnd);
        if (JOURNEY_FIRST.test(cleaned.text) || JOURNEY_FIRST.test(without(rest, commentLines(rest.text)).text)) {
            throw new MermaidSyntaxError(lineOf(offset), 'the directive "%%{" is not closed by "}%%": Mermaid would drop everything after it');
        }
    }
    if (!JOURNEY_FIRST.test(cleaned.text)) {
        return undefined;
    }
    const comments = lines.map(line => ({
        text: line[0].trim().slice(2).trim(),
        offset: directives.source.offsets[line.index + line[0].indexOf('%%')]
    }));
    return { source: withLineEnd(encodeEntities(cleaned), end), frontMatterTitle: frontMatter?.title, comments };
}

/** An entity code as Mermaid draws it: `#58;` is `:`, `#quot;` is `"`. */
export function decodeEntities(masked: string): string {
    return masked.replace(new RegExp(`${ENTITY_OPEN}(\\w+)${ENTITY_CLOSE}`, 'g'), (_, inner: string) => {
        if (/^\+?\d+$/.test(inner)) {
            const code = Number(inner.replace('+', ''));
            return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
        }
        return NAMED_ENTITIES[inner.toLowerCase()] ?? `#${inner};`;
    });
}

/** A text of the lexer as the user wrote it, entity codes included: for messages. */
export function asWritten(masked: string): string {
    return masked.replaceAll(ENTITY_OPEN, '#').replaceAll(ENTITY_CLOSE, ';');
}

const NAMED_ENTITIES: Record<string, string> = {
    quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', semi: ';', num: '#', percnt: '%', comma: ',', nbsp: '\u00a0',
    hash: '#', lpar: '(', rpar: ')', lbrace: '{', rbrace: '}'
};

function tracked(file: string, start: number, end: number): TrackedText {
    const offsets: number[] = [];
    for (let offset = start; offset < end; offset++) {
        offsets.push(offset);
    }
    return { text: file.slice(start, end), offsets };
}

/** A stretch of a text, as a regular expression's match gives it: where it starts, and the text. */
interface Stretch {
    index: number;
    0: string;
}

/** The text without some stretches of it (in order, not overlapping); the characters left keep their offsets. */
function without(source: TrackedText, stretches: Iterable<Stretch>): TrackedText {
    let text = '';
    const offsets: number[] = [];
    let kept = 0;
    const keep = (to: number) => {
        text += source.text.slice(kept, to);
        for (let i = kept; i < to; i++) {
            offsets.push(source.offsets[i]);
        }
    };
    for (const stretch of stretches) {
        keep(stretch.index);
        kept = stretch.index + stretch[0].length;
    }
    keep(source.text.length);
    return { text, offsets };
}

/** The text changed by a rewrite that keeps its length, and so each character's offset. */
function rewritten(source: TrackedText, rewrite: (text: string) => string): TrackedText {
    return { text: rewrite(source.text), offsets: source.offsets };
}

function slice(source: TrackedText, start: number): TrackedText {
    return { text: source.text.slice(start), offsets: source.offsets.slice(start) };
}

function trimStart(source: TrackedText): TrackedText {
    return slice(source, source.text.length - source.text.trimStart().length);
}

/** Mermaid parses the text with a line end added; it stands at the end of the diagram in the file. */
function withLineEnd(source: TrackedText, end: number): TrackedText {
    return { text: `${source.text}\n`, offsets: [...source.offsets, end] };
}

/** Mermaid's `cleanupText`: `\n` line ends, and attributes of tags in single quotes. */
function cleanupText(source: TrackedText): TrackedText {
    return rewritten(without(source, source.text.matchAll(/\r(?=\n)/g)), text => singleQuotedAttributes(text.replace(/\r/g, '\n')));
}

/**
 * `<a href="x">` as `<a href='x'>`, as Mermaid's `/<(\w+)([^>]*)>/g` rewrites it, in one pass: past a
 * `<` that no `>` follows, no tag can close (the regex would scan to the end from each later `<`).
 */
function singleQuotedAttributes(text: string): string {
    let out = '';
    let copied = 0;
    const tag = /<\w+/g;
    for (let match = tag.exec(text); match; match = tag.exec(text)) {
        const close = text.indexOf('>', tag.lastIndex);
        if (close < 0) {
            break;
        }
        out += text.slice(copied, tag.lastIndex) + text.slice(tag.lastIndex, close).replace(/="([^"]*)"/g, "='$1'");
        copied = close;
        tag.lastIndex = close + 1;
    }
    return out + text.slice(copied);
}

/** Mermaid's `removeDirectives`; notes the first directive that is not closed and runs past its line. */
function removeDirectives(source: TrackedText): { source: TrackedText, unclosed?: { offset: number, lineEnd: number } } {
    const directives = [...source.text.matchAll(DIRECTIVE)];
    const lineEnd = (match: RegExpExecArray) => match[0].indexOf('\n');
    const unclosed = directives.find(match => !match[0].endsWith('}%%') && lineEnd(match) >= 0 && match[0].slice(lineEnd(match)).trim() !== '');
    return {
        source: without(source, directives),
        unclosed: unclosed && { offset: source.offsets[unclosed.index], lineEnd: unclosed.index + lineEnd(unclosed) }
    };
}

/**
 * The `%%` comment lines Mermaid's `cleanupComments` removes (`/^\s*%%(?!{)[^\n]+\n?/gm`): from a line
 * start, blanks (blank lines too), `%%` not followed by `{`, the rest of the line (one character at
 * least) and its line end. In one pass: the regex itself tries again from every line start of a run of
 * blank lines, which takes quadratic time on a file of them.
 */
function* commentLines(text: string): Generator<Stretch> {
    const blanks = /\s*/y;
    const lineEnd = /[\n\r\u2028\u2029]/g;
    for (let start = 0; start < text.length;) {
        blanks.lastIndex = start;
        blanks.exec(text);
        const marker = blanks.lastIndex;
        const after = text[marker + 2];
        if (text.startsWith('%%', marker) && after !== undefined && after !== '{' && after !== '\n') {
            const newline = text.indexOf('\n', marker);
            const end = newline < 0 ? text.length : newline + 1;
            yield { index: start, 0: text.slice(start, end) };
            start = end;
        } else {
            // From any line start up to the marker, the blanks end at the same place: go on after it.
            lineEnd.lastIndex = marker;
            start = lineEnd.exec(text) ? lineEnd.lastIndex : text.length;
        }
    }
}

/** Mermaid's `encodeEntities` masks each entity code. */
function encodeEntities(source: TrackedText): TrackedText {
    return rewritten(source, text => text.replace(ENTITY, (_, inner: string) => `${ENTITY_OPEN}${inner}${ENTITY_CLOSE}`));
}

/**
 * YAML front matter as Mermaid finds it (`matchFrontMatter`): `---` on the first line, indented or not,
 * up to a line `---` as indented. Only its top-level `title:` is read here.
 */
class FrontMatter {
    private constructor(readonly length: number, readonly title: string | undefined) {}

    static match(text: string): FrontMatter | undefined {
        const match = /^([^\S\n]*)---[^\S\n]*\n/.exec(text);
        if (!match) {
            return undefined;
        }
        const indent = match[1];
        const close = new RegExp(`\\n${indent}---[^\\S\\n]*\\n`).exec(text.slice(match[0].length - 1));
        if (!close) {
            return undefined;
        }
        const body = text.slice(match[0].length, match[0].length - 1 + close.index);
        let title: string | undefined;
        for (const line of body.split('\n')) {
            const field = new RegExp(`^${indent}title\\s*:\\s*(.*)$`).exec(line);
            if (field) {
                title = field[1].trim().replace(/^(["'])(.*)\1$/, '$2');
            }
        }
        return new FrontMatter(match[0].length - 1 + close.index + close[0].length, title);
    }
}
