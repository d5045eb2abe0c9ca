// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { DOMParser as HappyDOMParser, Element as HappyElement, Document as HappyDocument } from 'happy-dom';
import type {
    JourneyModel, NoteKind, NoteModel, OwnerModel, PersonaModel, SourceLocation, StageModel, TouchpointModel
} from '../../src/map/model.js';
import mapCss from '../../src/map/styles/map.css';
import { formatMinutes, formatPercent } from '../../src/map/format.js';
import { SIZE, TEXT } from '../../src/map/views/journey-map/layout.js';
import { renderJourneyMap } from '../../src/map/views/journey-map/render.js';
import { summarise } from '../../src/map/summary.js';
import { flattenCss } from '../../src/map/styles/flatten-css.js';
import { gradeOf, gradePaletteCss } from '../../src/map/vocabulary/grades.js';
import { textWidth, wrapText } from '../../src/map/text.js';

// --- Building view models by hand ------------------------------------------------------------------

let nextLine = 0;

/** A source location on its own line: range the whole line, selection the name. */
function at(line = nextLine++, uri?: string): SourceLocation {
    return {
        range: { startLine: line, startCharacter: 2, endLine: line, endCharacter: 40 },
        selection: { startLine: line, startCharacter: 13, endLine: line, endCharacter: 20 },
        ...(uri ? { uri } : {})
    };
}

const MEANINGS = ['', 'very negative', 'negative', 'neutral', 'positive', 'very positive'];
const COMMS: OwnerModel = { name: 'Comms', title: 'Communications team', external: false };
const COURIER: OwnerModel = { name: 'Courier', title: 'Parcel courier', external: true };

interface TouchpointSpec {
    name: string;
    title?: string;
    /** For every persona of the journey (for the journey without personas, its one grade). */
    grade?: number;
    feeling?: string;
    /** A persona's own grade and feeling, overriding `grade` for them. */
    grades?: Record<string, [number, string?]>;
    owner?: OwnerModel | null;
    channel?: string;
    momentOfTruth?: boolean;
    contacts?: number;
    duration?: [number, string, number?];
    notes?: [NoteKind, string][];
}

/** The touchpoint of a spec in a journey of these personas (by name). */
function touchpoint(spec: TouchpointSpec, personas: string[]): Omit<TouchpointModel, 'index' | 'stage'> {
    const owner = spec.owner === undefined ? COMMS : spec.owner ?? undefined;
    const emotions = (personas.length > 0 ? personas : [undefined]).flatMap(persona => {
        const [grade, feeling] = (persona !== undefined ? spec.grades?.[persona] : undefined) ?? [spec.grade, spec.feeling];
        return grade === undefined ? [] : [{ ...(persona === undefined ? {} : { persona }), grade, feeling, meaning: MEANINGS[grade] }];
    });
    return {
        name: spec.name,
        title: spec.title ?? `Title of ${spec.name}`,
        momentOfTruth: spec.momentOfTruth ?? false,
        owner,
        ownerSource: owner ? at() : undefined,
        channel: spec.channel ? { name: spec.channel, title: spec.channel } : undefined,
        channelSource: spec.channel ? at() : undefined,
        with: [],
        emotions,
        contacts: spec.contacts,
        duration: spec.duration ? { amount: spec.duration[0], unit: spec.duration[1], minutes: spec.duration[2] } : undefined,
        notes: (spec.notes ?? []).map(([kind, text]): NoteModel => ({ kind, text, source: at() })),
        replaces: [],
        source: at()
    };
}

/** A journey from stages of touchpoint specs: index and stage numbered as the server does, the summary by the same `summarise`. */
function journey(stages: Record<string, TouchpointSpec[]>, extra: Partial<JourneyModel> = {}): JourneyModel {
    let index = 0;
    const personas = extra.personas ?? [];
    const names = personas.map(persona => persona.name);
    const stageModels: StageModel[] = Object.entries(stages).map(([name, specs]) => ({
        name,
        title: `Stage ${name}`,
        source: at(),
        touchpoints: specs.map(spec => ({ ...touchpoint(spec, names), index: index++, stage: name }))
    }));
    return {
        name: 'Trip',
        title: 'Renew a passport',
        goal: 'A valid passport in hand',
        stages: stageModels,
        summary: summarise(stageModels, names),
        source: at(),
        ...extra,
        personas,
        stakeholders: extra.stakeholders ?? []
    };
}

const PERSONA: PersonaModel = {
    name: 'Maria',
    title: 'Busy parent',
    goal: 'Have a valid passport before the summer',
    today: 'Unsure which form applies',
    ideal: 'Knows what to do',
    needs: ['Clear deadlines', 'One place to ask'],
    source: at()
};

// --- Reading the SVG as a user would -----------------------------------------------------------------

const parser = new (globalThis as unknown as { DOMParser: typeof HappyDOMParser }).DOMParser();

function parse(svg: string): HappyDocument {
    const doc = parser.parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')?.textContent ?? '').toBe('');
    expect(doc.documentElement.tagName.toLowerCase()).toBe('svg');
    return doc;
}

function render(model: JourneyModel, options?: Parameters<typeof renderJourneyMap>[1]): HappyDocument {
    return parse(renderJourneyMap(model, options));
}

function all(root: HappyDocument | HappyElement, selector: string): HappyElement[] {
    return [...root.querySelectorAll(selector)];
}

function texts(root: HappyDocument | HappyElement, selector = 'text'): string[] {
    return all(root, selector).map(element => element.textContent ?? '');
}

/** The lines of a <text>: its tspans, or itself when it has none. */
function lines(element: HappyElement): string[] {
    const spans = all(element, 'tspan');
    return spans.length > 0 ? spans.map(span => span.textContent ?? '') : [element.textContent ?? ''];
}

function number(element: HappyElement | null | undefined, attribute: string): number {
    return Number(element?.getAttribute(attribute));
}

function columnX(column: HappyElement): number {
    return number(column.querySelector('.column-bg'), 'x');
}

const THREE_STAGES = journey({
    Apply: [
        { name: 'Form', title: 'Fills in the form', grade: 2, feeling: 'confused', channel: 'Website', momentOfTruth: true, contacts: 1, duration: [40, 'min', 40] },
        { name: 'Pay', title: 'Pays the fee', grade: 3, channel: 'Website', owner: COURIER }
    ],
    Wait: [
        { name: 'Track', title: 'Tracks the application', grade: 1, feeling: 'in the dark', owner: null, contacts: 6, duration: [3, 'w', 30240] },
        { name: 'Call', title: 'Calls the advice line', notes: [['pain', 'Forty minutes on hold'], ['idea', 'Call back instead'], ['quote', 'Nobody could help']] }
    ],
    Receive: [
        { name: 'Delivery', title: 'Signs for the passport', grade: 5, feeling: 'relieved', notes: [['backstage', 'Courier scans the parcel']] }
    ]
}, { personas: [PERSONA] });

// --- The tests ---------------------------------------------------------------------------------------

describe('the svg element', () => {
    test('has a size, a viewBox, the SVG namespace and an accessible name', () => {
        const root = render(THREE_STAGES).documentElement;
        expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
        expect(number(root, 'width')).toBeGreaterThan(0);
        expect(number(root, 'height')).toBeGreaterThan(0);
        expect(root.getAttribute('viewBox')).toBe(`0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`);
        expect(root.getAttribute('role')).toBe('img');
        expect(root.getAttribute('aria-label')).toBe('Journey map: Renew a passport, 5 touchpoints in 3 stages');
    });

    test('is plain SVG: no foreignObject, script, image, link or inline style', () => {
        const svg = renderJourneyMap(THREE_STAGES, { styles: 'embedded' });
        const doc = parse(svg);
        for (const name of ['foreignObject', 'script', 'image', 'img', 'a', 'use']) {
            expect(all(doc, name)).toEqual([]);
        }
        expect(svg).not.toMatch(/\sstyle=|\shref=|url\(/);
    });
});

describe('columns and stages', () => {
    test('a column per touchpoint, in journey order, left to right', () => {
        const doc = render(THREE_STAGES);
        const columns = all(doc, 'g.column');
        expect(columns.map(c => c.getAttribute('data-index'))).toEqual(['0', '1', '2', '3', '4']);
        expect(columns.map(c => c.querySelector('[data-kind="touchpoint"]')?.getAttribute('data-touchpoint'))).toEqual(['Form', 'Pay', 'Track', 'Call', 'Delivery']);
        expect(columns.map(c => lines(c.querySelector('.t-touchpoint')!).join(' '))).toEqual([
            'Fills in the form', 'Pays the fee', 'Tracks the application', 'Calls the advice line', 'Signs for the passport'
        ]);
        const xs = columns.map(columnX);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(new Set(columns.map(c => number(c.querySelector('.column-bg'), 'width')))).toEqual(new Set([SIZE.column]));
    });

    test('every column has a full-height background', () => {
        const doc = render(THREE_STAGES);
        const heights = all(doc, '.column-bg').map(bg => number(bg, 'height'));
        expect(heights).toHaveLength(5);
        expect(new Set(heights).size).toBe(1);
        const lanes = all(doc, '.lane-label');
        const lastLane = lanes[lanes.length - 1];
        expect(lastLane.textContent).toContain('Measures');
        const bg = doc.querySelector('.column-bg')!;
        expect(number(bg, 'y') + number(bg, 'height')).toBeGreaterThan(number(lastLane.querySelector('text'), 'y'));
    });

    test('a stage header spans the columns of its touchpoints', () => {
        const doc = render(THREE_STAGES);
        const stages = all(doc, 'g.stage');
        expect(stages.map(s => s.querySelector('.t-stage')?.textContent)).toEqual(['Stage Apply', 'Stage Wait', 'Stage Receive']);
        const columns = all(doc, 'g.column').map(columnX);
        const spans = [[0, 1], [2, 3], [4, 4]];
        stages.forEach((stage, i) => {
            const box = stage.querySelector('rect')!;
            const [first, last] = spans[i];
            expect(number(box, 'x')).toBeGreaterThanOrEqual(columns[first]);
            expect(number(box, 'x')).toBeLessThan(columns[first] + 10);
            expect(number(box, 'x') + number(box, 'width')).toBeLessThanOrEqual(columns[last] + SIZE.column);
            expect(number(box, 'x') + number(box, 'width')).toBeGreaterThan(columns[last] + SIZE.column - 10);
        });
        // Stages are visually separated: a line at each boundary between two stages.
        const separator = doc.querySelector('.stage-sep')!.getAttribute('d')!;
        expect(separator.match(/M/g)).toHaveLength(2);
    });

    test('every lane has a label in the gutter', () => {
        const doc = render(THREE_STAGES);
        const labels = texts(doc, '.gutter .t-lane');
        expect(labels).toEqual(['Stages', 'Touchpoint', 'Channel', 'Owner', 'Emotion', 'Pain points', 'Ideas', 'Backstage', 'Quotes', 'Measures']);
        expect(texts(doc, '.gutter .t-guide')).toEqual(['5 very positive', '4 positive', '3 neutral', '2 negative', '1 very negative']);
    });

    test('lanes grow with their tallest cell; the cards of a lane are equally tall', () => {
        const short = render(journey({ S: [{ name: 'A', notes: [['pain', 'Short']] }] }));
        const tall = render(journey({ S: [{ name: 'A', notes: [['pain', 'Short']] }, { name: 'B', notes: [['pain', 'One'], ['pain', 'Two'], ['pain', 'Three '.repeat(30)]] }] }));
        const laneHeight = (doc: HappyDocument, lane: string, next: string): number =>
            number(doc.querySelector(`[data-lane="${next}"] text`), 'y') - number(doc.querySelector(`[data-lane="${lane}"] text`), 'y');
        expect(laneHeight(tall, 'pain', 'idea')).toBeGreaterThan(laneHeight(short, 'pain', 'idea') + 100);
        const longTitle = render(journey({ S: [{ name: 'A', title: 'Short' }, { name: 'B', title: 'A much longer title that wraps onto three or four lines in its card' }] }));
        const cards = all(longTitle, '.card').map(card => number(card, 'height'));
        expect(cards[0]).toBe(cards[1]);
    });
});

describe('cells', () => {
    test('a moment of truth is marked: a star, a stronger border class and a tooltip', () => {
        const doc = render(THREE_STAGES);
        const [form, pay] = all(doc, '[data-kind="touchpoint"]');
        expect(form.getAttribute('class')).toContain('moment-of-truth');
        expect(form.querySelector('title')?.textContent).toContain('Moment of truth');
        expect(form.querySelector('.star')).not.toBeNull();
        expect(texts(form)).toContain('Moment of truth');
        expect(pay.getAttribute('class')).not.toContain('moment-of-truth');
        expect(pay.querySelector('title')?.textContent).not.toContain('Moment of truth');
        expect(pay.querySelector('.star')).toBeNull();
    });

    test('channel and owner titles; an external owner is tagged; a missing owner is a warning cell', () => {
        const doc = render(THREE_STAGES);
        const owners = all(doc, '[data-kind="owner"]');
        expect(owners.map(o => o.getAttribute('class'))).toEqual([
            'cell owner source-link', 'cell owner external source-link', 'cell owner missing-owner source-link',
            'cell owner source-link', 'cell owner source-link'
        ]);
        expect(texts(owners[0])).toEqual(['Communications team']);
        expect(texts(owners[1])).toEqual(['external', 'Parcel courier']);
        expect(owners[1].querySelector('title')?.textContent).toBe('Owner: Parcel courier (external)');
        expect(texts(owners[2])).toEqual(['no owner']);
        expect(all(doc, '.missing-owner')).toHaveLength(1);
        expect(texts(doc, '[data-kind="channel"] text')).toEqual(['Website', 'Website']);
    });

    test('notes: a wrapped block per note, in the lane of its kind, with a kind marker', () => {
        const doc = render(THREE_STAGES);
        const notes = all(doc, '[data-kind="note"]');
        expect(notes.map(n => n.getAttribute('class')!.split(' ')[1])).toEqual(['note-pain', 'note-idea', 'note-quote', 'note-backstage']);
        expect(notes.map(n => n.querySelector('text')?.textContent)).toEqual(['Forty minutes on hold', 'Call back instead', '“Nobody could help”', 'Courier scans the parcel']);
        expect(notes.every(n => n.querySelector('.note-mark'))).toBe(true);
    });

    test('measures: contacts and duration as written, — when missing', () => {
        const doc = render(THREE_STAGES);
        expect(texts(doc, '.measure')).toEqual([
            'Contacts 1', 'Time 40 min', 'Contacts —', 'Time —', 'Contacts 6', 'Time 3 w', 'Contacts —', 'Time —', 'Contacts —', 'Time —'
        ]);
    });
});

describe('the emotional curve', () => {
    function points(doc: HappyDocument): { x: number, y: number, grade: string }[] {
        return all(doc, 'g.emotion').map(point => ({
            x: number(point.querySelector('circle'), 'cx'),
            y: number(point.querySelector('circle'), 'cy'),
            grade: /grade-(\d)/.exec(point.getAttribute('class')!)![1]
        }));
    }

    /** The segments of every curve path, as [x1, y1, x2, y2]. */
    function segments(doc: HappyDocument): number[][] {
        return all(doc, 'path.curve').flatMap(path => {
            const coords = path.getAttribute('d')!.slice(1).split('L').map(p => p.split(',').map(Number));
            return coords.slice(1).map((point, i) => [...coords[i], ...point]);
        });
    }

    test('a point per graded touchpoint, higher for a better grade, in the grade colour', () => {
        const doc = render(THREE_STAGES);
        const byGrade = Object.fromEntries(points(doc).map(p => [p.grade, p.y]));
        expect(Object.keys(byGrade).sort()).toEqual(['1', '2', '3', '5']);
        expect(byGrade['5']).toBeLessThan(byGrade['3']);
        expect(byGrade['3']).toBeLessThan(byGrade['2']);
        expect(byGrade['2']).toBeLessThan(byGrade['1']);
        // Evenly spaced: grade steps are equal.
        expect(byGrade['1'] - byGrade['2']).toBeCloseTo((byGrade['3'] - byGrade['5']) / 2);
        expect(texts(doc, 'g.emotion .t-feeling')).toEqual(['confused', 'in the dark', 'relieved']);
        expect(doc.querySelector('g.emotion title')?.textContent).toBe('Emotion 2 of 5, negative: confused');
    });

    test('points in columns; segments join consecutive graded touchpoints', () => {
        const doc = render(journey({ S: [{ name: 'A', grade: 1 }, { name: 'B', grade: 3 }, { name: 'C', grade: 5 }] }));
        const columns = all(doc, 'g.column').map(columnX);
        expect(points(doc).map(p => p.x)).toEqual(columns.map(x => x + SIZE.column / 2));
        expect(all(doc, 'path.curve')).toHaveLength(1);
        expect(segments(doc)).toHaveLength(2);
    });

    test('the curve is broken across an ungraded touchpoint, which shows "not graded"', () => {
        const doc = render(journey({ S: [{ name: 'A', grade: 2 }, { name: 'B' }, { name: 'C', grade: 4 }, { name: 'D', grade: 5 }] }));
        const gapX = columnX(all(doc, 'g.column')[1]) + SIZE.column / 2;
        const segs = segments(doc);
        expect(segs).toHaveLength(1); // only C-D
        expect(segs.every(([x1, , x2]) => !(Math.min(x1, x2) <= gapX && gapX <= Math.max(x1, x2)))).toBe(true);
        const unscored = all(doc, '.unscored');
        expect(unscored).toHaveLength(1);
        expect(unscored[0].textContent).toContain('not graded');
        expect(unscored[0].getAttribute('data-kind')).toBe('emotion');
        expect(all(doc, 'g.column')[1].querySelector('.unscored')).not.toBeNull();
    });

    test('an invalid grade in the model is a gap, never a class or a coordinate', () => {
        const model = journey({ S: [{ name: 'A', grade: 2 }, { name: 'B', grade: 2 }] });
        (model.stages[0].touchpoints[1].emotions[0] as { grade: unknown }).grade = '" onclick="alert(1)';
        const doc = render(model);
        expect(all(doc, 'g.emotion')).toHaveLength(1);
        expect(all(doc, '.unscored')).toHaveLength(1);
        expect(all(doc, '*').some(e => e.getAttributeNames().some(name => name.startsWith('on')))).toBe(false);
    });

    test('no grade at all: no curve, every column marked unscored', () => {
        const doc = render(journey({ S: [{ name: 'A' }, { name: 'B' }], T: [{ name: 'C' }] }));
        expect(all(doc, 'path.curve')).toEqual([]);
        expect(all(doc, 'g.emotion')).toEqual([]);
        expect(all(doc, 'g.column').every(column => column.querySelector('.unscored'))).toBe(true);
        expect(tile(doc, 'Average emotion')).toEqual(['Average emotion', '—']);
        expect(tile(doc, 'Lowest moments')).toEqual(['Lowest moments', '—']);
        expect(tile(doc, 'Graded')).toEqual(['Graded', '0%', '0 of 3']);
    });
});

function tile(doc: HappyDocument, label: string): string[] {
    const found = all(doc, '.summary .tile').find(t => t.querySelector('text')?.textContent === label);
    return found ? all(found, 'text').flatMap(lines) : [];
}

describe('the header and the summary strip', () => {
    test('title, goal and persona card', () => {
        const doc = render(THREE_STAGES);
        const header = doc.querySelector('.header')!;
        expect(texts(header, '.t-title')).toEqual(['Renew a passport']);
        expect(texts(header, '.t-goal')).toEqual(['A valid passport in hand']);
        const card = header.querySelector('[data-kind="persona"]')!;
        expect(texts(card)).toEqual([
            'Persona: Maria', 'Busy parent', 'Goal', 'Have a valid passport before the summer', 'Today', 'Unsure which form applies',
            'Ideal', 'Knows what to do', 'Needs', '•', 'Clear deadlines', '•', 'One place to ask'
        ]);
        expect(render(journey({ S: [{ name: 'A' }] })).querySelector('[data-kind="persona"]')).toBeNull();
    });

    test('summary figures, formatted', () => {
        const doc = render(THREE_STAGES);
        expect(tile(doc, 'Touchpoints')).toEqual(['Touchpoints', '5']);
        expect(tile(doc, 'Stages')).toEqual(['Stages', '3']);
        expect(tile(doc, 'Average emotion')).toEqual(['Average emotion', '2.8', 'neutral']);
        expect(tile(doc, 'Lowest moments')).toEqual(['Lowest moments', 'Tracks the application (1)']);
        expect(tile(doc, 'Owned')).toEqual(['Owned', '80%', '4 of 5']);
        expect(tile(doc, 'Graded')).toEqual(['Graded', '80%', '4 of 5']);
        expect(tile(doc, 'Contacts')).toEqual(['Contacts', '7']);
        expect(tile(doc, 'Total time')).toEqual(['Total time', '3 w']);
        expect(all(doc, '.tile.warn').map(t => t.querySelector('text')?.textContent)).toEqual(['Owned', 'Graded']);
    });

    test('missing figures show —; many tied lowest moments are shortened', () => {
        const specs = Array.from({ length: 6 }, (_, i) => ({ name: `T${i}`, grade: 1 }));
        const doc = render(journey({ S: specs }));
        expect(tile(doc, 'Contacts')).toEqual(['Contacts', '—']);
        expect(tile(doc, 'Total time')).toEqual(['Total time', '—']);
        expect(tile(doc, 'Lowest moments')).toEqual(['Lowest moments', 'Title of T0 (1)', 'Title of T1 (1)', 'Title of T2 (1)', 'and 3 more']);
    });

    test('formats: durations, shares', () => {
        expect(formatMinutes(26 * 60)).toBe('1 d 2 h');
        expect(formatMinutes(90)).toBe('1 h 30 min');
        expect(formatMinutes(1.5)).toBe('1 min 30 s');
        expect(formatMinutes(7 * 24 * 60 * 2 + 3 * 24 * 60 + 5)).toBe('2 w 3 d');
        expect(formatMinutes(59.99)).toBe('59 min 59 s');
        expect(formatMinutes(59.999)).toBe('1 h');
        expect(formatMinutes(7 * 24 * 60 - 0.001)).toBe('1 w');
        expect(formatMinutes(0)).toBe('0 min');
        expect(formatMinutes(undefined)).toBe('—');
        expect(formatPercent(5 / 6)).toBe('83%');
        expect(formatPercent(1)).toBe('100%');
        expect(formatPercent(0.999)).toBe('99.9%');
        expect(formatPercent(0.002)).toBe('0.2%');
        expect(formatPercent(0)).toBe('0%');
        expect(formatPercent(undefined)).toBe('—');
    });
});

describe('wrapping', () => {
    const words = Array.from({ length: 60 }, (_, i) => ['customer', 'journey', 'touchpoint', 'a', 'of', 'delivery'][i % 6]);
    const long = words.join(' ').slice(0, 300);

    test('a 300-character label wraps onto several tspans with no text lost', () => {
        expect(long).toHaveLength(300);
        const doc = render(journey({ S: [{ name: 'A', title: long }] }));
        const title = doc.querySelector('[data-kind="touchpoint"] .t-touchpoint')!;
        const spans = all(title, 'tspan');
        expect(spans.length).toBeGreaterThan(5);
        expect(spans.map(s => s.textContent).join(' ')).toBe(long.split(/\s+/).join(' '));
        expect(spans.every(s => s.getAttribute('x') === title.getAttribute('x'))).toBe(true);
        expect(spans.slice(1).every(s => Number(s.getAttribute('dy')) === TEXT.touchpoint.line)).toBe(true);
        const card = doc.querySelector('.card')!;
        expect(number(card, 'height')).toBeGreaterThan(spans.length * TEXT.touchpoint.line);
    });

    test('every line fits the cell; an overlong word is broken, not cut', () => {
        const width = 180;
        const word = 'x'.repeat(120) + 'ÿ€漢字';
        const wrapped = wrapText(`short ${word} end`, width, TEXT.note);
        expect(wrapped.every(line => textWidth(line, TEXT.note) <= width)).toBe(true);
        expect(wrapped[0]).toBe('short');
        expect(wrapped.length).toBeGreaterThan(3);
        // The tail of the broken word goes on with the next word.
        expect(wrapped.slice(1).join('')).toBe(`${word} end`);
        expect(wrapText('   ', width, TEXT.note)).toEqual([]);
        expect(wrapText('a\n\tb', width, TEXT.note)).toEqual(['a b']);
    });

    test('emoji and surrogate pairs are never split', () => {
        const wrapped = wrapText('😀'.repeat(40), 100, TEXT.note);
        expect(wrapped.length).toBeGreaterThan(1);
        expect(wrapped.join('')).toBe('😀'.repeat(40));
    });
});

describe('untrusted text', () => {
    const ATTACKS = [
        '<img src=x onerror=alert(1)>',
        '</script><script>alert(1)</script>',
        'javascript:alert(1)',
        "{{constructor.constructor('alert(1)')()}}",
        `"' onmouseover="alert(1)" x='`,
        '&amp; &lt;b&gt; ]]> <!-- -->'
    ];

    for (const attack of ATTACKS) {
        test(`appears only as text: ${attack}`, () => {
            const owner: OwnerModel = { name: attack, title: attack, external: true };
            const model = journey({
                [attack]: [{ name: attack, title: attack, grade: 2, feeling: attack, channel: attack, owner, notes: [['pain', attack], ['quote', attack]] }]
            }, {
                title: attack,
                goal: attack,
                personas: [{ name: attack, title: attack, goal: attack, today: attack, ideal: attack, needs: [attack], source: at(1, attack) }]
            });
            model.stages[0].title = attack;
            model.stages[0].touchpoints[0].source = at(3, `file:///${attack}`);
            model.summary.lowestMoments = [{ touchpoint: attack, title: attack, grade: 2 }];
            const svg = renderJourneyMap(model, { styles: 'embedded' });
            const doc = parse(svg);
            expect(all(doc, 'img, script, foreignObject, a, iframe')).toEqual([]);
            for (const element of all(doc, '*')) {
                expect(element.getAttributeNames().filter(name => name.startsWith('on'))).toEqual([]);
                expect(element.tagName.toLowerCase()).toMatch(/^(svg|style|desc|rect|g|title|text|tspan|path|circle)$/);
                expect(element.getAttribute('class') ?? '').not.toContain(attack);
            }
            expect(svg).not.toMatch(/<(img|script)/i);
            // The text is shown as it is written.
            // Wrapped cells: the lines put back together (a long word is broken without a space).
            const shown = (selector: string, expected = attack): string[] => all(doc, selector).map(element => {
                const text = lines(element).join(' ');
                return text.replace(/ /g, '') === expected.replace(/ /g, '') ? expected : text;
            });
            expect(texts(doc, '.t-title')).toEqual([attack]);
            expect(shown('.t-goal')).toEqual([attack]);
            expect(shown('[data-kind="touchpoint"] .t-touchpoint')).toEqual([attack]);
            expect(doc.querySelector('[data-kind="touchpoint"]')!.getAttribute('data-touchpoint')).toBe(attack);
            expect(doc.querySelector('[data-kind="touchpoint"]')!.getAttribute('data-uri')).toBe(`file:///${attack}`);
            expect(shown('[data-kind="stage"] .t-stage')).toEqual([attack]);
            expect(shown('[data-kind="channel"] text')).toEqual([attack]);
            expect(shown('[data-kind="owner"] .t-body')).toEqual([attack]);
            expect(shown('.note-pain text')).toEqual([attack]);
            expect(shown('.note-quote text', `“${attack}”`)).toEqual([`“${attack}”`]);
            expect(shown('.t-feeling')).toEqual([attack]);
            expect(shown('[data-kind="persona"] .t-persona-title')).toEqual([attack]);
            expect(shown('[data-kind="touchpoint"] title')).toEqual([attack]);
            expect(doc.documentElement.getAttribute('aria-label')).toContain(attack);
        });
    }

    test('characters XML forbids do not break the document', () => {
        const bad = 'a\u0000b\u0007c\uFFFF d\uD800e';
        const doc = render(journey({ S: [{ name: 'A', title: bad }] }, { title: bad }));
        expect(texts(doc, '.t-title')).toEqual(['a\uFFFDb\uFFFDc\uFFFD d\uFFFDe']);
    });
});

describe('links to the source', () => {
    const range = (location: SourceLocation | undefined): string => {
        const r = location!.range;
        return `${r.startLine}:${r.startCharacter}:${r.endLine}:${r.endCharacter}`;
    };
    const selection = (location: SourceLocation | undefined): string => {
        const r = location!.selection;
        return `${r.startLine}:${r.startCharacter}:${r.endLine}:${r.endCharacter}`;
    };

    test('every clickable element carries its kind, range and selection', () => {
        const model = journey({ S: [{ name: 'A', channel: 'Web', grade: 3, notes: [['idea', 'Better']] }] }, { personas: [PERSONA] });
        const tp = model.stages[0].touchpoints[0];
        tp.ownerSource = at(40, 'file:///shared/organisation.journey?a=1&b="2"');
        const doc = render(model);
        const expected: [string, SourceLocation | undefined][] = [
            ['touchpoint', tp.source], ['stage', model.stages[0].source], ['owner', tp.ownerSource], ['channel', tp.channelSource],
            ['note', tp.notes[0].source], ['emotion', tp.source], ['persona', PERSONA.source]
        ];
        for (const [kind, source] of expected) {
            const elements = all(doc, `[data-kind="${kind}"]`);
            expect(elements, kind).toHaveLength(1);
            expect(elements[0].getAttribute('data-range'), kind).toBe(range(source));
            expect(elements[0].getAttribute('data-selection'), kind).toBe(selection(source));
            expect(elements[0].getAttribute('class'), kind).toContain('source-link');
        }
        expect(doc.querySelector('[data-kind="owner"]')!.getAttribute('data-uri')).toBe('file:///shared/organisation.journey?a=1&b="2"');
        expect(doc.querySelector('[data-kind="touchpoint"]')!.hasAttribute('data-uri')).toBe(false);
        expect(doc.querySelector('[data-kind="touchpoint"]')!.getAttribute('data-touchpoint')).toBe('A');
    });

    test('the warning cells lead to the touchpoint to fix', () => {
        const model = journey({ S: [{ name: 'A', owner: null }] });
        const doc = render(model);
        const source = model.stages[0].touchpoints[0].source;
        expect(doc.querySelector('.missing-owner')!.getAttribute('data-range')).toBe(range(source));
        expect(doc.querySelector('.unscored')!.getAttribute('data-range')).toBe(range(source));
    });
});

describe('sizes of journeys', () => {
    test('no touchpoints: the header and a clear message', () => {
        const doc = render(journey({ Empty: [] }, { personas: [PERSONA] }));
        expect(texts(doc)).toContain('This journey has no touchpoints yet');
        expect(texts(doc, '.t-title')).toEqual(['Renew a passport']);
        expect(doc.querySelector('[data-kind="persona"]')).not.toBeNull();
        expect(all(doc, 'g.column')).toEqual([]);
        expect(all(doc, '.summary')).toEqual([]);
        expect(doc.documentElement.getAttribute('aria-label')).toBe('Journey map: Renew a passport, no touchpoints yet');
        expect(texts(render(journey({}))).includes('This journey has no touchpoints yet')).toBe(true);
    });

    test('one touchpoint', () => {
        const doc = render(journey({ Only: [{ name: 'A', grade: 4, feeling: 'fine' }] }));
        expect(all(doc, 'g.column')).toHaveLength(1);
        expect(all(doc, 'g.stage')).toHaveLength(1);
        expect(all(doc, 'g.emotion')).toHaveLength(1);
        expect(all(doc, 'path.curve')).toEqual([]);
        expect(doc.querySelector('.stage-sep')).toBeNull();
    });

    test('1,000 touchpoints: 1,000 columns, the map grows to the right', () => {
        const stages: Record<string, TouchpointSpec[]> = {};
        for (let s = 0; s < 20; s++) {
            stages[`S${s}`] = Array.from({ length: 50 }, (_, i) => ({
                name: `T${s}_${i}`,
                grade: i % 7 === 0 ? undefined : 1 + ((s + i) % 5),
                owner: i % 11 === 0 ? null : COMMS,
                contacts: 1,
                duration: [5, 'min', 5],
                notes: i % 3 === 0 ? [['pain', 'Something went wrong here, again and again'] as [NoteKind, string]] : []
            }));
        }
        const model = journey(stages);
        const small = number(render(journey({ S: [{ name: 'A' }] })).documentElement, 'width');
        const svg = renderJourneyMap(model);
        const doc = parse(svg);
        expect(all(doc, 'g.column')).toHaveLength(1000);
        expect(all(doc, 'g.column').at(-1)!.getAttribute('data-index')).toBe('999');
        const width = number(doc.documentElement, 'width');
        expect(width).toBeGreaterThan(1000 * SIZE.column);
        expect(width).toBeGreaterThan(small);
        expect(tile(doc, 'Contacts')).toEqual(['Contacts', '1,000']);
        expect(tile(doc, 'Total time')).toEqual(['Total time', '3 d 11 h']);
    });
});

describe('styles', () => {
    test('linked (default): no <style>; embedded: the CSS inside', () => {
        const linked = render(THREE_STAGES);
        expect(all(linked, 'style')).toEqual([]);
        expect(renderJourneyMap(THREE_STAGES)).toBe(renderJourneyMap(THREE_STAGES, { styles: 'linked' }));
        const embedded = render(THREE_STAGES, { styles: 'embedded' });
        const css = all(embedded, 'style').map(s => s.textContent ?? '');
        expect(css).toHaveLength(1);
        expect(css[0]).toContain('.journey-map .grade-1 .dot');
        // Resolved for SVG tools that know no custom properties, and without the webview-only rules.
        expect(css[0]).not.toContain('var(');
        expect(css[0]).not.toMatch(/--|(^|[},])body|:hover|cursor/);
    });

    test('the dark theme changes the palette', () => {
        const light = render(THREE_STAGES, { styles: 'embedded', theme: 'light' });
        const dark = render(THREE_STAGES, { styles: 'embedded', theme: 'dark' });
        const css = (doc: HappyDocument): string => doc.querySelector('style')!.textContent ?? '';
        const rule = (sheet: string, selector: string): string => new RegExp(`${selector.replace(/[.]/g, '\\.')}\\{([^}]*)\\}`).exec(sheet)?.[1] ?? '';
        expect(rule(css(light), '.journey-map .map-bg')).toBe('fill:#ffffff');
        expect(rule(css(dark), '.journey-map .map-bg')).toBe('fill:#1f1f1f');
        expect(css(light)).toContain(`fill:${gradeOf(1).colour.light}`);
        expect(css(dark)).toContain(`fill:${gradeOf(1).colour.dark}`);
        expect(css(dark)).not.toContain(gradeOf(1).colour.light);
        expect(dark.documentElement.getAttribute('class')).toBe('journey-map theme-dark');
        expect(light.documentElement.getAttribute('class')).toBe('journey-map theme-light');
    });

    test('map.css: colours only through custom properties and VS Code variables, with fallbacks', () => {
        const declarations = [...mapCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([\w-]+)\s*:\s*([^;{}]+)/g)];
        for (const [, property, value] of declarations) {
            if (/^(fill|stroke)$/.test(property) && value.trim() !== 'none') {
                expect(value, property).toMatch(/^var\(--(jm|journey|vscode)-[\w-]+/);
            }
            if (property.startsWith('--jm-')) {
                expect(value, property).toMatch(/^var\(--vscode-[\w-]+, #[0-9a-f]{6}([0-9a-f]{2})?\)$/);
            }
        }
        expect(mapCss).toMatch(/body\.vscode-high-contrast \.journey-map/);
        for (let grade = 1; grade <= 5; grade++) {
            expect(mapCss).toContain(`var(--journey-grade-${grade})`);
            expect(gradePaletteCss()).toContain(`--journey-grade-${grade}: ${gradeOf(grade).colour['high-contrast']};`);
        }
    });

    test('the font sizes of map.css are the ones the layout measures with', () => {
        const sizes: Record<string, keyof typeof TEXT> = {
            't-title': 'title', 't-goal': 'goal', 't-persona-title': 'personaTitle', 't-label': 'label', 't-body': 'body',
            't-tile-value': 'tileValue', 't-small': 'small', 't-stage': 'stage', 't-touchpoint': 'touchpoint', 't-tag': 'tag',
            't-note': 'note', 't-quote': 'quote', 't-feeling': 'feeling', 't-lane': 'lane', 't-message': 'message', 't-eyebrow': 'eyebrow'
        };
        for (const [className, style] of Object.entries(sizes)) {
            const rule = new RegExp(`\\.${className} \\{([^}]*)\\}`).exec(mapCss)?.[1] ?? '';
            expect(rule, className).toContain(`font-size: ${TEXT[style].size}px`);
            expect(rule.includes('font-weight: 700'), className).toBe(Boolean((TEXT[style] as { bold?: boolean }).bold));
        }
    });

    test('flattening: var() fallbacks, palette values and nested references resolve', () => {
        const css = `.journey-map { --a: var(--vscode-x, #111111); --b: var(--a); }
.journey-map.theme-dark { --a: var(--vscode-x, #eeeeee); }
.journey-map .x { fill: var(--b); stroke: var(--unknown, var(--a)); }
.journey-map .y { fill: var(--nothing); }
body .journey-map .x { cursor: pointer; }`;
        expect(flattenCss(css, 'light')).toBe('.journey-map .x{fill:#111111;stroke:#111111}');
        expect(flattenCss(css, 'dark')).toBe('.journey-map .x{fill:#eeeeee;stroke:#eeeeee}');
    });
});
