import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { journey } from '../helpers/cli-process.js';
import { documentModels } from '../helpers/example-models.js';
import { MermaidPage } from '../helpers/mermaid-page.js';

/**
 * `journey import` against the real Mermaid (node_modules/mermaid in headless Chromium) as the oracle:
 * diagrams in the style of Mermaid's syntax reference (docs/syntax/userJourney.md) and of its parser's
 * tests (journey.spec.js), each read by Mermaid's own journey database and imported by the CLI. Title,
 * sections, tasks, scores and actors must come back as Mermaid reads them; what Mermaid rejects, the
 * importer refuses with the file and line.
 */
let mermaidPage: MermaidPage;
let folder: string;

beforeAll(async () => {
    mermaidPage = await MermaidPage.open();
    folder = await mkdtemp(path.join(tmpdir(), 'journey-mermaid-import-'));
});

afterAll(async () => {
    await mermaidPage?.close();
    await rm(folder, { recursive: true, force: true });
});

/** A touchpoint as both sides can tell it: title, grade, first actor, the other actors. */
type Step = [title: string, grade: number | undefined, owner: string | undefined, others: string | undefined];

interface Shape {
    /** Undefined when the diagram has neither `title` nor `accTitle` (then the journey's title is its name). */
    title: string | undefined;
    stages: { title: string, touchpoints: Step[] }[];
}

let renders = 0;

/**
 * What Mermaid reads from a diagram, drawn as it draws it (entity codes decoded), in the terms of a
 * journey: tasks before the first section make a stage with the empty title; a score is a grade when it
 * is a whole number from 1 to 5; blank actors are none. Or Mermaid's error.
 */
async function mermaidReads(text: string): Promise<Shape | { error: string }> {
    const read = await mermaidPage.page.evaluate(async ({ id, text }) => {
        // As the rendered SVG shows it: Mermaid's entity placeholders become HTML entities, which the page decodes.
        const shown = (value: string) => {
            const area = document.createElement('textarea');
            area.innerHTML = value.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
            return area.value;
        };
        try {
            await window.mermaid.parse(text);
        } catch (error) {
            return { error: String((error as Error).message) };
        }
        const { db } = await window.mermaid.mermaidAPI.getDiagramFromText(text);
        const sections = db.getSections().map(shown);
        const tasks = db.getTasks().map(t => ({ section: shown(t.section), task: shown(t.task), score: t.score, people: t.people.map(shown) }));
        // Rendering sets the front matter's title too (parsing alone does not), in the same database.
        await window.mermaid.render(id, text);
        return { title: shown(db.getDiagramTitle()), accTitle: shown(db.getAccTitle()), sections, tasks };
    }, { id: `oracle${renders++}`, text });
    if (read.error !== undefined) {
        return { error: read.error };
    }
    const step = (task: typeof read.tasks[number]): Step => {
        const actors = task.people.filter(actor => actor !== '');
        const grade = Number.isInteger(task.score) && task.score >= 1 && task.score <= 5 ? task.score : undefined;
        // The import's rule: the first actor owns the step, the others (once each, not the owner) take part.
        const others = [...new Set(actors.slice(1).filter(actor => actor !== actors[0]))];
        return [task.task.trim(), grade, actors[0], others.length > 0 ? others.join(', ') : undefined];
    };
    const unsectioned = read.tasks.filter(task => task.section === '');
    return {
        title: read.title.trim() || read.accTitle.trim() || undefined,
        stages: [
            ...unsectioned.length > 0 ? [{ title: '', touchpoints: unsectioned.map(step) }] : [],
            ...read.sections.map(section => ({ title: section.trim(), touchpoints: read.tasks.filter(task => task.section === section).map(step) }))
        ]
    };
}

/** The same of the journey `journey import` wrote. */
function imported(model: JourneyDocumentModel): Shape {
    const [imported] = model.journeys;
    return {
        title: imported.title,
        stages: imported.stages.map(stage => ({
            title: stage.title,
            touchpoints: stage.touchpoints.map((t): Step => [t.title, t.emotions[0]?.grade, t.owner?.title, t.with.map(party => party.title).join(', ') || undefined])
        }))
    };
}

/** Diagrams Mermaid reads, each named for what it tries. */
const READ: [string, string][] = [
    ['the syntax reference example', `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
`],
    ['the parser test tasks: no space after a colon, no actors, an empty actor list', `journey
title Adding journey diagram functionality to mermaid
section Documentation
A task: 5: Alice, Bob, Charlie
B task: 3:Bob, Charlie
C task: 5
D task: 5: Charlie, Alice
E task: 5:
section Another section
P task: 5:
Q task: 5:
R task: 5:`],
    ['line breaks in section titles', 'journey\ntitle Line breaks\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5\n  Read: 4: Me\n'],
    ['accDescr on one line, a section with no tasks', `journey
    accDescr: A user journey for family shopping
    title Family shopping
    section Order from website
    section Collect
      Drive to the shop: 2: Parent, Child
`],
    ['a multi-line accDescr closed right before the title, then accTitle', `journey
accDescr {
        A user journey for
        family shopping
      }title Adding journey diagram functionality to mermaid
accTitle: Adding acc journey diagram functionality to mermaid
section Order from website
  Choose: 4: Parent
`],
    ['accTitle alone: it stands in for the title, "#" and ";" included', 'journey\n    accTitle: Ticket #42 triage; urgent\n    section Triage\n      Read it: 3: Agent\n'],
    ['comments: %% lines, # after a task holding ; and :, a line of one %', `journey
    %% The support desk
    title Support desk
    section Open
      %% first contact
      Call: 2: Customer # on hold; 20 min: long
      % a line of one percent sign is skipped
        %% indented comment
      Wait: 1: Customer
`],
    ['tasks before the first section', `journey
    title Commute
    Leave home: 4: Me
    Lock the door: 3: Me
    section Train
      Ride: 2: Me, Conductor
`],
    ['scores Mermaid reads with Number(): 05, 5.0, 0x4, blank, 0, 6, 2.5, text', `journey
    title Scores
    section All
      Leading zero: 05: Me
      Decimal five: 5.0: Me
      Hexadecimal: 0x4: Me
      Blank: : Me
      Zero: 0: Me
      Six: 6: Me
      Half: 2.5: Me
      Word: good: Me
`],
    ['entity codes in titles, sections, tasks and actors', `journey
    title Ride #35;1#58; the #quot;fast#quot; one
    section Platform #59; gate
      Buy a ticket #9829;: 4: Ticket office#44; main hall, Me
      Read #lt;b#gt;news#lt;/b#gt;: 3: Me
`],
    ['keywords in any case', 'journey\n    TITLE Upper case\n    Section Mixed\n      Task: 4: Me\n    SECTION Upper\n      Other: 2: Me\n'],
    ['a front matter title', '---\ntitle: From front matter\n---\njourney\n    section Only\n      Step: 3: Me\n'],
    ['a title statement overrides the front matter', '---\ntitle: Front matter\n---\njourney\n    title Statement\n    section Only\n      Step: 3: Me\n'],
    ['directives before journey and inside it, on several lines', `%%{init: {"theme": "forest"}}%%
journey
    title Themed
    %%{
      init: { "journey": { "diagramMarginX": 60 } }
    }%%
    section Only
      Step: 3: Me
`],
    ['journey and title on one line, a tab after title', 'journey title Inline\n  section One\n    Step: 3: Me\n  title\tTabbed\n'],
    ['a third colon piece, actors with blanks and a trailing comma', 'journey\n    title Pieces\n    section One\n      Step: 4: Me: ignored: too\n      Walk: 3: A, , B,\n'],
    ['a line where a character comes before %% is skipped; later %% is text', 'journey\n    title Percent\n    section One\n      a%% b: 1: Me\n      ab%%c: 2: Me\n'],
    ['Unicode and spaces around names', 'journey\n    title   Café crème ☕  \n    section   去上班  \n      Faire du thé   :  5  :  Moi , Chat  \n'],
    ['CRLF line ends', 'journey\r\n    title Windows\r\n    section One\r\n      Step: 4: Me\r\n      Next: 2: Me\r\n'],
    ['no title at all', 'journey\n    section One\n      Step: 4: Me\n']
];

/** Diagrams Mermaid rejects, and the start of what `journey import` says: the file and line. */
const REJECTED: [string, string, string][] = [
    ['a ; between two tasks', 'journey\n    section One\n      Stand: 1: Me; Sit: 2: Me\n', ':3: ";" is not journey syntax'],
    ['a task with no score', 'journey\n    section One\n      Make tea\n', ':3: the task "Make tea" has no score'],
    ['a task with only a colon', 'journey\n    section One\n      Make tea:\n', ':3: the task "Make tea" has no score'],
    ['a colon in a section title', 'journey\n    section Day 1: morning\n      Wake: 3: Me\n', ':2: a section title cannot hold ":"'],
    ['a line that starts with a colon', 'journey\n    section One\n      : 3: Me\n', ':3: ": 3: Me" has no task name before it'],
    ['a second journey', 'journey\n    section One\n      Wake: 3: Me\njourney\n', ':4: a second "journey"'],
    ['a task named like the keyword', 'journey\n    section One\n      Journey planning: 4: Me\n', ':3: a second "journey"'],
    ['an accDescr { never closed', 'journey\n    title Trip\n    accDescr {\n      never closed\n    section One\n      Go: 4: Me\n', ':3: "accDescr {" is not closed by "}"'],
    ['an accTitle: with nothing after it, last', 'journey\n    section One\n      Go: 4: Me\n    accTitle:   \n', ':4: "accTitle:" has no text'],
    ['an empty %% line before journey', '%%\njourney\n    section One\n      Go: 4: Me\n', ':1: the diagram must start with "journey"'],
    ['journey with a capital J', 'Journey\n    section One\n      Go: 4: Me\n', ': not a Mermaid journey diagram'],
    ['a comment with # before journey', '# comment\njourney\n    section One\n      Go: 4: Me\n', ': not a Mermaid journey diagram']
];

describe('journey import reads what Mermaid reads', () => {
    test.each(READ)('%s', async (name, diagram) => {
        const file = `${name.replace(/\W+/g, '-')}.mmd`;
        await writeFile(path.join(folder, file), diagram);
        const expected = await mermaidReads(diagram);
        if ('error' in expected) {
            throw new Error(`Mermaid rejects it: ${expected.error}`);
        }
        const run = await journey(folder, 'import', file);
        expect([run.code, run.stderr]).toEqual([0, '']);
        const model = (await documentModels({ 'imported.journey': run.stdout }))['imported.journey'];
        expect(imported(model)).toEqual({ ...expected, title: expected.title ?? model.journeys[0].name });
        expect(mermaidPage.problems).toEqual([]);
    });
});

describe('journey import refuses what Mermaid rejects', () => {
    test.each(REJECTED)('%s', async (name, diagram, message) => {
        const file = `${name.replace(/\W+/g, '-')}.mmd`;
        await writeFile(path.join(folder, file), diagram);
        expect(await mermaidReads(diagram)).toHaveProperty('error');
        const run = await journey(folder, 'import', file);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^journey: [^\n]+\n$/);
        expect(run.stderr.startsWith(`journey: ${file}${message}`)).toBe(true);
    });
});
