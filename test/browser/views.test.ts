import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer, type PreviewHandle } from '../helpers/preview-page.js';

/**
 * The preview's views (Map, Blueprint, Stakeholders) in the real page and bundle (out/webview) in Debian's
 * headless Chromium, with the models the language server computes from the examples. VS Code's webview API
 * is the one part replaced: a recording shim (see test/helpers/preview-page.ts).
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

const shownView = (preview: PreviewHandle) => preview.page.locator('.map > svg').getAttribute('data-view');

async function screenshotWhole(preview: PreviewHandle, name: string): Promise<void> {
    const size = await preview.page.locator('.map svg').evaluate(svg => ({ width: svg.clientWidth, height: svg.clientHeight }));
    await preview.page.setViewportSize({ width: size.width + 40, height: size.height + 120 });
    await preview.page.locator('.map svg').screenshot({ path: new URL(name, OUTPUT).pathname });
}

describe('the preview\'s views', () => {
    test('Map, Blueprint and Stakeholders tabs: the choice kept across updates and reloads, clicks and the cursor in each', async () => {
        const model = examples['hospital-visit.journey'];
        const journey = model.journeys[0];
        const preview = await openPreview(browser, server, { source: model.uri, locked: false });
        await preview.nextRender(() => preview.update(model.uri, model));
        const tabs = preview.page.getByRole('navigation', { name: 'Views' });
        expect(await tabs.getByRole('button').allTextContents()).toEqual(['Map', 'Blueprint', 'Stakeholders']);
        expect(await shownView(preview)).toBe('map');

        await preview.nextRender(() => tabs.getByRole('button', { name: 'Blueprint' }).click());
        expect(await shownView(preview)).toBe('blueprint');
        expect(await tabs.getByRole('button', { name: 'Blueprint' }).getAttribute('aria-pressed')).toBe('true');
        expect(await preview.page.locator('.map svg .blueprint-line').evaluateAll(lines => lines.map(line => line.getAttribute('data-line'))))
            .toEqual(['interaction', 'visibility', 'internal']);
        // The persona buttons belong to the map's curves: not on the blueprint.
        expect(await preview.page.getByRole('navigation', { name: 'Personas shown' }).isHidden()).toBe(true);

        // The cursor on a touchpoint's line marks its column; a click on its evidence reveals the evidence line.
        const xray = journey.stages[3].touchpoints[1];
        await preview.send({ type: 'highlight', source: model.uri, line: xray.source.range.startLine + 1 });
        await expect.poll(() => preview.page.locator('.map svg .column.highlighted [data-kind="touchpoint"]').getAttribute('data-touchpoint')).toBe('XRay');
        const evidence = journey.stages[0].touchpoints[0].notes.find(note => note.kind === 'evidence')!;
        await preview.page.locator('.map svg [data-lane="evidence"] .note').first().click();
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toMatchObject({ type: 'reveal', range: evidence.source.range });

        // An edit: the page stays on the blueprint.
        const edited = files['hospital-visit.journey'].replace('evidence "A printed summary of the referral"', 'evidence "A copy of the referral letter"');
        const next = (await documentModels({ ...files, 'hospital-visit.journey': edited }))['hospital-visit.journey'];
        await preview.nextRender(() => preview.update(model.uri, next));
        expect(await shownView(preview)).toBe('blueprint');
        expect(await preview.page.locator('.map svg [data-lane="evidence"] .t-note').first().textContent()).toBe('A copy of the referral letter');
        await preview.page.getByRole('button', { name: 'SVG' }).click();
        expect((await preview.posted()).filter(m => m.type === 'export').at(-1)).toEqual({
            type: 'export', source: model.uri, format: 'svg', journey: 'HospitalVisit', view: 'blueprint'
        });
        await screenshotWhole(preview, 'map-blueprint-hospital-visit.png');

        await preview.nextRender(() => tabs.getByRole('button', { name: 'Stakeholders' }).click());
        expect(await shownView(preview)).toBe('stakeholders');
        // The cursor on a touchpoint marks its owner and those taking part.
        const chase = journey.stages[1].touchpoints[0];
        await preview.send({ type: 'highlight', source: model.uri, line: chase.source.range.startLine });
        await expect.poll(() => preview.page.locator('.map svg .stakeholder.highlighted').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-stakeholder'))))
            .toEqual(['GPSurgery', 'BookingCentre', 'PatientsAssociation']);
        await preview.page.locator('.map svg .stakeholder[data-stakeholder="Radiology"]').click();
        const reveal = (await preview.posted()).filter(m => m.type === 'reveal').at(-1);
        expect(reveal && 'uri' in reveal ? reveal.uri : undefined).toMatch(/organisation\.journey$/);
        await screenshotWhole(preview, 'map-stakeholders-hospital-visit.png');

        // A reload (VS Code restores the webview's state): the same tab.
        await preview.page.reload();
        await preview.page.waitForFunction(() => window.__posted.some(m => m.type === 'ready'));
        await preview.nextRender(() => preview.update(model.uri, next));
        expect(await shownView(preview)).toBe('stakeholders');
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });
});
