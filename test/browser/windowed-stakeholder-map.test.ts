import { describe, expect, test } from 'vitest';
import { organisationText, stakeholdersText } from '../../bench/generate.js';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { computeStakeholderLayout, type MapArea } from '../../src/map/views/stakeholders/layout.js';
import { renderStakeholderMap } from '../../src/map/views/stakeholders/render.js';
import { documentModels } from '../helpers/example-models.js';

/**
 * A stakeholder map of a few hundred parties can be drawn only in an area of it, for a preview that shows
 * that area: whatever shows there must be drawn, exactly as the whole map draws it.
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
