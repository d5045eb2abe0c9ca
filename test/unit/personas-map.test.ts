// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { JourneyModel } from '../../src/map/model.js';
import { renderJourneyMap } from '../../src/map/views/journey-map/render.js';
import { renderMapFile } from '../../src/map/render.js';
import { documentModels } from '../helpers/example-models.js';

/** The map of journeys of several personas, drawn from models the language server computes. */

const ORGANISATION = `owner Web "Web team"
persona Maria "Busy parent" { goal "Renew in time" }
persona Tomasz "Self-employed plumber" { need "A date he can plan around" }
persona Ana "Student abroad"
`;

const RENEW = `journey Renew "Renew a passport" for Maria, Tomasz, Ana {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 2 "confused" emotion Tomasz 4 "quick for him" emotion Ana 2 "lost in the jargon" }
    touchpoint Pay "Pays the fee" { owner Web emotion 3 emotion Ana 1 "card refused" }
    touchpoint Wait "Waits" { owner Web emotion Maria 1 "in the dark" emotion Tomasz 2 }
  }
}
`;

async function journeyOf(text: string): Promise<JourneyModel> {
    const models = await documentModels({ 'organisation.journey': ORGANISATION, 'renew.journey': text });
    return models['renew.journey'].journeys[0];
}

function parse(svg: string): Document {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    return doc;
}

const all = (root: Document | Element, selector: string): Element[] => [...root.querySelectorAll(selector)];
const texts = (root: Document | Element, selector: string): string[] => all(root, selector).map(e => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('a journey of several personas', () => {
    test('one curve per persona, each with its data-persona, colour class and marker shape', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW)));
        const layers = all(doc, '.grid > .curve-layer');
        expect(layers.map(layer => layer.getAttribute('data-persona'))).toEqual(['Maria', 'Tomasz', 'Ana']);
        expect(layers.map(layer => layer.querySelector('path')!.getAttribute('class'))).toEqual(['curve persona-1', 'curve persona-2', 'curve persona-3']);
        // Maria is graded in all three columns, Tomasz in all three, Ana in the first two (Wait has no line for her).
        expect(layers.map(layer => (layer.querySelector('path')!.getAttribute('d')!.match(/[ML]/g) ?? []).length)).toEqual([3, 3, 2]);
        const markers = (persona: string) => all(doc, `g.emotion[data-persona="${persona}"] path.marker:not(.key)`);
        expect(markers('Maria')).toHaveLength(3);
        expect(markers('Ana')).toHaveLength(2);
        // The shapes differ: a circle is drawn with arcs, a square with four straight sides, a triangle with three.
        const shape = (persona: string) => markers(persona)[0].getAttribute('d')!;
        expect(shape('Maria')).toContain('A');
        expect((shape('Tomasz').match(/L/g) ?? []).length).toBe(3);
        expect((shape('Ana').match(/L/g) ?? []).length).toBe(2);
        expect(new Set(['Maria', 'Tomasz', 'Ana'].map(p => markers(p)[0].getAttribute('class')))).toEqual(
            new Set(['marker persona-1', 'marker persona-2', 'marker persona-3']));
    });

    test('the line styles differ in print: each persona class has its own dash pattern, in the file\'s own styles', async () => {
        const svg = renderMapFile(await journeyOf(RENEW), { format: 'svg' });
        const dash = (n: number) => new RegExp(`\\.journey-map \\.curve\\.persona-${n}\\{stroke-dasharray:([^;}]+)`).exec(svg)?.[1];
        expect([dash(1), dash(2), dash(3), dash(4), dash(5)]).toEqual([undefined, '7 4', '1 4.5', '9 4 1 4', '14 5']);
        const colours = [1, 2, 3, 4, 5].map(n => new RegExp(`\\.journey-map \\.curve\\.persona-${n}\\{stroke:(#[0-9a-f]{6})`).exec(svg)?.[1]);
        expect(new Set(colours).size).toBe(5);
    });

    test('an override grades one persona; the shared line grades the others', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW)));
        const tooltip = (persona: string, column: number) =>
            all(doc, 'g.column')[column].querySelector(`g.emotion[data-persona="${persona}"] title`)?.textContent;
        expect(tooltip('Maria', 0)).toBe('Maria: emotion 2 of 5, negative: confused');
        expect(tooltip('Tomasz', 0)).toBe('Tomasz: emotion 4 of 5, positive: quick for him');
        expect(tooltip('Maria', 1)).toBe('Maria: emotion 3 of 5, neutral');
        expect(tooltip('Ana', 1)).toBe('Ana: emotion 1 of 5, very negative: card refused');
    });

    test('feelings go in one band per persona, so that they never overlap; an ungraded persona says so in its band', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW)));
        const first = all(doc, 'g.column')[0];
        const feelings = all(first, '.t-feeling');
        expect(feelings.map(f => f.textContent)).toEqual(['confused', 'quick for him', 'lost in the jargon']);
        const ys = feelings.map(f => Number(f.getAttribute('y') ?? f.querySelector('tspan')?.getAttribute('y')));
        expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(14);
        expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(14);
        const wait = all(doc, 'g.column')[2];
        expect(texts(wait, '.unscored[data-persona="Ana"]')).toEqual(['Ana: not graded: add an emotion grade from 1 to 5not graded']);
    });

    test('a compact card for each persona, a row of figures for each, and a legend that names the curves', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW)));
        const cards = all(doc, '.persona-card');
        expect(cards.map(card => card.getAttribute('data-persona'))).toEqual(['Maria', 'Tomasz', 'Ana']);
        expect(cards.map(card => Number(card.querySelector('.persona-box')!.getAttribute('width')))).toEqual([300, 300, 300]);
        expect(cards.map(card => card.querySelector('.t-persona-title')!.textContent)).toEqual(['Busy parent', 'Self-employed plumber', 'Student abroad']);
        const rows = all(doc, '.summary-row');
        expect(rows.map(row => row.getAttribute('data-persona'))).toEqual(['Maria', 'Tomasz', 'Ana']);
        const tile = (row: Element, label: string) => all(row, '.tile').find(t => t.querySelector('.t-small')?.textContent === label);
        expect(tile(rows[0], 'Average emotion')!.querySelector('.t-tile-value')!.textContent).toBe('2.0');
        expect(tile(rows[1], 'Average emotion')!.querySelector('.t-tile-value')!.textContent).toBe('3.0');
        expect(texts(tile(rows[2], 'Lowest moments')!, '.t-body')).toEqual(['Pays the fee (1)']);
        expect(texts(tile(rows[2], 'Graded')!, '.t-tile-value')).toEqual(['67%']);
        expect(all(doc, '.legend-curve').map(key => key.getAttribute('data-persona'))).toEqual(['Maria', 'Tomasz', 'Ana']);
        expect(texts(doc, '.legend-curve text')).toEqual(['Maria', 'Tomasz', 'Ana']);
    });

    test('one persona chosen: its curve alone, coloured by grade as a single persona\'s, and its figures named', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW), { persona: 'Ana' }));
        expect(all(doc, '.grid > .curve-layer').map(layer => layer.getAttribute('data-persona'))).toEqual(['Ana']);
        expect(all(doc, 'g.emotion circle.dot')).toHaveLength(2);
        expect(all(doc, 'path.marker').filter(m => m.closest('.grid'))).toEqual([]);
        expect(all(doc, '.summary-row').map(row => row.getAttribute('data-persona'))).toEqual(['Ana']);
        expect(all(doc, '.legend-curve')).toEqual([]);
        // Every persona still travels: the cards stay.
        expect(all(doc, '.persona-card')).toHaveLength(3);
    });

    test('a journey of one persona draws as before: grade-coloured dots, no legend of curves, one row of figures', async () => {
        const doc = parse(renderJourneyMap(await journeyOf(RENEW.replace('for Maria, Tomasz, Ana', 'for Maria').replace(/emotion (Tomasz|Ana) \d( "[^"]*")?/g, ''))));
        expect(all(doc, '.grid > .curve-layer').map(layer => layer.getAttribute('data-persona'))).toEqual(['Maria']);
        expect(all(doc, 'g.emotion circle.dot')).toHaveLength(3);
        expect(all(doc, '.summary-row')).toEqual([]);
        expect(all(doc, '.legend-curve')).toEqual([]);
        expect(Number(doc.querySelector('.persona-box')!.getAttribute('width'))).toBe(480);
    });

    test('persona names and titles reach the SVG only as text', async () => {
        const attack = '<img src=x onerror=alert(1)>';
        const organisation = `persona Evil "${attack}"\npersona Other "x&y"\nowner Web\n`;
        const models = await documentModels({
            'organisation.journey': organisation,
            'renew.journey': `journey Renew "R" for Evil, Other { stage S { touchpoint A { owner Web emotion 2 "${attack}" emotion Other 3 } } }`
        });
        const svg = renderJourneyMap(models['renew.journey'].journeys[0]);
        expect(svg).not.toContain('<img');
        const doc = parse(svg);
        expect(all(doc, 'img, script, foreignObject')).toEqual([]);
        expect(texts(doc, '.t-persona-title')).toEqual([attack, 'x&y']);
        expect(texts(doc, '.t-feeling')).toEqual([attack]);
    });
});
