import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import type { FromWebviewMessage, PreviewPageState, ToWebviewMessage } from '../../src/shared/preview-messages.js';
import { previewPageHtml } from '../../src/shared/preview-page.js';

const WEBVIEW_BUNDLE = fileURLToPath(new URL('../../out/webview/', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/**
 * The real preview page (the shell the extension sets, the bundled script and styles) served on
 * 127.0.0.1, for headless Chromium. Only VS Code's webview API is replaced, by a shim that records
 * what the page posts and keeps its state in sessionStorage (as VS Code keeps it across reloads).
 */
export class PreviewPageServer {
    readonly #server: Server;
    readonly #pages = new Map<string, string>();

    private constructor(server: Server) {
        this.#server = server;
    }

    static async start(): Promise<PreviewPageServer> {
        const server = createServer();
        const pages = new PreviewPageServer(server);
        server.on('request', (request, response) => {
            const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).slice(1);
            const page = pages.#pages.get(name);
            if (page) {
                response.writeHead(200, { 'content-type': 'text/html' }).end(page);
                return;
            }
            readFile(path.join(WEBVIEW_BUNDLE, path.basename(name)))
                .then(content => response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' }).end(content))
                .catch(() => response.writeHead(404).end());
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        return pages;
    }

    get origin(): string {
        return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    }

    /** A page for one document, built by the same function the extension uses. */
    pageFor(state: PreviewPageState): string {
        const name = `preview-${randomBytes(4).toString('hex')}.html`;
        this.#pages.set(name, previewPageHtml({
            cspSource: this.origin,
            nonce: randomBytes(16).toString('base64'),
            scriptUri: `${this.origin}/preview.js`,
            styleUri: `${this.origin}/preview.css`,
            state
        }));
        return `${this.origin}/${name}`;
    }

    close(): Promise<void> {
        return new Promise(resolve => this.#server.close(() => resolve()));
    }
}

export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync']
    });
}

declare global {
    interface Window {
        __posted: FromWebviewMessage[];
    }
}

/**
 * A new page that records errors, console errors and dialogs (an XSS would open one) and reaches nothing
 * but `origin`: a clean page ends with no problems.
 */
export async function watchedPage(browser: Browser, origin: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page, problems: string[] }> {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') {
            problems.push(`console error: ${message.text()}`);
        }
    });
    page.on('dialog', dialog => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    await page.route(url => !url.toString().startsWith(origin), route => route.abort());
    return { page, problems };
}

/** Opens the page with the webview API shim; `send` delivers a message as VS Code would. */
export async function openPreview(browser: Browser, server: PreviewPageServer, state: PreviewPageState, viewport = { width: 1280, height: 800 }) {
    const { page, problems } = await watchedPage(browser, server.origin, viewport);
    await page.addInitScript(() => {
        window.__posted = [];
        const key = 'vscode-webview-state';
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
            postMessage: (message: FromWebviewMessage) => window.__posted.push(message),
            getState: (): unknown => JSON.parse(sessionStorage.getItem(key) ?? 'null'),
            setState: (value: unknown) => sessionStorage.setItem(key, JSON.stringify(value))
        });
    });
    await page.goto(server.pageFor(state));
    await page.waitForFunction(() => window.__posted.some(m => m.type === 'ready'));
    const rendered = () => page.evaluate(() => window.__posted.filter(m => m.type === 'rendered').length);
    const renders = (count: number) => page.waitForFunction(n => window.__posted.filter(m => m.type === 'rendered').length >= n, count);
    return {
        page,
        /** Errors, console errors and dialogs seen on the page: a clean page has none. */
        problems,
        send: (message: ToWebviewMessage) => page.evaluate(m => window.postMessage(m, '*'), message),
        /** Sends a document's model as the extension does: an `update` with the model as JSON text. */
        update: (source: string, model: JourneyDocumentModel) =>
            page.evaluate(m => window.postMessage(m, '*'), { type: 'update', source, modelJson: JSON.stringify(model) } satisfies ToWebviewMessage),
        posted: () => page.evaluate(() => window.__posted),
        /** Waits until the page reports having drawn `count` renders in all. */
        renders,
        /** Does `action` (a click, an update), then waits until the page has drawn once more than it had. */
        nextRender: async (action: () => Promise<unknown>) => {
            const before = await rendered();
            await action();
            await renders(before + 1);
        }
    };
}

export type PreviewHandle = Awaited<ReturnType<typeof openPreview>>;
export type { Page };
