import { stat } from 'node:fs/promises';
import * as path from 'node:path';

/** What the commands share: how they report a problem, say where a file is, and write their output. */

/** A problem with the command line or the files it names: reported in one line, exit code 2. */
export class UsageError extends Error {}

/** Says something on standard error that does not stop the command (a `journey: warning: ...` line). */
export type Warn = (text: string) => void;

/** Where a command writes: its result on standard output, notes on standard error. */
export interface CommandOutput {
    /** Writes to standard output exactly (the SVG itself, without -o). */
    write: (text: string) => void;
    /** Prints a note to standard error. */
    warn: Warn;
}

/** Paths relative to the working directory when inside it, as compilers print them. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** A folder the command line names (`serve`, `build`, `mcp`): a `UsageError` unless it is one; `why` says what the command does with it. */
export async function checkFolder(given: string, why: string): Promise<void> {
    const info = await stat(given).catch(() => undefined);
    if (!info) {
        throw new UsageError(`${given}: no such folder`);
    }
    if (!info.isDirectory()) {
        throw new UsageError(`${given}: not a folder (${why})`);
    }
}
