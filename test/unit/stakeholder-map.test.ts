// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { JourneyModel, StakeholderModel } from '../../src/map/model.js';
import { renderMapFile } from '../../src/map/render.js';
import { computeStakeholderLayout } from '../../src/map/views/stakeholders/layout.js';
import { summarise } from '../../src/map/summary.js';
import { documentModels } from '../helpers/example-models.js';

/** The stakeholder map, drawn from models the language server computes, read back from its SVG. */

const ORGANISATION = `owner Web "Online service" {
  gives "The online form"
  link Casework "Sends each application"
}
owner Casework "Passport casework" { gets "Complete applications" }
owner Courier "Secure courier" external { gives "Delivery to the door" gets "A fee per parcel" }
owner Shop "Photo shop" external { circle core }
stakeholder Regulator "Passport policy unit" { gives "The rules for evidence of identity" }
stakeholder Family "The family" { circle partner }
stakeholder Nobody "Named by no journey"
persona Maria "Busy parent"
persona Tomasz "Self-employed plumber"
`;

const RENEW = `journey Renew "Renew a passport" for Maria, Tomasz {
  stage Apply {
    touchpoint Photo { owner Shop emotion 4 }
    touchpoint Form { owner Web with Family emotion 2 emotion Tomasz 4 }
    touchpoint Check { owner Casework emotion 1 backstage Casework "Checks the photo" }
    touchpoint Again { owner Web emotion 3 }
  }
  stage Receive { touchpoint Delivery { owner Courier emotion 5 } }
}
`;

async function journey(): Promise<JourneyModel> {
    const models = await documentModels({ 'organisation.journey': `${ORGANISATION}\nowner Comms { link Regulator "Reports to" }`, 'renew.journey': RENEW });
    return models['renew.journey'].journeys[0];
}

function render(model: JourneyModel): Document {
    const doc = new DOMParser().parseFromString(renderMapFile(model, { format: 'svg', view: 'stakeholders' }), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    return doc;
}

const all = (root: Document | Element, selector: string): Element[] => [...root.querySelectorAll(selector)];
const text = (element: Element | null | undefined): string => [...(element?.querySelectorAll('tspan') ?? [])].map(line => line.textContent).join(' ')
    || (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the stakeholder map', () => {
    test('the parties of the journey: those it names, then those they link to; each on its circle', async () => {
        const model = await journey();
        expect(model.stakeholders.map(party => [party.name, party.kind, party.circle])).toEqual([
            ['Shop', 'owner', 'core'], ['Web', 'owner', 'core'], ['Family', 'stakeholder', 'partner'], ['Casework', 'owner', 'core'],
            ['Courier', 'owner', 'partner']
        ]);
        const doc = render(model);
        expect(doc.documentElement.getAttribute('data-view')).toBe('stakeholders');
        expect(all(doc, '.stakeholder').map(node => [node.getAttribute('data-stakeholder'), node.getAttribute('data-circle')])).toEqual([
            ['Shop', 'core'], ['Web', 'core'], ['Family', 'partner'], ['Casework', 'core'], ['Courier', 'partner']
        ]);
        // Each party's box lies inside its ring.
        const layout = computeStakeholderLayout(model);
        for (const node of layout.nodes) {
            const ring = layout.rings.find(candidate => candidate.circle === node.party.circle)!;
            const distance = Math.hypot(node.x - layout.centre.x, node.y - layout.centre.y);
            expect(distance).toBeGreaterThan(ring.inner);
            expect(distance).toBeLessThan(ring.outer);
        }
        expect(all(doc, '.rings circle.ring').map(ring => ring.getAttribute('data-circle'))).toEqual(['wider', 'partner', 'core']);
    });

    test('each owner says how many touchpoints it delivers and the average grade there, coloured by the scale', async () => {
        const doc = render(await journey());
        const node = (name: string) => doc.querySelector(`.stakeholder[data-stakeholder="${name}"]`)!;
        expect(text(node('Web').querySelector('.figures'))).toBe('2 touchpoints, average 3.0');
        expect(node('Web').querySelector('circle.grade-dot')!.getAttribute('class')).toBe('grade-dot grade-3');
        expect(text(node('Casework').querySelector('.figures'))).toBe('1 touchpoint, average 1.0');
        expect(node('Casework').querySelector('circle.grade-dot')!.getAttribute('class')).toBe('grade-dot grade-1');
        expect(text(node('Family').querySelector('.figures'))).toBe('takes part in 1');
        expect(node('Family').querySelector('circle.grade-dot')).toBeNull();
    });

    test('gives and gets are arrows to and from the centre, links arrows between parties, each with its words', async () => {
        const doc = render(await journey());
        expect(all(doc, '.edge').map(edge => [edge.getAttribute('data-edge'), edge.getAttribute('data-stakeholder'), text(edge.querySelector('title'))])).toEqual([
            ['gives', 'Web', 'Online service gives the customer: The online form'],
            ['link', 'Web', 'Online service → Passport casework: Sends each application'],
            ['gets', 'Casework', 'Passport casework gets from the customer: Complete applications'],
            ['gives', 'Courier', 'Secure courier gives the customer: Delivery to the door'],
            ['gets', 'Courier', 'Secure courier gets from the customer: A fee per parcel']
        ]);
        expect(all(doc, '.stakeholder[data-stakeholder="Web"] .t-small').map(text)).toEqual([
            '2 touchpoints, average 3.0', 'Gives: The online form', '→ Casework: Sends each application'
        ]);
        expect(text(doc.querySelector('.centre'))).toContain('Maria');
        expect(text(doc.querySelector('.centre'))).toContain('Tomasz');
    });

    test('a party that gives and gets: two arrows side by side, each word on its own arrow\'s side', async () => {
        const doc = render(await journey());
        const [gives, gets] = ['gives', 'gets'].map(kind => doc.querySelector(`.edge[data-edge="${kind}"][data-stakeholder="Courier"]`)!);
        const start = (edge: Element) => /^M([\d.-]+),([\d.-]+)/.exec(edge.querySelector('.edge-line')!.getAttribute('d')!)!.slice(1).map(Number);
        const [[gx, gy], [hx, hy]] = [start(gives), start(gets)];
        // gives starts by the box, gets at the centre: not the same line.
        expect(Math.hypot(gx - hx, gy - hy)).toBeGreaterThan(8);
        const word = (edge: Element) => ['x', 'y'].map(axis => Number(edge.querySelector('.t-edge')!.getAttribute(axis)));
        const [[wx, wy], [vx, vy]] = [word(gives), word(gets)];
        expect(Math.hypot(wx - vx, wy - vy)).toBeGreaterThanOrEqual(20);
    });

    test('200 parties: no two boxes overlap, every box inside its ring, the same layout every time', () => {
        const circles = ['core', 'partner', 'wider'] as const;
        const stakeholders: StakeholderModel[] = Array.from({ length: 200 }, (_, i) => ({
            name: `P${i}`, title: `Party number ${i} with a title long enough to wrap`, kind: i % 3 === 2 ? 'stakeholder' : 'owner', external: i % 3 === 1,
            circle: circles[(i * 7) % 3], gives: i % 4 === 0 ? ['Something useful for the customer'] : [], gets: i % 5 === 0 ? ['A fee'] : [],
            links: i % 6 === 0 ? [{ to: `P${(i + 17) % 200}`, text: 'Works with', source: { range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 }, selection: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } } }] : []
        }));
        const model: JourneyModel = {
            name: 'Big', title: 'Big', personas: [], stages: [], summary: summarise([], []), stakeholders,
            source: { range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 }, selection: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } }
        };
        const layout = computeStakeholderLayout(model);
        expect(layout.nodes).toHaveLength(200);
        const boxes = layout.nodes.map(n => ({ left: n.x - n.width / 2, right: n.x + n.width / 2, top: n.y - n.height / 2, bottom: n.y + n.height / 2 }));
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i];
                const b = boxes[j];
                expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `boxes ${i} and ${j} overlap`).toBe(true);
            }
        }
        for (const node of layout.nodes) {
            const ring = layout.rings.find(candidate => candidate.circle === node.party.circle)!;
            const distance = Math.hypot(node.x - layout.centre.x, node.y - layout.centre.y);
            expect(distance - Math.hypot(node.width, node.height) / 2).toBeGreaterThan(ring.inner);
            expect(distance + Math.hypot(node.width, node.height) / 2).toBeLessThan(ring.outer);
        }
        expect(renderMapFile(model, { format: 'svg', view: 'stakeholders' })).toBe(renderMapFile(model, { format: 'svg', view: 'stakeholders' }));
    });

    test('parties that hand customers to each other often sit side by side', async () => {
        // First named A, B, ... H: A and E opposite in that order, but they hand the customer over four times.
        const owners = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
        const steps = ['A', 'B', 'C', 'D', 'E', 'A', 'E', 'A', 'E', 'F', 'G', 'H'];
        const models = await documentModels({
            'organisation.journey': owners.map(name => `owner ${name}`).join('\n'),
            'renew.journey': `journey Renew { stage S { ${steps.map((owner, i) => `touchpoint T${i} { owner ${owner} emotion 3 }`).join(' ')} } }`
        });
        const layout = computeStakeholderLayout(models['renew.journey'].journeys[0]);
        const angle = (name: string) => layout.nodes.find(n => n.party.name === name)!.angle;
        const gap = (a: string, b: string) => {
            const raw = Math.abs(angle(a) - angle(b)) % (2 * Math.PI);
            return Math.min(raw, 2 * Math.PI - raw);
        };
        expect(gap('A', 'E')).toBeCloseTo(2 * Math.PI / 8, 5);
    });

    test('a journey that names no party: a message', async () => {
        const models = await documentModels({ 'renew.journey': 'journey Renew "R" { stage S { touchpoint A { emotion 3 } } }' });
        const doc = render(models['renew.journey'].journeys[0]);
        expect(text(doc.querySelector('.empty-message .t-message'))).toBe('This journey names no owner or stakeholder yet');
    });
});
