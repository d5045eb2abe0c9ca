import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli-util.js';

/** The bundled pages' scripts and styles (out/webview), beside this bundle (out/cli/main.cjs). */
export function webviewFolder(): string {
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    return path.join(here, '..', 'webview');
}

/** The path of a file of out/webview; a `UsageError` when it is not there (the bundles are not built). */
export async function webviewFile(name: string): Promise<string> {
    const file = path.join(webviewFolder(), name);
    if (!(await stat(file).catch(() => undefined))?.isFile()) {
        throw new UsageError(`the pages are not built (${file} is missing): run npm run build`);
    }
    return file;
}
