/**
 * A reader for Mermaid `journey` diagrams, line by line as Mermaid's own lexer reads them:
 *
 *     journey
 *       title My working day
 *       accTitle: ...            accDescr: ...   or   accDescr { ...lines... }
 *       section Go to work
 *         Make tea: 5: Me
 *         Do work: 1: Me, Cat
 *
 * A task is `name: score: actor, actor`; `#` starts a comment, as does `%%` at the start of a line;
 * `;` ends a statement. Mermaid entity codes (`#58;`, `#quot;`) stand for characters that are syntax.
 * Statements are case-insensitive. The reader is lenient: a task without a score is read as ungraded
 * rather than refused. Markdown files give every fenced ```mermaid block that holds a journey.
 */

export interface MermaidTask {
    title: string;
    /** The score as written (trimmed); undefined when the task had none. */
    score?: string;
    actors: string[];
    /** `%%` comments written just before the task. */
    comments: string[];
    /** A `%% ungraded:` comment (written by `journey export`) came just before: the score is a stand-in. */
    ungraded: boolean;
}

export interface MermaidSection {
    /** Undefined for the tasks written before the first `section`. */
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
    /** Lines that are not journey syntax, kept to be reported. */
    skipped: string[];
    /** 1-based line of the `journey` keyword in the file read. */
    line: number;
}

const NAMED_ENTITIES: Record<string, string> = {
    quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', semi: ';', num: '#', percnt: '%', comma: ',', nbsp: '\u00a0',
    hash: '#', lpar: '(', rpar: ')', lbrace: '{', rbrace: '}'
};

/** Private-use characters stand in for entity codes while a line is cut at `#` and `:`, as Mermaid does. */
const ENTITY_OPEN = '\uE000';
const ENTITY_CLOSE = '\uE001';

function maskEntities(text: string): string {
    return text.replace(/#(\w+);/g, (_, inner: string) => `${ENTITY_OPEN}${inner}${ENTITY_CLOSE}`);
}

function unmask(text: string): string {
    return text.replace(new RegExp(`${ENTITY_OPEN}(\\w+)${ENTITY_CLOSE}`, 'g'), (_, inner: string) => {
        if (/^\+?\d+$/.test(inner)) {
            const code = Number(inner.replace('+', ''));
            return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
        }
        return NAMED_ENTITIES[inner.toLowerCase()] ?? `#${inner};`;
    });
}

/** A label as Mermaid shows it: entities decoded, spaces trimmed. */
function label(masked: string): string {
    return unmask(masked).trim();
}

/** The journey diagrams of a file: a Mermaid file holds one; Markdown, one per fenced `mermaid` block. */
export function readMermaidJourneys(text: string, markdown: boolean): MermaidJourney[] {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    if (!markdown) {
        const journey = parseDiagram(lines, 0);
        return journey ? [journey] : [];
    }
    return fencedMermaidBlocks(lines).map(block => parseDiagram(block.lines, block.start)).filter(j => j !== undefined);
}

/** Fenced code blocks whose info string is `mermaid` (``` or ~~~, three or more, closed by a like fence). */
function fencedMermaidBlocks(lines: string[]): { lines: string[], start: number }[] {
    const blocks: { lines: string[], start: number }[] = [];
    let open: { fence: string, mermaid: boolean, start: number, lines: string[] } | undefined;
    lines.forEach((line, i) => {
        if (!open) {
            const match = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
            if (match) {
                open = { fence: match[1], mermaid: match[2].toLowerCase() === 'mermaid', start: i + 1, lines: [] };
            }
            return;
        }
        const close = new RegExp(`^ {0,3}${open.fence[0] === '`' ? '`' : '~'}{${open.fence.length},}\\s*$`);
        if (close.test(line)) {
            if (open.mermaid) {
                blocks.push({ lines: open.lines, start: open.start });
            }
            open = undefined;
        } else {
            open.lines.push(line);
        }
    });
    if (open?.mermaid) {
        blocks.push({ lines: open.lines, start: open.start });
    }
    return blocks;
}

/** One diagram; undefined when it is not a journey (a flowchart, say). `offset`: lines before it in the file. */
function parseDiagram(allLines: string[], offset: number): MermaidJourney | undefined {
    let lines = allLines;
    let start = offset;
    let frontTitle: string | undefined;
    // YAML front matter: only its title matters here.
    const first = lines.findIndex(line => line.trim() !== '');
    if (first >= 0 && lines[first].trim() === '---') {
        const end = lines.findIndex((line, i) => i > first && line.trim() === '---');
        if (end > first) {
            for (const line of lines.slice(first + 1, end)) {
                const match = /^title\s*:\s*(.*)$/.exec(line.trim());
                if (match) {
                    frontTitle = match[1].trim().replace(/^(["'])(.*)\1$/, '$2');
                }
            }
            lines = lines.slice(end + 1);
            start += end + 1;
        }
    }
    const journey: MermaidJourney = { title: frontTitle, sections: [], leadingComments: [], comments: [], skipped: [], line: 0 };
    let comments: string[] = [];
    let ungraded = false;
    let section: MermaidSection | undefined;
    let inAccDescr: string[] | undefined;
    for (const [i, rawLine] of lines.entries()) {
        if (inAccDescr) {
            const close = rawLine.indexOf('}');
            inAccDescr.push(close >= 0 ? rawLine.slice(0, close) : rawLine);
            if (close >= 0) {
                journey.accDescr = inAccDescr.map(l => l.trim()).filter(Boolean).join('\n');
                inAccDescr = undefined;
            }
            continue;
        }
        const trimmed = rawLine.trim();
        if (trimmed.startsWith('%%')) {
            if (!trimmed.startsWith('%%{')) {
                const text = trimmed.slice(2).trim();
                if (text.startsWith('ungraded:')) {
                    ungraded = true;
                } else if (text !== '') {
                    comments.push(text);
                }
            }
            continue;
        }
        for (const statement of maskEntities(trimmed).split(';').map(s => s.trim())) {
            const code = statement.replace(/#.*$/, '').trim();
            if (code === '') {
                continue;
            }
            if (journey.line === 0) {
                if (/^journey\b/i.test(code)) {
                    journey.line = start + i + 1;
                    continue;
                }
                return undefined;
            }
            let match: RegExpExecArray | null;
            if ((match = /^title\s+(.*)$/i.exec(code))) {
                journey.title = label(match[1]);
            } else if ((match = /^accTitle\s*:\s*(.*)$/i.exec(code))) {
                journey.accTitle = label(match[1]);
            } else if ((match = /^accDescr\s*:\s*(.*)$/i.exec(code))) {
                journey.accDescr = label(match[1]);
            } else if ((match = /^accDescr\s*\{(.*)$/i.exec(trimmed))) {
                // Multi-line: up to the closing brace, taken from the raw lines (no `#` or `;` handling inside).
                const rest = match[1];
                const close = rest.indexOf('}');
                if (close >= 0) {
                    journey.accDescr = rest.slice(0, close).trim();
                } else {
                    inAccDescr = [rest];
                }
                break;
            } else if ((match = /^section\s+([^:]*)/i.exec(code))) {
                if (journey.sections.length === 0) {
                    journey.leadingComments.push(...comments.splice(0));
                }
                section = { title: label(match[1]), tasks: [], comments };
                comments = [];
                journey.sections.push(section);
            } else if ((match = /^([^:]+)(?::([^:]*)(?::([^:]*))?.*)?$/.exec(code))) {
                if (!section) {
                    journey.leadingComments.push(...comments.splice(0));
                    section = { tasks: [], comments: [] };
                    journey.sections.push(section);
                }
                const score = match[2]?.trim();
                section.tasks.push({
                    title: label(match[1]),
                    score: score ? unmask(score) : undefined,
                    actors: (match[3] ?? '').split(',').map(label).filter(Boolean),
                    comments,
                    ungraded
                });
                comments = [];
                ungraded = false;
            } else {
                journey.skipped.push(unmask(code));
            }
        }
    }
    if (journey.line === 0) {
        return undefined;
    }
    if (inAccDescr) {
        journey.accDescr = inAccDescr.map(l => l.trim()).filter(Boolean).join('\n');
    }
    journey.comments.push(...comments);
    return journey;
}
