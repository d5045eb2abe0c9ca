import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { UsageError } from '../cli-util.js';
import { throttled, type WorkspaceOptions } from '../journey-workspace.js';
import { mergedTargets, type ParsedFile, type ShareMessage, type ShareStep, type ShareSteps } from './share-protocol.js';

/** The bundle of validate-worker.ts, beside the CLI's (out/cli/). */
const WORKER_SCRIPT = path.join(__dirname, 'validate-worker.cjs');

/** Text a thread is worth starting for, by default: below it, the thread's start and the files it parses again cost more than it saves. */
const MIN_SHARE_BYTES = 2_000_000;

/**
 * How many threads check the files, of these sizes in bytes: `jobs` when given (at most one per file);
 * else one per core, as long as each has MIN_SHARE_BYTES of text. One means no thread: the files are
 * checked in this one.
 */
export function shareCount(sizes: readonly number[], jobs?: number): number {
    if (jobs !== undefined) {
        return Math.min(jobs, sizes.length);
    }
    const bytes = sizes.reduce((sum, size) => sum + size, 0);
    return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / MIN_SHARE_BYTES)));
}

/**
 * The diagnostics of the `checked` files among `files` (the workspace, in the order one process loads it),
 * found by `shares` threads at once, each building a run of consecutive files with the services of one
 * process: exactly what one process finds (test/integration/cli-validate-threads.test.ts). What one file's
 * diagnostics depend on in other files is given to each thread between the steps (share-protocol.ts):
 * every file's declarations, the files its references may point to (parsed again there), and which nodes
 * the whole workspace references. Each thread reads its files itself; runs are shared out by the files'
 * `sizes`. A file that cannot be read fails the whole with the `UsageError` one process gives: the first such
 * file of the workspace's order.
 */
export async function validateInShares(files: string[], sizes: readonly number[], checked: ReadonlySet<string>, shares: number,
    progress: WorkspaceOptions['progress']): Promise<Map<string, Diagnostic[]>> {
    const report = throttled(progress);
    setFlagsFromString(SERIAL_SCAVENGE);
    const totals: Record<string, number> = { reading: files.length, linking: files.length, checking: checked.size };
    const done: Record<string, number> = { reading: 0, linking: 0, checking: 0 };
    const runs = consecutiveRuns(sizes, shares);
    const threads = runs.map(() => new ShareThread((step, files) => report(step, done[step] += files, totals[step])));
    const paths = (indices: number[]) => indices.map(i => files[i]);
    try {
        const parsed = (await inOrder(threads.map((thread, k) => thread.request('parse', { files: paths(runs[k]) })))).flat();
        const workspace = files.map((file, i) => ({ path: file, exports: parsed[i].exports }));
        const declaring = declaringFiles(parsed);
        const targets = await inOrder(threads.map((thread, k) =>
            thread.request('link', { workspace, others: paths(pointedTo(runs[k], parsed, declaring)) })));
        const referenced = mergedTargets(targets);
        const checkedOf = runs.map(run => run.map(i => files[i]).filter(file => checked.has(file)));
        const diagnostics = await inOrder(threads.map((thread, k) => thread.request('validate', { referenced, checked: checkedOf[k] })));
        return new Map(checkedOf.flatMap((run, k) => run.map((file, i) => [file, diagnostics[k][i]] as const)));
    } finally {
        await Promise.all(threads.map(thread => thread.terminate()));
    }
}

/** The threads' answers, once all have answered; else the failure of the first thread (in the workspace's order) that failed. */
async function inOrder<T>(answers: Promise<T>[]): Promise<T[]> {
    const settled = await Promise.allSettled(answers);
    const failed = settled.find(answer => answer.status === 'rejected');
    if (failed) {
        throw failed.reason;
    }
    return settled.map(answer => (answer as PromiseFulfilledResult<T>).value);
}

/** The files' indices in at most `shares` runs of consecutive files, of about the same size each. */
function consecutiveRuns(sizes: readonly number[], shares: number): number[][] {
    // A file counts one byte more than its size, so that empty files are shared out too.
    const total = sizes.reduce((sum, size) => sum + size + 1, 0);
    const runs: number[][] = Array.from({ length: shares }, () => []);
    let before = 0;
    sizes.forEach((size, i) => {
        runs[Math.min(shares - 1, Math.floor(before * shares / total))].push(i);
        before += size + 1;
    });
    return runs.filter(run => run.length > 0);
}

/** For each name, the files that declare it at the top level (what a reference by that name may point to). */
function declaringFiles(parsed: readonly ParsedFile[]): Map<string, number[]> {
    const declaring = new Map<string, number[]>();
    parsed.forEach(({ exports }, i) => {
        for (const { name } of exports) {
            const files = declaring.get(name) ?? declaring.set(name, []).get(name)!;
            files.push(i);
        }
    });
    return declaring;
}

/**
 * The files outside `run` that the references of its files may point to: those declaring a name they use,
 * then those declaring a name these use (the journey a redesign redesigns, and the one that redesigns), and so on.
 */
function pointedTo(run: readonly number[], parsed: readonly ParsedFile[], declaring: ReadonlyMap<string, number[]>): number[] {
    const inRun = new Set(run);
    const others = new Set<number>();
    const pending = [...run];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
        for (const name of parsed[file].uses) {
            for (const other of declaring.get(name) ?? []) {
                if (!inRun.has(other) && !others.has(other)) {
                    others.add(other);
                    pending.push(other);
                }
            }
        }
    }
    return [...others].sort((a, b) => a - b);
}

/** The request a thread is answering. */
interface Pending {
    resolve: (output: unknown) => void;
    reject: (error: Error) => void;
}

/**
 * The young generation of a thread's heap, in MB. A thread keeps nearly everything it allocates (every
 * file's syntax tree, until the end), so each collection of the young generation copies most of it: with
 * V8's default for a thread, 2,000 files took 4-7% longer and 190 MB more at peak than with 32 MB (16 MB: 9%
 * longer than 32; 48 MB: 4%).
 */
const YOUNG_GENERATION_MB = 32;

/**
 * Each thread collects its young generation alone. V8 has helpers of the process collect it with the
 * thread that fills it; with a thread per core, every collection of one thread takes a core from the
 * other, and copying its survivors (most of what it allocated, see YOUNG_GENERATION_MB) in parallel costs
 * more than it saves: 2,000 files took 9-13% longer (medians of two sets of runs, pair by pair); serial
 * collection of every kind (`--single-threaded-gc`) is 3% slower than this; with it, 32 MB is still the
 * best young generation (16 MB: 4% longer, 64 MB: 5%). It is a flag of the process, read at every
 * collection, so it holds for the threads started after it is set; the main thread only waits for them.
 */
const SERIAL_SCAVENGE = '--no-parallel-scavenge';

/** A thread running validate-worker.ts, asked one step at a time. */
class ShareThread {
    readonly #worker = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    #pending: Pending | undefined;
    #failure: Error | undefined;

    constructor(progress: (step: string, files: number) => void) {
        this.#worker.on('message', (message: ShareMessage) => {
            if ('progress' in message) {
                progress(message.progress, message.files);
            } else if ('usage' in message) {
                this.#settle().reject(new UsageError(message.usage));
            } else {
                this.#settle().resolve(message.output);
            }
        });
        this.#worker.on('error', error => this.#fail(error));
        this.#worker.on('exit', code => this.#fail(new Error(`a thread checking the files stopped (exit code ${code})`)));
    }

    request<S extends ShareStep>(step: S, input: ShareSteps[S]['input']): Promise<ShareSteps[S]['output']> {
        return new Promise((resolve, reject) => {
            if (this.#failure) {
                reject(this.#failure);
                return;
            }
            this.#pending = { resolve: output => resolve(output as ShareSteps[S]['output']), reject };
            this.#worker.postMessage({ step, input });
        });
    }

    async terminate(): Promise<void> {
        this.#failure ??= new Error('the thread was stopped');
        await this.#worker.terminate();
    }

    /** The request answered (or failed): no longer pending. */
    #settle(): Pending {
        const pending = this.#pending!;
        this.#pending = undefined;
        return pending;
    }

    #fail(error: Error): void {
        this.#failure ??= error;
        if (this.#pending) {
            this.#settle().reject(this.#failure);
        }
    }
}
