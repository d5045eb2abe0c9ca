import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import type { PreviewPageState } from '../../src/shared/preview-messages.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer } from '../helpers/preview-page.js';

/**
 * The real preview page and bundle (out/webview) in Debian's headless Chromium. VS Code's webview API
 * is the one part replaced: a recording shim (see test/helpers/preview-page.ts).
 */
const OUTPUT = new URL('../../test-output/', import.meta.url);

let browser: Browser;
let server: PreviewPageServer;
let examples: Record<string, JourneyDocumentModel>;

beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    [browser, server, examples] = await Promise.all([launchChromium(), PreviewPageServer.start(), exampleFiles().then(documentModels)]);
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
});

const TRIP = 'file:///workspace/trip.journey';

function journeyText(grade: number, extra = ''): string {
    const touchpoints = Array.from({ length: 40 }, (_, i) =>
        `touchpoint T${i} "Step ${i}" { owner Web channel Site emotion ${i === 7 ? grade : (i % 5) + 1} }`).join('\n');
    return `owner Web "Web team"\nchannel Site "Website"\npersona P "Someone"\njourney Trip "A long trip" for P {\n stage S {\n${touchpoints}\n${extra} }\n}\n`;
}

async function tripModel(text: string): Promise<JourneyDocumentModel> {
    return (await documentModels({ 'trip.journey': text }))['trip.journey'];
}

describe('the preview page', () => {
    test.each(['hospital-visit.journey', 'online-purchase.journey', 'passport-renewal.journey'])('draws %s', async name => {
        const model = examples[name];
        const journey = model.journeys[0];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.update(model.uri, model);
        await preview.renders(1);
        const touchpoints = journey.stages.flatMap(s => s.touchpoints);
        expect(await preview.page.locator('.map svg .column').count()).toBe(touchpoints.length);
        const shownTitles = await preview.page.locator('.map svg [data-kind="touchpoint"]').allTextContents();
        touchpoints.forEach((touchpoint, i) => expect(shownTitles[i].replace(/\s+/g, ' ')).toContain(touchpoint.title.split(' ')[0]));
        const report = (await preview.posted()).find(m => m.type === 'rendered');
        expect(report).toEqual({
            type: 'rendered',
            report: { source: model.uri, journey: journey.name, touchpoints: touchpoints.length, titles: touchpoints.map(t => t.title), stale: false }
        });
        const base = name.replace('.journey', '');
        await preview.page.screenshot({ path: new URL(`preview-${base}.png`, OUTPUT).pathname });
        // The whole map, as a picture for the README: a window large enough to show all of it.
        const size = await preview.page.locator('.map svg').evaluate(svg => ({ width: svg.clientWidth, height: svg.clientHeight }));
        await preview.page.setViewportSize({ width: size.width + 40, height: size.height + 120 });
        await preview.page.locator('.map svg').screenshot({ path: new URL(`map-${base}.png`, OUTPUT).pathname });
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    test('the page carries a strict CSP, and its only script the nonce', async () => {
        const preview = await openPreview(browser, server, { source: TRIP, locked: false });
        const csp = await preview.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toMatch(/^default-src 'none'; style-src http:\/\/127\.0\.0\.1:\d+; img-src http:\/\/127\.0\.0\.1:\d+ data:; script-src 'nonce-[A-Za-z0-9+/=]{24}'; base-uri 'none'; form-action 'none'$/);
        const nonce = /'nonce-([^']+)'/.exec(csp!)![1];
        expect(await preview.page.locator('script').evaluateAll(scripts => scripts.map(s => (s as HTMLScriptElement).nonce))).toEqual([nonce]);
        await preview.page.close();
    });

    test('clicking a touchpoint asks the editor to reveal and select its source', async () => {
        const model = examples['passport-renewal.journey'];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.update(model.uri, model);
        await preview.renders(1);
        const touchpoint = model.journeys[0].stages[1].touchpoints[0];
        await preview.page.locator(`.map svg [data-kind="touchpoint"][data-touchpoint="${touchpoint.name}"]`).click();
        const reveal = (await preview.posted()).find(m => m.type === 'reveal');
        expect(reveal).toEqual({ type: 'reveal', source: model.uri, range: touchpoint.source.range, selection: touchpoint.source.selection });
        await preview.page.close();
    });

    test('an update keeps zoom and scroll, and changes only what changed', async () => {
        const preview = await openPreview(browser, server, { source: TRIP, locked: false }, { width: 900, height: 600 });
        const first = await tripModel(journeyText(1));
        await preview.update(TRIP, first);
        await preview.renders(1);
        await preview.page.click('button[data-action="zoom-in"]');
        await preview.page.click('button[data-action="zoom-in"]');
        await preview.page.locator('.viewport').evaluate(viewport => { viewport.scrollLeft = 1500; viewport.scrollTop = 40; });
        const before = await preview.page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!;
            const point = document.querySelector('.column[data-index="7"] [data-kind="emotion"]');
            (viewport as HTMLElement & { marker?: boolean }).marker = true;
            return { left: viewport.scrollLeft, top: viewport.scrollTop, zoom: document.querySelector('.zoom-level')!.textContent,
                width: document.querySelector('.map svg')!.getAttribute('width'), point: point?.outerHTML };
        });
        expect(before.zoom).toBe('156%');
        expect(before.left).toBe(1500);
        const columnsBefore = await preview.page.evaluateHandle(() => [...document.querySelectorAll('.map svg .column')]);

        await preview.update(TRIP, await tripModel(journeyText(5)));
        await preview.renders(2);
        // The column of the touchpoint edited is drawn anew; every other one is still the element it was.
        expect(await preview.page.evaluate(before => [...document.querySelectorAll('.map svg .column')].flatMap((column, i) =>
            column === before[i] ? [] : [column.getAttribute('data-index')]), columnsBefore)).toEqual(['7']);
        const after = await preview.page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!;
            const point = document.querySelector('.column[data-index="7"] [data-kind="emotion"]');
            return { left: viewport.scrollLeft, top: viewport.scrollTop, zoom: document.querySelector('.zoom-level')!.textContent,
                width: document.querySelector('.map svg')!.getAttribute('width'), point: point?.outerHTML,
                sameViewport: (viewport as HTMLElement & { marker?: boolean }).marker === true };
        });
        expect(after).toMatchObject({ left: 1500, top: 40, zoom: '156%', width: before.width, sameViewport: true });
        expect(after.point).not.toEqual(before.point);
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    test('while the file has errors the last good map stays, under a banner saying what is wrong and where', async () => {
        const preview = await openPreview(browser, server, { source: TRIP, locked: false });
        const good = await tripModel(journeyText(3));
        await preview.update(TRIP, good);
        await preview.renders(1);
        const broken = await tripModel(journeyText(3).replace('touchpoint T0 "Step 0"', 'touchpoint T0 "Renamed" {') );
        expect(broken.problems.length).toBeGreaterThan(0);
        await preview.update(TRIP, broken);
        await preview.renders(2);
        const banner = preview.page.locator('.banner');
        await expect.poll(() => banner.isVisible()).toBe(true);
        expect(await banner.textContent()).toContain(`Line ${broken.problems[0].line + 1}: ${broken.problems[0].message}`);
        expect(await preview.page.locator('.map svg [data-touchpoint="T0"]').textContent()).toContain('Step 0');
        const reports = (await preview.posted()).filter(m => m.type === 'rendered');
        expect(reports.at(-1)).toMatchObject({ report: { stale: true } });

        await preview.page.locator('.banner .problem-link').first().click();
        expect((await preview.posted()).at(-1)).toMatchObject({ type: 'reveal', range: { startLine: broken.problems[0].line } });

        await preview.update(TRIP, good);
        await preview.renders(3);
        expect(await banner.isHidden()).toBe(true);
        await preview.page.close();
    });

    test('the editor cursor highlights its touchpoint column', async () => {
        const model = await tripModel(journeyText(3));
        const preview = await openPreview(browser, server, { source: TRIP, locked: false });
        await preview.update(TRIP, model);
        await preview.renders(1);
        const target = model.journeys[0].stages[0].touchpoints[12];
        await preview.send({ type: 'highlight', source: TRIP, line: target.source.range.startLine });
        await expect.poll(() => preview.page.locator('.column.highlighted').evaluateAll(columns => columns.map(c => c.getAttribute('data-index'))))
            .toEqual(['12']);
        await preview.page.close();
    });

    test('a file of several journeys gets a tab per journey', async () => {
        const model = await tripModel(`${journeyText(3)}journey Second "Second trip" for P { stage S { touchpoint X "Only step" { owner Web emotion 4 } } }\n`);
        const preview = await openPreview(browser, server, { source: TRIP, locked: false });
        await preview.update(TRIP, model);
        await preview.renders(1);
        expect(await preview.page.locator('.journey-tab').allTextContents()).toEqual(['A long trip', 'Second trip']);
        await preview.page.locator('.journey-tab', { hasText: 'Second trip' }).click();
        await preview.renders(2);
        expect(await preview.page.locator('.map svg .column').count()).toBe(1);
        await preview.page.locator('button[data-action="export-html"]').click();
        expect((await preview.posted()).at(-1)).toEqual({ type: 'export', source: TRIP, format: 'html', journey: 'Second', view: 'map' });
        await preview.page.close();
    });

    test('labels that look like code show as text and never run', async () => {
        const labels = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', 'javascript:alert(1)', "{{constructor.constructor('alert(1)')()}}"];
        const quoted = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        const text = `owner Web ${quoted(labels[0])}\nchannel Site ${quoted(labels[2])}\npersona P ${quoted(labels[3])} { goal ${quoted(labels[1])} }
journey Trip ${quoted(labels[1])} for P { stage S ${quoted(labels[0])} {
${labels.map((label, i) => `touchpoint T${i} ${quoted(label)} { owner Web channel Site emotion 3 ${quoted(label)} pain ${quoted(label)} }`).join('\n')}
} }`;
        const model = await tripModel(text);
        expect(model.problems).toEqual([]);
        const preview = await openPreview(browser, server, { source: TRIP, locked: false });
        await preview.update(TRIP, model);
        await preview.renders(1);
        expect(await preview.page.locator('img, script:not([nonce]), iframe, a[href]').count()).toBe(0);
        const attributes = await preview.page.evaluate(() => [...document.querySelectorAll('*')]
            .flatMap(element => [...element.attributes].map(a => a.name)).filter(name => name.startsWith('on')));
        expect(attributes).toEqual([]);
        const shown = (await preview.page.locator('.map').textContent())!;
        labels.forEach(label => expect(shown).toContain(label));
        expect(preview.problems).toEqual([]);
        await preview.page.screenshot({ path: new URL('preview-escaping.png', OUTPUT).pathname });
        await preview.page.close();
    });

    test('zoom and scroll survive a reload of the page (the state VS Code keeps)', async () => {
        const model = await tripModel(journeyText(3));
        const preview = await openPreview(browser, server, { source: TRIP, locked: false }, { width: 800, height: 600 });
        await preview.update(TRIP, model);
        await preview.renders(1);
        await preview.page.click('button[data-action="zoom-out"]');
        await preview.page.locator('.viewport').evaluate(viewport => { viewport.scrollLeft = 300; });
        await expect.poll(() => preview.page.evaluate(() => (JSON.parse(sessionStorage.getItem('vscode-webview-state')!) as PreviewPageState).scrollLeft)).toBe(300);
        await preview.page.reload();
        await preview.page.waitForFunction(() => window.__posted.some(m => m.type === 'ready'));
        await preview.update(TRIP, model);
        await preview.renders(1);
        expect(await preview.page.locator('.zoom-level').textContent()).toBe('80%');
        expect(await preview.page.locator('.viewport').evaluate(viewport => viewport.scrollLeft)).toBe(300);
        await preview.page.close();
    });
});
