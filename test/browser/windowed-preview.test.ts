import type { Browser, JSHandle } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journeyText, organisationText } from '../../bench/generate.js';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { computeLayout, SIZE, visibleColumns } from '../../src/map/views/journey-map/layout.js';
import { renderJourneyMap } from '../../src/map/views/journey-map/render.js';
import { computeBlueprintLayout } from '../../src/map/views/blueprint/layout.js';
import { renderBlueprint } from '../../src/map/views/blueprint/render.js';
import { documentModels } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer, type PreviewHandle } from '../helpers/preview-page.js';

/**
 * A long journey is drawn only around what the preview shows (webview/), a window of columns that follows
 * scrolling and zoom, on the map and on the blueprint. Whatever the view shows must be drawn, exactly as
 * the whole view draws it: checked for the renderer's windows, then on the real page (out/webview) in
 * Debian's headless Chromium.
 */
const TOUCHPOINTS = 1000;
const generated = journeyText(TOUCHPOINTS);

/** The journey's model as the server computes it, from its text changed by `edit` (a list of its lines). */
async function modelOf(edit: (lines: string[]) => void = () => undefined): Promise<JourneyDocumentModel> {
    const lines = generated.text.split('\n');
    edit(lines);
    return (await documentModels({ 'organisation.journey': organisationText(), 'journey.journey': lines.join('\n') }))['journey.journey'];
}

const model = await modelOf();
const journey = model.journeys[0];
const { titleChar } = generated.marks;
/** The middle touchpoint retitled (the same number of characters), and another touchpoint put in before it. */
const retitled = await modelOf(lines => {
    lines[titleChar.line] = lines[titleChar.line].slice(0, titleChar.character) + 'Re' + lines[titleChar.line].slice(titleChar.character + 2);
});
const inserted = await modelOf(lines => {
    lines.splice(titleChar.line, 0, '    touchpoint PutIn "A step put in before" {', '      emotion 2', '    }');
});
const middle = journey.stages.flatMap(stage => stage.touchpoints).find(touchpoint => touchpoint.name === generated.marks.middle)!;
const layout = computeLayout(journey);
const columnXs = layout.grid!.columns.map(column => column.x);
/** The whole map, drawn at once. */
const full = renderJourneyMap(journey);

/** The touchpoint columns of a map, each as its markup, in order. */
function columnsOf(svg: string): string[] {
    const start = svg.indexOf('<g class="columns">') + '<g class="columns">'.length;
    const part = svg.slice(start, svg.indexOf('<g class="gutter">'));
    // Without the `</g>` that closes the columns group.
    return part.slice(0, part.lastIndexOf('</g>')).split('<g class="column" ').slice(1);
}

describe('a window of the map', () => {
    test.each([[0, TOUCHPOINTS], [0, 1], [TOUCHPOINTS - 1, TOUCHPOINTS], [37, 61], [100, 100], [-5, 3], [TOUCHPOINTS - 50, TOUCHPOINTS + 300], [0, 0]])(
        'columns %i to %i: exactly the whole map\'s columns there, and its header, gutter and legend', (from, to) => {
            const svg = renderJourneyMap(journey, { layout, columns: { from, to } });
            expect(columnsOf(svg)).toEqual(columnsOf(full).slice(Math.max(0, from), Math.max(0, Math.min(TOUCHPOINTS, to))));
            const header = (map: string) => map.slice(0, map.indexOf('<g class="grid">'));
            const gutterAndLegend = (map: string) => map.slice(map.indexOf('<g class="gutter">'));
            expect(header(svg)).toBe(header(full));
            expect(gutterAndLegend(svg)).toBe(gutterAndLegend(full));
        });

    test('draws the whole map\'s guide lines of the grades, each a path of its own', () => {
        const guides = (map: string) => [...map.matchAll(/<path class="guide" d="([^"]*)"\/>/g)].map(match => match[1]);
        const window = guides(renderJourneyMap(journey, { layout, columns: { from: 37, to: 61 } }));
        expect(window).toHaveLength(5);
        expect(window.join('')).toBe(guides(full).join(''));
    });

    test('of all the columns is the whole map', () => {
        expect(columnsOf(full)).toHaveLength(TOUCHPOINTS);
        expect(renderJourneyMap(journey, { layout, columns: { from: 0, to: TOUCHPOINTS } })).toBe(full);
    });

    test.each([[0, 1280], [columnXs[0], columnXs[0] + 1], [columnXs[5], columnXs[7]], [10_000, 10_000.5], [33_333, 35_555], [-500, 300], [190_000, 260_000]])(
        'visibleColumns(%d, %d): the columns that meet that span of the map', (left, right) => {
            const meeting = columnXs.flatMap((x, i) => x < right && x + SIZE.column > left ? [i] : []);
            const { from, to } = visibleColumns(layout, left, right);
            expect(Array.from({ length: to - from }, (_, i) => from + i)).toEqual(meeting);
        });
});

/** The views drawn column by column: each whole, and where its columns are. */
const WINDOWED = [
    { tab: 'map', draw: (shown: JourneyDocumentModel) => renderJourneyMap(shown.journeys[0]), full, xs: columnXs },
    {
        tab: 'blueprint', draw: (shown: JourneyDocumentModel) => renderBlueprint(shown.journeys[0]), full: renderBlueprint(journey),
        xs: computeBlueprintLayout(journey).grid!.columns.map(column => column.x)
    }
] as const;

describe.each(WINDOWED)('the preview page of a journey of 1,000 touchpoints: $tab', ({ tab, draw, full, xs }) => {
    let browser: Browser;
    let server: PreviewPageServer;

    beforeAll(async () => {
        [browser, server] = await Promise.all([launchChromium(), PreviewPageServer.start()]);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.close();
    });

    /** The page, with the journey posted as the extension posts it, and the whole map's columns parsed in it. */
    async function open(): Promise<{ preview: PreviewHandle, columns: JSHandle<Map<number, Element>> }> {
        const preview = await openPreview(browser, server, { source: model.uri, locked: false, tab });
        await preview.send({ type: 'update', source: model.uri, modelJson: JSON.stringify(model) });
        await preview.renders(1);
        return { preview, columns: await columnsOfWhole(preview, full) };
    }

    /** The columns of a whole view, parsed as the page parses its own map (HTML), so that equal columns are equal nodes. */
    function columnsOfWhole(preview: PreviewHandle, svg: string): Promise<JSHandle<Map<number, Element>>> {
        return preview.page.evaluateHandle(svg => {
            const template = document.createElement('template');
            template.innerHTML = svg;
            return new Map([...template.content.querySelectorAll('.column')].map(column => [Number(column.getAttribute('data-index')), column]));
        }, svg);
    }

    /**
     * Once scrolling has come to rest and the page has redrawn: the columns whose background meets the
     * viewport (from the layout: the page may not have drawn them), the columns drawn, and those drawn
     * otherwise than in the whole map.
     */
    async function shown(preview: PreviewHandle, columns: JSHandle<Map<number, Element>>) {
        await preview.page.evaluate(async () => {
            const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
            const viewport = document.querySelector('.viewport')!;
            let position = '';
            while (position !== `${viewport.scrollLeft} ${viewport.scrollTop}`) {
                position = `${viewport.scrollLeft} ${viewport.scrollTop}`;
                await frame();
                await frame();
            }
        });
        return preview.page.evaluate(({ full, xs, width }) => {
            const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
            const map = document.querySelector<SVGSVGElement>('.map svg')!;
            const box = map.getBoundingClientRect();
            const scale = box.width / map.viewBox.baseVal.width;
            const drawn = [...map.querySelectorAll('.column')];
            return {
                inView: xs.flatMap((x, i) => box.left + x * scale < viewport.right && box.left + (x + width) * scale > viewport.left ? [i] : []),
                drawn: drawn.map(column => Number(column.getAttribute('data-index'))),
                unlikeWholeMap: drawn.filter(column => {
                    const copy = column.cloneNode(true) as Element;
                    copy.classList.remove('highlighted');
                    return !copy.isEqualNode(full.get(Number(column.getAttribute('data-index'))) ?? null);
                }).map(column => Number(column.getAttribute('data-index'))),
                zoom: document.querySelector('.zoom-level')!.textContent
            };
        }, { full: columns, xs, width: SIZE.column });
    }

    /** Every column in view is drawn, as in the whole map, in one run of columns short of the whole journey. */
    async function expectWindowShown(preview: PreviewHandle, columns: JSHandle<Map<number, Element>>, when: string): Promise<void> {
        const view = await shown(preview, columns);
        const what = `${when}, zoom ${view.zoom}`;
        expect(view.inView.length, what).toBeGreaterThan(0);
        expect(view.inView.filter(index => !view.drawn.includes(index)), `${what}: columns in view not drawn`).toEqual([]);
        expect(view.drawn, `${what}: one run of columns`).toEqual(Array.from({ length: view.drawn.length }, (_, i) => view.drawn[0] + i));
        expect(view.drawn.length, `${what}: only a window drawn`).toBeLessThan(TOUCHPOINTS);
        expect(view.unlikeWholeMap, `${what}: columns unlike the whole map's`).toEqual([]);
    }

    test('scrolled, wheeled, zoomed out and fitted, it always draws the columns in view, as the whole map has them', async () => {
        const { preview, columns } = await open();
        await expectWindowShown(preview, columns, 'first paint');
        await preview.page.locator('.viewport').evaluate(viewport => { viewport.scrollLeft = 100_000; });
        await expectWindowShown(preview, columns, 'scrolled to x = 100,000');
        // Four columns a step: the view soon passes the edge of the window first drawn, which must follow it.
        await preview.page.mouse.move(640, 400);
        for (let step = 1; step <= 6; step++) {
            await preview.page.mouse.wheel(800, 0);
            await expectWindowShown(preview, columns, `after ${step} wheel steps`);
        }
        for (let i = 0; i < 6; i++) {
            await preview.page.keyboard.press('-');
        }
        await expectWindowShown(preview, columns, 'zoomed out 6 times');
        await preview.page.keyboard.press('0');
        await expectWindowShown(preview, columns, 'fitted');
        // Redrawing a window is not drawing a new model: the host hears of one render only.
        expect((await preview.posted()).filter(message => message.type === 'rendered')).toHaveLength(1);
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    /**
     * With the middle touchpoint in view (the editor's cursor on it), the file edited: the columns drawn
     * anew and those still the elements drawn before, every element of them the same; and what the journey
     * in words says at the middle touchpoint's place, once written (when the page is idle).
     */
    async function edit(to: JourneyDocumentModel) {
        const { preview, columns } = await open();
        await preview.send({ type: 'highlight', source: model.uri, line: middle.source.range.startLine });
        await expectWindowShown(preview, columns, 'the middle touchpoint highlighted');
        const before = await preview.page.evaluateHandle(() => new Set(document.querySelectorAll('.map svg .column, .map svg .column *')));
        await preview.nextRender(() => preview.update(model.uri, to));
        const drawn = await preview.page.evaluate(before => [...document.querySelectorAll('.map svg .column')].map(column => ({
            index: Number(column.getAttribute('data-index')),
            kept: before.has(column) && [...column.querySelectorAll('*')].every(element => before.has(element)),
            title: column.querySelector('[data-kind="touchpoint"]')!.textContent
        })), before);
        await expectWindowShown(preview, await columnsOfWhole(preview, draw(to)), 'after the edit');
        await preview.page.evaluate(() => new Promise(resolve => requestIdleCallback(resolve)));
        const outlined = await preview.page.locator(`.outline li[data-index="${middle.index}"]`).textContent();
        expect(preview.problems).toEqual([]);
        await preview.page.close();
        return { redrawn: drawn.filter(column => !column.kept), kept: drawn.filter(column => column.kept), outlined };
    }

    test('an edit of one touchpoint draws its column anew, with the new title, and leaves every other column as it was', async () => {
        const { redrawn, kept, outlined } = await edit(retitled);
        expect(redrawn.map(column => column.index)).toEqual([middle.index]);
        expect(redrawn[0].title).toContain(`Re${middle.title.slice(2)}`);
        expect(outlined).toMatch(new RegExp(`^Re${middle.title.slice(2)}\\b`));
        expect(kept.length).toBeGreaterThan(20);
    });

    test('a touchpoint put in draws anew the columns it moves, and only those', async () => {
        const { redrawn, kept, outlined } = await edit(inserted);
        expect(redrawn.length).toBeGreaterThan(0);
        expect(redrawn.every(column => column.index >= middle.index)).toBe(true);
        expect(redrawn.find(column => column.index === middle.index)?.title).toContain('A step put in before');
        expect(kept.every(column => column.index < middle.index)).toBe(true);
        expect(kept.length).toBeGreaterThan(10);
        expect(outlined).toMatch(/^A step put in before\b/);
    });

    test('the editor\'s cursor on a touchpoint far out of the window brings its column into view, drawn and highlighted', async () => {
        const { preview, columns } = await open();
        const far = journey.stages.flatMap(stage => stage.touchpoints)[937];
        await preview.send({ type: 'highlight', source: model.uri, line: far.source.range.startLine });
        await expectWindowShown(preview, columns, `highlight of touchpoint ${far.index}`);
        expect(await preview.page.locator('.column.highlighted').evaluateAll(highlighted => highlighted.map(column => column.getAttribute('data-index')))).toEqual([String(far.index)]);
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });
});
