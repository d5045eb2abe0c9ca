import type { JourneyModel, MapProblem } from '../model.js';
import { plural } from '../format.js';
import { escapeXml as escapeHtml } from '../text.js';
import { VIEWS, type MapView } from '../views/views.js';
import { problemList } from './problem-list.js';
import { SITE_MARKUP, viewSectionId } from './site-markup.js';
import { INDEX_PAGE, pageHref } from './site-paths.js';
import type { SitePages } from './site-source.js';

export interface JourneyPageContent {
    /** The journey's file, relative to the folder, and that file's errors. */
    file: string;
    problems: readonly MapProblem[];
    journey: JourneyModel;
    /** This page's path in the site. */
    path: string;
    pages: SitePages;
    /** The journeys of the site that redesign this one. */
    redesignedBy: readonly JourneyModel[];
    base?: string;
}

/** Every view of the registry that can draw this journey (the map always; the comparison for a redesign of a known journey...). */
export function availableViews(journey: JourneyModel): MapView[] {
    return (Object.values(VIEWS) as MapView[]).filter(view => view.unavailable(journey) === undefined);
}

function link(content: JourneyPageContent, to: string, text: string): string {
    return `<a href="${escapeHtml(pageHref(content.path, to, content.base))}">${escapeHtml(text)}</a>`;
}

/** Links to the journey this one redesigns, and to those that redesign it. */
function related(content: JourneyPageContent): string {
    const { journey, pages, redesignedBy } = content;
    const parts: string[] = [];
    if (journey.redesigns !== undefined) {
        const today = pages.named(journey.redesigns);
        const title = journey.current?.title ?? journey.redesigns;
        parts.push(`Redesign of ${today === undefined ? escapeHtml(title) : link(content, today, title)}`);
    }
    const tomorrow = redesignedBy.map(other => [pages.named(other.name), other.title] as const)
        .filter((entry): entry is readonly [string, string] => entry[0] !== undefined);
    if (tomorrow.length > 0) {
        parts.push(`Redesigned in ${tomorrow.map(([page, title]) => link(content, page, title)).join(', ')}`);
    }
    return parts.length === 0 ? '' : `<p class="related">${parts.join(' · ')}</p>`;
}

/** What the editor's banner says of a file with errors: the map is what could be read of it. */
function banner(problems: readonly MapProblem[]): string {
    if (problems.length === 0) {
        return '';
    }
    return `<div class="banner" role="alert"><p>This file has ${plural(problems.length, 'error')}: ` +
        'the map is drawn from what could be read of it, and may be incomplete.</p>' +
        `${problemList(problems, 'banner-problems')}</div>`;
}

/**
 * A journey's page: where it comes from, the journeys it is a redesign of or redesigned in, the error banner
 * of its file, and every view the journey has (each in a section of its own; the site's script makes them tabs).
 */
export function journeyPageBody(content: JourneyPageContent): string {
    const { file, problems, journey } = content;
    const personas = journey.personas.map(persona => `${escapeHtml(persona.name)} (${escapeHtml(persona.title)})`);
    const views = availableViews(journey);
    const tabs = views.length < 2 ? '' : `<nav class="view-tabs" aria-label="Views of this journey">${views.map(view =>
        `<a class="${SITE_MARKUP.viewTab}" href="#${viewSectionId(view.id)}">${escapeHtml(view.label)}</a>`).join('')}</nav>`;
    const sections = views.map(view => `<section class="${SITE_MARKUP.view}" id="${viewSectionId(view.id)}">` +
        `<h2>${escapeHtml(view.label)}</h2><div class="map-box">${view.render(journey, { theme: 'light' })}</div></section>`).join('\n');
    return `<header>
<nav class="crumbs">${link(content, INDEX_PAGE, 'All journeys')} › ${escapeHtml(file)}</nav>
<h1>${escapeHtml(journey.title)}</h1>
<p class="about">Journey <code>${escapeHtml(journey.name)}</code>${personas.length > 0 ? ` for ${personas.join(', ')}` : ''}</p>
${related(content)}
</header>
${banner(problems)}
${tabs}
<main>
${sections}
</main>`;
}
