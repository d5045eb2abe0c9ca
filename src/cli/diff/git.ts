import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from '../cli-util.js';

/**
 * What `journey diff --git` asks of git, which runs as a process of its own (no shell: a revision or a
 * path is never read as shell syntax). A failure is a UsageError that says git's own first line.
 */

/** A file's text at the revision, or undefined when the file is not there at that revision. */
export type RevisionText = string | undefined;

/** A `.journey` file changed since a revision, by its absolute path; `before` is its text then. */
export interface ChangedFile {
    file: string;
    before: RevisionText;
    /** Whether it is there now (a file deleted since the revision is not). */
    present: boolean;
}

/** How many `git show` processes run at once. */
const PARALLEL_SHOWS = 4;
/** A file at a revision may be large (a journey of thousands of touchpoints): no limit that a real file reaches. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

interface GitRun {
    code: number;
    stdout: string;
    /** Git's first line on standard error (its `fatal: ...`), or ''. */
    said: string;
}

function runGit(args: string[], cwd: string): Promise<GitRun> {
    return new Promise((resolve, reject) => {
        // Git's own commands only: no pager, and no lock taken on the index just to refresh it.
        const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' };
        execFile('git', args, { cwd, env, maxBuffer: MAX_OUTPUT, encoding: 'utf-8' }, (error, stdout, stderr) => {
            // A process that could not start has a code that is a name (ENOENT), one that failed its exit status.
            if (typeof error?.code === 'string') {
                reject(new UsageError(error.code === 'ENOENT' ? 'git is not installed, or not on PATH: --git needs it' : `cannot run git (${error.code})`));
                return;
            }
            const said = stderr.split('\n').map(line => line.trim()).find(line => line !== '') ?? '';
            resolve({ code: error ? error.code ?? 1 : 0, stdout, said });
        });
    });
}

/** Git's standard output; a failure is a UsageError with what git said. */
async function git(args: string[], cwd: string): Promise<string> {
    const run = await runGit(args, cwd);
    if (run.code !== 0) {
        throw new UsageError(`git ${args[0]} failed: ${run.said || `exit code ${run.code}`}`);
    }
    return run.stdout;
}

/**
 * Checks that `revision` names a commit of the repository around `near` (a file or a folder, there or
 * not), before anything is read from it: afterwards a file that git cannot show at the revision is a file
 * that is not there.
 */
export async function checkRevision(revision: string, near: string): Promise<void> {
    // An option is no revision: `--git --output=x` must not reach git as an option.
    if (revision === '' || revision.startsWith('-')) {
        throw new UsageError(`--git ${revision}: not a git revision`);
    }
    const run = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], await nearestFolder(near));
    // With --quiet git says nothing of a revision it does not know; it does of a folder outside a repository.
    if (run.code !== 0 && run.said !== '') {
        throw new UsageError(`git rev-parse failed: ${run.said}`);
    }
    if (run.code !== 0 || run.stdout.trim() === '') {
        throw new UsageError(`--git ${revision}: not a commit of this git repository`);
    }
}

/** The text of `file` (an absolute path) at `revision`; undefined when it is not there at that revision. */
export async function fileAtRevision(revision: string, file: string): Promise<RevisionText> {
    const folder = await nearestFolder(file);
    const relative = path.relative(folder, file).split(path.sep).join('/');
    // ls-tree names the file from the top of the repository (--full-name), or nothing when it is not there;
    // its paths are matched as written (no wildcards).
    const listed = await git(['ls-tree', '-z', '--full-name', '--name-only', revision, '--', relative], folder);
    const fromTop = listed.split('\0').find(name => name !== '');
    return fromTop === undefined ? undefined : git(['show', '--no-textconv', `${revision}:${fromTop}`], folder);
}

/**
 * Every `*.journey` file in the working folder and below that differs from `revision` (as `git diff
 * <revision> -- '*.journey'` lists them: committed since, staged or not), and those git does not track
 * yet and does not ignore (new maps not yet added); each with its text at the revision.
 */
export async function changedSince(revision: string, cwd: string): Promise<ChangedFile[]> {
    const [diff, untracked, prefix] = await Promise.all([
        git(['diff', '--name-status', '-z', '--no-renames', '--relative', revision, '--', '*.journey'], cwd),
        git(['ls-files', '-z', '--others', '--exclude-standard', '--', '*.journey'], cwd),
        git(['rev-parse', '--show-prefix'], cwd)
    ]);
    const statuses = new Map<string, string>();
    const fields = diff.split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
        statuses.set(fields[i + 1], fields[i]);
    }
    for (const relative of untracked.split('\0').filter(name => name !== '')) {
        // Taken out of the index (`git rm --cached`) but still there: changed, not deleted.
        statuses.set(relative, statuses.has(relative) ? 'M' : 'A');
    }
    const changes = [...statuses].map(([relative, status]) => ({ relative, status }));
    const top = prefix.trim();
    const texts = await inParallel(changes, ({ relative, status }) =>
        status === 'A' ? Promise.resolve(undefined) : git(['show', '--no-textconv', `${revision}:${top}${relative}`], cwd));
    return changes
        .map(({ relative, status }, i) => ({ file: path.resolve(cwd, relative), before: texts[i], present: status !== 'D' }))
        .sort((a, b) => a.file.localeCompare(b.file));
}

/** The path if it is a folder, else its nearest parent that is one (a folder deleted since the revision is not there). */
async function nearestFolder(folder: string): Promise<string> {
    for (let current = folder; ; current = path.dirname(current)) {
        if ((await stat(current).catch(() => undefined))?.isDirectory() || path.dirname(current) === current) {
            return current;
        }
    }
}

async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SHOWS, items.length) }, worker));
    return results;
}
