// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { JourneyModel } from '../../src/map/model.js';
import { renderMapFile } from '../../src/map/render.js';
import { renderBlueprint } from '../../src/map/views/blueprint/render.js';
import { documentModels } from '../helpers/example-models.js';

/** The service blueprint, drawn from models the language server computes, read back from its SVG. */

const ORGANISATION = `owner Counter "Post office counter"
owner Casework "Passport casework"
owner Courier "Secure courier" external
owner Web "Online service"
stakeholder Family "Maria's family"
channel Branch "Post office branch"
channel Site "Website"
persona Maria "Busy parent"
`;

const RENEW = `journey Renew "Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" {
      owner Web channel Site emotion 2 duration 40 min
      evidence "Confirmation page with a reference number"
      backstage Casework "Checks the photo against the old passport"
      support "Identity verification service"
    }
    touchpoint Counter "Checks the form at the counter" {
      owner Counter with Web, Family channel Branch emotion 3 duration 15 min
      backstage "Scans the documents"
      support Casework "Document scanning"
    }
  }
  stage Receive "Receiving" {
    touchpoint Delivery "Signs for the passport" {
      moment of truth
      owner Courier emotion 5
      evidence "The new passport"
      backstage Casework "Prints and dispatches the passport"
    }
  }
}
`;

async function journey(text = RENEW): Promise<JourneyModel> {
    return (await documentModels({ 'organisation.journey': ORGANISATION, 'renew.journey': text }))['renew.journey'].journeys[0];
}

function blueprint(model: JourneyModel): Document {
    const doc = new DOMParser().parseFromString(renderMapFile(model, { format: 'svg', view: 'blueprint' }), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    return doc;
}

const all = (root: Document | Element, selector: string): Element[] => [...root.querySelectorAll(selector)];
const text = (element: Element | null | undefined): string => [...(element?.querySelectorAll('tspan') ?? [])].map(line => line.textContent).join(' ')
    || (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const y = (element: Element): number => Number(element.getAttribute('y'));

describe('the service blueprint', () => {
    test('its root and rows carry their hooks, the rows in the order of a blueprint', async () => {
        const doc = blueprint(await journey());
        expect(doc.documentElement.getAttribute('data-view')).toBe('blueprint');
        expect(doc.documentElement.getAttribute('aria-label')).toBe('Service blueprint: Renew a passport, 3 touchpoints in 2 stages, 2 hand-offs');
        expect(all(doc, '.blueprint-row').map(row => row.getAttribute('data-lane'))).toEqual([
            'evidence', 'customer', 'frontstage', 'backstage', 'backstage', 'support', 'time'
        ]);
        expect(all(doc, '.gutter .lane-label').map(label => text(label.querySelector('.t-lane')))).toEqual([
            'Evidence', 'Customer actions', 'Frontstage', 'Passport casework', 'Post office counter', 'Support processes', 'Time'
        ]);
    });

    test('the three lines, labelled, each between the rows it separates', async () => {
        const doc = blueprint(await journey());
        const lines = all(doc, '.blueprint-line');
        expect(lines.map(line => [line.getAttribute('data-line'), text(line.querySelector('text'))])).toEqual([
            ['interaction', 'Line of interaction'], ['visibility', 'Line of visibility'], ['internal', 'Line of internal interaction']
        ]);
        const lineY = (line: Element) => Number(/M[\d.]+,([\d.]+)H/.exec(line.querySelector('path')!.getAttribute('d')!)![1]);
        const rowTop = (lane: string) => y(doc.querySelector(`.gutter .lane-label[data-lane="${lane}"] .t-lane`)!);
        expect(lineY(lines[0])).toBeGreaterThan(rowTop('customer'));
        expect(lineY(lines[0])).toBeLessThan(rowTop('frontstage'));
        expect(lineY(lines[1])).toBeLessThan(rowTop('backstage'));
        expect(lineY(lines[2])).toBeLessThan(rowTop('support'));
        expect(lineY(lines[2])).toBeGreaterThan(Math.max(...all(doc, '.gutter .lane-label[data-lane="backstage"] .t-lane').map(y)));
    });

    test('each column: evidence, the customer\'s action and grade, frontstage with those taking part, backstage by owner, support, time', async () => {
        const doc = blueprint(await journey());
        const [form, counter, delivery] = all(doc, 'g.column');
        expect(all(form, '[data-lane="evidence"] .t-note').map(text)).toEqual(['Confirmation page with a reference number']);
        expect(text(form.querySelector('[data-lane="customer"] .t-touchpoint'))).toBe('Fills in the form');
        expect(all(form, '[data-lane="customer"] .t-small').map(text)).toEqual(['Emotion 2']);
        expect(all(counter, '[data-lane="frontstage"] text').map(text)).toEqual(['Post office counter', "with Online service, Maria's family", 'Post office branch']);
        expect(all(delivery, '[data-lane="frontstage"] .t-tag').map(text)).toEqual(['external']);
        // Casework's work in its own row, wherever it happens; the counter's unowned note in the counter's row.
        const backstage = (column: Element) => all(column, '[data-lane="backstage"]').map(cell => [cell.getAttribute('data-owner'), all(cell, '.t-note').map(text)]);
        expect(backstage(form)).toEqual([['Casework', ['Checks the photo against the old passport']]]);
        expect(backstage(counter)).toEqual([['Counter', ['Scans the documents']]]);
        expect(backstage(delivery)).toEqual([['Casework', ['Prints and dispatches the passport']]]);
        expect(all(counter, '[data-lane="support"] .t-note').map(text)).toEqual(['Passport casework: Document scanning']);
        expect(all(doc, 'g.column [data-lane="time"] text').map(text)).toEqual(['40 min', '15 min', '—']);
    });

    test('hand-offs: an arrow between frontstage cards where the owner changes, counted per stage', async () => {
        const doc = blueprint(await journey());
        expect(all(doc, '.handoff').map(h => [h.getAttribute('data-from'), h.getAttribute('data-to'), text(h.querySelector('title'))])).toEqual([
            ['0', '1', 'Hand-off: Online service to Post office counter'], ['1', '2', 'Hand-off: Post office counter to Secure courier']
        ]);
        expect(all(doc, '.stage').map(stage => text(stage.querySelector('.handoff-count')))).toEqual(['1 hand-off', '1 hand-off']);
    });

    test('a window of columns (the preview of a long journey): exactly the whole blueprint\'s columns there, the stages over them, the hand-offs into and out of them', async () => {
        const model = await journey();
        const whole = blueprint(model);
        const window = new DOMParser().parseFromString(renderBlueprint(model, { columns: { from: 1, to: 2 } }), 'image/svg+xml');
        expect(all(window, 'g.column').map(column => column.outerHTML)).toEqual([all(whole, 'g.column')[1].outerHTML]);
        expect(all(window, '.stage').map(stage => text(stage.querySelector('.t-stage')))).toEqual(['Applying']);
        expect(all(window, '.handoff').map(h => [h.getAttribute('data-from'), h.getAttribute('data-to')])).toEqual([['0', '1'], ['1', '2']]);
        // The rest as the whole blueprint has it, at its full size: rows, lines, gutter.
        for (const selector of ['.blueprint-row', '.blueprint-line', '.gutter']) {
            expect(all(window, selector).map(element => element.outerHTML), selector).toEqual(all(whole, selector).map(element => element.outerHTML));
        }
        expect(window.documentElement.getAttribute('width')).toBe(whole.documentElement.getAttribute('width'));
        const last = new DOMParser().parseFromString(renderBlueprint(model, { columns: { from: 2, to: 3 } }), 'image/svg+xml');
        expect(all(last, '.stage').map(stage => text(stage.querySelector('.t-stage')))).toEqual(['Receiving']);
        expect(all(last, '.handoff').map(h => h.getAttribute('data-to'))).toEqual(['2']);
    });

    test('cells link to their source; the touchpoint card carries the touchpoint\'s range for the editor\'s cursor', async () => {
        const model = await journey();
        const doc = blueprint(model);
        const form = model.stages[0].touchpoints[0];
        const card = doc.querySelector('g.column [data-kind="touchpoint"]')!;
        expect(card.getAttribute('data-range')).toBe(`${form.source.range.startLine}:${form.source.range.startCharacter}:${form.source.range.endLine}:${form.source.range.endCharacter}`);
        expect(doc.querySelector('g.column [data-lane="frontstage"]')!.classList.contains('source-link')).toBe(true);
        expect(doc.querySelector('[data-lane="evidence"] .note')!.classList.contains('source-link')).toBe(true);
    });

    test('several personas: a grade line for each; labels are text only', async () => {
        const attack = '<img src=x onerror=alert(1)>';
        const doc = blueprint(await journey(`persona Tomasz\njourney Renew "R" for Maria, Tomasz { stage S { touchpoint A "${attack}" { owner Web emotion 2 emotion Tomasz 4 evidence "${attack}" } } }`));
        expect(all(doc, 'g.column [data-lane="customer"] .t-small').map(text)).toEqual(['Maria: 2', 'Tomasz: 4']);
        expect(text(doc.querySelector('[data-lane="customer"] .t-touchpoint'))).toBe(attack);
        expect(all(doc, 'img, script, foreignObject')).toEqual([]);
    });

    test('a journey without touchpoints: a message, no grid', async () => {
        const doc = blueprint(await journey('journey Renew "R" { }'));
        expect(text(doc.querySelector('.empty-message .t-message'))).toBe('This journey has no touchpoints yet');
        expect(doc.querySelector('.grid')).toBeNull();
    });
});
