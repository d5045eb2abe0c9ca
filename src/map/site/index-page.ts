import type { JourneyModel } from '../model.js';
import { plural } from '../format.js';
import { journeyTable } from '../page/journey-table.js';
import { escapeXml as escapeHtml } from '../text.js';
import { problemList } from './problem-list.js';
import { SITE_MARKUP } from './site-markup.js';
import { INDEX_PAGE, pageHref } from './site-paths.js';
import type { SitePages, SiteSource } from './site-source.js';

export interface IndexPageContent {
    /** The folder the site is made from, by name. */
    folderName: string;
    sources: readonly SiteSource[];
    pages: SitePages;
    base?: string;
}

/** What the filter box looks in for a journey: its title and name, its personas' names and titles, and whose redesign it is. */
function filterText(journey: JourneyModel): string {
    return [journey.title, journey.name, ...journey.personas.flatMap(persona => [persona.name, persona.title]), journey.redesigns ?? '']
        .join(' ').toLowerCase();
}

/** "redesigns <the journey of today>", a link to its page where the site has one. */
function redesignNote(journey: JourneyModel, { pages, base }: IndexPageContent): string {
    if (journey.redesigns === undefined) {
        return '';
    }
    const today = pages.named(journey.redesigns);
    const name = escapeHtml(journey.current?.title ?? journey.redesigns);
    return `<div class="journey-name">redesigns ${today === undefined ? name : `<a href="${escapeHtml(pageHref(INDEX_PAGE, today, base))}">${name}</a>`}</div>`;
}

function fileSection({ file, model }: SiteSource, content: IndexPageContent): string {
    const { pages, base } = content;
    const errors = model.problems.length;
    const heading = `<h2>${escapeHtml(file)}${errors > 0 ? `<span class="errors">${plural(errors, 'error')}</span>` : ''}</h2>`;
    const attributes = ` class="${SITE_MARKUP.fileSection}" ${SITE_MARKUP.filterText}="${escapeHtml(file.toLowerCase())}"`;
    if (model.journeys.length === 0) {
        const text = errors > 0 ? 'No journey could be read from this file:' : 'No journeys: shared declarations (owners, channels, personas).';
        return `<section${attributes}>${heading}<p class="none">${text}</p>${errors > 0 ? problemList(model.problems, 'problems') : ''}</section>`;
    }
    const table = journeyTable(model.journeys, journey => ({
        href: pageHref(INDEX_PAGE, pages.of(journey), base),
        attributes: ` ${SITE_MARKUP.filterText}="${escapeHtml(filterText(journey))}"`,
        note: redesignNote(journey, content)
    }));
    return `<section${attributes}>${heading}\n${table}</section>`;
}

/** The index of the site: every journey of the folder, per file, with its figures and personas, and a filter box. */
export function indexPageBody(content: IndexPageContent): string {
    const { folderName, sources } = content;
    const journeyCount = sources.reduce((n, source) => n + source.model.journeys.length, 0);
    const sections = sources.map(source => fileSection(source, content)).join('\n');
    return `<header>
<h1>Journey maps: ${escapeHtml(folderName)}</h1>
<p class="lead">${plural(journeyCount, 'journey')} in ${plural(sources.length, 'file')}.</p>
<p class="filter" id="${SITE_MARKUP.filterBox}" hidden><label for="${SITE_MARKUP.filterInput}">Filter</label>
<input type="search" id="${SITE_MARKUP.filterInput}" placeholder="journey, persona or file" autocomplete="off">
<span class="filter-status" id="${SITE_MARKUP.filterStatus}" aria-live="polite"></span></p>
</header>
<main>
${sources.length === 0 ? '<p class="none">No <code>.journey</code> files in this folder.</p>' : sections}
</main>`;
}
