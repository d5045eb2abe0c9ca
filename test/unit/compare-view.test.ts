// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { JourneyModel } from '../../src/map/model.js';
import { renderMapFile } from '../../src/map/render.js';
import { shownView, VIEWS } from '../../src/map/views/views.js';
import { documentModels } from '../helpers/example-models.js';

/** "Compare with today": a redesign drawn over the journey it redesigns, from models the language server computes. */

const TODAY = `owner Web "Web team"
owner Counter "Post office counter"
persona Maria "Busy parent"
journey Renew "Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 2 contacts 2 duration 40 min pain "Jargon" }
    touchpoint Upload "Uploads a photo" { owner Web emotion 2 }
    touchpoint Pay "Pays the fee" { owner Web emotion 3 }
  }
  stage Wait "Waiting" {
    touchpoint Call "Calls the advice line" { owner Counter emotion 1 contacts 3 duration 1 h }
    touchpoint Letter "Gets the letter" { owner Counter emotion 4 }
  }
}
`;

const TOMORROW = `journey RenewTomorrow "Renew a passport, redesigned" for Maria redesigns Renew {
  stage Apply "Applying online" {
    touchpoint Apply "Applies in one step" { owner Web emotion 4 replaces Form, Upload duration 15 min }
    touchpoint Pay "Pays the fee" { owner Web emotion 4 }
  }
  stage Wait "Waiting" {
    touchpoint Notify "Gets a text with the date" { owner Web emotion 4 }
    touchpoint Letter "Gets the letter" { owner Counter emotion 4 }
  }
}
`;

async function redesign(): Promise<JourneyModel> {
    const models = await documentModels({ 'renew.journey': TODAY, 'renew-tomorrow.journey': TOMORROW });
    return models['renew-tomorrow.journey'].journeys[0];
}

function compared(journey: JourneyModel): Document {
    const doc = new DOMParser().parseFromString(renderMapFile(journey, { format: 'svg', view: 'compare' }), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    return doc;
}

const all = (root: Document | Element, selector: string): Element[] => [...root.querySelectorAll(selector)];
const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('compare with today', () => {
    test('the steps of both journeys in one row: those gone as struck-through ghosts, each change tagged', async () => {
        const doc = compared(await redesign());
        const columns = all(doc, 'g.column');
        expect(columns.map(column => [text(column.querySelector('.t-touchpoint')), column.getAttribute('data-change')])).toEqual([
            ['Fills in the form', 'replaced'],
            ['Uploads a photo', 'replaced'],
            ['Applies in one step', 'added'],
            ['Pays the fee', 'changed'],
            ['Calls the advice line', 'removed'],
            ['Gets a text with the date', 'added'],
            ['Gets the letter', 'kept']
        ]);
        expect(columns.map(column => text(column.querySelector('.change-tag')))).toEqual([
            'replaced by Apply', 'replaced by Apply', 'new, replaces Form, Upload', 'changed', 'removed', 'new', ''
        ]);
        const ghosts = columns.filter(column => column.classList.contains('ghost'));
        expect(ghosts).toHaveLength(3);
        for (const ghost of ghosts) {
            expect(ghost.querySelector('path.strike')).not.toBeNull();
            expect(ghost.querySelector('g.emotion')).toBeNull();
        }
        expect(columns[3].querySelector('path.strike')).toBeNull();
    });

    test("today's curve goes behind, through every step of today, and each grade's tooltip gives today's", async () => {
        const doc = compared(await redesign());
        const today = doc.querySelector('.curve-layer.today')!;
        expect(today.getAttribute('data-persona')).toBe('Maria');
        expect(all(today, 'circle.today-dot')).toHaveLength(5);
        const layers = all(doc, '.grid > .curve-layer');
        expect(layers.indexOf(today)).toBeLessThan(layers.findIndex(layer => !layer.classList.contains('today')));
        const tooltips = all(doc, 'g.column').map(column => text(column.querySelector('g.emotion title')));
        expect(tooltips).toEqual([
            '', '', 'Emotion 4 of 5, positive (a new step)', 'Emotion 4 of 5, positive (today 3)', '', 'Emotion 4 of 5, positive (a new step)',
            'Emotion 4 of 5, positive (today 4)'
        ]);
    });

    test('each stage with its figures today and tomorrow; the strip as today → tomorrow', async () => {
        const doc = compared(await redesign());
        expect(all(doc, 'g.stage').map(stage => [text(stage.querySelector('.t-stage')), text(stage.querySelector('.stage-change'))])).toEqual([
            ['Applying online', 'average 2.3 → 4.0 · contacts 2 → 0 · time 40 min → 15 min'],
            ['Waiting', 'average 2.5 → 4.0 · contacts 3 → 0 · time 1 h → 0 min']
        ]);
        const tiles = Object.fromEntries(all(doc, '.summary .tile').map(tile =>
            [text(tile.querySelector('.t-small')), text(tile.querySelector('.t-tile-value'))]));
        expect(tiles).toEqual({
            'Touchpoints': '5 → 4', 'Average emotion': '2.4 → 4.0', 'Contacts': '5 → 0', 'Total time': '1 h 40 min → 15 min', 'Owned': '100% → 100%'
        });
        expect(all(doc, '.summary .tile')[0].textContent).toContain('2 new, 3 gone');
        expect(all(doc, '.summary .tile')[0].textContent).toContain('1 changed, 1 as today');
    });

    test('the header names the journey of today; the legend explains the curve of today and the tags', async () => {
        const doc = compared(await redesign());
        expect(all(doc, '.header .t-eyebrow').map(text)).toContain('Redesign of');
        expect(text(doc.querySelector('.header .redesigns'))).toBe('Renew a passport');
        expect(text(doc.querySelector('.legend-today'))).toBe('Today');
        expect(all(doc, '.legend .change-tag').map(text)).toEqual(['new', 'removed']);
    });

    test('the plain map of a redesign names the journey of today too, without drawing it', async () => {
        const svg = renderMapFile(await redesign(), { format: 'svg' });
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        expect(text(doc.querySelector('.header .redesigns'))).toBe('Renew a passport');
        expect(doc.querySelector('.curve-layer.today')).toBeNull();
        expect(all(doc, 'g.column')).toHaveLength(4);
    });

    test('only a redesign of a journey declared somewhere can be compared; a page asking otherwise gets the map', async () => {
        const models = await documentModels({ 'renew.journey': TODAY, 'orphan.journey': TOMORROW.replace('redesigns Renew', 'redesigns Gone') });
        const today = models['renew.journey'].journeys[0];
        const orphan = models['orphan.journey'].journeys[0];
        expect(VIEWS.compare.unavailable(today)).toBe("journey 'Renew' redesigns no journey (write: journey Renew redesigns <journey of today> { ... })");
        expect(VIEWS.compare.unavailable(orphan)).toBe("journey 'RenewTomorrow' redesigns 'Gone', which is declared nowhere");
        expect(shownView(today, { view: 'compare', persona: 'Maria' })).toEqual({ view: 'map', persona: 'Maria' });
        expect(shownView(today, { view: 'nonsense', persona: '<b>' })).toEqual({ view: 'map' });
        expect(shownView(await redesign(), { view: 'compare' })).toEqual({ view: 'compare' });
    });
});
