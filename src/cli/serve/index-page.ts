import type { JourneyDocumentModel } from '../../map/model.js';
import { formatAverage, formatCount, formatPercent, gradeMeaning, plural } from '../../map/format.js';
import { htmlPage } from '../../map/page/html-page.js';
import { escapeXml as escapeHtml } from '../../map/text.js';

export interface IndexEntry {
    /** Relative, `/`-separated path of the file. */
    file: string;
    model: JourneyDocumentModel;
}

/** The index page's CSP: no script at all, and only the one inline style block carrying the nonce. */
export function indexCsp(nonce: string): string {
    return `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'`;
}

/** `/map/<file>` with each path segment encoded, and the journey to show first, if any. */
export function mapHref(file: string, journey?: string): string {
    const path = `/map/${file.split('/').map(encodeURIComponent).join('/')}`;
    return journey === undefined ? path : `${path}?journey=${encodeURIComponent(journey)}`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --accent: #0b63c5; --warn: #9a6700; --err: #c62828; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #1e1e1e; --accent: #58a6ff; --warn: #d29922; --err: #f47067; } }
body { margin: 0; padding: 24px 32px; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 8px; }
a { color: var(--accent); }
table { border-collapse: collapse; min-width: 640px; }
th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.journey-name { color: var(--muted); font-size: 12px; }
.errors { color: var(--err); font-weight: 600; margin-left: 8px; font-size: 13px; }
.warn { color: var(--warn); }
.none { color: var(--muted); }
`;

/** The list of every journey of the folder, per file, with its summary figures. All user text is escaped. */
export function indexPageHtml(folderName: string, entries: IndexEntry[], nonce: string): string {
    const journeyCount = entries.reduce((n, e) => n + e.model.journeys.length, 0);
    const sections = entries.map(entry => fileSection(entry)).join('\n');
    return htmlPage({
        csp: indexCsp(nonce),
        title: `Journey maps: ${folderName}`,
        head: `<style nonce="${escapeHtml(nonce)}">${STYLE}</style>`,
        body: `<h1>Journey maps in ${escapeHtml(folderName)}</h1>
<p class="lead">${plural(journeyCount, 'journey')} in ${plural(entries.length, 'file')}. ` +
    `Maps redraw when a file is saved; reload this page to see new journeys.</p>
${entries.length === 0 ? '<p class="none">No <code>.journey</code> files in this folder yet.</p>' : sections}`
    });
}

function fileSection({ file, model }: IndexEntry): string {
    const errors = model.problems.length;
    const heading = `<h2 class="file"><a href="${escapeHtml(mapHref(file))}">${escapeHtml(file)}</a>` +
        (errors > 0 ? `<span class="errors">${plural(errors, 'error')}</span>` : '') + '</h2>';
    if (model.journeys.length === 0) {
        const text = errors > 0 ? 'No journey could be read: open the file to see its errors.' : 'No journeys: shared declarations (owners, channels, personas).';
        return `<section>${heading}<p class="none">${text}</p></section>`;
    }
    const rows = model.journeys.map(journey => {
        const s = journey.summary;
        const meaning = gradeMeaning(s.averageEmotion);
        const share = (value: number | undefined) =>
            `<td class="num${value !== undefined && value < 1 ? ' warn' : ''}">${escapeHtml(formatPercent(value))}</td>`;
        return '<tr class="journey">' +
            `<td><a href="${escapeHtml(mapHref(file, journey.name))}">${escapeHtml(journey.title)}</a>` +
            `<div class="journey-name">${escapeHtml(journey.name)}</div></td>` +
            `<td>${journey.personas.length > 0 ? journey.personas.map(persona => escapeHtml(persona.title)).join(', ') : '<span class="none">—</span>'}</td>` +
            `<td class="num">${formatCount(s.touchpoints)}</td>` +
            `<td class="num">${escapeHtml(formatAverage(s.averageEmotion))}${meaning ? ` <span class="journey-name">${escapeHtml(meaning)}</span>` : ''}</td>` +
            share(s.ownedShare) + share(s.gradedShare) +
            '</tr>';
    }).join('\n');
    return `<section>${heading}
<table>
<thead><tr><th>Journey</th><th>Persona</th><th class="num">Touchpoints</th><th class="num">Average emotion</th><th class="num">Owned</th><th class="num">Graded</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
}
