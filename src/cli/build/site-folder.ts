import { mkdir, readdir, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { SitePlan } from '../../map/site/build-site.js';
import { displayPath, UsageError } from '../cli-util.js';
import { writeOutput } from '../safe-write.js';

/** The file that says a folder is a site `journey build` made, and which files it wrote there. */
export const SITE_MARKER = 'journey-site.json';

interface Marker {
    generator: 'journey build';
    /** Every file of the site, relative to its folder, `/`-separated, sorted. */
    files: string[];
}

function markerText(files: Iterable<string>): string {
    const marker: Marker = { generator: 'journey build', files: [...new Set(files)].sort() };
    return `${JSON.stringify(marker, undefined, 2)}\n`;
}

/** The files of the last build, if `folder` holds a marker of `journey build`. */
async function lastBuild(folder: string): Promise<string[] | undefined> {
    const text = await readFile(path.join(folder, SITE_MARKER), 'utf-8').catch(() => undefined);
    try {
        const marker = text === undefined ? undefined : JSON.parse(text) as Partial<Marker>;
        return marker?.generator === 'journey build' && Array.isArray(marker.files) && marker.files.every(file => typeof file === 'string')
            ? marker.files : undefined;
    } catch {
        return undefined;
    }
}

export interface WriteReport {
    written: number;
    unchanged: number;
    removed: number;
}

/**
 * The folder a site is written to. It must be new, empty, or a site `journey build` made (its marker says
 * so); any other folder is refused unless `force`, so that a typo in `-o` cannot scatter pages among someone's
 * files. Into a site it made, a build writes what changed and removes the pages it wrote last time that are
 * gone now (a journey renamed or deleted); it never removes a file it did not write.
 */
export class SiteFolder {
    private constructor(readonly root: string, readonly given: string, readonly previous: readonly string[]) {}

    static async open(given: string, force: boolean): Promise<SiteFolder> {
        const root = path.resolve(given);
        const info = await stat(root).catch(() => undefined);
        if (info && !info.isDirectory()) {
            throw new UsageError(`-o ${given}: is a file, not a folder`);
        }
        const entries = info ? await readdir(root).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`-o ${given}: cannot read this folder (${error.code ?? error.message})`);
        }) : [];
        const previous = entries.length > 0 ? await lastBuild(root) : [];
        if (previous === undefined && !force) {
            throw new UsageError(`-o ${given}: the folder is not empty and is not a site journey build made (no ${SITE_MARKER}): ` +
                'name a new or empty folder, or add --force to write the site into it');
        }
        return new SiteFolder(root, given, previous ?? []);
    }

    /**
     * Writes the site: first the marker, naming the files of the last build and of this one (so that a build
     * interrupted half way still knows them all), then each file that differs from what is there (whole or not
     * at all), then removes the last build's files that this one does not have, and the marker again.
     */
    async write(site: SitePlan): Promise<WriteReport> {
        const { paths } = site;
        await mkdir(this.root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`-o ${this.given}: cannot make this folder (${error.code ?? error.message})`);
        });
        await this.#writeFile(SITE_MARKER, markerText([...this.previous, ...paths]));
        const report: WriteReport = { written: 0, unchanged: 0, removed: 0 };
        for await (const file of site.files()) {
            report[await this.#writeFile(file.path, file.content) ? 'written' : 'unchanged']++;
        }
        const current = new Set(paths);
        for (const stale of this.previous.filter(file => !current.has(file))) {
            if (await this.#remove(stale)) {
                report.removed++;
            }
        }
        await this.#writeFile(SITE_MARKER, markerText(paths));
        return report;
    }

    /** The absolute path of a file of the site: inside its folder, whatever a marker says. */
    #inside(relative: string): string | undefined {
        const absolute = path.resolve(this.root, ...relative.split('/'));
        const inside = path.relative(this.root, absolute);
        return inside === '' || inside.startsWith('..') || path.isAbsolute(inside) ? undefined : absolute;
    }

    /** Writes a file unless it already holds this text; whether it wrote it. */
    async #writeFile(relative: string, content: string): Promise<boolean> {
        const absolute = this.#inside(relative)!;
        if (await readFile(absolute, 'utf-8').then(text => text === content, () => false)) {
            return false;
        }
        await mkdir(path.dirname(absolute), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
            throw new UsageError(`${displayPath(path.dirname(absolute))}: cannot make this folder (${error.code ?? error.message})`);
        });
        await writeOutput(absolute, content, { force: true });
        return true;
    }

    /** Removes a file of the last build, then its folders as far up as they are left empty. */
    async #remove(relative: string): Promise<boolean> {
        const absolute = this.#inside(relative);
        if (absolute === undefined || !(await unlink(absolute).then(() => true, () => false))) {
            return false;
        }
        for (let folder = path.dirname(absolute); folder !== this.root && folder.startsWith(this.root); folder = path.dirname(folder)) {
            if (!(await rmdir(folder).then(() => true, () => false))) {
                break;
            }
        }
        return true;
    }
}
