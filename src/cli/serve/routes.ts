import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { plural } from '../../map/format.js';
import type { JourneyDocumentModel } from '../../map/model.js';
import { previewPageCsp, previewPageHtml, type PreviewPageResources } from '../../shared/preview-page.js';
import { isMapFileFormat, MAP_FILE_FORMATS, renderMapFile } from '../../map/render.js';
import { shownView, VIEWS } from '../../map/views/views.js';
import type { PreviewPageState } from '../../shared/preview-messages.js';
import { displayPath } from '../cli-util.js';
import { EventStream } from './event-stream.js';
import { hostAllowed, isTraversal, originAllowed, readBody, revealRequest, servedFile } from './guards.js';
import { COMMON_HEADERS, HOST, sendText } from './http.js';
import { indexCsp, indexPageHtml } from './index-page.js';
import type { JourneyFolder } from '../journey-folder.js';

/** The files of out/webview a page may load, with their media types. */
const ASSETS: Record<string, string> = {
    'preview.js': 'text/javascript; charset=utf-8',
    'preview.css': 'text/css; charset=utf-8',
    'serve-host.js': 'text/javascript; charset=utf-8',
    'serve-host.css': 'text/css; charset=utf-8',
    'preview.js.map': 'application/json; charset=utf-8',
    'serve-host.js.map': 'application/json; charset=utf-8'
};

/** What `journey serve` prints: a line per redraw, and `file:line:column` for a click on a map. */
export interface SiteLog {
    log: (text: string) => void;
}

/**
 * The pages and requests of `journey serve`: the index of the folder's journeys (`/`), a map page per file
 * (`/map/<file>`, the preview page itself), its assets, its event stream of models (`/events`), its exports
 * (`/export`) and the clicks on it (`POST /reveal`).
 */
export class JourneySite {
    /** The port the server listens on, once it does: the Host and Origin guards check it. */
    port = 0;
    readonly #events = new EventStream();

    constructor(readonly folder: JourneyFolder, readonly assets: string, readonly out: SiteLog, readonly options: { compare?: boolean } = {}) {}

    close(): void {
        this.#events.close();
    }

    /** Sends each changed model to the pages showing its file, and says in the terminal what changed. */
    publish(changed: Map<string, JourneyDocumentModel>): void {
        for (const [file, model] of changed) {
            const errors = model.problems.length;
            this.out.log(`${file}: ${errors === 0 ? 'redrawn' : `${plural(errors, 'error')} (pages keep the last good map)`}`);
            this.#events.publish(file, model);
        }
    }

    async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const rawUrl = request.url ?? '/';
        if (!hostAllowed(request.headers.host, this.port)) {
            return sendText(response, 403, 'Forbidden: use the address journey serve printed.');
        }
        if (!rawUrl.startsWith('/')) {
            return sendText(response, 400, 'Bad request');
        }
        if (isTraversal(rawUrl.split('?')[0])) {
            return sendText(response, 403, 'Forbidden: only files inside the served folder.');
        }
        const url = new URL(rawUrl, `http://${HOST}:${this.port}`);
        const pathname = url.pathname;
        if (request.method === 'POST' && pathname === '/reveal') {
            return this.#reveal(request, response);
        }
        if (request.method !== 'GET' && request.method !== 'HEAD') {
            response.setHeader('allow', 'GET, HEAD');
            return sendText(response, 405, 'Method not allowed');
        }
        if (pathname === '/') {
            return this.#index(response);
        }
        if (pathname.startsWith('/map/')) {
            return this.#mapPage(response, pathname.slice('/map/'.length), url.searchParams);
        }
        if (pathname.startsWith('/assets/')) {
            return this.#asset(response, pathname.slice('/assets/'.length));
        }
        if (pathname === '/events') {
            return this.#subscribe(request, response, url.searchParams.get('file') ?? '');
        }
        if (pathname === '/export') {
            return this.#export(response, url.searchParams);
        }
        if (pathname === '/favicon.ico') {
            response.writeHead(204, COMMON_HEADERS).end();
            return;
        }
        return sendText(response, 404, 'Not found');
    }

    /** A served file from its URL form: refused (undefined) unless it is one of the folder's journey files. */
    #file(encoded: string): string | undefined {
        return servedFile(this.folder.root, encoded, relative => this.folder.absolute(relative) !== undefined);
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

    /**
     * `?journey=<name>` opens the page on that journey, `?persona=<name>` on that persona's curve,
     * `?view=map|blueprint|stakeholders` on that tab of the toolbar (another value: the map), and
     * `?compare=1` (or `serve --compare`) a redesign compared with today: where the journey has them (the page checks).
     */
    #mapPage(response: ServerResponse, encoded: string, params: URLSearchParams): void {
        const file = this.#file(encoded);
        if (!file) {
            return sendText(response, 404, 'No such journey file in the served folder.');
        }
        const journey = params.get('journey');
        const persona = params.get('persona');
        const compare = this.options.compare === true || params.get('compare') === '1';
        const tab = Object.values(VIEWS).find(view => view.tab && view.id === params.get('view'))?.id;
        const state: PreviewPageState = {
            source: file, locked: true, ...(journey ? { journey } : {}), ...(persona ? { persona } : {}), ...(tab ? { tab } : {}), ...(compare ? { compare } : {})
        };
        const resources: PreviewPageResources = {
            cspSource: "'self'",
            nonce: randomBytes(16).toString('base64'),
            scriptUri: '/assets/preview.js',
            styleUri: '/assets/preview.css',
            hostScriptUri: '/assets/serve-host.js',
            connectSrc: "'self'",
            state
        };
        // The page's own policy, and as a header what only a header can say: no page may frame it.
        const csp = `${previewPageCsp(resources)}; frame-ancestors 'none'`;
        response.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp })
            .end(previewPageHtml(resources));
    }

    async #asset(response: ServerResponse, name: string): Promise<void> {
        const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
        const content = type ? await readFile(path.join(this.assets, name)).catch(() => undefined) : undefined;
        if (!type || !content) {
            return sendText(response, 404, 'Not found');
        }
        response.writeHead(200, { ...COMMON_HEADERS, 'content-type': type }).end(content);
    }

    #subscribe(request: IncomingMessage, response: ServerResponse, given: string): void {
        const file = this.#file(encodeURIComponent(given));
        if (!file) {
            return sendText(response, 404, 'No such journey file in the served folder.');
        }
        this.#events.subscribe(file, request, response, this.folder.model(file));
    }

    #export(response: ServerResponse, params: URLSearchParams): void {
        const file = this.#file(encodeURIComponent(params.get('file') ?? ''));
        const model = file ? this.folder.model(file) : undefined;
        const journey = model?.journeys.find(j => j.name === params.get('journey')) ?? model?.journeys[0];
        const format = params.get('format');
        if (!journey || !isMapFileFormat(format)) {
            return sendText(response, 404, 'No such journey to export.');
        }
        const name = `${journey.name}.${MAP_FILE_FORMATS[format].extension}`;
        const ascii = name.replace(/[^\w.-]/g, '_');
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'content-type': MAP_FILE_FORMATS[format].mimeType,
            'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        }).end(renderMapFile(journey, { format, ...shownView(journey, { view: params.get('view'), persona: params.get('persona') }) }));
    }

    /**
     * A click on the map asks to reveal its source: there is no editor, so the server prints
     * `file:line:column` (which terminals make clickable) and answers with nothing (204). Only same-origin
     * JSON posts are read, so another site cannot post here. A body that is not such a request (not JSON,
     * not an object, no source or uri, no range of whole numbers) is a 400, and nothing is printed.
     */
    async #reveal(request: IncomingMessage, response: ServerResponse): Promise<void> {
        if (!originAllowed(request.headers.origin, this.port) || !String(request.headers['content-type']).startsWith('application/json')) {
            return sendText(response, 403, 'Forbidden');
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
            return sendText(response, 413, 'Request too large');
        }
        const reveal = revealRequest(body);
        if (!reveal) {
            return sendText(response, 400, 'Bad request: expected {"source" or "uri": string, "range": {"startLine", "startCharacter": whole numbers}}');
        }
        response.writeHead(204, COMMON_HEADERS).end();
        const file = reveal.uri !== undefined ? this.folder.relativeOfUri(reveal.uri) : this.#file(encodeURIComponent(reveal.source!));
        const absolute = file && this.folder.absolute(file);
        if (absolute) {
            this.out.log(`${displayPath(absolute)}:${reveal.line + 1}:${reveal.character + 1}`);
        }
    }
}
