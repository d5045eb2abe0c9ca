import { randomBytes } from 'node:crypto';
import { link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from './journey-files.js';

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
 * appeared meanwhile). A reader never sees half a file, and a failure leaves no temporary file behind.
 */
export async function writeOutput(target: string, content: string | Uint8Array, options: WriteOptions): Promise<void> {
    await checkOutput(target, options);
    const absolute = path.resolve(target);
    const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, content, { flag: 'wx' });
        if (options.force) {
            await rename(temporary, absolute);
        } else {
            await linkOrRename(temporary, absolute, target);
        }
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        throw new UsageError(`${target}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    } finally {
        await unlink(temporary).catch(() => undefined);
    }
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
