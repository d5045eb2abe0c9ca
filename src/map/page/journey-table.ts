import type { JourneyModel } from '../model.js';
import { formatAverage, formatCount, formatPercent, gradeMeaning } from '../format.js';
import { escapeXml as escapeHtml } from '../text.js';

/** How a journey's row links to its map, with what the page adds to the row. */
export interface JourneyRowLink {
    /** The map's address, not yet escaped. */
    href: string;
    /** Further attributes of the row, already escaped (` data-filter="..."`). */
    attributes?: string;
    /** Markup under the journey's name, already escaped (a link to the journey it redesigns). */
    note?: string;
}

/**
 * The journeys of one file as a table of their summary figures (touchpoints, average emotion, share owned
 * and graded), each linking to its map: `journey serve`'s index and the static site's. All user text is escaped.
 */
export function journeyTable(journeys: readonly JourneyModel[], link: (journey: JourneyModel) => JourneyRowLink): string {
    const rows = journeys.map(journey => {
        const { href, attributes = '', note = '' } = link(journey);
        const s = journey.summary;
        const meaning = gradeMeaning(s.averageEmotion);
        const share = (value: number | undefined) =>
            `<td class="num${value !== undefined && value < 1 ? ' warn' : ''}">${escapeHtml(formatPercent(value))}</td>`;
        return `<tr class="journey"${attributes}>` +
            `<td><a href="${escapeHtml(href)}">${escapeHtml(journey.title)}</a>` +
            `<div class="journey-name">${escapeHtml(journey.name)}</div>${note}</td>` +
            `<td>${journey.personas.length > 0 ? journey.personas.map(persona =>
                `<div class="persona">${escapeHtml(persona.name)} <span class="journey-name">${escapeHtml(persona.title)}</span></div>`).join('')
                : '<span class="none">—</span>'}</td>` +
            `<td class="num">${formatCount(s.touchpoints)}</td>` +
            `<td class="num">${escapeHtml(formatAverage(s.averageEmotion))}${meaning ? ` <span class="journey-name">${escapeHtml(meaning)}</span>` : ''}</td>` +
            share(s.ownedShare) + share(s.gradedShare) +
            '</tr>';
    }).join('\n');
    return `<table>
<thead><tr><th>Journey</th><th>Personas</th><th class="num">Touchpoints</th><th class="num">Average emotion</th><th class="num">Owned</th><th class="num">Graded</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}
