import { execFile } from 'node:child_process';
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
