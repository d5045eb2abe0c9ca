import { randomBytes } from 'node:crypto';
import { close, openSync, unlinkSync, writeFile as writeToDescriptor } from 'node:fs';
import { link, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './cli-util.js';

export interface WriteOptions {
    /** Replace an existing file. Without it an existing file is never touched. */
    force?: boolean;
}

/**
 * Checks, before any work is done, that `target` can be written: its folder exists and, unless
 * `force`, nothing is there yet. `writeOutput` checks again; this only makes the refusal come first.
 */
export async function checkOutput(target: string, options: WriteOptions): Promise<void> {
    const absolute = path.resolve(target);
    const folder = await stat(path.dirname(absolute)).catch(() => undefined);
    if (!folder?.isDirectory()) {
        throw new UsageError(`${target}: no such folder ${path.dirname(target) || '.'}`);
    }
    const existing = await stat(absolute).catch(() => undefined);
    if (existing?.isDirectory()) {
        throw new UsageError(`${target}: is a folder`);
    }
    if (existing && !options.force) {
        throw new UsageError(`${target} already exists: add --force to replace it`);
    }
}

/**
 * Writes a whole file or nothing: the content goes to a temporary file in the target's folder, which is
 * then renamed over the target (with `force`) or hard-linked to it (without: the link fails if a file
 * appeared meanwhile). A reader never sees half a file, and a failure leaves no temporary file behind;
 * nor does Ctrl+C (SIGINT), SIGTERM or SIGHUP during the write: the temporary file is removed and the
 * process exits with the conventional code (130, 143, 129).
 */
export async function writeOutput(target: string, content: string | Uint8Array, options: WriteOptions): Promise<void> {
    await checkOutput(target, options);
    const absolute = path.resolve(target);
    const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
    // The handlers first, then the file: a signal is never handled by the default (ending the process at
    // once) while the file exists. The file is created synchronously, so a handler runs either before it
    // exists or after, when it is in `inProgress`.
    listenForSignals();
    let descriptor: number;
    try {
        descriptor = openSync(temporary, 'wx');
    } catch (error) {
        stopListeningIfIdle();
        throw cannotWrite(target, error);
    }
    inProgress.add(temporary);
    try {
        await writeAndClose(descriptor, content);
        if (options.force) {
            await rename(temporary, absolute);
        } else {
            await linkOrRename(temporary, absolute, target);
        }
    } catch (error) {
        throw error instanceof UsageError ? error : cannotWrite(target, error);
    } finally {
        await unlink(temporary).catch(() => undefined);
        inProgress.delete(temporary);
        stopListeningIfIdle();
    }
}

function cannotWrite(target: string, error: unknown): UsageError {
    return new UsageError(`${target}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

function writeAndClose(descriptor: number, content: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
        writeToDescriptor(descriptor, content, writeError => {
            close(descriptor, closeError => {
                const error = writeError ?? closeError;
                if (error) {
                    reject(error);
                } else {
                    resolve();
                }
            });
        });
    });
}

/** The temporary files being written, removed if the process is interrupted. */
const inProgress = new Set<string>();

/** The exit code of a process ended by a signal, as shells give it: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type CleanSignal = keyof typeof SIGNAL_EXIT_CODES;

function onSignal(signal: NodeJS.Signals): void {
    removeTemporaryFiles();
    process.exit(SIGNAL_EXIT_CODES[signal as CleanSignal] ?? 1);
}

/**
 * The handlers are there only while a file is being written: before that a signal ends the process as
 * usual (there is nothing to remove), and `journey serve`, which writes no file, keeps its own.
 */
function listenForSignals(): void {
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as CleanSignal[]) {
        if (!process.listeners(signal).includes(onSignal)) {
            process.on(signal, onSignal);
        }
    }
}

function stopListeningIfIdle(): void {
    if (inProgress.size > 0) {
        return;
    }
    for (const signal of Object.keys(SIGNAL_EXIT_CODES) as CleanSignal[]) {
        process.off(signal, onSignal);
    }
}

/** Removes every temporary file still being written (before the process ends on a signal or an internal error). */
export function removeTemporaryFiles(): void {
    for (const file of inProgress) {
        try {
            unlinkSync(file);
        } catch {
            // Already renamed or removed.
        }
    }
    inProgress.clear();
}

async function linkOrRename(temporary: string, absolute: string, target: string): Promise<void> {
    try {
        await link(temporary, absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
            throw new UsageError(`${target} already exists: add --force to replace it`);
        }
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
            throw error;
        }
        // A file system without hard links: check once more, then rename.
        if (await stat(absolute).then(() => true, () => false)) {
            throw new UsageError(`${target} already exists: add --force to replace it`);
        }
        await rename(temporary, absolute);
    }
}
