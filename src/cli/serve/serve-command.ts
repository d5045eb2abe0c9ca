import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { plural } from '../../map/format.js';
import { checkFolder, displayPath, UsageError } from '../cli-util.js';
import { COMMON_HEADERS, HOST } from './http.js';
import { JourneyFolder } from '../journey-folder.js';
import { JourneySite } from './routes.js';
import { webviewFile } from '../webview-bundle.js';

export interface ServeOptions {
    port?: number;
    /** Open redesigns compared with today. */
    compare?: boolean;
}

export interface ServeOutput {
    log: (text: string) => void;
    warn: (text: string) => void;
}

/**
 * `journey serve`: a live preview of every journey under a folder, in the browser, on 127.0.0.1. The
 * pages are the VS Code preview page itself (out/webview) with a small host script standing in for
 * VS Code; view models come from the same language services as the editor's, rebuilt when a file
 * changes, and reach the page as server-sent events. Resolves when the server stops (Ctrl+C).
 */
export async function serve(folderArg: string, options: ServeOptions, out: ServeOutput): Promise<number> {
    await checkFolder(folderArg, 'serve shows every journey under a folder');
    const assets = path.dirname(await webviewFile('preview.js'));
    const folder = await JourneyFolder.open(folderArg, out.warn);
    const site = new JourneySite(folder, assets, out, { compare: options.compare });
    const server = createServer((request, response) => {
        site.handle(request, response).catch(error => {
            out.warn(`journey serve: ${(error as Error).message}`);
            if (!response.headersSent) {
                response.writeHead(500, COMMON_HEADERS).end('Internal error');
            } else {
                response.end();
            }
        });
    });
    await listen(server, options.port ?? 0);
    site.port = (server.address() as AddressInfo).port;
    // Ready to stop before the address is printed: whoever starts serve may stop it as soon as it sees it.
    const stopped = new Promise<number>(resolve => {
        const stop = () => {
            folder.close();
            site.close();
            server.close(() => resolve(0));
            server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    const count = folder.files.length;
    out.log(`Serving ${plural(count, 'journey file')} from ${displayPath(folder.root) || '.'} at http://${HOST}:${site.port}/`);
    out.log('Maps redraw when a file is saved. Press Ctrl+C to stop.');
    folder.watch(change => site.publish(change.changed), message => out.warn(`journey serve: ${message}`));
    return stopped;
}

function listen(server: Server, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
            reject(new UsageError(error.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port, or omit it for a free one`
                : `cannot listen on ${HOST}:${port} (${error.code ?? error.message})`));
        });
        server.listen(port, HOST, () => resolve());
    });
}
