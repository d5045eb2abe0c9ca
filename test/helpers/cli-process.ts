import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const CLI = fileURLToPath(new URL('../../out/cli/main.cjs', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

export interface Run { code: number, stdout: string, stderr: string }

/** `journey ...` as a user runs it: the bundled CLI in a separate process, in a working directory. */
export async function journey(cwd: string, ...args: string[]): Promise<Run> {
    try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const failed = error as { code: number, stdout: string, stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
}

export interface SpawnedRun { code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }

export interface Spawned {
    child: ChildProcess;
    /** Resolves when the process has exited and its output ended; what it printed on the pipes it was given. */
    done: Promise<SpawnedRun>;
}

/**
 * `journey ...` started with `spawn`, for what `journey()` cannot do: standard streams on a given file
 * descriptor (`/dev/full`) or closed early, another user (`uid`/`gid`), signals sent while it runs;
 * `program` is the Node binary and the bundle to run (by default this Node and out/cli/main.cjs).
 */
export function spawnJourney(cwd: string, args: string[], options: Omit<SpawnOptions, 'cwd'> = {}, program = { node: process.execPath, cli: CLI }): Spawned {
    const child = spawn(program.node, [program.cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // A pipe closed on purpose by the test (to make the process meet EPIPE) is no error here.
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);
    const done = new Promise<SpawnedRun>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    return { child, done };
}

/**
 * The control characters in a text that could act on a terminal: C0 except tab and line feed, DEL and C1
 * (as code points: in UTF-8 the bytes 0x80-0x9F are also the continuation bytes of ordinary characters,
 * `★` among them), each shown as its escape.
 */
export function controlCharactersIn(text: string): string[] {
    return [...text.matchAll(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g)]
        .map(match => `\\u${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ServeProcess extends Spawned {
    /** `http://127.0.0.1:<port>`, as serve printed it. */
    origin: string;
    /** Everything printed so far, standard output and error interleaved. */
    output(): string;
    /** Resolves when the output from offset `from` matches (the match); rejects after `ms`, with the output so far. */
    waitForOutput(pattern: RegExp, from?: number, ms?: number): Promise<string>;
}

/** `journey serve ...args` started in `cwd`, once it printed its address (bounded: 10 s). */
export async function startServe(cwd: string, args: string[] = [], options: Omit<SpawnOptions, 'cwd'> = {},
    program?: { node: string, cli: string }): Promise<ServeProcess> {
    const spawned = spawnJourney(cwd, ['serve', ...args], options, program);
    let output = '';
    const listeners = new Set<() => void>();
    const onData = (chunk: Buffer) => {
        output += chunk.toString();
        listeners.forEach(listener => listener());
    };
    spawned.child.stdout!.on('data', onData);
    spawned.child.stderr!.on('data', onData);
    const waitForOutput = (pattern: RegExp, from = 0, ms = 10_000) => new Promise<string>((resolve, reject) => {
        const check = () => {
            const match = pattern.exec(output.slice(from));
            if (match) {
                clearTimeout(timer);
                listeners.delete(check);
                resolve(match[0]);
            }
        };
        const timer = setTimeout(() => {
            listeners.delete(check);
            reject(new Error(`journey serve printed nothing matching ${pattern} in ${ms} ms: ${output}`));
        }, ms);
        listeners.add(check);
        void spawned.done.then(() => check());
        check();
    });
    const exited = spawned.done.then(run => { throw new Error(`journey serve exited with ${run.code ?? run.signal}: ${output}`); });
    // Once started, its end (when the test stops it) is no failure.
    exited.catch(() => undefined);
    const address = await Promise.race([waitForOutput(/at http:\/\/127\.0\.0\.1:\d+\//), exited]);
    return { ...spawned, origin: address.slice('at '.length, -1), output: () => output, waitForOutput };
}

/**
 * Writes `file` (`content(attempt)`: a different text each time) until serve prints `pattern`, waiting
 * a second after each write, ten times at most: the folder's watcher may start a moment after the
 * address is printed, and miss a write made at once.
 */
export async function writeUntilPrinted(serve: ServeProcess, file: string, content: (attempt: number) => string, pattern: RegExp): Promise<string> {
    const from = serve.output().length;
    for (let attempt = 0; ; attempt++) {
        await writeFile(file, content(attempt));
        try {
            return await serve.waitForOutput(pattern, from, 1000);
        } catch (error) {
            if (attempt === 9) {
                throw error;
            }
        }
    }
}
