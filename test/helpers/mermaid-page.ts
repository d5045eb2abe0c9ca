import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './preview-page.js';

const MERMAID = fileURLToPath(new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
const PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/mermaid.min.js"></script></head><body></body></html>';

/** What the tests use of Mermaid's journey database (`journeyDb.js`). */
export interface MermaidJourneyDb {
    getDiagramTitle(): string;
    getAccTitle(): string;
    getAccDescription(): string;
    getSections(): string[];
    getTasks(): { section: string, task: string, score: number, people: string[] }[];
}

declare global {
    interface Window {
        mermaid: {
            initialize(config: object): void;
            parse(text: string): Promise<unknown>;
            render(id: string, text: string): Promise<{ svg: string }>;
            mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: MermaidJourneyDb }> };
        };
    }
}

/**
 * The real Mermaid (node_modules/mermaid, the browser build) on a page of its own in headless Chromium,
 * served on 127.0.0.1 with nothing else reachable, `securityLevel: 'strict'`. Errors and dialogs the
 * page meets are recorded in `problems` (an XSS would open a dialog).
 */
export class MermaidPage {
    readonly problems: string[] = [];
    readonly #server: Server;
    readonly #browser: Browser;

    private constructor(readonly page: Page, server: Server, browser: Browser) {
        this.#server = server;
        this.#browser = browser;
    }

    static async open(): Promise<MermaidPage> {
        const script = await readFile(MERMAID);
        const server = createServer((request, response) => {
            if (request.url === '/') {
                response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
            } else if (request.url === '/mermaid.min.js') {
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
            } else {
                response.writeHead(404).end();
            }
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const browser = await launchChromium();
        const page = await browser.newPage();
        const mermaidPage = new MermaidPage(page, server, browser);
        page.on('pageerror', error => mermaidPage.problems.push(error.message));
        page.on('dialog', dialog => {
            mermaidPage.problems.push(`dialog: ${dialog.message()}`);
            void dialog.dismiss();
        });
        await page.route(url => !url.toString().startsWith(origin), route => route.abort());
        await page.goto(`${origin}/`);
        await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
        return mermaidPage;
    }

    async close(): Promise<void> {
        await this.#browser.close();
        await new Promise(resolve => this.#server.close(resolve));
    }
}
