/** The keywords that start a top-level declaration (journey.langium's Declaration), whose name follows. */
const DECLARATION_KEYWORDS: ReadonlySet<string> = new Set(['owner', 'stakeholder', 'channel', 'persona', 'journey']);

const ID_START = /[_\p{L}]/u;
const ID_PART = /[\p{L}\p{N}_-]/u;

/** What may change the depth or hide a brace: a brace, a quote, a slash. */
const INTERESTING = /["'{}/]/g;

/** journey.langium's ID, tested on one character code: ASCII directly, other characters by the terminal's classes. */
function isIdStart(code: number): boolean {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || (code > 127 && ID_START.test(String.fromCharCode(code)));
}

function isIdPart(code: number): boolean {
    return isIdStart(code) || (code >= 48 && code <= 57) || code === 45 || (code > 127 && ID_PART.test(String.fromCharCode(code)));
}

/**
 * The names a file declares at its top level, read from its text without parsing it: a keyword of
 * DECLARATION_KEYWORDS outside every brace, string and comment, then the identifier after it. A scan
 * of characters, some ten times faster than the parse; what the open files first need is told by it
 * (OpenFirstDocumentBuilder), not what any file means: a file it misreads is only built later.
 */
export function declaredNames(text: string): Set<string> {
    const names = new Set<string>();
    let depth = 0;
    let keyword = false;
    let i = 0;
    while (i < text.length) {
        if (depth > 0) {
            // Inside braces only braces, strings and comments count: jump to the next of them.
            INTERESTING.lastIndex = i;
            i = INTERESTING.exec(text)?.index ?? text.length;
            if (i === text.length) {
                break;
            }
        }
        const c = text[i];
        if (c === '"' || c === '\'') {
            i = skipString(text, i, c);
            keyword = false;
        } else if (c === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
        } else if (c === '{') {
            depth++;
            keyword = false;
            i++;
        } else if (c === '}') {
            depth = Math.max(0, depth - 1);
            keyword = false;
            i++;
        } else if (isIdStart(text.charCodeAt(i))) {
            let end = i + 1;
            while (end < text.length && isIdPart(text.charCodeAt(end))) {
                end++;
            }
            const word = text.slice(i, end);
            if (depth === 0) {
                if (keyword) {
                    names.add(word);
                }
                keyword = !keyword && DECLARATION_KEYWORDS.has(word);
            }
            i = end;
        } else {
            if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
                keyword = false;
            }
            i++;
        }
    }
    return names;
}

/** The index just after the string that starts at `start` (it ends at its quote or at the end of the line). */
function skipString(text: string, start: number, quote: string): number {
    const rest = quote === '"' ? DOUBLE_QUOTED_REST : SINGLE_QUOTED_REST;
    rest.lastIndex = start + 1;
    rest.exec(text);
    return rest.lastIndex;
}

/** The rest of a string after its opening quote, as journey.langium's STRING reads it, up to the end of its line. */
const DOUBLE_QUOTED_REST = /(?:\\.|[^"\\\r\n])*"?/y;
const SINGLE_QUOTED_REST = /(?:\\.|[^'\\\r\n])*'?/y;
