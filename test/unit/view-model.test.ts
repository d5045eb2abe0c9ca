import { readdir, readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { buildDocumentModel } from '../../src/language/map-model-builder.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, test, type TestServices } from '../helpers/services-fixture.js';

async function modelOf(services: TestServices, journey: string) {
    const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': journey });
    return buildDocumentModel(documents['trip.journey']);
}

describe('the view model of a journey', () => {
    test('stages and touchpoints in order, indexed by column, with titles falling back to names', async ({ services }) => {
        const model = await modelOf(services, `journey Trip "A trip" for Maria {
  goal "Get there"
  stage Before "Before" { touchpoint Book "Books online" { owner Web emotion 4 } }
  stage During { touchpoint Ride { owner Courier emotion 2 } touchpoint Arrive "Arrives" { owner Web emotion 5 } }
}`);
        const [journey] = model.journeys;
        expect([journey.name, journey.title, journey.goal]).toEqual(['Trip', 'A trip', 'Get there']);
        expect(journey.stages.map(s => [s.name, s.title, s.touchpoints.map(t => [t.index, t.name, t.title, t.stage])])).toEqual([
            ['Before', 'Before', [[0, 'Book', 'Books online', 'Before']]],
            ['During', 'During', [[1, 'Ride', 'Ride', 'During'], [2, 'Arrive', 'Arrives', 'During']]]
        ]);
    });

    test('the persona card comes from another file, with its location there', async ({ services }) => {
        const model = await modelOf(services, 'journey Trip for Maria { stage S { touchpoint A { owner Web emotion 3 } } }');
        expect(model.journeys[0].personas).toHaveLength(1);
        expect(model.journeys[0].personas[0]).toMatchObject({
            name: 'Maria', title: 'Busy parent', goal: 'Renew in time', today: 'Worried', ideal: 'Relaxed', needs: ['Clear costs', 'Evening slots'],
            source: { uri: 'file:///workspace/organisation.journey', selection: { startLine: 5, startCharacter: 8, endLine: 5, endCharacter: 13 } }
        });
    });

    test('touchpoint facts: owner (external), channel, grade with meaning, measures, notes with sources', async ({ services }) => {
        const model = await modelOf(services, `journey Trip for Maria { stage S {
  touchpoint Deliver "Parcel arrives" {
    moment of truth
    owner Courier
    channel Website
    emotion 5 "relieved"
    contacts 2
    duration 1.5 h
    pain "Late"
    idea "Tracking link"
  }
} }`);
        const touchpoint = model.journeys[0].stages[0].touchpoints[0];
        expect(touchpoint).toMatchObject({
            momentOfTruth: true,
            owner: { name: 'Courier', title: 'Parcel courier', external: true },
            channel: { name: 'Website', title: 'Online service' },
            emotions: [{ persona: 'Maria', grade: 5, feeling: 'relieved', meaning: 'very positive' }],
            contacts: 2,
            duration: { amount: 1.5, unit: 'h', minutes: 90 },
            source: { selection: { startLine: 1, startCharacter: 13, endLine: 1, endCharacter: 20 } },
            ownerSource: { range: { startLine: 3, startCharacter: 4, endLine: 3, endCharacter: 17 } }
        });
        expect(touchpoint.notes.map(n => [n.kind, n.text, n.source.range.startLine])).toEqual([['pain', 'Late', 8], ['idea', 'Tracking link', 9]]);
    });

    test('an invalid grade is a gap like a missing one; an unresolved owner is no owner', async ({ services }) => {
        const model = await modelOf(services, `journey Trip for Maria { stage S {
  touchpoint A { owner Nobody emotion 9 }
  touchpoint B { }
} }`);
        const [a, b] = model.journeys[0].stages[0].touchpoints;
        expect([a.emotions, a.owner, b.emotions, b.owner]).toEqual([[], undefined, [], undefined]);
        expect(model.problems.map(p => [p.code, p.line])).toEqual([['linking-error', 1], ['emotion-out-of-range', 1]]);
    });

    test('a half-typed touchpoint (an owner or channel with no name yet) still gives a model', async ({ services }) => {
        const model = await modelOf(services, 'journey Trip for Maria { stage S { touchpoint A { owner } touchpoint B { channel } touchpoint C { owner Web } } }');
        expect(model.journeys[0].stages[0].touchpoints.map(t => [t.name, t.owner?.name, t.channel?.name])).toEqual([
            ['A', undefined, undefined], ['B', undefined, undefined], ['C', 'Web', undefined]
        ]);
        expect(model.problems.length).toBeGreaterThan(0);
    });

    test('the summary figures', async ({ services }) => {
        const model = await modelOf(services, `journey Trip for Maria {
  stage One { touchpoint A { owner Web emotion 2 contacts 1 duration 30 min } touchpoint B { emotion 4 contacts 2 duration 1 h } }
  stage Two { touchpoint C { owner Web emotion 2 duration 1 d } touchpoint D { owner Web } }
}`);
        expect(model.journeys[0].summary).toEqual({
            touchpoints: 4,
            stages: 2,
            averageEmotion: 8 / 3,
            lowestMoments: [{ touchpoint: 'A', title: 'A', grade: 2 }, { touchpoint: 'C', title: 'C', grade: 2 }],
            ownedShare: 0.75,
            gradedShare: 0.75,
            personas: [{
                persona: 'Maria', averageEmotion: 8 / 3, gradedShare: 0.75,
                lowestMoments: [{ touchpoint: 'A', title: 'A', grade: 2 }, { touchpoint: 'C', title: 'C', grade: 2 }]
            }],
            totalContacts: 3,
            totalDurationMinutes: 30 + 60 + 24 * 60
        });
    });

    test('an empty journey has empty figures, not wrong ones', async ({ services }) => {
        const model = await modelOf(services, 'journey Trip for Maria { }');
        expect(model.journeys[0].summary).toEqual({
            touchpoints: 0, stages: 0, averageEmotion: undefined, lowestMoments: [], ownedShare: undefined, gradedShare: undefined,
            personas: [{ persona: 'Maria', averageEmotion: undefined, lowestMoments: [], gradedShare: undefined }],
            totalContacts: 0, totalDurationMinutes: 0
        });
    });

    test('every journey of a file, and the bundled examples without problems', async ({ services }) => {
        const folder = new URL('../../examples/', import.meta.url);
        const files: Record<string, string> = {};
        for (const name of await readdir(folder)) {
            files[name] = await readFile(new URL(name, folder), 'utf-8');
        }
        const documents = await openWorkspace(services, files);
        for (const [name, document] of Object.entries(documents)) {
            const model = buildDocumentModel(document);
            expect(model.problems, name).toEqual([]);
            for (const journey of model.journeys) {
                expect(journey.summary.ownedShare, journey.name).toBe(1);
                expect(journey.summary.gradedShare, journey.name).toBe(1);
                expect(journey.summary.touchpoints, journey.name).toBeGreaterThanOrEqual(10);
            }
        }
    });
});

describe('a model that cannot be built', () => {
    // No text is known to break the builder (the fuzz tests try many): this test breaks the tree by hand.
    test('has no journeys and says so among its problems, after the document\'s own errors', async ({ services }) => {
        const documents = await openWorkspace(services, { 'trip.journey': 'journey Trip { stage S { touchpoint A { emotion 9 } } }' });
        const document = documents['trip.journey'];
        const journey = (document.parseResult.value as unknown as { declarations: { stages?: unknown }[] }).declarations[0];
        delete journey.stages;
        const model = buildDocumentModel(document);
        expect(model.journeys).toEqual([]);
        expect(model.problems.map(p => p.code ?? p.message)).toEqual([
            'emotion-out-of-range',
            "The map cannot be drawn from this text (TypeError: Cannot read properties of undefined (reading 'map')). Please report this, with the file if you can."
        ]);
    });
});
