import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer, type PreviewHandle } from '../helpers/preview-page.js';

/**
 * The preview's persona toggle and "Compare with today", in the real page and bundle (out/webview) in
 * Debian's headless Chromium, with models the language server computes from the examples. VS Code's
 * webview API is the one part replaced: a recording shim (see test/helpers/preview-page.ts).
 */
const OUTPUT = new URL('../../test-output/', import.meta.url);

let browser: Browser;
let server: PreviewPageServer;
let files: Record<string, string>;
let examples: Record<string, JourneyDocumentModel>;

beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    files = await exampleFiles();
    [browser, server, examples] = await Promise.all([launchChromium(), PreviewPageServer.start(), documentModels(files)]);
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
});

const curves = (preview: PreviewHandle) =>
    preview.page.locator('.map svg .grid > .curve-layer:not(.today)').evaluateAll(layers => layers.map(layer => layer.getAttribute('data-persona')));

describe('the persona toggle', () => {
    test('shows every persona, or one, and keeps the choice across updates and in its exports', async () => {
        const model = examples['hospital-visit.journey'];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.nextRender(() => preview.update(model.uri, model));
        const toggle = preview.page.getByRole('navigation', { name: 'Personas shown' });
        expect(await toggle.getByRole('button').allTextContents()).toEqual(['All personas', 'Graham', 'Ruth']);
        expect(await toggle.getByRole('button', { name: 'All personas' }).getAttribute('aria-pressed')).toBe('true');
        expect(await curves(preview)).toEqual(['Graham', 'Ruth']);

        await preview.nextRender(() => toggle.getByRole('button', { name: 'Ruth' }).click());
        expect(await curves(preview)).toEqual(['Ruth']);
        expect(await toggle.getByRole('button', { name: 'Ruth' }).getAttribute('aria-pressed')).toBe('true');

        // The user edits the file: Ruth's grade of the parking changes; the page still shows Ruth alone.
        const edited = files['hospital-visit.journey'].replace('emotion  Ruth 2 "drops him at the door and circles alone"', 'emotion  Ruth 4 "a drop-off bay at last"');
        const next = (await documentModels({ ...files, 'hospital-visit.journey': edited }))['hospital-visit.journey'];
        await preview.nextRender(() => preview.update(model.uri, next));
        expect(await curves(preview)).toEqual(['Ruth']);
        expect(await preview.page.locator('.map svg .t-feeling').allTextContents()).toContain('a drop-off bay at last');

        await preview.page.getByRole('button', { name: 'SVG' }).click();
        expect((await preview.posted()).filter(m => m.type === 'export')).toEqual([
            { type: 'export', source: model.uri, format: 'svg', journey: 'HospitalVisit', view: 'map', persona: 'Ruth' }
        ]);

        await preview.nextRender(() => toggle.getByRole('button', { name: 'All personas' }).click());
        expect(await curves(preview)).toEqual(['Graham', 'Ruth']);
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    test('is hidden for a journey of one persona, and so is Compare with today for a journey that redesigns none', async () => {
        const model = examples['passport-renewal.journey'];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.nextRender(() => preview.update(model.uri, model));
        expect(await preview.page.getByRole('navigation', { name: 'Personas shown' }).isHidden()).toBe(true);
        expect(await preview.page.getByRole('button', { name: 'Compare with today' }).isHidden()).toBe(true);
        await preview.page.close();
    });
});

describe('Compare with today', () => {
    test('draws the redesign over today, keeps the choice across updates, and exports what it shows', async () => {
        const model = examples['passport-renewal-tomorrow.journey'];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.nextRender(() => preview.update(model.uri, model));
        const compare = preview.page.getByRole('button', { name: 'Compare with today' });
        expect(await compare.getAttribute('aria-pressed')).toBe('false');
        expect(await preview.page.locator('.map svg .column.ghost').count()).toBe(0);

        await preview.nextRender(() => compare.click());
        expect(await compare.getAttribute('aria-pressed')).toBe('true');
        const ghosts = preview.page.locator('.map svg .column.ghost .t-touchpoint');
        const lines = await ghosts.evaluateAll(titles => titles.map(title => [...title.querySelectorAll('tspan')].map(line => line.textContent).join(' ') || title.textContent));
        expect(lines).toEqual([
            "Gets an expiry reminder email", "Checks the destination's entry rules", 'Calls the passport advice line'
        ]);
        expect(await preview.page.locator('.map svg .curve-layer.today circle.today-dot').count()).toBe(12);
        const tags = await preview.page.locator('.map svg .grid .change-added').evaluateAll(elements =>
            elements.map(tag => [...tag.querySelectorAll('tspan')].map(line => line.textContent).join(' ') || tag.textContent));
        expect(tags).toEqual(['new, replaces Reminder, EntryRules', 'new']);
        expect(await preview.page.locator('.map svg .summary .tile', { hasText: 'Contacts' }).locator('.t-tile-value').textContent()).toBe('14 → 7');

        // An edit: the page stays on the comparison, with the new figure.
        const edited = files['passport-renewal-tomorrow.journey'].replace('contacts 2\n      duration 2 w', 'contacts 4\n      duration 2 w');
        const next = (await documentModels({ ...files, 'passport-renewal-tomorrow.journey': edited }))['passport-renewal-tomorrow.journey'];
        await preview.nextRender(() => preview.update(model.uri, next));
        expect(await compare.getAttribute('aria-pressed')).toBe('true');
        expect(await preview.page.locator('.map svg .summary .tile', { hasText: 'Contacts' }).locator('.t-tile-value').textContent()).toBe('14 → 9');

        await preview.page.getByRole('button', { name: 'HTML' }).click();
        expect((await preview.posted()).filter(m => m.type === 'export')).toEqual([
            { type: 'export', source: model.uri, format: 'html', journey: 'PassportRenewalTomorrow', view: 'compare' }
        ]);
        const size = await preview.page.locator('.map svg').evaluate(svg => ({ width: svg.clientWidth, height: svg.clientHeight }));
        await preview.page.setViewportSize({ width: size.width + 40, height: size.height + 120 });
        await preview.page.locator('.map svg').screenshot({ path: new URL('map-compare-passport-renewal.png', OUTPUT).pathname });
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });
});
