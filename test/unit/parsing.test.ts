import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseHelper } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { isJourney, isOwner, isPersona, type JourneyFile, type Owner } from '../../src/language/generated/ast.js';
import { touchpointFacts } from '../../src/language/touchpoint-properties.js';
import { createServices } from '../helpers/journey-workspace.js';

let parse: (input: string) => Promise<LangiumDocument<JourneyFile>>;

beforeAll(() => {
    parse = parseHelper<JourneyFile>(createServices().Journey);
});

function expectParsed(document: LangiumDocument<JourneyFile>): JourneyFile {
    expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return document.parseResult.value;
}

describe('the sample of the language issue', () => {
    let model: JourneyFile;

    beforeAll(async () => {
        const text = await readFile(new URL('../fixtures/renew-passport.journey', import.meta.url), 'utf-8');
        model = expectParsed(await parse(text));
    });

    test('declares owners with titles, one of them external', () => {
        const owners = model.declarations.filter(isOwner);
        expect(owners.map((o: Owner) => [o.name, o.title, o.external])).toEqual([
            ['Comms', 'Communications team', false],
            ['Web', 'Digital services team', false],
            ['Counter', 'Front-desk staff', false],
            ['Courier', 'Parcel courier', true]
        ]);
    });

    test('declares a persona with goal, today and ideal', () => {
        const persona = model.declarations.find(isPersona)!;
        expect(persona.fields.map(f => [f.kind, f.text])).toEqual([
            ['goal', 'Have a valid passport before the summer holiday'],
            ['today', 'Unsure which form applies and worried about the deadline'],
            ['ideal', 'Knows what to do, what it costs and when the passport arrives']
        ]);
    });

    test('tells the journey stage by stage, for its persona', () => {
        const journey = model.declarations.find(isJourney)!;
        expect(journey.personas.map(persona => persona.$refText)).toEqual(['Maria']);
        expect(journey.stages.map(s => [s.name, s.title, s.touchpoints.map(t => t.name)])).toEqual([
            ['Aware', 'Becoming aware', ['Reminder']],
            ['Apply', 'Applying', ['Form', 'Visit']],
            ['Receive', 'Receiving the passport', ['Delivery']]
        ]);
    });

    test('gives touchpoints their channel, owner, grade, measures and notes', () => {
        const journey = model.declarations.find(isJourney)!;
        const [reminder, form, visit] = journey.stages.flatMap(s => s.touchpoints).map(touchpointFacts);
        expect(reminder.channel?.channel.$refText).toBe('Letter');
        expect(reminder.owner?.owner.$refText).toBe('Comms');
        expect(reminder.emotions.map(e => [e.persona, e.grade, e.feeling])).toEqual([[undefined, 3, 'indifferent']]);
        expect(reminder.contacts?.count).toBe(1);
        expect([reminder.duration?.amount, reminder.duration?.unit]).toEqual([2, 'min']);
        expect(reminder.notes.map(n => [n.kind, n.text])).toEqual([
            ['pain', 'The reminder uses legal jargon'],
            ['idea', 'Plain-language letter with a QR code to the form']
        ]);
        expect(form.momentOfTruth).toBeDefined();
        expect(form.notes.map(n => n.kind)).toEqual(['pain', 'backstage']);
        expect(reminder.momentOfTruth).toBeUndefined();
        expect(visit.emotions.map(e => [e.grade, e.feeling])).toEqual([[4, undefined]]);
    });
});

describe('the language beyond the sample', () => {
    test('several journeys in a file, each with an optional goal', async () => {
        const model = expectParsed(await parse(`
journey A "First" { goal "Get home" stage S { touchpoint T } }
journey B { }`));
        const journeys = model.declarations.filter(isJourney);
        expect(journeys.map(j => [j.name, j.title, j.goal])).toEqual([['A', 'First', 'Get home'], ['B', undefined, undefined]]);
    });

    test('titles are optional; strings take single or double quotes and escapes', async () => {
        const model = expectParsed(await parse(`owner A
owner B 'Team \\'B\\''
channel C "Say \\"hi\\""`));
        expect(model.declarations.map(d => d.title)).toEqual([undefined, "Team 'B'", 'Say "hi"']);
    });

    test('durations take decimals and every unit; notes repeat; quotes and needs exist', async () => {
        const model = expectParsed(await parse(`persona P { need "Time" need "Money" }
journey J for P { stage S { touchpoint T {
  duration 1.5 h
  quote "It took ages"
  quote "Nobody called back"
} } }`));
        const persona = model.declarations.find(isPersona)!;
        expect(persona.fields.map(f => f.kind)).toEqual(['need', 'need']);
        const journey = model.declarations.find(isJourney)!;
        const facts = touchpointFacts(journey.stages[0].touchpoints[0]);
        expect([facts.duration?.amount, facts.duration?.unit]).toEqual([1.5, 'h']);
        expect(facts.notes.map(n => n.text)).toEqual(['It took ages', 'Nobody called back']);
    });

    test('names may hold letters of any alphabet, digits, _ and -', async () => {
        const model = expectParsed(await parse('owner Zoë_Müller-2 "Équipe" channel 電話 "Phone"'));
        expect(model.declarations.map(d => d.name)).toEqual(['Zoë_Müller-2', '電話']);
    });

    test('line and block comments anywhere', async () => {
        const model = expectParsed(await parse(`// a comment
owner /* inline */ A "x" // trailing
/* multi
   line */`));
        expect(model.declarations).toHaveLength(1);
    });

    test('an empty file is a valid, empty model', async () => {
        expect(expectParsed(await parse('')).declarations).toEqual([]);
    });
});
