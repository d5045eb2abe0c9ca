import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey, spawnJourney, type SpawnedRun } from '../helpers/cli-process.js';

/**
 * Ctrl+C (SIGINT) or SIGTERM while `render -o` or `export -o` writes its file (issue 10, item 7): the
 * hidden temporary file is removed, the target is either untouched or whole, and the exit code is the
 * conventional one (130, 143). The map is large (thousands of touchpoints, megabytes of output), so the
 * write takes a while; the signal is sent as soon as the temporary file appears (fs.watch), and every
 * wait is bounded. Should a process still finish its write before the signal reaches it, the run is
 * repeated with a map twice as large, at most three times.
 */
const WAIT_MS = 30_000;
const ATTEMPTS = 3;

let folder: string;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-interrupt-'));
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

/** A journey of `count` touchpoints in stages of 50. */
function largeJourney(count: number): string {
    const lines = ['owner Web "Web team"', 'persona P "Pat"', 'journey Large "A large journey" for P {'];
    for (let stage = 0; stage * 50 < count; stage++) {
        lines.push(`  stage S${stage} "Stage ${stage}" {`);
        for (let i = 0; i < 50 && stage * 50 + i < count; i++) {
            lines.push(`    touchpoint T${stage}_${i} "Step ${stage}.${i}" { owner Web emotion ${1 + (i % 5)} pain "a pain that takes some room on the map" }`);
        }
        lines.push('  }');
    }
    lines.push('}', '');
    return lines.join('\n');
}

interface Interrupted {
    run: SpawnedRun;
    /** The names in the folder afterwards. */
    names: string[];
    /** The target's content afterwards, if it is there. */
    target: string | undefined;
}

/**
 * Starts `journey ...args` in `cwd`, sends `signal` when a temporary file for `target` appears, and
 * waits for the end. Fails with a clear message if no temporary file appears in time.
 */
async function interruptWrite(cwd: string, target: string, signal: NodeJS.Signals, args: string[]): Promise<Interrupted> {
    const temporary = new RegExp(`^\\.${target.replace(/\./g, '\\.')}\\.[0-9a-f]+\\.tmp$`);
    const watcher = watch(cwd);
    try {
        const { child, done } = spawnJourney(cwd, args);
        const appeared = new Promise<boolean>(resolve => {
            watcher.on('change', (_event, name) => {
                if (temporary.test(String(name))) {
                    resolve(child.kill(signal));
                }
            });
            void done.then(() => resolve(false));
        });
        let timer: NodeJS.Timeout | undefined;
        const bounded = new Promise<'timeout'>(resolve => { timer = setTimeout(() => resolve('timeout'), WAIT_MS); });
        const sent = await Promise.race([appeared, bounded]);
        if (sent === 'timeout') {
            child.kill('SIGKILL');
            throw new Error(`journey ${args.join(' ')}: no temporary file .${target}.<hex>.tmp appeared in ${WAIT_MS} ms`);
        }
        const run = await Promise.race([done, bounded]);
        clearTimeout(timer);
        if (run === 'timeout') {
            child.kill('SIGKILL');
            throw new Error(`journey ${args.join(' ')}: still running ${WAIT_MS} ms after ${signal}`);
        }
        const names = await readdir(cwd);
        const content = names.includes(target) ? await readFile(path.join(cwd, target), 'utf-8') : undefined;
        return { run, names, target: content };
    } finally {
        watcher.close();
    }
}

/**
 * The interrupted run of `args` (writing `target`) in a fresh folder with a map of `count` touchpoints,
 * repeated with a larger map when the process finished its write before the signal arrived. `before`
 * prepares the folder.
 */
async function interruptedRun(name: string, target: string, signal: NodeJS.Signals, args: string[],
    before: (cwd: string) => Promise<void> = () => Promise.resolve()) {
    for (let attempt = 0, count = 3000; attempt < ATTEMPTS; attempt++, count *= 2) {
        const cwd = path.join(folder, `${name}-${attempt}`);
        await mkdir(cwd);
        await writeFile(path.join(cwd, 'large.journey'), largeJourney(count));
        await before(cwd);
        const result = await interruptWrite(cwd, target, signal, args);
        // Finished first: exit 0, or the signal ended it (with no handler left) after the file was in place.
        const finishedFirst = result.names.every(n => !n.endsWith('.tmp'))
            && (result.run.code === 0 || (result.run.signal === signal && result.target !== undefined));
        if (!finishedFirst) {
            return { cwd, ...result };
        }
    }
    throw new Error(`journey ${args.join(' ')} finished writing before ${signal} reached it ${ATTEMPTS} times, with maps up to ` +
        `${3000 * 2 ** (ATTEMPTS - 1)} touchpoints: the machine writes too fast for this test`);
}

/** What the command writes when it is not interrupted. */
async function completeOutput(cwd: string, target: string, args: string[]): Promise<string> {
    const complete = `complete-${target}`;
    const run = await journey(cwd, ...args.map(arg => arg === target ? complete : arg), '--force');
    expect(run.code).toBe(0);
    return readFile(path.join(cwd, complete), 'utf-8');
}

describe('an interrupted write leaves nothing behind', () => {
    test('render -o out.svg, Ctrl+C (SIGINT): no temporary file, no half-written map, exit 130', async () => {
        const args = ['render', 'large.journey', '-o', 'out.svg'];
        const { cwd, run, names, target } = await interruptedRun('sigint', 'out.svg', 'SIGINT', args);
        expect(names.filter(n => n.endsWith('.tmp'))).toEqual([]);
        expect({ code: run.code, signal: run.signal, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 130, signal: null, stdout: '', stderr: '' });
        // The signal may land after the map was linked in place, whole: never a part of it.
        if (target !== undefined) {
            expect(target).toBe(await completeOutput(cwd, 'out.svg', args));
        }
    });

    test('export --format json -o out.json --force over an existing file, SIGTERM: the old file kept, exit 143', async () => {
        const args = ['export', 'large.journey', '--format', 'json', '-o', 'out.json', '--force'];
        const { cwd, run, names, target } = await interruptedRun('sigterm', 'out.json', 'SIGTERM', args,
            cwd => writeFile(path.join(cwd, 'out.json'), '{ "old": true }\n'));
        expect(names.filter(n => n.endsWith('.tmp'))).toEqual([]);
        expect({ code: run.code, signal: run.signal, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 143, signal: null, stdout: '', stderr: '' });
        if (target !== '{ "old": true }\n') {
            expect(target).toBe(await completeOutput(cwd, 'out.json', args));
        }
    });

    test('serve, which writes no file, keeps its own Ctrl+C: it stops with 0', async () => {
        const cwd = path.join(folder, 'serve');
        await mkdir(cwd);
        await writeFile(path.join(cwd, 'small.journey'), largeJourney(3));
        const { child, done } = spawnJourney(cwd, ['serve', '.']);
        let output = '';
        await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`journey serve printed no address in ${WAIT_MS} ms: ${output}`)), WAIT_MS);
            child.stdout!.on('data', (chunk: Buffer) => {
                output += chunk.toString();
                if (output.includes('at http://')) {
                    clearTimeout(timer);
                    resolve();
                }
            });
        });
        child.kill('SIGINT');
        expect((await done).code).toBe(0);
    });
});
