import { chmod, copyFile, cp, link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, EXAMPLES, spawnJourney, startServe, writeUntilPrinted } from '../helpers/cli-process.js';

/**
 * A folder the user cannot read, under one given to the command line (issue 10, item 6): a one-line
 * warning naming it, and the rest is checked; a file that cannot be read: a one-line refusal naming it. `chmod 000` stops no one running as root (CI runs the
 * suite as root), so there the CLI runs as the unprivileged user `nobody` (uid and gid 65534), with the
 * temporary folders made readable to it; as any other user it runs as that user. `nobody` may not reach
 * this Node or the repository (under /root, say): it runs a hard link to (or a copy of) the Node binary
 * and a copy of the bundle (out/cli/main.cjs with the preview page beside it, for serve) in the
 * temporary folder.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const user = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

let folder: string;
let program = { node: process.execPath, cli: CLI };

/** The CLI's bundle and Node where `nobody` can run them. */
async function programForNobody(): Promise<{ node: string, cli: string }> {
    const app = path.join(folder, '.app');
    await mkdir(path.join(app, 'bin'), { recursive: true });
    const node = path.join(app, 'bin', 'node');
    await link(process.execPath, node).catch(() => copyFile(process.execPath, node));
    await chmod(node, 0o755);
    const out = path.join(CLI, '..', '..');
    await mkdir(path.join(app, 'out', 'cli'), { recursive: true });
    await copyFile(CLI, path.join(app, 'out', 'cli', 'main.cjs'));
    await copyFile(path.join(CLI, '..', 'validate-worker.cjs'), path.join(app, 'out', 'cli', 'validate-worker.cjs'));
    await cp(path.join(out, 'webview'), path.join(app, 'out', 'webview'), { recursive: true });
    await chmod(app, 0o755);
    return { node, cli: path.join(app, 'out', 'cli', 'main.cjs') };
}

/** The folders the test made, locked ones included, readable and writable again so that they can be removed. */
const locked: string[] = [];

async function lock(folderPath: string, mode: number): Promise<void> {
    await chmod(folderPath, mode);
    locked.push(folderPath);
}

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-unreadable-'));
    await cp(EXAMPLES, path.join(folder, 'journeys'), { recursive: true });
    await mkdir(path.join(folder, 'journeys', 'sub', 'locked'), { recursive: true });
    await writeFile(path.join(folder, 'journeys', 'sub', 'locked', 'hidden.journey'), 'journey Hidden {\n}\n');
    await writeFile(path.join(folder, 'journeys', 'sub', 'broken.journey'), 'persona B\njourney Broken for B {\n  stage S {\n    touchpoint T { owner Nobody emotion 9 }\n  }\n}\n');
    await cp(EXAMPLES, path.join(folder, 'clean'), { recursive: true });
    await mkdir(path.join(folder, 'clean', 'locked'));
    await writeFile(path.join(folder, 'clean', 'locked', 'hidden.journey'), 'journey Hidden {\n}\n');
    // A folder whose list cannot be read, though its files can (execute permission only).
    await mkdir(path.join(folder, 'listless'));
    await writeFile(path.join(folder, 'listless', 'alone.journey'), 'persona A\njourney Alone for A {\n  stage S {\n    touchpoint T { emotion 3 }\n  }\n}\n');
    // Files that cannot be read, two of four: each thread of `--jobs 2` gets one.
    await mkdir(path.join(folder, 'unreadable'));
    for (const name of ['a', 'b', 'c', 'd']) {
        await writeFile(path.join(folder, 'unreadable', `${name}.journey`), `persona ${name.toUpperCase()}\n`);
    }
    await mkdir(path.join(folder, 'closed'));
    await writeFile(path.join(folder, 'closed', 'x.journey'), 'persona X\n');
    // mkdtemp makes the folder private to its owner: `nobody` must get in.
    await chmod(folder, 0o755);
    if (asRoot) {
        program = await programForNobody();
    }
    await lock(path.join(folder, 'journeys', 'sub', 'locked'), 0o000);
    await lock(path.join(folder, 'clean', 'locked'), 0o000);
    await lock(path.join(folder, 'listless'), 0o311);
    await lock(path.join(folder, 'closed'), 0o000);
    await lock(path.join(folder, 'unreadable', 'b.journey'), 0o000);
    await lock(path.join(folder, 'unreadable', 'd.journey'), 0o000);
});

afterAll(async () => {
    for (const lockedFolder of locked) {
        await chmod(lockedFolder, 0o755).catch(() => undefined);
    }
    await rm(folder, { recursive: true, force: true });
});

function journeyAsUser(...args: string[]) {
    return spawnJourney(folder, args, user, program).done;
}

describe('an unreadable folder', () => {
    test('the CLI runs as a user who cannot read the locked folders', async () => {
        const run = await journeyAsUser('--version');
        // If this fails, `nobody` cannot run Node or read the bundle where they are: the rest cannot be tested here.
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    });

    test('validate: a one-line warning naming it, the rest checked, the exit code theirs', async () => {
        const run = await journeyAsUser('validate', 'journeys');
        expect(run.stderr).toBe('journey: warning: cannot read folder journeys/sub/locked (EACCES): skipped\n');
        expect(run.stdout).toContain('journeys/sub/broken.journey:4:41 error emotion-out-of-range');
        expect(run.stdout).toMatch(/\n6 files checked: 2 errors/);
        expect(run.code).toBe(1);
    });

    test('validate: no problem in the files it could read: exit 0, the warning still said', async () => {
        expect(await journeyAsUser('validate', 'clean')).toEqual({
            code: 0, signal: null, stdout: '5 files checked: no problems\n', stderr: 'journey: warning: cannot read folder clean/locked (EACCES): skipped\n'
        });
        const json = await journeyAsUser('validate', 'clean', '--format', 'json');
        expect([json.code, json.stdout, json.stderr]).toEqual([0, '[]\n', 'journey: warning: cannot read folder clean/locked (EACCES): skipped\n']);
    });

    test('--workspace with an unreadable folder under it: the same warning', async () => {
        const run = await journeyAsUser('render', 'journeys/passport-renewal.journey', '--workspace', 'journeys');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^<svg /);
        expect(run.stderr).toBe('journey: warning: cannot read folder journeys/sub/locked (EACCES): skipped\n');
    });

    test('a file in a folder whose list cannot be read: checked alone, with a warning', async () => {
        const run = await journeyAsUser('validate', 'listless/alone.journey');
        expect(run.stderr).toBe('journey: warning: cannot read folder listless (EACCES): the journeys beside the file are not loaded\n');
        expect(run.stdout).toContain('1 file checked');
        expect(run.code).toBe(0);
    });

    test('the folder named itself unreadable: a one-line refusal, exit 2', async () => {
        expect(await journeyAsUser('validate', 'closed')).toEqual({
            code: 2, signal: null, stdout: '', stderr: 'journey: closed: cannot read this folder (EACCES)\n'
        });
        expect(await journeyAsUser('serve', 'closed')).toEqual({
            code: 2, signal: null, stdout: '', stderr: 'journey: closed: cannot read this folder (EACCES)\n'
        });
    });

    test('a file that cannot be read: a one-line refusal naming the first of them, exit 2, in one process and in threads', async () => {
        for (const jobs of ['1', '2']) {
            expect(await journeyAsUser('validate', 'unreadable', '--jobs', jobs)).toEqual({
                code: 2, signal: null, stdout: '', stderr: 'journey: unreadable/b.journey: cannot read it (EACCES)\n'
            });
        }
    });

    test('serve: the warning once, not at every change, and the rest served and redrawn', async () => {
        const serve = await startServe(folder, ['journeys'], user, program);
        try {
            // A change makes serve search the folder again: the locked folder is still there, and not said again.
            await writeUntilPrinted(serve, path.join(folder, 'journeys', 'added.journey'),
                attempt => `persona A\njourney Added "Added ${attempt}" for A {\n}\n`, /^added\.journey: redrawn$/m);
            serve.child.kill('SIGTERM');
            const run = await serve.done;
            expect(run.code).toBe(0);
            expect(run.stderr).toBe('journey: warning: cannot read folder journeys/sub/locked (EACCES): skipped\n');
            expect(run.stdout).toMatch(/^Serving 6 journey files from journeys at /);
        } finally {
            serve.child.kill('SIGKILL');
            await rm(path.join(folder, 'journeys', 'added.journey'), { force: true });
        }
    });
});
