/**
 * The SVG elements every view is drawn with: the document root, groups that link to their source, boxes
 * and text. Every string from the model goes through escapeXml; only numbers, fixed words and class names
 * of the views' own make attributes.
 */
import type { SourceLocation, SourceRange } from '../model.js';
import { embeddedCss, type Theme } from '../styles/embedded-css.js';
import { escapeXml, num } from '../text.js';
import { gradeOf } from '../vocabulary/grades.js';

export interface SvgDocument {
    /** The view's id: the root's `data-view`. */
    view: string;
    width: number;
    height: number;
    /** What a screen reader says the picture is. */
    label: string;
    /** What it then reads as the picture's description (the journey's description or summary sentence). */
    description: string;
    theme: Theme;
    /** 'embedded': the CSS inside, for a file of its own; 'linked' (default): the page links map.css. */
    styles?: 'linked' | 'embedded';
}

/** The opening of a view's SVG, its styles (embedded) and background; close it with `</svg>`. */
export function openSvg({ view, width, height, label, description, theme, styles }: SvgDocument): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="journey-map theme-${theme}" data-view="${view}" width="${width}" height="${height}"` +
        ` viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="Helvetica, Arial, sans-serif" font-size="12">` +
        (styles === 'embedded' ? `<style>${embeddedCss(theme)}</style>` : '') +
        `<desc>${escapeXml(description)}</desc>` +
        `<rect class="map-bg" width="${width}" height="${height}"/>`;
}

function position(value: unknown): number {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? Math.trunc(n) : 0;
}

function rangeText(range: SourceRange): string {
    return `${position(range.startLine)}:${position(range.startCharacter)}:${position(range.endLine)}:${position(range.endCharacter)}`;
}

/** ` data-range=".." data-selection=".." data-uri=".."` for a source, or '' without one. */
export function sourceAttributes(source: SourceLocation | undefined): string {
    if (!source?.range) {
        return '';
    }
    const range = rangeText(source.range);
    const selection = source.selection ? rangeText(source.selection) : range;
    const uri = source.uri ? ` data-uri="${escapeXml(source.uri)}"` : '';
    return ` data-range="${range}" data-selection="${selection}"${uri}`;
}

/** The opening tag of a group: its classes (plus `source-link` when it has a source), data-kind and source. */
export function openGroup(classes: string, kind: string, source: SourceLocation | undefined, extra = ''): string {
    const link = source?.range ? ' source-link' : '';
    return `<g class="${classes}${link}" data-kind="${kind}"${extra}${sourceAttributes(source)}>`;
}

export function tooltip(text: string): string {
    return `<title>${escapeXml(text)}</title>`;
}

export function rect(className: string, x: number, y: number, width: number, height: number, radius = 0): string {
    const rounded = radius > 0 ? ` rx="${radius}"` : '';
    return `<rect class="${className}" x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}"${rounded}/>`;
}

export function text(className: string, x: number, y: number, content: string): string {
    return `<text class="${className}" x="${num(x)}" y="${num(y)}">${escapeXml(content)}</text>`;
}

/** A grade's label (vocabulary/grades.ts) on its dot centred on (cx, cy): a grade is never told by colour alone. */
export function gradeLabel(grade: number, cx: number, cy: number): string {
    return `<text class="grade-label" x="${num(cx)}" y="${num(cy + 3.5)}">${escapeXml(gradeOf(grade).label)}</text>`;
}

/** The star of a moment of truth, centred on (cx, cy). */
export function star(cx: number, cy: number, outer = 7, inner = 3): string {
    const points: string[] = [];
    for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? outer : inner;
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        points.push(`${num(cx + r * Math.cos(angle))},${num(cy + r * Math.sin(angle))}`);
    }
    return `<path class="star" d="M${points.join('L')}Z"/>`;
}

/** What a view draws where a journey gives it nothing to draw yet: what is missing, and what to write. */
export function emptyMessage(box: { x: number, top: number, width: number, height: number }, message: string, hint: string): string {
    return '<g class="empty-message">' + rect('box message-box', box.x, box.top, box.width, box.height, 8)
        + text('t-message', box.x + 20, box.top + 34, message) + text('t-small', box.x + 20, box.top + 58, hint) + '</g>';
}
