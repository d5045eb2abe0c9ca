import { describe, expect } from 'vitest';
import { buildDocumentModel } from '../../src/language/map-model-builder.js';
import { compareJourneys } from '../../src/map/compare/compare-journeys.js';
import { describeChange } from '../../src/map/compare/describe-change.js';
import { compareTexts } from '../helpers/compare-texts.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, test, type TestServices } from '../helpers/services-fixture.js';

/** Every change of two versions of the journey Renew, in words, in order. */
async function described(services: TestServices, before: string, after: string): Promise<string[]> {
    const comparison = await compareTexts(services, before, after);
    return comparison.changes.map(change => describeChange(change, comparison));
}

describe('describeChange: a change in words', () => {
    test('the issue\'s example: the journey\'s name, the stage\'s title, the touchpoint\'s name, then the grade of a persona', async ({ services }) => {
        expect(await described(services,
            'for Maria, Tomasz { stage Apply "Applying" { touchpoint Form "Fills in the form" { emotion 2 } } }',
            'for Maria, Tomasz { stage Apply "Applying" { touchpoint Form "Fills in the form" { emotion 2 emotion Maria 4 } } }'
        )).toEqual(['Renew > Applying > Form: emotion (Maria) 2 -> 4']);
    });

    test('each value change, and none where a value was not given or is gone', async ({ services }) => {
        expect(await described(services,
            '{ stage Apply "Applying" { touchpoint Form "Fills in the form" { owner Web emotion 2 contacts 3 duration 40 min } touchpoint Fee { channel Letter moment of truth } } }',
            '{ stage Apply "Applying" { touchpoint Form "Fills in one form" { owner Desk channel Website contacts 1 duration 10 min moment of truth } touchpoint Fee { owner Web emotion 5 } } }'
        )).toEqual([
            'Renew > Applying > Form: title "Fills in the form" -> "Fills in one form"',
            'Renew > Applying > Form: owner Web -> Desk',
            'Renew > Applying > Form: channel none -> Website',
            'Renew > Applying > Form: emotion 2 -> none',
            'Renew > Applying > Form: contacts 3 -> 1',
            'Renew > Applying > Form: duration 40 min -> 10 min',
            'Renew > Applying > Form: moment of truth: no -> yes',
            'Renew > Applying > Fee: owner none -> Web',
            'Renew > Applying > Fee: channel Letter -> none',
            'Renew > Applying > Fee: emotion none -> 5',
            'Renew > Applying > Fee: moment of truth: yes -> no'
        ]);
    });

    test('the titles of the journey and of a stage: the journey alone, the stage by its new title', async ({ services }) => {
        expect(await described(services,
            '"Renew a passport" { stage Apply "Apply" { touchpoint Form { } } }',
            '"Renew a passport online" { stage Apply "Applying" { touchpoint Form { } } }'
        )).toEqual([
            'Renew: title "Renew a passport" -> "Renew a passport online"',
            'Renew > Applying: title "Apply" -> "Applying"'
        ]);
    });

    test('notes added and removed, by kind, with their text', async ({ services }) => {
        expect(await described(services,
            '{ stage Apply "Applying" { touchpoint Form { pain "Photo rejected twice" quote "Why?" } } }',
            '{ stage Apply "Applying" { touchpoint Form { idea "Check the photo in the browser" pain "Photo rejected twice" pain "Photo rejected twice" } } }'
        )).toEqual([
            'Renew > Applying > Form: idea added: "Check the photo in the browser"',
            'Renew > Applying > Form: pain added: "Photo rejected twice"',
            'Renew > Applying > Form: quote removed: "Why?"'
        ]);
    });

    test('steps replaced, removed, added and moved, with the stages by title; a removed stage by its title of before', async ({ services }) => {
        expect(await described(services,
            `{ stage Apply "Applying" { touchpoint Form "Fills in the form" { } touchpoint Upload "Uploads the photo" { } }
               stage Wait "Waiting" { touchpoint Fee "Pays the fee" { } touchpoint Letter "Gets a letter" { } }
               stage Post "Posting" { touchpoint Send "Posts the old passport" { } } }`,
            `{ stage Apply "Applying" { touchpoint Apply "Applies in one step" { replaces Form, Upload } touchpoint Fee "Pays the fee" { } }
               stage Wait "Waiting" { touchpoint Track "Tracks it online" { } } }`
        )).toEqual([
            'Renew > Applying > Form: step removed "Fills in the form", replaced by Apply',
            'Renew > Applying > Upload: step removed "Uploads the photo", replaced by Apply',
            'Renew > Applying > Apply: step added "Applies in one step", replaces Form, Upload',
            'Renew > Applying > Fee: moved from Waiting to Applying',
            'Renew > Waiting > Letter: step removed "Gets a letter"',
            'Renew > Waiting > Track: step added "Tracks it online"',
            'Renew > Posting > Send: step removed "Posts the old passport"'
        ]);
    });

    test('a redesign compared with the journey it redesigns (its `current`): its changes are said of it, by its name', async ({ services }) => {
        const documents = await openWorkspace(services, {
            'organisation.journey': ORGANISATION,
            'renew.journey': 'journey Renew for Maria { stage Apply "Applying" { touchpoint Form { emotion 2 } } }',
            'tomorrow.journey': 'journey RenewTomorrow for Maria redesigns Renew { stage Apply "Applying" { touchpoint Form { emotion 4 } } }'
        });
        const [tomorrow] = buildDocumentModel(documents['tomorrow.journey']).journeys;
        const comparison = compareJourneys(tomorrow.current!, tomorrow);
        expect(comparison.changes.map(change => describeChange(change, comparison))).toEqual([
            'RenewTomorrow: title "Renew" -> "RenewTomorrow"',
            'RenewTomorrow > Applying > Form: emotion (Maria) 2 -> 4'
        ]);
    });
});
