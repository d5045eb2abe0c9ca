import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { organisationText, stakeholdersText } from '../../bench/generate.js';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { computeStakeholderLayout, type MapArea } from '../../src/map/views/stakeholders/layout.js';
import { renderStakeholderMap } from '../../src/map/views/stakeholders/render.js';
import { documentModels } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer, type PreviewHandle } from '../helpers/preview-page.js';

/**
 * A stakeholder map of a few hundred parties is drawn only around what the preview shows (webview/), an
 * area that follows scrolling and zoom. Whatever the view shows must be drawn, exactly as the whole map
 * draws it: checked for the renderer's areas, then on the real page (out/webview) in Debian's headless
 * Chromium, with the keyboard and the mouse.
 */
const model: JourneyDocumentModel = (await documentModels({
    'organisation.journey': organisationText(),
    'journey.journey': stakeholdersText(200)
}))['journey.journey'];
const journey = model.journeys[0];
const layout = computeStakeholderLayout(journey);
/** The whole map, drawn at once. */
const full = renderStakeholderMap(journey);

/** The markup of a group's members, each from its opening tag: `<g class="stakeholder ` or `<g class="edge `. */
function members(svg: string, group: string, member: string): string[] {
    const start = svg.indexOf(`<g class="${group}">`) + `<g class="${group}">`.length;
    const end = svg.indexOf(group === 'edges' ? '<g class="centre' : '</svg>', start);
    const part = svg.slice(start, end);
    // Without the `</g>` that closes the group.
    return part.slice(0, part.lastIndexOf('</g>')).split(`<g class="${member} `).slice(1);
}

/** What the map is drawn with but its parties and arrows: header, rings and centre. */
const frame = (svg: string) => svg.slice(0, svg.indexOf('<g class="edges">')) + svg.slice(svg.indexOf('<g class="centre'), svg.indexOf('<g class="stakeholders">'));

const inside = (x: number, y: number, area: MapArea) => area.x.from <= x && x <= area.x.to && area.y.from <= y && y <= area.y.to;

/**
 * Whether an arrow, as the whole map draws it, shows anything in the area: a point of its line (every
 * pixel along it), of its head, or its word's anchor.
 */
function arrowShows(markup: string, area: MapArea): boolean {
    const [x1, y1, x2, y2] = /class="edge-line" d="M([\d.-]+),([\d.-]+)L([\d.-]+),([\d.-]+)"/.exec(markup)!.slice(1).map(Number);
    const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
    const line = Array.from({ length: steps + 1 }, (_, i) => [x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps]);
    const head = [.../class="edge-head" d="([^"]+)"/.exec(markup)![1].matchAll(/([\d.-]+),([\d.-]+)/g)].map(match => [Number(match[1]), Number(match[2])]);
    const word = /<text class="t-edge[^"]*" x="([\d.-]+)" y="([\d.-]+)"/.exec(markup)?.slice(1).map(Number);
    return [...line, ...head, ...(word ? [word] : [])].some(([x, y]) => inside(x, y, area));
}

const box = (party: string) => layout.nodes.find(node => node.party.name === party)!;
const partyOf = (markup: string) => /data-stakeholder="([^"]+)"/.exec(markup)![1];

describe('an area of the stakeholder map', () => {
    const { x: cx, y: cy } = layout.centre;
    const gives = members(full, 'edges', 'edge').find(markup => markup.includes('data-edge="gives" data-stakeholder="Party100"'))!;
    const [wx, wy] = /<text class="t-edge[^"]*" x="([\d.-]+)" y="([\d.-]+)"/.exec(gives)!.slice(1).map(Number);
    const areas: [string, MapArea][] = [
        ['the top left of a window 1,280 × 800', { x: { from: 0, to: 1280 }, y: { from: 0, to: 800 } }],
        ['around the centre', { x: { from: cx - 640, to: cx + 640 }, y: { from: cy - 400, to: cy + 400 } }],
        ['the bottom right corner, past the map', { x: { from: layout.width - 900, to: layout.width + 500 }, y: { from: layout.height - 700, to: layout.height + 500 } }],
        ['a thin strip across the whole map', { x: { from: -100, to: layout.width + 100 }, y: { from: cy + 1200, to: cy + 1210 } }],
        ['the word of an arrow, beside its line', { x: { from: wx - 2, to: wx + 2 }, y: { from: wy - 2, to: wy + 2 } }],
        ['a point on the edge of a box', { x: { from: box('Party100').x + 92, to: box('Party100').x + 92 }, y: { from: box('Party100').y, to: box('Party100').y } }],
        ['beside the map', { x: { from: -5000, to: -4000 }, y: { from: 0, to: 800 } }]
    ];

    test.each(areas)('%s: exactly the whole map\'s parties and arrows that show there, and its header, rings and centre', (_, area) => {
        const svg = renderStakeholderMap(journey, { layout, area });
        expect(frame(svg)).toBe(frame(full));
        const parties = members(full, 'stakeholders', 'stakeholder');
        const meeting = parties.filter(markup => {
            const { x, y, width, height } = box(partyOf(markup));
            return x + width / 2 >= area.x.from && x - width / 2 <= area.x.to && y + height / 2 >= area.y.from && y - height / 2 <= area.y.to;
        });
        expect(members(svg, 'stakeholders', 'stakeholder')).toEqual(meeting);
        const drawn = members(svg, 'edges', 'edge');
        const edges = members(full, 'edges', 'edge');
        // Arrows drawn are the whole map's, in its order; the few that only come near the area may be drawn too.
        expect(edges.filter(markup => drawn.includes(markup))).toEqual(drawn);
        expect(edges.filter(markup => arrowShows(markup, area) && !drawn.includes(markup))).toEqual([]);
    });

    test('of the whole map is the whole map; the map has 224 parties and 600 arrows', () => {
        expect(members(full, 'stakeholders', 'stakeholder')).toHaveLength(224);
        expect(members(full, 'edges', 'edge')).toHaveLength(600);
        expect(renderStakeholderMap(journey, { layout, area: { x: { from: 0, to: layout.width }, y: { from: 0, to: layout.height } } })).toBe(full);
    });
});

describe('the preview page of a stakeholder map of 224 parties', () => {
    let browser: Browser;
    let server: PreviewPageServer;

    beforeAll(async () => {
        [browser, server] = await Promise.all([launchChromium(), PreviewPageServer.start()]);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.close();
    });

    /** The page on the Stakeholders tab, the journey posted as the extension posts it. */
    async function open(): Promise<PreviewHandle> {
        const preview = await openPreview(browser, server, { source: model.uri, locked: false, tab: 'stakeholders' });
        await preview.nextRender(() => preview.update(model.uri, model));
        return preview;
    }

    /**
     * Once scrolling has come to rest and the page has redrawn: the parties whose boxes meet the viewport
     * (from the layout: the page may not have drawn them), the parties and arrows drawn, and those drawn
     * otherwise than in the whole map (parsed as the page parses its own map, so that equal ones are equal nodes).
     */
    async function shown(preview: PreviewHandle) {
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
        const boxes = layout.nodes.map(({ party, x, y, width, height }) => ({ name: party.name, x, y, width, height }));
        return preview.page.evaluate(({ full, boxes }) => {
            const template = document.createElement('template');
            template.innerHTML = full;
            // Without the page's marks; class lists as DOMTokenList writes them (one "stakeholder" of "stakeholder stakeholder").
            const unmarked = (element: Element) => {
                const copy = element.cloneNode(true) as Element;
                copy.classList.remove('highlighted', 'keyboard-mark');
                return copy;
            };
            const title = (element: Element) => element.querySelector(':scope > title')!.textContent;
            const whole = new Map([...template.content.querySelectorAll('.stakeholder, .edge')].map(element => [title(element), unmarked(element)]));
            const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
            const map = document.querySelector<SVGSVGElement>('.map svg')!;
            const svg = map.getBoundingClientRect();
            const scale = svg.width / map.viewBox.baseVal.width;
            const parties = [...map.querySelectorAll('.stakeholders > .stakeholder')];
            const edges = [...map.querySelectorAll('.edges > .edge')];
            return {
                inView: boxes.filter(({ x, y, width, height }) =>
                    svg.left + (x - width / 2) * scale < viewport.right && svg.left + (x + width / 2) * scale > viewport.left
                    && svg.top + (y - height / 2) * scale < viewport.bottom && svg.top + (y + height / 2) * scale > viewport.top).map(party => party.name),
                drawn: parties.map(party => party.getAttribute('data-stakeholder')!),
                edges: edges.length,
                unlikeWholeMap: [...parties, ...edges].filter(element => !unmarked(element).isEqualNode(whole.get(title(element)) ?? null)).map(title),
                zoom: document.querySelector('.zoom-level')!.textContent
            };
        }, { full, boxes });
    }

    /** Every party in view is drawn, as in the whole map, and far from all of them. */
    async function expectAreaShown(preview: PreviewHandle, when: string, drawnAtMost = 60): Promise<void> {
        const view = await shown(preview);
        const what = `${when}, zoom ${view.zoom}`;
        expect(view.inView.length, what).toBeGreaterThan(0);
        expect(view.inView.filter(name => !view.drawn.includes(name)), `${what}: parties in view not drawn`).toEqual([]);
        expect(view.drawn.length, `${what}: only an area drawn`).toBeLessThanOrEqual(drawnAtMost);
        expect(view.edges, `${what}: only the arrows of an area drawn`).toBeLessThan(600);
        expect(view.unlikeWholeMap, `${what}: parties or arrows unlike the whole map's`).toEqual([]);
    }

    const scrollTo = (preview: PreviewHandle, x: number, y: number) => preview.page.locator('.viewport').evaluate((viewport, [left, top]) => {
        viewport.scrollLeft = left;
        viewport.scrollTop = top;
    }, [x, y]);

    test('scrolled across and down, wheeled, zoomed out: it always draws the parties in view, as the whole map has them', async () => {
        const preview = await open();
        const first = await shown(preview);
        expect(first.inView.filter(name => !first.drawn.includes(name)), 'first paint: parties in view not drawn').toEqual([]);
        expect(first.drawn.length, 'first paint: only the parties near the view').toBeLessThanOrEqual(20);
        expect(first.unlikeWholeMap, 'first paint: parties or arrows unlike the whole map\'s').toEqual([]);
        for (const party of [layout.nodes[60], layout.nodes[150]]) {
            await scrollTo(preview, party.x - 640, party.y - 400);
            await expectAreaShown(preview, `scrolled to ${party.party.name}`);
        }
        await preview.page.mouse.move(640, 400);
        for (let step = 1; step <= 5; step++) {
            await preview.page.mouse.wheel(-700, -500);
            await expectAreaShown(preview, `after ${step} wheel steps up and left`);
        }
        for (let i = 0; i < 3; i++) {
            await preview.page.keyboard.press('-');
        }
        await expectAreaShown(preview, 'zoomed out 3 times', 120);
        // Redrawing an area is not drawing a new model: the host hears of one render only.
        expect((await preview.posted()).filter(message => message.type === 'rendered')).toHaveLength(1);
        // Screen readers are told of every party, drawn or not.
        expect(await preview.page.locator('.map svg').getAttribute('aria-label')).toContain('224 parties');
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    test('the keyboard reaches every party: End marks the last, far from the view, drawn and in view; Enter reveals its declaration', async () => {
        const preview = await open();
        const { page } = preview;
        const parties = journey.stakeholders;
        await page.locator('.viewport').focus();
        const marked = () => page.locator('.map svg .keyboard-mark').evaluateAll(elements => elements.map(element => element.getAttribute('data-stakeholder')));
        await page.keyboard.press('ArrowRight');
        expect(await marked()).toEqual([parties[0].name]);
        await page.keyboard.press('End');
        const last = parties.at(-1)!;
        expect(await marked()).toEqual([last.name]);
        expect(await page.locator('.announcer').textContent()).toContain(last.title);
        await expectAreaShown(preview, 'the last party marked');
        expect((await shown(preview)).inView).toContain(last.name);
        await page.keyboard.press('ArrowLeft');
        expect(await marked()).toEqual([parties.at(-2)!.name]);
        await page.keyboard.press('Enter');
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toMatchObject({ type: 'reveal', range: parties.at(-2)!.source!.range });
        await page.keyboard.press('Home');
        expect(await marked()).toEqual([parties[0].name]);
        await expectAreaShown(preview, 'the first party marked again');
        expect(preview.problems).toEqual([]);
        await page.close();
    });

    test('a click on a party drawn after scrolling reveals its declaration; the editor\'s cursor marks a touchpoint\'s parties as they are drawn', async () => {
        const preview = await open();
        const touchpoint = journey.stages[4].touchpoints[3];
        const parties = touchpoint.with.map(party => party.name);
        await preview.send({ type: 'highlight', source: model.uri, line: touchpoint.source.range.startLine });
        const target = box(parties[0]);
        await scrollTo(preview, target.x - 640, target.y - 400);
        await expectAreaShown(preview, `scrolled to ${parties[0]}`);
        await expect.poll(() => preview.page.locator(`.map svg .stakeholder[data-stakeholder="${parties[0]}"]`).getAttribute('class')).toContain('highlighted');
        await preview.page.locator(`.map svg .stakeholder[data-stakeholder="${parties[0]}"]`).click();
        const declared = journey.stakeholders.find(party => party.name === parties[0])!;
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toMatchObject({ type: 'reveal', range: declared.source!.range });
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });
});
