import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { displayPath, UsageError, type Warn } from './cli-util.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Every `*.journey` file under a folder, recursively, sorted; hidden files and folders, and
 * node_modules, skipped. A subfolder that cannot be read (no permission) is skipped with a warning
 * naming it, and the rest is still searched; symbolic links are not followed. The folder itself must be
 * readable: if it is not, a `UsageError`.
 */
export async function findJourneyFiles(folder: string, warn: Warn = () => undefined): Promise<string[]> {
    const files: string[] = [];
    const pending = [folder];
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
        let entries;
        try {
            entries = await readdir(current, { withFileTypes: true });
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
            if (current === folder) {
                throw new UsageError(`${displayPath(folder)}: cannot read this folder (${code})`);
            }
            // Gone since its parent was read: nothing to say.
            if (code !== 'ENOENT') {
                warn(`journey: warning: cannot read folder ${displayPath(current)} (${code}): skipped`);
            }
            continue;
        }
        for (const entry of entries) {
            if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) {
                continue;
            }
            const child = path.join(current, entry.name);
            if (entry.isDirectory()) {
                pending.push(child);
            } else if (entry.isFile() && entry.name.endsWith('.journey')) {
                files.push(child);
            }
        }
    }
    return files.sort();
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
export async function collectJourneyFiles(paths: string[], workspace?: string, warn: Warn = () => undefined): Promise<JourneyFileSet> {
    const checked = new Set<string>();
    const contextFolders = new Set<string>();
    for (const given of paths) {
        const absolute = await givenPath(given);
        if (absolute.folder) {
            const files = await findJourneyFiles(absolute.path, warn);
            if (files.length === 0) {
                throw new UsageError(`${given}: no .journey files in this folder`);
            }
            files.forEach(file => checked.add(file));
        } else {
            checked.add(absolute.path);
            contextFolders.add(path.dirname(absolute.path));
        }
    }
    const context = await contextFiles(contextFolders, workspace, warn);
    return {
        checked: [...checked].sort(),
        context: [...context].filter(file => !checked.has(file)).sort()
    };
}

/** The absolute path of a file or folder the command line names: a folder, or a `.journey` file. */
export async function givenPath(given: string): Promise<{ path: string; folder: boolean }> {
    const absolute = path.resolve(given);
    const info = await stat(absolute).catch(() => {
        throw new UsageError(`${given}: no such file or folder`);
    });
    if (!info.isDirectory() && !absolute.endsWith('.journey')) {
        throw new UsageError(`${given}: not a .journey file`);
    }
    return { path: absolute, folder: info.isDirectory() };
}

/**
 * The journeys that resolve the references of files in `folders`: the other `*.journey` files in each
 * folder (not below), and every one under `workspace`. A folder that is not there (its files deleted since
 * a git revision that `journey diff` compares with) has none.
 */
export async function contextFiles(folders: Iterable<string>, workspace?: string, warn: Warn = () => undefined): Promise<Set<string>> {
    const context = new Set<string>();
    for (const folder of folders) {
        const siblings = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
            // The file can be read but not the folder's list (execute permission without read).
            if (error.code !== 'ENOENT') {
                warn(`journey: warning: cannot read folder ${displayPath(folder)} (${error.code ?? error.message}): ` +
                    'the journeys beside the file are not loaded');
            }
            return [];
        });
        siblings.filter(entry => entry.isFile() && entry.name.endsWith('.journey'))
            .forEach(entry => context.add(path.join(folder, entry.name)));
    }
    if (workspace) {
        const folder = path.resolve(workspace);
        const info = await stat(folder).catch(() => undefined);
        if (!info?.isDirectory()) {
            throw new UsageError(`--workspace ${workspace}: no such folder`);
        }
        (await findJourneyFiles(folder, warn)).forEach(file => context.add(file));
    }
    return context;
}
