/**
 * The static site of a folder of journeys (`journey build`), host-free: the view models in, the files of the
 * site out (paths and text), the same bytes for the same models. An index of every journey, and a page per
 * journey with every view of the registry that can draw it (views/views.ts): a new view gets its tab with
 * no change here.
 */
import type { JourneyDocumentModel, JourneyModel } from '../model.js';
import { escapeXml } from '../text.js';
import { indexPageBody } from './index-page.js';
import { journeyPageBody } from './journey-page.js';
import { sitePage } from './site-page.js';
import { INDEX_PAGE, pageHref, planJourneyPages } from './site-paths.js';
import type { SitePages, SiteSource } from './site-source.js';

export interface SiteOptions {
    /** The folder's name, in the index's heading. */
    folderName: string;
    /** The site's script (out/webview/site.js). */
    script: string;
    /** An absolute URL ending in `/` where the site will be published: links are then absolute, and a sitemap is written. */
    base?: string;
    /** Told after each page is made (a progress line). */
    onPage?: (made: number, total: number) => void;
}

export interface SiteFile {
    /** Relative to the site's folder, `/`-separated. */
    path: string;
    content: string;
}

export const SITEMAP = 'sitemap.xml';

/**
 * The model without the absolute `file://` addresses of its sources (what the preview needs to reveal a
 * source in the editor): they mean nothing on a published page, would tell where it was built, and would make
 * two checkouts of the same files build different bytes.
 */
function withoutSourceFiles(model: JourneyDocumentModel): JourneyDocumentModel {
    return JSON.parse(JSON.stringify(model, (key, value: unknown) => key === 'uri' ? undefined : value)) as JourneyDocumentModel;
}

/**
 * The site to write: every file's path first (what a build into a site it made needs to know before it
 * writes anything), then the files one at a time, each page made only when it is asked for, so that a large
 * folder's pages are never all in memory at once.
 */
export interface SitePlan {
    paths: readonly string[];
    files(): AsyncGenerator<SiteFile>;
}

export function buildSite(given: readonly SiteSource[], options: SiteOptions): SitePlan {
    const { script, base } = options;
    const sources = given.map(({ file, model }) => ({ file, model: withoutSourceFiles(model) }));
    const journeys = sources.flatMap(source => source.model.journeys.map(journey => ({ source, journey })));
    const plan = planJourneyPages(journeys.map(({ source, journey }) => ({ file: source.file, journey: journey.name })));
    const pageOf = new Map<JourneyModel, string>(journeys.map(({ journey }, i) => [journey, plan[i].path]));
    const byName = new Map<string, string>();
    const redesignsOf = new Map<string, JourneyModel[]>();
    journeys.forEach(({ journey }, i) => {
        if (!byName.has(journey.name)) {
            byName.set(journey.name, plan[i].path);
        }
        if (journey.redesigns !== undefined) {
            redesignsOf.set(journey.redesigns, [...redesignsOf.get(journey.redesigns) ?? [], journey]);
        }
    });
    const pages: SitePages = { of: journey => pageOf.get(journey)!, named: name => byName.get(name) };
    const canonical = (path: string) => base === undefined ? undefined : pageHref(path, path, base);
    const pagePaths = [INDEX_PAGE, ...plan.map(page => page.path)];

    async function* files(): AsyncGenerator<SiteFile> {
        const total = pagePaths.length;
        yield {
            path: INDEX_PAGE,
            content: await sitePage({
                title: `Journey maps: ${options.folderName}`,
                body: indexPageBody({ folderName: options.folderName, sources, pages, base }),
                script,
                canonical: canonical(INDEX_PAGE)
            })
        };
        options.onPage?.(1, total);
        for (const [i, { source, journey }] of journeys.entries()) {
            const path = plan[i].path;
            const body = journeyPageBody({
                file: source.file,
                problems: source.model.problems,
                journey,
                path,
                pages,
                redesignedBy: redesignsOf.get(journey.name) ?? [],
                base
            });
            yield { path, content: await sitePage({ title: `${journey.title}: journey map`, body, script, canonical: canonical(path) }) };
            options.onPage?.(i + 2, total);
        }
        if (base !== undefined) {
            yield { path: SITEMAP, content: sitemap(pagePaths, base) };
        }
    }
    return { paths: base === undefined ? pagePaths : [...pagePaths, SITEMAP], files };
}

/** The sitemap of the pages, for search engines: absolute URLs, which only a base gives. */
function sitemap(paths: readonly string[], base: string): string {
    const urls = [...paths].sort().map(path => `  <url><loc>${escapeXml(pageHref(path, path, base))}</loc></url>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
