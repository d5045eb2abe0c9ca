import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { plural } from '../map/format.js';
import { buildSite } from '../map/site/build-site.js';
import { checkFolder, displayPath, UsageError } from './cli-util.js';
import { SiteFolder } from './build/site-folder.js';
import { JourneyFolder } from './journey-folder.js';
import { Progress, type ProgressOutput } from './progress.js';
import { webviewFile } from './webview-bundle.js';

export interface BuildOptions {
    /** The site's folder (default `site`). */
    output: string;
    /** Where the site will be published, when its links must be absolute. */
    base?: string;
    /** Write into a non-empty folder that is not a site `journey build` made. */
    force?: boolean;
}

export interface BuildOutput extends ProgressOutput {
    /** The result, on standard output. */
    result(text: string): void;
    warn(text: string): void;
}

/** `--base`: an absolute http(s) URL, as a folder (ending in `/`), without a query or a fragment. */
export function siteBase(given: string): string {
    let url: URL;
    try {
        url = new URL(given);
    } catch {
        throw new UsageError(`--base ${given}: not an absolute URL (write it as https://example.org/maps/)`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
        throw new UsageError(`--base ${given}: must be an http or https URL without ? or # (write it as https://example.org/maps/)`);
    }
    if (!url.pathname.endsWith('/')) {
        url.pathname = `${url.pathname}/`;
    }
    return url.href;
}

/**
 * `journey build`: the static site of every journey under a folder (src/map/site/ makes it; this reads the
 * folder with the language's services and writes the site's files).
 */
export async function build(folderArg: string, options: BuildOptions, out: BuildOutput): Promise<number> {
    await checkFolder(folderArg, 'build makes a site of every journey under a folder');
    const base = options.base === undefined ? undefined : siteBase(options.base);
    const site = await SiteFolder.open(options.output, options.force === true);
    const script = await readFile(await webviewFile('site.js'), 'utf-8');
    if (out.terminal) {
        out.status(`Reading the journeys under ${displayPath(path.resolve(folderArg)) || '.'}`);
    }
    const folder = await JourneyFolder.open(folderArg, text => out.warn(text));
    const sources = folder.files.map(file => ({ file, model: folder.model(file)! }));
    const drawing = new Progress(out, 'Drawing pages');
    const plan = buildSite(sources, {
        folderName: path.basename(folder.root),
        script,
        base,
        onPage: (made, total) => drawing.update(made, total)
    });
    const report = await site.write(plan);
    drawing.end();
    const journeys = sources.reduce((n, source) => n + source.model.journeys.length, 0);
    const withErrors = sources.filter(source => source.model.problems.length > 0).length;
    const where = displayPath(site.root) || '.';
    out.result(`${where}: ${plural(journeys, 'journey page')} and the index, from ${plural(sources.length, 'file')}` +
        `${withErrors > 0 ? ` (${withErrors} with errors)` : ''}; ${report.written} written, ${report.unchanged} unchanged` +
        `${report.removed > 0 ? `, ${report.removed} removed` : ''}. Open ${path.join(where, 'index.html')}`);
    return 0;
}
