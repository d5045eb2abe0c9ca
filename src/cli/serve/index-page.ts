import type { JourneyDocumentModel } from '../../map/model.js';
import { plural } from '../../map/format.js';
import { htmlPage } from '../../map/page/html-page.js';
import { INDEX_STYLE } from '../../map/page/index-style.js';
import { journeyTable } from '../../map/page/journey-table.js';
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

/** The list of every journey of the folder, per file, with its summary figures. All user text is escaped. */
export function indexPageHtml(folderName: string, entries: IndexEntry[], nonce: string): string {
    const journeyCount = entries.reduce((n, e) => n + e.model.journeys.length, 0);
    const sections = entries.map(entry => fileSection(entry)).join('\n');
    return htmlPage({
        csp: indexCsp(nonce),
        title: `Journey maps: ${folderName}`,
        head: `<style nonce="${escapeHtml(nonce)}">${INDEX_STYLE}</style>`,
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
    return `<section>${heading}
${journeyTable(model.journeys, journey => ({ href: mapHref(file, journey.name) }))}</section>`;
}
