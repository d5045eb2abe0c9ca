/**
 * Text for the map's SVG: escaping of untrusted strings, and word wrapping by estimated glyph widths.
 * SVG has no automatic line breaking, so every long label is cut into lines here, before layout, from
 * a width table of the map's font stack (Helvetica/Arial metrics; Segoe UI and San Francisco are close).
 * Estimates err on the wide side so that a line never overflows its cell.
 */

/** A text style of the map: size in px, line height in px, bold or not. Mirrors a class of map.css. */
export interface TextStyle {
    readonly size: number;
    readonly line: number;
    readonly bold?: boolean;
    readonly italic?: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The five markup characters, plus what XML 1.0 forbids outright (C0 controls other than tab and LF,
 * U+FFFE/U+FFFF and lone surrogates), which would make the whole SVG unreadable, and the control characters
 * it allows (CR, DEL, C1), which would act on a terminal that shows the file: these become U+FFFD.
 */
const SPECIAL = /[&<>"']|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes a string for SVG text content and attribute values (double- or single-quoted). */
export function escapeXml(text: string): string {
    return String(text).replace(SPECIAL, c => ESCAPES[c] ?? '\uFFFD');
}

/** Advance widths of printable ASCII (32..126) in thousandths of an em: Helvetica/Arial regular. */
const ASCII_WIDTHS = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p-z { | } ~
];
const ASCII_EM = new Float64Array(128).fill(0.6);
ASCII_WIDTHS.forEach((width, i) => { ASCII_EM[32 + i] = width / 1000; });
ASCII_EM[9] = 0.278; // tab, wrapped as a space

/** Headroom over Helvetica for fonts that run a little wider (San Francisco, Segoe UI) and for bold faces. */
const REGULAR_FACTOR = 1.06;
const BOLD_FACTOR = 1.14;

/** Width in ems of one code point outside ASCII. */
function wideEm(code: number): number {
    if ((code >= 0x0300 && code <= 0x036f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) {
        return 0; // combining marks, zero-width spaces and joiners, variation selectors
    }
    if (
        (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f000 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd) ||
        (code >= 0x2600 && code <= 0x27bf)
    ) {
        return 1; // CJK, Hangul, full-width forms, emoji and symbols: one em
    }
    return code === 0xa0 ? 0.278 : 0.62;
}

/** Estimated width in px of a text in a style: O(length). */
export function textWidth(text: string, style: TextStyle): number {
    let em = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 128) {
            em += ASCII_EM[code];
        } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            em += wideEm(text.codePointAt(i)!);
            i++;
        } else {
            em += wideEm(code);
        }
    }
    return em * style.size * (style.bold ? BOLD_FACTOR : REGULAR_FACTOR);
}

/** Width in px of one code point (given as a string) in a style. */
function charWidth(char: string, style: TextStyle): number {
    return textWidth(char, style);
}

/** Wrapped lines by style, width and text: a map is laid out again on every edit, mostly of the same labels. */
const wrapped = new WeakMap<TextStyle, Map<number, Map<string, readonly string[]>>>();
/** Entries kept per style and width before the cache starts over (a few MB at most). */
const WRAP_CACHE_LIMIT = 50_000;

/**
 * Wraps a text into lines no wider than `maxWidth`, breaking at white space (runs of it count as one
 * space) and, for a word wider than a whole line, inside the word. Nothing is dropped: the lines joined
 * with spaces give the words of the text back. An empty or blank text gives no lines. O(length).
 *
 * Memoised: the same (text, width, style) gives the same frozen array of lines, so a relayout after an
 * edit only wraps the labels that changed.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
    let byWidth = wrapped.get(style);
    if (!byWidth) {
        byWidth = new Map();
        wrapped.set(style, byWidth);
    }
    let byText = byWidth.get(maxWidth);
    if (!byText) {
        byText = new Map();
        byWidth.set(maxWidth, byText);
    }
    const key = String(text);
    let lines = byText.get(key);
    if (!lines) {
        if (byText.size >= WRAP_CACHE_LIMIT) {
            byText.clear();
        }
        lines = Object.freeze(wrapUncached(key, maxWidth, style));
        byText.set(key, lines);
    }
    return lines as string[];
}

function wrapUncached(text: string, maxWidth: number, style: TextStyle): string[] {
    const lines: string[] = [];
    const space = textWidth(' ', style);
    let line = '';
    let lineWidth = 0;
    for (const word of String(text).split(/\s+/)) {
        if (word === '') {
            continue;
        }
        const width = textWidth(word, style);
        if (line !== '' && lineWidth + space + width <= maxWidth) {
            line += ' ' + word;
            lineWidth += space + width;
            continue;
        }
        if (line !== '') {
            lines.push(line);
        }
        if (width <= maxWidth) {
            line = word;
            lineWidth = width;
            continue;
        }
        // An overlong word (a URL, a run of letters): cut between code points.
        line = '';
        lineWidth = 0;
        for (const char of word) {
            const w = charWidth(char, style);
            if (line !== '' && lineWidth + w > maxWidth) {
                lines.push(line);
                line = '';
                lineWidth = 0;
            }
            line += char;
            lineWidth += w;
        }
    }
    if (line !== '') {
        lines.push(line);
    }
    return lines;
}

/** Height in px of a block of wrapped lines. */
export function blockHeight(lines: readonly string[], style: TextStyle): number {
    return lines.length * style.line;
}

/** The baseline of the first line of a block whose line boxes start at `top`. */
export function firstBaseline(top: number, style: TextStyle): number {
    return top + style.line / 2 + style.size * 0.35;
}

/** A coordinate for an attribute: at most one decimal. */
export function num(value: number): string {
    return String(Math.round(value * 10) / 10);
}

/**
 * A `<text>` element for wrapped lines whose line boxes start at `top`: one line as plain content, more as
 * `<tspan x=".." dy="..">` lines. Escapes every line.
 */
export function textBlock(lines: readonly string[], x: number, top: number, style: TextStyle, className: string): string {
    const y = num(firstBaseline(top, style));
    const xs = num(x);
    if (lines.length === 1) {
        return `<text class="${className}" x="${xs}" y="${y}">${escapeXml(lines[0])}</text>`;
    }
    const parts = [`<text class="${className}" x="${xs}" y="${y}">`];
    for (let i = 0; i < lines.length; i++) {
        parts.push(`<tspan x="${xs}" dy="${i === 0 ? 0 : style.line}">${escapeXml(lines[i])}</tspan>`);
    }
    parts.push('</text>');
    return parts.join('');
}
