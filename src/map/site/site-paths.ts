/**
 * Where each page of the static site is, and how a page links to another. Paths are relative to the site
 * folder and `/`-separated; links between pages are relative (the site works from `file://` and under any
 * path of any host), or absolute under a base URL when one is given.
 */

export const INDEX_PAGE = 'index.html';

/** A journey's page: under `journeys/`, the folders and the name of its file (without `.journey`), then the journey's name. */
export interface JourneyPagePlan {
    /** The journey's file, relative to the folder built, `/`-separated. */
    file: string;
    journey: string;
    path: string;
}

/**
 * A path segment that every file system and static host keeps as it is: letters and digits of any alphabet,
 * `_` and `-`, nothing else (no `%`, `#`, `?` or space, which hosts decode in different ways; no `.`, so that
 * no folder is hidden or ends in `.html` like a page).
 */
function safeSegment(segment: string): string {
    return segment.normalize('NFC').replace(/[^\p{L}\p{N}_-]/gu, '_') || '_';
}

/**
 * The page of every journey, in the order given. Two journeys whose paths would differ only in case, or
 * only in the characters made safe, would be one file on some file systems: the later one gets `-2`, `-3`...
 */
export function planJourneyPages(journeys: readonly { file: string, journey: string }[]): JourneyPagePlan[] {
    const taken = new Set<string>([INDEX_PAGE]);
    return journeys.map(({ file, journey }) => {
        const folders = file.replace(/\.journey$/, '').split('/').map(safeSegment);
        const stem = `journeys/${folders.join('/')}/${safeSegment(journey)}`;
        let path = `${stem}.html`;
        for (let n = 2; taken.has(path.toLowerCase()); n++) {
            path = `${stem}-${n}.html`;
        }
        taken.add(path.toLowerCase());
        return { file, journey, path };
    });
}

/**
 * The link from page `from` to page `to` (both site paths), each segment percent-encoded. With `base` (an
 * absolute URL ending in `/`): the absolute URL of `to` under it.
 */
export function pageHref(from: string, to: string, base?: string): string {
    const encoded = to.split('/').map(encodeURIComponent);
    if (base !== undefined) {
        return new URL(encoded.join('/'), base).href;
    }
    const fromFolders = from.split('/').slice(0, -1);
    const toParts = to.split('/');
    let common = 0;
    while (common < fromFolders.length && common < toParts.length - 1 && fromFolders[common] === toParts[common]) {
        common++;
    }
    const up = fromFolders.slice(common).map(() => '..');
    return [...up, ...encoded.slice(common)].join('/');
}
