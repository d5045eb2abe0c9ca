import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { EXAMPLES, journey } from '../helpers/cli-process.js';
import { launchChromium } from '../helpers/preview-page.js';

/**
 * `journey export --format mermaid` read by the real Mermaid (node_modules/mermaid, the browser build)
 * in headless Chromium: every export must parse and render to an SVG showing the journey's labels.
 */
const MERMAID = fileURLToPath(new URL('../../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
const PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/mermaid.min.js"></script></head><body></body></html>';

declare global {
    interface Window {
        mermaid: {
            initialize(config: object): void;
            parse(text: string): Promise<unknown>;
            render(id: string, text: string): Promise<{ svg: string }>;
        };
    }
}

let server: Server;
let origin: string;
let browser: Browser;
let page: Page;
let folder: string;
const pageProblems: string[] = [];

beforeAll(async () => {
    const script = await readFile(MERMAID);
    server = createServer((request, response) => {
        if (request.url === '/') {
            response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
        } else if (request.url === '/mermaid.min.js') {
            response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
        } else {
            response.writeHead(404).end();
        }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', error => pageProblems.push(error.message));
    page.on('dialog', dialog => {
        pageProblems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    await page.route(url => !url.toString().startsWith(origin), route => route.abort());
    await page.goto(`${origin}/`);
    await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    folder = await mkdtemp(path.join(tmpdir(), 'journey-mermaid-'));
});

afterAll(async () => {
    await browser?.close();
    await new Promise(resolve => server?.close(resolve));
    await rm(folder, { recursive: true, force: true });
});

let renders = 0;

/** Mermaid's parse and render of a text; the rendered SVG's text, and how many elements of some kinds it has. */
async function renderMermaid(text: string): Promise<{ text: string, tasks: number, images: number }> {
    const id = `diagram${renders++}`;
    return page.evaluate(async ({ id, text }) => {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        const host = document.createElement('div');
        host.innerHTML = svg;
        document.body.append(host);
        const result = {
            text: host.querySelector('svg')!.textContent ?? '',
            tasks: host.querySelectorAll('.task-line').length,
            images: host.querySelectorAll('img, image, foreignObject img').length
        };
        host.remove();
        return result;
    }, { id, text });
}

describe('Mermaid reads the Mermaid export', () => {
    test.each(['hospital-visit.journey', 'online-purchase.journey', 'passport-renewal.journey'])('%s renders', async name => {
        const run = await journey(EXAMPLES, 'export', name, '--format', 'mermaid');
        expect(run.code).toBe(0);
        const rendered = await renderMermaid(run.stdout);
        const model = (await documentModels(await exampleFiles()))[name].journeys[0];
        const touchpoints = model.stages.flatMap(s => s.touchpoints);
        expect(rendered.tasks).toBe(touchpoints.length);
        expect(rendered.text).toContain(model.title);
        for (const stage of model.stages) {
            expect(rendered.text).toContain(stage.title);
        }
        for (const touchpoint of touchpoints) {
            expect(rendered.text.replace(/\s+/g, ' ')).toContain(touchpoint.title);
        }
        expect(pageProblems).toEqual([]);
    });

    test('labels with Mermaid syntax and markup render as the text they are', async () => {
        await writeFile(path.join(folder, 'odd.journey'), `owner Web "Web: team, #1; 100%"
journey Odd "Title: with # and ; and %% and <b>bold</b>" {
  stage S "section two: x; y" {
    touchpoint A "<img src=x onerror=alert(1)>" { owner Web }
    touchpoint B "Journey planning" { emotion 4 }
    touchpoint C "title of it: 50% #12" { emotion 2 }
    touchpoint D "accDescr: not one" { emotion 5 }
  }
}
`);
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'mermaid');
        const rendered = await renderMermaid(run.stdout);
        expect(rendered.tasks).toBe(4);
        expect(rendered.images).toBe(0);
        for (const label of ['Title: with # and ; and %% and <b>bold</b>', 'section two: x; y', '<img src=x onerror=alert(1)>',
            'Journey planning', 'title of it: 50% #12', 'accDescr: not one', 'Web: team, #1; 100%']) {
            expect(rendered.text.replace(/\s+/g, ' ')).toContain(label);
        }
        expect(pageProblems).toEqual([]);
    });
});
