/**
 * The preview in Debian's headless Chromium: the REAL preview page (previewPageHtml, out/webview/preview.js
 * and preview.css, the acquireVsCodeApi shim of the tests) fed the view model the language server
 * computed; and, in the same browser, the real `mermaid` package drawing the same journeys.
 *
 * Every figure is taken inside the page with performance.now(): from posting the message (or calling
 * mermaid.render) to the second requestAnimationFrame callback after the map is in the DOM. The first
 * callback runs before the frame's style, layout and paint; the second one at the start of the next
 * frame, so after the map was painted.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type * as MermaidExport from '../src/map/exporters/mermaid.ts';
import type { JourneyDocumentModel, TouchpointModel } from '../src/map/model.ts';
import type { PreviewPageState } from '../src/shared/preview-messages.ts';
import type * as PreviewPage from '../test/helpers/preview-page.ts';
import { BUNDLES } from './bundle.ts';
import { repeat, summarise, type Samples } from './stats.ts';

const MERMAID = fileURLToPath(new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url));
/** Mermaid refuses diagrams longer than 50,000 characters by default; the journeys here are longer. */
export const MERMAID_MAX_TEXT_SIZE = 50_000_000;
const VIEWPORT = { width: 1280, height: 800 };

/** What a newly opened preview shows: compared with today, and which tab. */
type PreviewChoice = Pick<PreviewPageState, 'compare' | 'tab'>;

interface Timing {
    /** Posting the message (or calling render) to the page's 'rendered' report (or render() resolving). */
    script: number;
    /** From there to the second animation frame: insert (Mermaid), style, layout, paint. */
    paint: number;
    total: number;
}

/** The browser, the preview page server and a page server for Mermaid, for one benchmark session. */
export class BrowserBench {
    readonly browser: Browser;
    readonly chromiumVersion: string;
    readonly #pages: PreviewPage.PreviewPageServer;
    readonly #mermaid: Server;
    readonly #module: typeof PreviewPage;
    /** Errors seen on any page: a clean run has none. */
    readonly problems: string[] = [];

    /** For experiments: another build of the page script, served in place of out/webview/preview.js. */
    readonly #script: Buffer | undefined;

    private constructor(module: typeof PreviewPage, browser: Browser, pages: PreviewPage.PreviewPageServer, mermaid: Server, script: Buffer | undefined) {
        this.#module = module;
        this.browser = browser;
        this.chromiumVersion = browser.version();
        this.#pages = pages;
        this.#mermaid = mermaid;
        this.#script = script;
    }

    static async start(previewScript?: string): Promise<BrowserBench> {
        const module = await import(BUNDLES.previewPage) as typeof PreviewPage;
        const script = await readFile(MERMAID);
        const mermaid = createServer((request, response) => {
            if (request.url === '/mermaid.min.js') {
                response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
            } else {
                response.writeHead(200, { 'content-type': 'text/html' }).end(
                    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mermaid</title></head>' +
                    '<body style="margin:0"><div id="container"></div><script src="/mermaid.min.js"></script></body></html>');
            }
        });
        await new Promise<void>(resolve => mermaid.listen(0, '127.0.0.1', resolve));
        const [browser, pages] = await Promise.all([module.launchChromium(), module.PreviewPageServer.start()]);
        return new BrowserBench(module, browser, pages, mermaid, previewScript ? await readFile(previewScript) : undefined);
    }

    async close(): Promise<void> {
        await this.browser.close();
        await this.#pages.close();
        await new Promise(resolve => this.#mermaid.close(resolve));
    }

    async #openPreview(model: JourneyDocumentModel, choice: PreviewChoice = {}) {
        let browser = this.browser;
        const script = this.#script;
        if (script) {
            // The tests' openPreview only calls newPage: give it pages that get the other script.
            browser = Object.create(this.browser) as Browser;
            browser.newPage = async options => {
                const page = await this.browser.newPage(options);
                await page.route(url => url.pathname === '/preview.js', route => route.fulfill({ body: script, contentType: 'text/javascript' }));
                return page;
            };
        }
        return this.#module.openPreview(browser, this.#pages, { source: model.uri, locked: false, ...choice }, VIEWPORT);
    }

    #collect(problems: string[]): void {
        this.problems.push(...problems);
    }

    /**
     * A fresh preview page each time (as a newly opened preview): the first map it draws; with `compare`, a
     * redesign's first map compared with today (checked: its ghost columns are drawn); with `tab`, that view
     * (checked: the view drawn is that one).
     */
    async firstPaint(model: JourneyDocumentModel, warmup: number, runs: number, choice: PreviewChoice = {}): Promise<{ total: Samples, script: Samples }> {
        const scripts: number[] = [];
        const total = await repeat(warmup, runs, async i => {
            const preview = await this.#openPreview(model, choice);
            const timing = await postAndPaint(preview.page, model);
            if (choice.compare && await preview.page.locator('.map svg .column.ghost').count() === 0) {
                throw new Error('the comparison drew no step of today that is gone');
            }
            if (choice.tab && await preview.page.locator(`.map svg[data-view="${choice.tab}"]`).count() === 0) {
                throw new Error(`the preview did not draw the ${choice.tab} view`);
            }
            this.#collect(preview.problems);
            await preview.page.close();
            if (i >= 0) {
                scripts.push(timing.script);
            }
            return timing.total;
        });
        return { total, script: summarise(scripts) };
    }

    /**
     * One page, one map drawn, then updates alternating between `before` and `after` (the same journey
     * with one touchpoint's grade changed): each update to the next painted frame.
     */
    async afterEdit(before: JourneyDocumentModel, after: JourneyDocumentModel, warmup: number, runs: number): Promise<{ total: Samples, script: Samples, paint: Samples }> {
        const preview = await this.#openPreview(before);
        await postAndPaint(preview.page, before);
        // The touchpoint being edited is where the editor's cursor is, so the preview shows it: the
        // 'highlight' message the extension sends when the cursor moves scrolls it into view.
        const edited = changedTouchpoint(before, after);
        await preview.send({ type: 'highlight', source: before.uri, line: edited.source.range.startLine });
        await preview.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        let current = before;
        const scripts: number[] = [];
        const paints: number[] = [];
        const total = await repeat(warmup, runs, async i => {
            current = current === before ? after : before;
            const timing = await postAndPaint(preview.page, current);
            if (i >= 0) {
                scripts.push(timing.script);
                paints.push(timing.paint);
            }
            return timing.total;
        });
        // The page drew the whole journey, and the edited touchpoint, highlighted, with its new grade.
        const reports = (await preview.posted()).filter(message => message.type === 'rendered');
        const count = before.journeys[0].stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0);
        const column = preview.page.locator(`.map svg .column.highlighted [data-kind="emotion"]`);
        const shownGrade = await column.getAttribute('class');
        const grade = (current === before ? edited : changedTouchpoint(after, before)).emotions[0]?.grade;
        if (reports.at(-1)?.report.touchpoints !== count || !shownGrade?.includes(`grade-${grade}`)) {
            throw new Error(`after the edits the page reports ${reports.at(-1)?.report.touchpoints} of ${count} touchpoints; the edited one shows '${shownGrade}', not grade ${grade}`);
        }
        this.#collect(preview.problems);
        await preview.page.close();
        return { total, script: summarise(scripts), paint: summarise(paints) };
    }

    /** Mermaid's render() of the same journey, then mounting its SVG, to the painted frame; a fresh page each time. */
    async mermaid(model: JourneyDocumentModel, warmup: number, runs: number): Promise<{ total: Samples, render: Samples, characters: number }> {
        const { toMermaid } = await import(BUNDLES.mermaidExport) as typeof MermaidExport;
        const text = toMermaid(model.journeys[0]);
        const renders: number[] = [];
        const origin = `http://127.0.0.1:${(this.#mermaid.address() as AddressInfo).port}`;
        const total = await repeat(warmup, runs, async i => {
            const page = await this.browser.newPage({ viewport: VIEWPORT });
            page.on('pageerror', error => this.problems.push(`mermaid page error: ${error.message}`));
            await page.goto(`${origin}/`);
            await page.waitForFunction(() => 'mermaid' in window);
            const timing = await page.evaluate(async ({ text, maxTextSize }) => {
                const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
                mermaid.initialize({ startOnLoad: false, maxTextSize });
                const container = document.getElementById('container')!;
                const frame = () => new Promise<number>(resolve => requestAnimationFrame(() => resolve(performance.now())));
                const start = performance.now();
                const { svg, bindFunctions } = await mermaid.render('journey-bench', text);
                const rendered = performance.now();
                container.innerHTML = svg;
                bindFunctions?.(container);
                await frame();
                const painted = await frame();
                if (!container.querySelector('svg')) {
                    throw new Error('Mermaid drew no SVG');
                }
                return { script: rendered - start, paint: painted - rendered, total: painted - start };
            }, { text, maxTextSize: MERMAID_MAX_TEXT_SIZE });
            const error = await page.locator('#container svg[aria-roledescription="error"]').count();
            if (error > 0) {
                throw new Error('Mermaid drew its error diagram');
            }
            await page.close();
            if (i >= 0) {
                renders.push(timing.script);
            }
            return timing.total;
        });
        return { total, render: summarise(renders), characters: text.length };
    }
}

/** The touchpoint whose grade differs between two models of the same journey (as it is in `from`). */
function changedTouchpoint(from: JourneyDocumentModel, to: JourneyDocumentModel): TouchpointModel {
    const a = from.journeys[0].stages.flatMap(stage => stage.touchpoints);
    const b = to.journeys[0].stages.flatMap(stage => stage.touchpoints);
    const index = a.findIndex((touchpoint, i) => touchpoint.emotions[0]?.grade !== b[i]?.emotions[0]?.grade);
    if (index < 0) {
        throw new Error('the two models have the same grades');
    }
    return a[index];
}

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string, bindFunctions?: (element: Element) => void }>;
}

/**
 * Posts an update as the extension does (the model as JSON text) and measures, in the page, to the second
 * animation frame after the page's 'rendered' report (the report is the last thing the page's render() does).
 */
async function postAndPaint(page: PreviewPage.Page, model: JourneyDocumentModel): Promise<Timing> {
    const message = { type: 'update' as const, source: model.uri, modelJson: JSON.stringify(model) };
    return page.evaluate(async (message) => {
        const posted = window.__posted;
        const frame = () => new Promise<number>(resolve => requestAnimationFrame(() => resolve(performance.now())));
        const rendered = new Promise<number>(resolve => {
            const push = posted.push;
            posted.push = function (...items) {
                const length = push.apply(this, items);
                if (items.some(item => item.type === 'rendered')) {
                    posted.push = push;
                    resolve(performance.now());
                }
                return length;
            };
        });
        const start = performance.now();
        window.postMessage(message, '*');
        const renderedAt = await rendered;
        await frame();
        const painted = await frame();
        return { script: renderedAt - start, paint: painted - renderedAt, total: painted - start };
    }, message);
}
