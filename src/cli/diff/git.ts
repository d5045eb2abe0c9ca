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

/** A file at a revision may be large (a journey of thousands of touchpoints): no limit that a real file reaches. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

interface GitRun {
    code: number;
    stdout: Buffer;
    /** Git's first line on standard error (its `fatal: ...`), or ''. */
    said: string;
}

/** Git in `cwd`, given `input` on its standard input. */
function runGit(args: string[], cwd: string, input = ''): Promise<GitRun> {
    return new Promise((resolve, reject) => {
        // Git's own commands only: no pager, and no lock taken on the index just to refresh it.
        const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' };
        const child = execFile('git', args, { cwd, env, maxBuffer: MAX_OUTPUT, encoding: 'buffer' }, (error, stdout, stderr) => {
            // A process that could not start has a code that is a name (ENOENT), one that failed its exit status.
            if (typeof error?.code === 'string') {
                reject(new UsageError(error.code === 'ENOENT' ? 'git is not installed, or not on PATH: --git needs it' : `cannot run git (${error.code})`));
                return;
            }
            const said = stderr.toString('utf-8').split('\n').map(line => line.trim()).find(line => line !== '') ?? '';
            resolve({ code: error ? error.code ?? 1 : 0, stdout, said });
        });
        // A git that failed before reading its input closes the pipe: that failure is the one to report.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(input);
    });
}

/** Git's standard output; a failure is a UsageError with what git said. */
async function git(args: string[], cwd: string, input?: string): Promise<Buffer> {
    const run = await runGit(args, cwd, input);
    if (run.code !== 0) {
        throw new UsageError(`git ${args[0]} failed: ${run.said || `exit code ${run.code}`}`);
    }
    return run.stdout;
}

async function gitText(args: string[], cwd: string): Promise<string> {
    return (await git(args, cwd)).toString('utf-8');
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
    if (run.code !== 0 || run.stdout.toString('utf-8').trim() === '') {
        throw new UsageError(`--git ${revision}: not a commit of this git repository`);
    }
}

/** The text of `file` (an absolute path) at `revision` (`git show`); undefined when it is not there at that revision. */
export async function fileAtRevision(revision: string, file: string): Promise<RevisionText> {
    const folder = await nearestFolder(file);
    const relative = path.relative(folder, file).split(path.sep).join('/');
    // ls-tree names the file from the top of the repository (--full-name), or nothing when it is not there;
    // its paths are matched as written (no wildcards).
    const listed = await gitText(['ls-tree', '-z', '--full-name', '--name-only', revision, '--', relative], folder);
    const fromTop = listed.split('\0').find(name => name !== '');
    return fromTop === undefined ? undefined : gitText(['show', '--no-textconv', `${revision}:${fromTop}`], folder);
}

/**
 * Every `*.journey` file in the working folder and below that differs from `revision` (as `git diff
 * <revision> -- '*.journey'` lists them: committed since, staged or not), and those git does not track
 * yet and does not ignore (new maps not yet added); each with its text at the revision. The texts are
 * read in one `git cat-file --batch`, by the ids `git diff --raw` gives: a process per file (`git show`)
 * would cost a pull request of a hundred maps half a second of starting processes.
 */
export async function changedSince(revision: string, cwd: string): Promise<ChangedFile[]> {
    const [raw, untracked] = await Promise.all([
        gitText(['diff', '--raw', '-z', '--no-abbrev', '--no-renames', '--relative', revision, '--', '*.journey'], cwd),
        gitText(['ls-files', '-z', '--others', '--exclude-standard', '--', '*.journey'], cwd)
    ]);
    // `:<mode> <mode> <id before> <id after> <status>` then the path, each ended by a NUL.
    const changes = new Map<string, { present: boolean, blob?: string }>();
    const fields = raw.split('\0');
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const [, , blob, , status] = fields[i].split(' ');
        changes.set(fields[i + 1], { present: !status.startsWith('D'), blob: status.startsWith('A') ? undefined : blob });
    }
    for (const relative of untracked.split('\0').filter(name => name !== '')) {
        // Taken out of the index (`git rm --cached`) but still there: changed, not deleted.
        changes.set(relative, { present: true, blob: changes.get(relative)?.blob });
    }
    const blobs = [...changes.values()].flatMap(({ blob }) => blob === undefined ? [] : [blob]);
    const texts = await blobTexts(blobs, cwd);
    return [...changes]
        .map(([relative, { present, blob }]) => ({ file: path.resolve(cwd, relative), before: blob === undefined ? undefined : texts.get(blob), present }))
        .sort((a, b) => a.file.localeCompare(b.file));
}

/** The texts of blobs, by id, from one `git cat-file --batch`: `<id> blob <size>`, the bytes, a line feed. */
async function blobTexts(blobs: string[], cwd: string): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    if (blobs.length === 0) {
        return texts;
    }
    const output = await git(['cat-file', '--batch'], cwd, blobs.map(blob => `${blob}\n`).join(''));
    let at = 0;
    while (at < output.length) {
        const end = output.indexOf(0x0a, at);
        const [id, type, size] = output.toString('utf-8', at, end).split(' ');
        if (type !== 'blob') {
            throw new UsageError(`git cat-file failed: ${id} is ${type}`);
        }
        texts.set(id, output.toString('utf-8', end + 1, end + 1 + Number(size)));
        at = end + 1 + Number(size) + 1;
    }
    return texts;
}

/** The path if it is a folder, else its nearest parent that is one (a folder deleted since the revision is not there). */
async function nearestFolder(folder: string): Promise<string> {
    for (let current = folder; ; current = path.dirname(current)) {
        if ((await stat(current).catch(() => undefined))?.isDirectory() || path.dirname(current) === current) {
            return current;
        }
    }
}
