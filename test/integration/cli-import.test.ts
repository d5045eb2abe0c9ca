import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { exampleFiles, documentModels } from '../helpers/example-models.js';
import { EXAMPLES, journey } from '../helpers/cli-process.js';
import { createServices, openWorkspace, summarise } from '../helpers/journey-workspace.js';

/**
 * `journey import` as a process: Mermaid journey diagrams (the examples of Mermaid's documentation and
 * edge cases) to `.journey` files, each checked with the language's own services.
 */
let folder: string;

/** The example of Mermaid's documentation (https://mermaid.js.org/syntax/userJourney.html). */
const MY_WORKING_DAY = `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
`;

/** Mermaid's accessibility options (https://mermaid.js.org/config/accessibility.html), on a journey. */
const ACCESSIBLE = `journey
    accTitle: My working day, accessible
    accDescr {
        A user journey through a working day:
        from making tea to sitting down.
    }
    section Go to work
      Make tea: 5: Me
`;

const EDGE_CASES = `---
title: Commute from front matter
---
%%{init: {"theme": "forest"}}%%
journey
    %% How the commute feels
    accTitle: Commute
    accDescr: Morning and evening
    Leave home: 4: Me
    SECTION Morning commute
      %% The dog comes along
      Walk to station: 3: Me, Dog Walker, Neighbour
      Walk to station: 4: Me
      Buy coffee: : Barista
      Wait for train: 7: Me
      Read news: 2.5
      Ride #35;1 train#58; the fast one: 2: Train Company # a trailing comment
      Stand#59; no seats: 1: Train Company
    section Evening
`;

/** What Mermaid's grammar does with `#`, `;`, `%` and `accTitle` / `accDescr`, and tasks before any section. */
const GRAMMAR = `journey
    accDescr {
        Two lines
          of description
    }title Ticket triage
    accTitle: Ticket #42 triage; urgent
    % one percent sign: Mermaid skips the line
    Read the ticket: 3: Agent # see the runbook; step 2: 1: Nobody
    section Answer
      Reply: 4: Agent, Lead # the lead reviews; Close: 5: Lead
`;

const MARKDOWN = `# Two journeys

Some text.

\`\`\`mermaid
journey
    title Trip
    section Out
      Go: 4: Driver
\`\`\`

A flowchart is not a journey:

\`\`\`mermaid
flowchart LR
    A --> B
\`\`\`

~~~mermaid
journey
    title Trip
    section Back
      Return: 2: Driver, Passenger
~~~

\`\`\`js
journey
\`\`\`
`;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-import-'));
    await writeFile(path.join(folder, 'day.mmd'), MY_WORKING_DAY);
    await writeFile(path.join(folder, 'accessible.mmd'), ACCESSIBLE);
    await writeFile(path.join(folder, 'edge.mmd'), EDGE_CASES);
    await writeFile(path.join(folder, 'grammar.mmd'), GRAMMAR);
    await writeFile(path.join(folder, 'two.md'), MARKDOWN);
    await writeFile(path.join(folder, 'flow.mmd'), 'flowchart LR\n  A --> B\n');
    await writeFile(path.join(folder, 'none.md'), '# Nothing\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

/** Checks a `.journey` text with the language's services: its diagnostics (no errors allowed) and view model. */
async function check(text: string): Promise<{ model: JourneyDocumentModel, diagnostics: string[] }> {
    const services = createServices();
    const documents = await openWorkspace(services, { 'imported.journey': text });
    const diagnostics = summarise(documents['imported.journey']);
    expect(diagnostics.filter(d => d.split(' ')[1] === 'error')).toEqual([]);
    const model = (await documentModels({ 'imported.journey': text }))['imported.journey'];
    return { model, diagnostics };
}

type Step = [string, number | undefined, string | undefined, ...string[]];
interface Shape { title: string, stages: { title: string, touchpoints: Step[] }[] }

/** Titles, grades, the owner's title and those of the others taking part: what a Mermaid journey holds (its actors). */
function shape(model: JourneyDocumentModel): Shape[] {
    return model.journeys.map(j => ({
        title: j.title,
        stages: j.stages.map(s => ({ title: s.title, touchpoints: s.touchpoints.map((t): Step => [t.title, t.emotions[0]?.grade, t.owner?.title, ...t.with.map(party => party.title)]) }))
    }));
}

async function importText(file: string): Promise<string> {
    const run = await journey(folder, 'import', file);
    expect([run.code, run.stderr]).toEqual([0, '']);
    return run.stdout;
}

describe('journey import', () => {
    test("Mermaid's documented example: sections are stages, tasks touchpoints, scores grades, the first actor the owner", async () => {
        const text = await importText('day.mmd');
        const { model, diagnostics } = await check(text);
        expect(shape(model)).toEqual([{
            title: 'My working day',
            stages: [
                { title: 'Go to work', touchpoints: [['Make tea', 5, 'Me'], ['Go upstairs', 3, 'Me'], ['Do work', 1, 'Me', 'Cat']] },
                { title: 'Go home', touchpoints: [['Go downstairs', 5, 'Me'], ['Sit down', 5, 'Me']] }
            ]
        }]);
        const journeyModel = model.journeys[0];
        expect(journeyModel.name).toBe('MyWorkingDay');
        expect(journeyModel.stages.map(s => s.name)).toEqual(['GoToWork', 'GoHome']);
        // Mermaid has no persona: the one warning left.
        expect(diagnostics).toEqual(['missing-persona warning 8:9-8:21']);
        expect(text).toBe(`// Imported from day.mmd by \`journey import\` (Mermaid journey diagram).
// Sections are stages, tasks touchpoints, scores emotion grades; the first actor of a task owns it.

owner Me
owner Cat

// Mermaid has no persona: add \`for <Persona>\` to say whose journey this is.
journey MyWorkingDay "My working day" {
  stage GoToWork "Go to work" {
    touchpoint MakeTea "Make tea" {
      owner Me
      emotion 5
    }
    touchpoint GoUpstairs "Go upstairs" {
      owner Me
      emotion 3
    }
    touchpoint DoWork "Do work" {
      owner Me
      with Cat
      emotion 1
    }
  }
  stage GoHome "Go home" {
    touchpoint GoDownstairs "Go downstairs" {
      owner Me
      emotion 5
    }
    touchpoint SitDown "Sit down" {
      owner Me
      emotion 5
    }
  }
}
`);
    });

    test('accTitle stands in for a missing title; accDescr is the description (its lines joined)', async () => {
        const text = await importText('accessible.mmd');
        const { model } = await check(text);
        expect(model.journeys[0].title).toBe('My working day, accessible');
        expect(model.journeys[0].description).toBe('A user journey through a working day: from making tea to sitting down.');
        expect(text).toContain('  description "A user journey through a working day: from making tea to sitting down."\n');
    });

    test('a Mermaid round trip keeps title, accTitle and accDescr, also when accTitle is not the title', async () => {
        // A folder of its own: its owner Me would be declared twice beside the other imports.
        await mkdir(path.join(folder, 'round'), { recursive: true });
        await writeFile(path.join(folder, 'round', 'round.mmd'), 'journey\n    title Going to work\n    accTitle: A working morning\n    accDescr: From tea to the desk\n    section Home\n      Make tea: 5: Me\n');
        const text = await importText('round/round.mmd');
        const { model } = await check(text);
        expect(model.journeys[0]).toMatchObject({ title: 'Going to work', accessibleTitle: 'A working morning', description: 'From tea to the desk' });
        await writeFile(path.join(folder, 'round', 'round.journey'), text);
        const exported = await journey(path.join(folder, 'round'), 'export', 'round.journey', '--format', 'mermaid');
        expect([exported.code, exported.stderr]).toEqual([0, '']);
        expect(exported.stdout).toContain('    title Going to work\n    accTitle: A working morning\n    accDescr: From tea to the desk\n');
    });

    test('edge cases: front matter, comments, a task before any section, missing and invalid scores, actors with spaces, duplicates, entities', async () => {
        const text = await importText('edge.mmd');
        const { model } = await check(text);
        expect(shape(model)).toEqual([{
            title: 'Commute from front matter',
            stages: [
                { title: '', touchpoints: [['Leave home', 4, 'Me']] },
                {
                    title: 'Morning commute', touchpoints: [
                        ['Walk to station', 3, 'Me', 'Dog Walker', 'Neighbour'], ['Walk to station', 4, 'Me'], ['Buy coffee', undefined, 'Barista'],
                        ['Wait for train', undefined, 'Me'], ['Read news', undefined, undefined],
                        ['Ride #1 train: the fast one', 2, 'Train Company'], ['Stand; no seats', 1, 'Train Company']
                    ]
                },
                { title: 'Evening', touchpoints: [] }
            ]
        }]);
        const touchpoints = model.journeys[0].stages[1].touchpoints;
        expect(touchpoints.map(t => t.name)).toEqual(['WalkToStation', 'WalkToStation_2', 'BuyCoffee', 'WaitForTrain', 'ReadNews', 'Ride1TrainTheFastOne', 'StandNoSeats']);
        expect(text).toContain('owner TrainCompany "Train Company"\n');
        expect(text).toContain('// How the commute feels\n');
        expect(text).toContain('  description "Morning and evening" titled "Commute"\n');
        expect(text).toContain('    // The dog comes along\n    touchpoint WalkToStation "Walk to station" {');
        expect(text).toContain('    // No score in Mermaid: not graded.\n    touchpoint BuyCoffee');
        expect(text).toContain('    // Mermaid score 7 is not a grade from 1 to 5: not graded.\n');
        expect(text).toContain('    // Mermaid score 2.5 is not a grade from 1 to 5: not graded.\n');
        expect(text).toContain('  // Tasks before the first section: in no section in Mermaid, as the empty title says.\n  stage Stage "" {');
        expect(text).not.toContain('trailing comment');
    });

    test("Mermaid's grammar: `#` comments hold `;`, accTitle keeps `#` and `;`, a title may follow accDescr's `}`, `%` lines are comments", async () => {
        const text = await importText('grammar.mmd');
        const { model } = await check(text);
        expect(shape(model)).toEqual([{
            title: 'Ticket triage',
            stages: [
                { title: '', touchpoints: [['Read the ticket', 3, 'Agent']] },
                { title: 'Answer', touchpoints: [['Reply', 4, 'Agent', 'Lead']] }
            ]
        }]);
        expect(text).toContain('  description "Two lines of description" titled "Ticket #42 triage; urgent"\n');
        expect(text).toContain('// one percent sign: Mermaid skips the line\n');
        expect(text).not.toMatch(/step 2|Close|runbook|reviews/);
    });

    test('tasks before the first section come back before it from journey export: Mermaid draws them in no section', async () => {
        await writeFile(path.join(folder, 'grammar.journey'), await importText('grammar.mmd'));
        const exported = await journey(folder, 'export', 'grammar.journey', '--format', 'mermaid');
        expect([exported.code, exported.stderr]).toEqual([0, '']);
        expect(exported.stdout).toMatch(/\n {4}title Ticket triage\n {4}accTitle: Ticket #42 triage; urgent\n {4}accDescr: Two lines of description\n(?: {8}%%.*\n)+ {8}Read the ticket: 3: Agent\n {4}section Answer\n/);
        expect(exported.stdout.match(/section/g)).toHaveLength(1);
    });

    test('Markdown: every fenced mermaid journey, as journeys with unique names', async () => {
        const text = await importText('two.md');
        const { model } = await check(text);
        expect(model.journeys.map(j => j.name)).toEqual(['Trip', 'Trip_2']);
        expect(shape(model)).toEqual([
            { title: 'Trip', stages: [{ title: 'Out', touchpoints: [['Go', 4, 'Driver']] }] },
            { title: 'Trip', stages: [{ title: 'Back', touchpoints: [['Return', 2, 'Driver', 'Passenger']] }] }
        ]);
        expect(text).toContain('// Mermaid journey 1 of 2 (line 6 of two.md).');
        expect(text).toContain('// Mermaid journey 2 of 2 (line 20 of two.md).');
        // One owner declaration for an actor met twice.
        expect(text.match(/^owner Driver$/gm)).toHaveLength(1);
    });

    test('-o writes the file and says what it imported; an existing file is kept unless --force', async () => {
        const run = await journey(folder, 'import', 'day.mmd', '-o', 'day.journey');
        expect(run).toEqual({ code: 0, stdout: 'day.journey: 1 journey, 2 stages, 5 touchpoints, 2 owners imported from day.mmd\n', stderr: '' });
        const written = await readFile(path.join(folder, 'day.journey'), 'utf-8');
        expect(written).toBe(await importText('day.mmd'));
        expect((await journey(folder, 'validate', 'day.journey')).code).toBe(0);
        expect(await journey(folder, 'import', 'two.md', '-o', 'day.journey'))
            .toEqual({ code: 2, stdout: '', stderr: 'journey: day.journey already exists: add --force to replace it\n' });
        expect(await readFile(path.join(folder, 'day.journey'), 'utf-8')).toBe(written);
        expect((await journey(folder, 'import', 'two.md', '-o', 'day.journey', '--force')).code).toBe(0);
        expect(await readFile(path.join(folder, 'day.journey'), 'utf-8')).toContain('journey Trip_2');
    });

    test.each([
        [['import', 'missing.mmd'], 'journey: missing.mmd: no such file\n'],
        [['import', 'flow.mmd'], 'journey: flow.mmd: not a Mermaid journey diagram (it must start with `journey`)\n'],
        [['import', 'none.md'], 'journey: none.md: no ```mermaid block holds a journey diagram\n'],
        [['import', 'day.mmd', '-o', 'day.txt'], 'journey: -o day.txt: the output must be a .journey file\n']
    ])('%j: a one-line error and exit 2', async (args, message) => {
        expect(await journey(folder, ...args)).toEqual({ code: 2, stdout: '', stderr: message });
    });
});

describe('diagrams Mermaid rejects', () => {
    test.each([
        ['an unclosed accDescr {', 'journey\n    title Trip\n    accDescr {\n        never closed\n    section Out\n      Go: 4: Driver\n',
            '3: "accDescr {" is not closed by "}"'],
        ['a ; between tasks', 'journey\n    section Out\n      Stand: 1: Me; Sit: 2: Me\n',
            '3: ";" is not journey syntax: Mermaid has no statement separator (write #59; for a semicolon in a text)'],
        ['a task with no score', 'journey\n    section Out\n      Make tea\n      Drink it: 5: Me\n',
            '3: the task "Make tea" has no score: a task is "name: score: actor, actor"'],
        ['a task with nothing after its colon', 'journey\n    section Out\n      Make tea:\n',
            '3: the task "Make tea" has no score: a task is "name: score: actor, actor"'],
        ['a colon in a section title', 'journey\n    title Trip\n    section Day 1: morning\n      Wake: 3: Me\n',
            '3: a section title cannot hold ":" (write #58; for a colon): "section Day 1"'],
        ['a second journey keyword', 'journey\n    section Out\n      Wake: 3: Me\n      journey planning: 4: Me\n',
            '4: a second "journey": one diagram holds one journey (a task cannot start with the word "journey")'],
        ['a directive not closed, that would drop the tasks', 'journey\n    title Trip\n    %%{init: {"theme": "dark"}}\n    section Out\n      Go: 4: Driver\n',
            '3: the directive "%%{" is not closed by "}%%": Mermaid would drop everything after it'],
        ['a directive not closed before journey', '%%{init: {"theme": "dark"}}\njourney\n    section Out\n      Go: 4: Driver\n',
            '1: the directive "%%{" is not closed by "}%%": Mermaid would drop everything after it']
    ])('%s: file:line and what is wrong, exit 2, nothing written', async (name, diagram, message) => {
        const file = `${name.replace(/\W+/g, '-')}.mmd`;
        await writeFile(path.join(folder, file), diagram);
        const out = `${file}.journey`;
        expect(await journey(folder, 'import', file, '-o', out)).toEqual({ code: 2, stdout: '', stderr: `journey: ${file}:${message}\n` });
        await expect(readFile(path.join(folder, out))).rejects.toThrow('ENOENT');
    });

    test('in Markdown, the line is the line of the file', async () => {
        await writeFile(path.join(folder, 'broken.md'), '# Trips\n\n```mermaid\njourney\n    section Out\n      Go: 4: Driver\n```\n\n' +
            '```mermaid\njourney\n    section Back\n      Return\n```\n');
        expect(await journey(folder, 'import', 'broken.md'))
            .toEqual({ code: 2, stdout: '', stderr: 'journey: broken.md:12: the task "Return" has no score: a task is "name: score: actor, actor"\n' });
    });
});

describe('control characters', () => {
    test('entity codes and raw control characters are written as their escapes in the .journey text, and in messages', async () => {
        await writeFile(path.join(folder, 'control.mmd'), 'journey\n    title Bell\u0007 and \u001b[2J clear\n    section Out\n' +
            '      Go #27;]52#59;c#59;payload#7;: 4: Driver\u001b[31m\n');
        const run = await journey(folder, 'import', 'control.mmd', '-o', 'control.journey');
        expect([run.code, run.stderr]).toEqual([0, '']);
        const text = await readFile(path.join(folder, 'control.journey'), 'utf-8');
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(text).toBe(await importText('control.mmd'));
        const { model } = await check(text);
        expect(shape(model)).toEqual([{
            title: 'Bell\\u0007 and \\u001b[2J clear',
            stages: [{ title: 'Out', touchpoints: [['Go \\u001b]52;c;payload\\u0007', 4, 'Driver\\u001b[31m']] }]
        }]);

        await writeFile(path.join(folder, 'control-error.mmd'), 'journey\n    section Out\n      Go \u001b[2J away\n');
        expect((await journey(folder, 'import', 'control-error.mmd')).stderr)
            .toBe('journey: control-error.mmd:3: the task "Go \\u001b[2J away" has no score: a task is "name: score: actor, actor"\n');
    });
});

describe('Mermaid round trip', () => {
    test.each(['hospital-visit.journey', 'online-purchase.journey', 'passport-renewal.journey'])(
        '%s: export then import keeps stages, touchpoints, grades and owners', async name => {
            const exported = await journey(EXAMPLES, 'export', name, '--format', 'mermaid');
            const file = `${name}.mmd`;
            await writeFile(path.join(folder, file), exported.stdout);
            const { model } = await check(await importText(file));
            const original = (await documentModels(await exampleFiles()))[name];
            expect(shape(model)).toEqual(shape(original));
        });

    test('an ungraded touchpoint stays ungraded; odd labels come back as they were', async () => {
        await writeFile(path.join(folder, 'odd.journey'), 'owner Web "Web: team, #1; 100%"\n' +
            'journey Odd "Title: with # and ; and %% and <b>" { stage S "section: x" {\n' +
            '  touchpoint A "<img src=x onerror=alert(1)>" { owner Web }\n  touchpoint B "Title search" { emotion 4 }\n} }\n');
        const exported = await journey(folder, 'export', 'odd.journey', '--format', 'mermaid');
        await writeFile(path.join(folder, 'odd.mmd'), exported.stdout);
        const { model } = await check(await importText('odd.mmd'));
        expect(shape(model)).toEqual([{
            title: 'Title: with # and ; and %% and <b>',
            stages: [{ title: 'section: x', touchpoints: [['<img src=x onerror=alert(1)>', undefined, 'Web: team, #1; 100%'], ['Title search', 4, undefined]] }]
        }]);
    });
});
