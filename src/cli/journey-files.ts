import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

/** A problem with the command line or the files it names: reported in one line, exit code 2. */
export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Every `*.journey` file under a folder, recursively, sorted; hidden folders and node_modules skipped. */
export async function findJourneyFiles(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { withFileTypes: true, recursive: true });
    return entries
        .filter(entry => entry.isFile() && entry.name.endsWith('.journey'))
        .map(entry => path.join(entry.parentPath, entry.name))
        .filter(file => !path.relative(folder, file).split(path.sep).some(part => SKIPPED_FOLDERS.has(part) || part.startsWith('.')))
        .sort();
}

export interface JourneyFileSet {
    /** The files whose diagnostics are reported. */
    checked: string[];
    /** Further files that only resolve references (owners and channels declared beside the checked files). */
    context: string[];
}

/**
 * Resolves the command line's paths: folders give every journey below them, files are taken as they
 * are, and the other journeys beside a named file (and under `--workspace`) resolve its references,
 * as the editor resolves them across the workspace.
 */
export async function collectJourneyFiles(paths: string[], workspace?: string): Promise<JourneyFileSet> {
    const checked = new Set<string>();
    const contextFolders = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        const info = await stat(absolute).catch(() => {
            throw new UsageError(`${given}: no such file or folder`);
        });
        if (info.isDirectory()) {
            const files = await findJourneyFiles(absolute);
            if (files.length === 0) {
                throw new UsageError(`${given}: no .journey files in this folder`);
            }
            files.forEach(file => checked.add(file));
        } else if (absolute.endsWith('.journey')) {
            checked.add(absolute);
            contextFolders.add(path.dirname(absolute));
        } else {
            throw new UsageError(`${given}: not a .journey file`);
        }
    }
    const context = new Set<string>();
    for (const folder of contextFolders) {
        const siblings = await readdir(folder, { withFileTypes: true });
        siblings.filter(entry => entry.isFile() && entry.name.endsWith('.journey'))
            .forEach(entry => context.add(path.join(folder, entry.name)));
    }
    if (workspace) {
        const folder = path.resolve(workspace);
        const info = await stat(folder).catch(() => undefined);
        if (!info?.isDirectory()) {
            throw new UsageError(`--workspace ${workspace}: no such folder`);
        }
        (await findJourneyFiles(folder)).forEach(file => context.add(file));
    }
    return {
        checked: [...checked].sort(),
        context: [...context].filter(file => !checked.has(file)).sort()
    };
}
