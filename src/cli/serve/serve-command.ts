import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JourneyDocumentModel } from '../../map/model.js';
import type { PreviewPageState, ToWebviewMessage } from '../../shared/preview-messages.js';
import { previewPageHtml } from '../../map/page/preview-page.js';
import { isMapFileFormat, MAP_FILE_FORMATS, renderMapFile } from '../../map/render.js';
import { displayPath, UsageError } from '../journey-files.js';
import { indexCsp, indexPageHtml } from './index-page.js';
import { JourneyFolder } from './journey-folder.js';
import { plural } from '../../map/format.js';

export interface ServeOptions {
    port?: number;
}

export interface ServeOutput {
    log: (text: string) => void;
    warn: (text: string) => void;
}

/** Only ever on the loopback interface: the maps and the files' paths are nobody else's business. */
const HOST = '127.0.0.1';
const KEEP_ALIVE_MS = 20_000;
const MAX_BODY = 16 * 1024;

/** The bundled preview page (out/webview), beside this bundle (out/cli/main.cjs). */
function webviewFolder(): string {
    const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    return path.join(here, '..', 'webview');
}

const ASSETS: Record<string, string> = {
    'preview.js': 'text/javascript; charset=utf-8',
    'preview.css': 'text/css; charset=utf-8',
    'serve-host.js': 'text/javascript; charset=utf-8',
    'serve-host.css': 'text/css; charset=utf-8',
    'preview.js.map': 'application/json; charset=utf-8',
    'serve-host.js.map': 'application/json; charset=utf-8'
};

const COMMON_HEADERS = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin'
};

/**
 * `journey serve`: a live preview of every journey under a folder, in the browser, on 127.0.0.1. The
 * pages are the VS Code preview page itself (out/webview) with a small host script standing in for
 * VS Code; view models come from the same language services as the editor's, rebuilt when a file
 * changes, and reach the page as server-sent events. Resolves when the server stops (Ctrl+C).
 */
export async function serve(folderArg: string, options: ServeOptions, out: ServeOutput): Promise<number> {
    const info = await stat(folderArg).catch(() => undefined);
    if (!info) {
        throw new UsageError(`${folderArg}: no such folder`);
    }
    if (!info.isDirectory()) {
        throw new UsageError(`${folderArg}: not a folder (serve shows every journey under a folder)`);
    }
    const assets = webviewFolder();
    if (!(await stat(path.join(assets, 'preview.js')).catch(() => undefined))) {
        throw new UsageError(`the preview page is not built (${path.join(assets, 'preview.js')} is missing): run npm run build`);
    }
    const folder = await JourneyFolder.open(folderArg, out.warn);
    const site = new JourneySite(folder, assets, out);
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

class JourneySite {
    port = 0;
    readonly #subscribers = new Map<string, Set<ServerResponse>>();
    readonly #keepAlive: NodeJS.Timeout;

    constructor(readonly folder: JourneyFolder, readonly assets: string, readonly out: ServeOutput) {
        this.#keepAlive = setInterval(() => {
            for (const responses of this.#subscribers.values()) {
                responses.forEach(response => response.write(': keep-alive\n\n'));
            }
        }, KEEP_ALIVE_MS);
        this.#keepAlive.unref();
    }

    close(): void {
        clearInterval(this.#keepAlive);
        for (const responses of this.#subscribers.values()) {
            responses.forEach(response => response.end());
        }
        this.#subscribers.clear();
    }

    /** Sends each changed model to the pages showing its file, and says in the terminal what changed. */
    publish(changed: Map<string, JourneyDocumentModel>): void {
        for (const [file, model] of changed) {
            const errors = model.problems.length;
            this.out.log(`${file}: ${errors === 0 ? 'redrawn' : `${plural(errors, 'error')} (pages keep the last good map)`}`);
            const message: ToWebviewMessage = { type: 'update', source: file, model };
            for (const response of this.#subscribers.get(file) ?? []) {
                response.write(`data: ${JSON.stringify(message)}\n\n`);
            }
        }
    }

    async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const rawUrl = request.url ?? '/';
        if (!this.#hostAllowed(request.headers.host)) {
            return this.#send(response, 403, 'Forbidden: use the address journey serve printed.');
        }
        if (!rawUrl.startsWith('/')) {
            return this.#send(response, 400, 'Bad request');
        }
        const rawPath = rawUrl.split('?')[0];
        if (isTraversal(rawPath)) {
            return this.#send(response, 403, 'Forbidden: only files inside the served folder.');
        }
        const url = new URL(rawUrl, `http://${HOST}:${this.port}`);
        const pathname = url.pathname;
        if (request.method === 'POST' && pathname === '/reveal') {
            return this.#reveal(request, response);
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            response.setHeader('allow', 'GET, HEAD');
            return this.#send(response, 405, 'Method not allowed');
        }
        if (pathname === '/') {
            return this.#index(response);
        }
        if (pathname.startsWith('/map/')) {
            return this.#mapPage(response, pathname.slice('/map/'.length), url.searchParams.get('journey') ?? undefined);
        }
        if (pathname.startsWith('/assets/')) {
            return this.#asset(response, pathname.slice('/assets/'.length));
        }
        if (pathname === '/events') {
            return this.#events(request, response, url.searchParams.get('file') ?? '');
        }
        if (pathname === '/export') {
            return this.#export(response, url.searchParams);
        }
        if (pathname === '/favicon.ico') {
            response.writeHead(204, COMMON_HEADERS).end();
            return;
        }
        return this.#send(response, 404, 'Not found');
    }

    /** Requests must name this server as 127.0.0.1 or localhost: a page on another name (DNS rebinding) gets nothing. */
    #hostAllowed(host: string | undefined): boolean {
        return host === `${HOST}:${this.port}` || host === `localhost:${this.port}`;
    }

    #send(response: ServerResponse, status: number, text: string): void {
        response.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
    }

    /** A served file from its URL form: refused (undefined) unless it is one of the folder's journey files. */
    #file(encoded: string): string | undefined {
        let relative: string;
        try {
            relative = decodeURIComponent(encoded);
        } catch {
            return undefined;
        }
        if (isTraversal(relative) || path.isAbsolute(relative) || relative.includes('\\') || relative.includes('\0')) {
            return undefined;
        }
        const absolute = path.resolve(this.folder.root, relative);
        const inside = path.relative(this.folder.root, absolute);
        if (inside.startsWith('..') || path.isAbsolute(inside)) {
            return undefined;
        }
        return this.folder.absolute(relative) ? relative : undefined;
    }

    #index(response: ServerResponse): void {
        const nonce = randomBytes(16).toString('base64');
        const entries = this.folder.files.map(file => ({ file, model: this.folder.model(file)! })).filter(e => e.model);
        const html = indexPageHtml(path.basename(this.folder.root), entries, nonce);
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': `${indexCsp(nonce)}; frame-ancestors 'none'`
        }).end(html);
    }

    #mapPage(response: ServerResponse, encoded: string, journey: string | undefined): void {
        const file = this.#file(encoded);
        if (!file) {
            return this.#send(response, 404, 'No such journey file in the served folder.');
        }
        const nonce = randomBytes(16).toString('base64');
        const state: PreviewPageState = { source: file, locked: true, ...(journey ? { journey } : {}) };
        const html = previewPageHtml({
            cspSource: "'self'",
            nonce,
            scriptUri: '/assets/preview.js',
            styleUri: '/assets/preview.css',
            hostScriptUri: '/assets/serve-host.js',
            connectSrc: "'self'",
            state
        });
        // The page carries its CSP in a meta element; the same policy, and what only a header can say, as a header too.
        const csp = `default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'nonce-${nonce}'; connect-src 'self'; ` +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
    }

    async #asset(response: ServerResponse, name: string): Promise<void> {
        const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
        const content = type ? await readFile(path.join(this.assets, name)).catch(() => undefined) : undefined;
        if (!type || !content) {
            return this.#send(response, 404, 'Not found');
        }
        response.writeHead(200, { ...COMMON_HEADERS, 'content-type': type }).end(content);
    }

    #events(request: IncomingMessage, response: ServerResponse, encoded: string): void {
        const file = this.#file(encodeURIComponent(encoded));
        if (!file) {
            return this.#send(response, 404, 'No such journey file in the served folder.');
        }
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'content-type': 'text/event-stream; charset=utf-8',
            connection: 'keep-alive',
            'x-accel-buffering': 'no'
        });
        response.write('retry: 1000\n\n');
        const model = this.folder.model(file);
        if (model) {
            const message: ToWebviewMessage = { type: 'update', source: file, model };
            response.write(`data: ${JSON.stringify(message)}\n\n`);
        }
        let subscribers = this.#subscribers.get(file);
        if (!subscribers) {
            subscribers = new Set();
            this.#subscribers.set(file, subscribers);
        }
        subscribers.add(response);
        request.on('close', () => subscribers.delete(response));
    }

    #export(response: ServerResponse, params: URLSearchParams): void {
        const file = this.#file(encodeURIComponent(params.get('file') ?? ''));
        const model = file ? this.folder.model(file) : undefined;
        const journey = model?.journeys.find(j => j.name === params.get('journey')) ?? model?.journeys[0];
        const format = params.get('format');
        if (!journey || !isMapFileFormat(format)) {
            return this.#send(response, 404, 'No such journey to export.');
        }
        const content = renderMapFile(journey, { format });
        const name = `${journey.name}.${MAP_FILE_FORMATS[format].extension}`;
        const ascii = name.replace(/[^\w.-]/g, '_');
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'content-type': MAP_FILE_FORMATS[format].mimeType,
            'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        }).end(content);
    }

    /**
     * A click on the map asks to reveal its source: there is no editor, so the server prints
     * `file:line:column` (which terminals make clickable) and answers with nothing (204). Only same-origin
     * JSON posts are read, so another site cannot post here. A body that is not such a request (not JSON,
     * not an object, no source or uri, no range of whole numbers) is a 400, and nothing is printed.
     */
    async #reveal(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const origin = request.headers.origin;
        if ((origin !== undefined && origin !== `http://${HOST}:${this.port}` && origin !== `http://localhost:${this.port}`)
            || !String(request.headers['content-type']).startsWith('application/json')) {
            return this.#send(response, 403, 'Forbidden');
        }
        let body: string | undefined;
        try {
            body = await readBody(request);
        } catch {
            // The client went away while sending: there is nobody to answer.
            return;
        }
        if (body === undefined) {
            response.setHeader('connection', 'close');
            return this.#send(response, 413, 'Request too large');
        }
        const reveal = revealRequest(body);
        if (!reveal) {
            return this.#send(response, 400, 'Bad request: expected {"source" or "uri": string, "range": {"startLine", "startCharacter": whole numbers}}');
        }
        response.writeHead(204, COMMON_HEADERS).end();
        const file = reveal.uri !== undefined ? this.folder.relativeOfUri(reveal.uri) : this.#file(encodeURIComponent(reveal.source!));
        const absolute = file && this.folder.absolute(file);
        if (absolute) {
            this.out.log(`${displayPath(absolute)}:${reveal.line + 1}:${reveal.character + 1}`);
        }
    }
}

interface RevealRequest {
    source?: string;
    uri?: string;
    /** 0-based. */
    line: number;
    character: number;
}

/** The part of the page's `reveal` message the server uses, if the body is one. */
function revealRequest(body: string): RevealRequest | undefined {
    let message: unknown;
    try {
        message = JSON.parse(body);
    } catch {
        return undefined;
    }
    if (!isRecord(message) || !isRecord(message.range)) {
        return undefined;
    }
    const { uri, source } = message;
    const { startLine: line, startCharacter: character } = message.range;
    const position = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if ((typeof uri !== 'string' && typeof source !== 'string') || (uri !== undefined && typeof uri !== 'string')
        || !position(line) || !position(character)) {
        return undefined;
    }
    return { uri: uri as string | undefined, source: typeof source === 'string' ? source : undefined, line, character };
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body of a request as text; `undefined` when it is larger than MAX_BODY (the rest is read and dropped). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY) {
                request.off('data', onData);
                request.resume();
                resolve(undefined);
                return;
            }
            chunks.push(chunk);
        };
        request.on('data', onData);
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf-8')));
        request.on('error', reject);
    });
}

/** A path (raw or decoded) that climbs out of its folder: a `..` segment, even percent-encoded, or an encoded separator. */
function isTraversal(value: string): boolean {
    return /%2e%2e|%2f|%5c|%00/i.test(value) || /(^|[/\\])\.\.([/\\]|$)/.test(value);
}
