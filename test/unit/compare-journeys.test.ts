import { describe, expect } from 'vitest';
import type { ComparedStep } from '../../src/map/compare/compare-journeys.js';
import { figureChangesLine } from '../../src/map/compare/figure-changes.js';
import { compareTexts } from '../helpers/compare-texts.js';
import { test } from '../helpers/services-fixture.js';

/** The steps as the comparison view draws them: `status stage.touchpoint`. */
function order(steps: ComparedStep[]): string[] {
    return steps.map(step => `${step.status} ${step.stage}.${(step.after ?? step.before)!.name}`);
}

const TODAY = `"Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web channel Website emotion 2 contacts 1 duration 40 min pain "Photo rejected" }
    touchpoint Upload "Uploads the photo" { owner Web channel Website emotion 1 contacts 2 duration 20 min }
  }
  stage Wait "Waiting" {
    touchpoint Track "Tracks the application" { owner Web channel Website emotion 3 }
  }
}`;

describe('compareJourneys: the same journey', () => {
    test('identical journeys: no change, every step kept, every stage kept', async ({ services }) => {
        const comparison = await compareTexts(services, TODAY, TODAY);
        expect(comparison.changes).toEqual([]);
        expect(order(comparison.steps)).toEqual(['kept Apply.Form', 'kept Apply.Upload', 'kept Wait.Track']);
        expect(comparison.steps.every(step => step.changes.length === 0)).toBe(true);
        expect(comparison.stages.map(stage => [stage.name, stage.title, stage.status])).toEqual([
            ['Apply', 'Applying', 'kept'], ['Wait', 'Waiting', 'kept']
        ]);
    });

    test('layout, comments and the order of properties are no change', async ({ services }) => {
        const rewritten = `"Renew a passport" for Maria {
  // The same journey, formatted differently.
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" {
      pain     "Photo rejected"
      duration 40 min
      contacts 1
      emotion  2
      channel  Website
      owner    Web
    }
    touchpoint Upload 'Uploads the photo' { emotion Maria 1 owner Web channel Website contacts 2 duration 20 min }
  }
  stage Wait "Waiting" { touchpoint Track "Tracks the application" { owner Web channel Website emotion 3 } }
}`;
        expect((await compareTexts(services, TODAY, rewritten)).changes).toEqual([]);
    });
});

describe('compareJourneys: the changes of a step', () => {
    test('title, owner, channel, grade, contacts, duration and moment of truth, in that order', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form "Fills in the form" { owner Web channel Website emotion 2 contacts 3 duration 40 min } } }',
            '{ stage S { touchpoint Form "Fills in one form" { moment of truth owner Desk channel Letter emotion 4 contacts 1 duration 10 min } } }');
        expect(comparison.changes).toEqual([
            { kind: 'title', stage: 'S', touchpoint: 'Form', from: 'Fills in the form', to: 'Fills in one form' },
            { kind: 'owner', stage: 'S', touchpoint: 'Form', from: 'Web', to: 'Desk' },
            { kind: 'channel', stage: 'S', touchpoint: 'Form', from: 'Website', to: 'Letter' },
            { kind: 'emotion', stage: 'S', touchpoint: 'Form', from: 2, to: 4 },
            { kind: 'contacts', stage: 'S', touchpoint: 'Form', from: 3, to: 1 },
            { kind: 'duration', stage: 'S', touchpoint: 'Form', from: '40 min', to: '10 min' },
            { kind: 'moment-of-truth', stage: 'S', touchpoint: 'Form', from: false, to: true }
        ]);
        expect(comparison.steps.map(step => step.status)).toEqual(['changed']);
        expect(comparison.steps[0].changes).toEqual(comparison.changes);
    });

    test('a value given where there was none, and one taken away: no `from`, no `to`', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint A { channel Website } touchpoint B { owner Web emotion 3 contacts 2 duration 1 h moment of truth } } }',
            '{ stage S { touchpoint A { owner Web emotion 5 contacts 0 duration 2 d } touchpoint B { } } }');
        expect(comparison.changes).toEqual([
            { kind: 'owner', stage: 'S', touchpoint: 'A', to: 'Web' },
            { kind: 'channel', stage: 'S', touchpoint: 'A', from: 'Website' },
            { kind: 'emotion', stage: 'S', touchpoint: 'A', to: 5 },
            { kind: 'contacts', stage: 'S', touchpoint: 'A', to: 0 },
            { kind: 'duration', stage: 'S', touchpoint: 'A', to: '2 d' },
            { kind: 'owner', stage: 'S', touchpoint: 'B', from: 'Web' },
            { kind: 'emotion', stage: 'S', touchpoint: 'B', from: 3 },
            { kind: 'contacts', stage: 'S', touchpoint: 'B', from: 2 },
            { kind: 'duration', stage: 'S', touchpoint: 'B', from: '1 h' },
            { kind: 'moment-of-truth', stage: 'S', touchpoint: 'B', from: true, to: false }
        ]);
    });

    test('a duration is compared as written: 60 min is not 1 h', async ({ services }) => {
        const comparison = await compareTexts(services, '{ stage S { touchpoint A { duration 1 h } } }', '{ stage S { touchpoint A { duration 60 min } } }');
        expect(comparison.changes).toEqual([{ kind: 'duration', stage: 'S', touchpoint: 'A', from: '1 h', to: '60 min' }]);
    });

    test('the title of the journey and of a stage, before the changes of the steps', async ({ services }) => {
        const comparison = await compareTexts(services,
            '"Renew a passport" { stage Apply "Apply" { touchpoint A { emotion 2 } } stage Wait { touchpoint B { } } }',
            '"Renew a passport online" { stage Apply "Applying" { touchpoint A { emotion 3 } } stage Wait "Waiting" { touchpoint B { } } }');
        expect(comparison.changes).toEqual([
            { kind: 'title', stage: '', from: 'Renew a passport', to: 'Renew a passport online' },
            { kind: 'title', stage: 'Apply', from: 'Apply', to: 'Applying' },
            { kind: 'title', stage: 'Wait', from: 'Wait', to: 'Waiting' },
            { kind: 'emotion', stage: 'Apply', touchpoint: 'A', from: 2, to: 3 }
        ]);
    });

    test('notes added and removed, a repeated identical note counted', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint A { pain "Slow" pain "Slow" idea "Keep" quote "Why?" } touchpoint B { pain "Slow" } } }',
            '{ stage S { touchpoint A { pain "Slow" idea "Keep" idea "Why?" backstage "Batch" } touchpoint B { pain "Slow" pain "Slow" pain "Slow" } } }');
        expect(comparison.changes).toEqual([
            { kind: 'note-added', stage: 'S', touchpoint: 'A', note: 'idea', to: 'Why?' },
            { kind: 'note-added', stage: 'S', touchpoint: 'A', note: 'backstage', to: 'Batch' },
            { kind: 'note-removed', stage: 'S', touchpoint: 'A', note: 'pain', from: 'Slow' },
            { kind: 'note-removed', stage: 'S', touchpoint: 'A', note: 'quote', from: 'Why?' },
            { kind: 'note-added', stage: 'S', touchpoint: 'B', note: 'pain', to: 'Slow' },
            { kind: 'note-added', stage: 'S', touchpoint: 'B', note: 'pain', to: 'Slow' }
        ]);
    });

    test('notes in another order are no change', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint A { pain "One" idea "Two" pain "Three" } } }',
            '{ stage S { touchpoint A { pain "Three" pain "One" idea "Two" } } }');
        expect(comparison.changes).toEqual([]);
    });
});

describe('compareJourneys: grades per persona', () => {
    test('each persona compared on its own: a shared grade overridden for one', async ({ services }) => {
        const comparison = await compareTexts(services,
            'for Maria, Tomasz { stage S { touchpoint Form { emotion 2 } touchpoint Pay { emotion Maria 3 emotion Tomasz 1 } } }',
            'for Maria, Tomasz { stage S { touchpoint Form { emotion 2 emotion Maria 4 } touchpoint Pay { emotion 3 } } }');
        expect(comparison.changes).toEqual([
            { kind: 'emotion', stage: 'S', touchpoint: 'Form', persona: 'Maria', from: 2, to: 4 },
            { kind: 'emotion', stage: 'S', touchpoint: 'Pay', persona: 'Tomasz', from: 1, to: 3 }
        ]);
    });

    test('a persona graded on one side only: a grade given, a grade gone', async ({ services }) => {
        const comparison = await compareTexts(services,
            'for Maria, Tomasz { stage S { touchpoint Form { emotion Maria 2 } touchpoint Pay { emotion 3 } } }',
            'for Maria, Tomasz { stage S { touchpoint Form { emotion 2 } touchpoint Pay { emotion Maria 3 } } }');
        expect(comparison.changes).toEqual([
            { kind: 'emotion', stage: 'S', touchpoint: 'Form', persona: 'Tomasz', to: 2 },
            { kind: 'emotion', stage: 'S', touchpoint: 'Pay', persona: 'Tomasz', from: 3 }
        ]);
    });

    test('a persona who joins the journey: their grades are new, the others\' the same (the personas of after first)', async ({ services }) => {
        const comparison = await compareTexts(services,
            'for Maria { stage S { touchpoint Form { emotion 2 } } }',
            'for Tomasz, Maria { stage S { touchpoint Form { emotion 2 emotion Tomasz 5 } } }');
        expect(comparison.changes).toEqual([{ kind: 'emotion', stage: 'S', touchpoint: 'Form', persona: 'Tomasz', to: 5 }]);
    });

    test('a persona who leaves the journey: their grades are gone', async ({ services }) => {
        const comparison = await compareTexts(services,
            'for Maria, Tomasz { stage S { touchpoint Form { emotion 2 } } }',
            'for Maria { stage S { touchpoint Form { emotion 2 } } }');
        expect(comparison.changes).toEqual([{ kind: 'emotion', stage: 'S', touchpoint: 'Form', persona: 'Tomasz', from: 2 }]);
    });

    test('journeys that name no persona: the one grade, with no persona', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form { emotion 2 } touchpoint Pay { emotion 4 } } }',
            '{ stage S { touchpoint Form { emotion 4 } touchpoint Pay { emotion 4 "calm" } } }');
        expect(comparison.changes).toEqual([{ kind: 'emotion', stage: 'S', touchpoint: 'Form', from: 2, to: 4 }]);
    });

    test('a journey given its persona: its one grade was theirs, so an unchanged grade is no change', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form { emotion 2 } touchpoint Pay { emotion 4 } } }',
            'for Maria { stage S { touchpoint Form { emotion 2 } touchpoint Pay { emotion 5 } } }');
        expect(comparison.changes).toEqual([{ kind: 'emotion', stage: 'S', touchpoint: 'Pay', persona: 'Maria', from: 4, to: 5 }]);
    });
});

describe('compareJourneys: steps added, removed, replaced and moved', () => {
    test('a step removed and a step added, with their titles: the removed one after the step before it', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form "Fills in the form" { emotion 2 } touchpoint Post "Posts the old passport" { emotion 1 } } }',
            '{ stage S { touchpoint Form "Fills in the form" { emotion 2 } touchpoint Courier "A courier collects it" { emotion 4 } } }');
        expect(comparison.changes).toEqual([
            { kind: 'step-removed', stage: 'S', touchpoint: 'Post', from: 'Posts the old passport' },
            { kind: 'step-added', stage: 'S', touchpoint: 'Courier', to: 'A courier collects it' }
        ]);
        expect(order(comparison.steps)).toEqual(['kept S.Form', 'removed S.Post', 'added S.Courier']);
        const [, removed, added] = comparison.steps;
        expect([added.before, added.after?.title, removed.before?.title, removed.after]).toEqual([undefined, 'A courier collects it', 'Posts the old passport', undefined]);
    });

    test('two steps merged into one (replaces): the replaced ones drawn just before it, in their order', async ({ services }) => {
        const comparison = await compareTexts(services, TODAY, `"Renew a passport" for Maria {
  stage Start "Starting" { touchpoint Check "Checks eligibility" { emotion 4 } }
  stage Apply "Applying" {
    touchpoint Apply "Applies in one step" { replaces Form, Upload owner Web emotion 4 }
  }
  stage Wait "Waiting" { touchpoint Track "Tracks the application" { owner Web channel Website emotion 3 } }
}`);
        expect(comparison.changes).toEqual([
            { kind: 'step-added', stage: 'Start', touchpoint: 'Check', to: 'Checks eligibility' },
            { kind: 'step-removed', stage: 'Apply', touchpoint: 'Form', from: 'Fills in the form', replacedBy: 'Apply' },
            { kind: 'step-removed', stage: 'Apply', touchpoint: 'Upload', from: 'Uploads the photo', replacedBy: 'Apply' },
            { kind: 'step-added', stage: 'Apply', touchpoint: 'Apply', to: 'Applies in one step', replaces: ['Form', 'Upload'] }
        ]);
        expect(order(comparison.steps)).toEqual([
            'added Start.Check', 'replaced Apply.Form', 'replaced Apply.Upload', 'added Apply.Apply', 'kept Wait.Track'
        ]);
        expect(comparison.steps.filter(step => step.status === 'replaced').map(step => step.replacedBy)).toEqual(['Apply', 'Apply']);
    });

    test('a step that replaces steps of another stage is drawn with them in its own', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage Apply { touchpoint Form { } } stage Wait { touchpoint Letter { } touchpoint Track { } } }',
            '{ stage Apply { touchpoint Form { } touchpoint Status { replaces Letter, Track } } stage Wait { } }');
        expect(order(comparison.steps)).toEqual(['kept Apply.Form', 'replaced Apply.Letter', 'replaced Apply.Track', 'added Apply.Status']);
        expect(comparison.changes.filter(change => change.kind === 'step-removed').map(change => change.stage)).toEqual(['Wait', 'Wait']);
    });

    test('replaces naming a step that is still there, or one that never was: the step is kept, not replaced', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form { emotion 2 } touchpoint Upload { emotion 1 } } }',
            '{ stage S { touchpoint Form { emotion 2 } touchpoint Apply { replaces Form, Upload, Nowhere emotion 4 } } }');
        expect(comparison.changes).toEqual([
            { kind: 'step-removed', stage: 'S', touchpoint: 'Upload', from: 'Upload', replacedBy: 'Apply' },
            { kind: 'step-added', stage: 'S', touchpoint: 'Apply', to: 'Apply', replaces: ['Upload'] }
        ]);
        expect(order(comparison.steps)).toEqual(['kept S.Form', 'replaced S.Upload', 'added S.Apply']);
    });

    test('two steps that replace the same one: the first takes its place', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint Form { } } }',
            '{ stage S { touchpoint Online { replaces Form } touchpoint Paper { replaces Form } } }');
        expect(comparison.changes).toEqual([
            { kind: 'step-removed', stage: 'S', touchpoint: 'Form', from: 'Form', replacedBy: 'Online' },
            { kind: 'step-added', stage: 'S', touchpoint: 'Online', to: 'Online', replaces: ['Form'] },
            { kind: 'step-added', stage: 'S', touchpoint: 'Paper', to: 'Paper' }
        ]);
    });

    test('a step moved to another stage: step-moved first, then its other changes', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage Wait "Waiting" { touchpoint Fee { emotion 2 } touchpoint Track { } } stage Apply "Applying" { touchpoint Form { } } }',
            '{ stage Wait "Waiting" { touchpoint Track { } } stage Apply "Applying" { touchpoint Form { } touchpoint Fee { emotion 3 } } }');
        expect(comparison.changes).toEqual([
            { kind: 'step-moved', stage: 'Apply', touchpoint: 'Fee', from: 'Wait', to: 'Apply' },
            { kind: 'emotion', stage: 'Apply', touchpoint: 'Fee', from: 2, to: 3 }
        ]);
        expect(order(comparison.steps)).toEqual(['kept Wait.Track', 'kept Apply.Form', 'changed Apply.Fee']);
    });

    test('steps in another order within their stage are no change', async ({ services }) => {
        const comparison = await compareTexts(services, '{ stage S { touchpoint A { } touchpoint B { } } }', '{ stage S { touchpoint B { } touchpoint A { } } }');
        expect(comparison.changes).toEqual([]);
        expect(order(comparison.steps)).toEqual(['kept S.B', 'kept S.A']);
    });
});

describe('compareJourneys: the merged order of the steps', () => {
    test('a removed step after the step before it that is still in its stage, else first in its stage', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage A { touchpoint A1 { } touchpoint A2 { } touchpoint A3 { } touchpoint A4 { } } stage B { touchpoint B1 { } touchpoint B2 { } } }',
            '{ stage A { touchpoint A2 { } touchpoint New { } touchpoint A4 { } } stage B { touchpoint B2 { } } }');
        expect(order(comparison.steps)).toEqual([
            'removed A.A1', 'kept A.A2', 'removed A.A3', 'added A.New', 'kept A.A4', 'removed B.B1', 'kept B.B2'
        ]);
        expect(comparison.changes.map(change => `${change.kind} ${change.touchpoint}`)).toEqual([
            'step-removed A1', 'step-removed A3', 'step-added New', 'step-removed B1'
        ]);
    });

    test('removed steps one after another keep their order', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint A { } touchpoint B { } touchpoint C { } touchpoint D { } } }',
            '{ stage S { touchpoint A { } touchpoint D { } } }');
        expect(order(comparison.steps)).toEqual(['kept S.A', 'removed S.B', 'removed S.C', 'kept S.D']);
    });

    test('a stage removed whole: after the stage of the step before it, never inside another stage', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage A { touchpoint A1 { } touchpoint A2 { } } stage Gone "Gone" { touchpoint G1 { } touchpoint G2 { } } stage C { touchpoint C1 { } } }',
            '{ stage A { touchpoint A1 { } touchpoint Extra { } } stage C { touchpoint C1 { } } }');
        expect(order(comparison.steps)).toEqual([
            'kept A.A1', 'removed A.A2', 'added A.Extra', 'removed Gone.G1', 'removed Gone.G2', 'kept C.C1'
        ]);
        expect(comparison.stages.map(stage => `${stage.status} ${stage.name}`)).toEqual(['kept A', 'kept C', 'removed Gone']);
    });

    test('a first stage removed whole comes first', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage Gone { touchpoint G1 { } } stage B { touchpoint B1 { } } }',
            '{ stage B { touchpoint B1 { } } }');
        expect(order(comparison.steps)).toEqual(['removed Gone.G1', 'kept B.B1']);
    });

    test('a stage kept but emptied: its removed steps stay in its place, not at the end', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage A { touchpoint A1 { } } stage Gone { touchpoint G0 { } } stage W { touchpoint W1 { } touchpoint W2 { } } stage C { touchpoint C1 { } } }',
            '{ stage A { touchpoint A1 { } } stage W { } stage C { touchpoint C1 { } } }');
        expect(order(comparison.steps)).toEqual(['kept A.A1', 'removed Gone.G0', 'removed W.W1', 'removed W.W2', 'kept C.C1']);
    });

    test('`changes` follow the steps: a change of a step before a removed step after it', async ({ services }) => {
        const comparison = await compareTexts(services,
            '{ stage S { touchpoint A { emotion 1 } touchpoint B { } touchpoint C { emotion 1 } } }',
            '{ stage S { touchpoint A { emotion 2 } touchpoint C { emotion 2 } } }');
        expect(comparison.changes.map(change => `${change.kind} ${change.touchpoint}`)).toEqual(['emotion A', 'step-removed B', 'emotion C']);
    });
});

describe('compareJourneys: stage figures', () => {
    test('each stage\'s figures on each side it is on; the journey\'s today -> tomorrow line', async ({ services }) => {
        const comparison = await compareTexts(services, TODAY, `"Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Apply "Applies in one step" { replaces Form, Upload owner Web emotion 4 contacts 1 duration 15 min }
  }
  stage Collect "Collecting" { touchpoint Pickup { owner Desk emotion 5 contacts 1 duration 1 h } }
}`);
        const figures = comparison.stages.map(({ name, status, before, after }) => ({
            name, status,
            before: before && [before.touchpoints, before.averageEmotion, before.totalContacts, before.totalDurationMinutes],
            after: after && [after.touchpoints, after.averageEmotion, after.totalContacts, after.totalDurationMinutes]
        }));
        expect(figures).toEqual([
            { name: 'Apply', status: 'kept', before: [2, 1.5, 3, 60], after: [1, 4, 1, 15] },
            { name: 'Collect', status: 'added', before: undefined, after: [1, 5, 1, 60] },
            { name: 'Wait', status: 'removed', before: [1, 3, 0, 0], after: undefined }
        ]);
        expect(comparison.stages[0].after?.personas.map(persona => [persona.persona, persona.averageEmotion])).toEqual([['Maria', 4]]);
        expect(figureChangesLine(comparison.before.summary, comparison.after.summary)).toBe('average 2.0 -> 4.5, contacts 3 -> 2, time 1 h -> 1 h 15 min');
    });
});
