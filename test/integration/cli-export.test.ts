import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import type { ExportedJourney } from '../../src/map/exporters/json.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { EXAMPLES, journey } from '../helpers/cli-process.js';

/** `journey export` as a process: Mermaid, the JSON view model, CSV and the Markdown report. */
let folder: string;

const ODD = `owner Web "Web: team, #1; 100%"
channel Site "Site"
persona P "Pat"
journey Odd "Title: with # and ; and %% and <b>" for P {
  stage S "section two: x" {
    touchpoint A "<img src=x onerror=alert(1)>" { owner Web channel Site contacts 2 duration 1.5 h moment of truth }
    touchpoint B "Journey planning" { emotion 4 "calm" pain "=cmd|' /C calc'!A0" pain "Second, with \\"quotes\\"" }
    touchpoint C "title of it: :smile: @user #12 | x" { emotion 2 "meh" idea "Fix | it *now*" }
  }
  stage Empty "Nothing here" { }
}
journey Other "Another journey" for P { stage S { touchpoint Z { owner Web emotion 5 } } }
`;

/** A journey of today, and in a file of its own its redesign, with a title that is markup. */
const TODAY = `owner Web "Web team"
owner Desk "Front desk"
persona Maria "Busy parent"
journey Renew "Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 2 contacts 2 duration 40 min }
    touchpoint Upload "Uploads the photo" { owner Web emotion 1 contacts 1 duration 20 min pain "Rejected" }
  }
  stage Collect "Collecting" { touchpoint Counter "Collects it" { owner Desk emotion 3 contacts 1 duration 2 h } }
}
`;
const TOMORROW = `journey RenewTomorrow "Renew a passport, redesigned" for Maria redesigns Renew {
  stage Apply "Applying" {
    touchpoint Apply "Applies <b>in one</b> | step" { replaces Form, Upload owner Web emotion 4 contacts 1 duration 15 min }
  }
  stage Collect "Collecting" { touchpoint Counter "Collects it" { owner Web emotion 5 contacts 1 duration 2 h } }
}
journey Unchanged for Maria redesigns Renew {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 2 contacts 2 duration 40 min }
    touchpoint Upload "Uploads the photo" { owner Web emotion 1 contacts 1 duration 20 min pain "Rejected" }
  }
  stage Collect "Collecting" { touchpoint Counter "Collects it" { owner Desk emotion 3 contacts 1 duration 2 h } }
}
`;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-export-'));
    await cp(EXAMPLES, path.join(folder, 'examples'), { recursive: true });
    await writeFile(path.join(folder, 'odd.journey'), ODD);
    await writeFile(path.join(folder, 'broken.journey'), 'journey B {\n  stage S {\n    touchpoint A "unterminated\n  }\n}\n');
    await mkdir(path.join(folder, 'redesign'));
    await writeFile(path.join(folder, 'redesign', 'today.journey'), TODAY);
    await writeFile(path.join(folder, 'redesign', 'tomorrow.journey'), TOMORROW);
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

/**
 * Mermaid's journey statements, as its lexer reads them after replacing entity codes (`#58;`): what a
 * safe export must keep to.
 */
function expectMermaidLine(line: string): void {
    expect(line.replace(/#\w+;/g, 'E')).toMatch(/^\s*(journey|%% [^\n]*|title [^#;\n]+|accTitle: [^\n]+|accDescr: [^\n]+|section [^#:;\n]+|[^#:;%\s][^#:;\n]*: [1-5](: [^#:;,\n]+)?)$/);
}

describe('journey export --format mermaid', () => {
    test('a section per stage, a `Title: grade: owner` task per touchpoint, the rest in comments', async () => {
        const run = await journey(folder, 'export', 'examples/passport-renewal.journey', '--format', 'mermaid');
        expect([run.code, run.stderr]).toEqual([0, '']);
        const lines = run.stdout.trimEnd().split('\n');
        lines.forEach(expectMermaidLine);
        expect(lines[0]).toBe('journey');
        expect(lines).toContain('    title Renew a passport online');
        const model = (await documentModels(await exampleFiles()))['passport-renewal.journey'].journeys[0];
        expect(lines.filter(l => l.trimStart().startsWith('section ')).map(l => l.trim().slice('section '.length)))
            .toEqual(model.stages.map(s => s.title));
        expect(lines).toContain('    accTitle: Renew a passport online');
        const tasks = lines.filter(l => !/^\s*(journey|title |accTitle: |accDescr: |section |%%)/.test(l)).map(l => l.trim());
        const touchpoints = model.stages.flatMap(s => s.touchpoints);
        expect(tasks).toEqual(touchpoints.map(t => `${t.title}: ${t.emotions[0].grade}: ${t.owner!.title}`));
        expect(run.stdout).toContain('%% Persona: Self-employed plumber with a wedding abroad (Tomasz)');
        expect(run.stdout).toContain('%% touchpoint Form · moment of truth · channel Website · feeling "focused" · time 35 min');
        expect(run.stdout).toContain('%% pain: Asked whether he has');
    });

    test('labels cannot break the syntax; ungraded touchpoints get 3 and say so; owners listed once', async () => {
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'mermaid');
        expect(run.code).toBe(0);
        const lines = run.stdout.trimEnd().split('\n');
        lines.forEach(expectMermaidLine);
        expect(lines).toContain('    title Title#58; with #35; and #59; and #37;#37; and #60;b#62;');
        expect(lines).toContain('    section section two#58; x');
        expect(lines).toContain('        %% ungraded: no emotion grade; 3 (neutral) stands in, as Mermaid needs a score');
        expect(lines).toContain('        #60;img src=x onerror=alert(1)#62;: 3: Web#58; team#44; #35;1#59; 100#37;');
        // A task whose first word Mermaid would read as a statement.
        expect(lines).toContain('        #74;ourney planning: 4');
        expect(lines).toContain('        #116;itle of it#58; #58;smile#58; @user #35;12 | x: 2');
        expect(lines).toContain('        %% Stage Empty has no touchpoints yet.');
        expect(run.stdout).toContain("%% The file's other journeys (export them with --journey): Other");
    });

    test('--journey exports another journey', async () => {
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'mermaid', '--journey', 'Other');
        expect(run.stdout).toContain('    title Another journey\n');
        expect(run.stdout).toContain('        Z: 5: Web#58; team#44; #35;1#59; 100#37;\n');
    });
});

describe('journey export --format json', () => {
    test('the view model the preview draws, pretty-printed', async () => {
        const run = await journey(folder, 'export', 'examples/hospital-visit.journey', '--format', 'json');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^\{\n {2}"uri": "file:\/\/\//);
        const exported = JSON.parse(run.stdout) as Omit<JourneyDocumentModel, 'journeys'> & { journeys: ExportedJourney[] };
        const expected = (await documentModels(await exampleFiles()))['hospital-visit.journey'];
        const withoutUris = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => key === 'uri' || key === 'version' ? undefined : v));
        // The personas by name, in the journey's order, and their cards beside.
        expect(exported.journeys.map(j => j.personas)).toEqual([['Graham', 'Ruth']]);
        expect(withoutUris(exported.journeys[0].personaCards)).toEqual(withoutUris(expected.journeys[0].personas));
        expect(exported.journeys[0].redesigns).toBeUndefined();
        // Each touchpoint's grade for each persona: Ruth's own line where she has one, the shared one elsewhere.
        expect(exported.journeys[0].stages[1].touchpoints[0].emotions.map(({ persona, grade, feeling }) => ({ persona, grade, feeling }))).toEqual([
            { persona: 'Graham', grade: 1, feeling: 'forgotten' }, { persona: 'Ruth', grade: 2, feeling: 'making the calls for him' }
        ]);
        const { personas: _names, personaCards: _cards, ...journeyRest } = exported.journeys[0];
        const { personas: _personas, ...expectedRest } = expected.journeys[0];
        expect(withoutUris({ ...exported, journeys: [journeyRest] })).toEqual(withoutUris({ ...expected, journeys: [expectedRest] }));
        expect(exported.uri).toBe(`file://${path.join(folder, 'examples', 'hospital-visit.journey')}`);
    });

    test('a redesign names the journey it redesigns, and does not carry that journey again', async () => {
        const run = await journey(folder, 'export', 'examples/passport-renewal-tomorrow.journey', '--format', 'json');
        const [exported] = (JSON.parse(run.stdout) as { journeys: (ExportedJourney & { current?: unknown })[] }).journeys;
        expect([exported.name, exported.redesigns, exported.personas, 'current' in exported]).toEqual(['PassportRenewalTomorrow', 'PassportRenewal', ['Tomasz'], false]);
        expect(exported.stages[0].touchpoints[0].replaces).toEqual(['Reminder', 'EntryRules']);
    });

    test('--journey keeps one journey', async () => {
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'json', '--journey', 'Other');
        expect((JSON.parse(run.stdout) as JourneyDocumentModel).journeys.map(j => j.name)).toEqual(['Other']);
    });
});

describe('journey export --format csv', () => {
    test('a row per touchpoint, RFC 4180 quoting, CRLF, and no formulas', async () => {
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'csv');
        expect(run.code).toBe(0);
        const rows = run.stdout.split('\r\n');
        expect(rows.pop()).toBe('');
        expect(rows[0]).toBe('journey,journey title,stage,stage title,position,touchpoint,title,moment of truth,channel,channel title,owner,owner title,' +
            'external owner,with,emotion,feeling,contacts,duration,duration unit,duration minutes,pains,ideas,backstage,quotes,support,evidence');
        expect(rows).toHaveLength(5);
        expect(rows[1]).toBe('Odd,Title: with # and ; and %% and <b>,S,section two: x,1,A,<img src=x onerror=alert(1)>,yes,Site,Site,Web,' +
            '"Web: team, #1; 100%",no,,,,2,1.5,h,90,,,,,,');
        // Two pains share a cell, one per line; the formula-looking one is defused; quotes doubled.
        expect(rows[2]).toBe('Odd,Title: with # and ; and %% and <b>,S,section two: x,2,B,Journey planning,no,,,,,,,4,calm,,,,,' +
            `"'=cmd|' /C calc'!A0\nSecond, with ""quotes""",,,,,`);
        expect(rows[4]).toBe('Other,Another journey,S,S,1,Z,Z,no,,,Web,"Web: team, #1; 100%",no,,5,,,,,,,,,,,');
    });

    test('those taking part share a cell; an owned note starts with the name of the party doing it', async () => {
        const run = await journey(folder, 'export', 'examples/hospital-visit.journey', '--format', 'csv');
        expect(run.code).toBe(0);
        const [header, ...rows] = run.stdout.split('\r\n');
        const columns = header.split(',');
        const chase = rows.find(row => row.includes(',ChaseReferral,'));
        expect(chase).toBeDefined();
        // No field of this row holds a comma or a quote: a split is enough to read it.
        const cells = chase!.replace(/"([^"]*)"/g, (_, text: string) => text.replace(/,/g, '\u0000')).split(',').map(cell => cell.replace(/\u0000/g, ','));
        const cell = (column: string) => cells[columns.indexOf(column)];
        expect(cell('with')).toBe('GPSurgery\nPatientsAssociation');
        expect(cell('backstage')).toBe('Orthopaedics: Consultants triage referrals once a week; the booking centre cannot see the queue');
        expect(cell('support')).toBe('Referral management system, which the booking centre cannot search by triage status');
    });

    test('every bundled example: as many rows as touchpoints', async () => {
        const run = await journey(folder, 'export', 'examples/online-purchase.journey', '--format', 'csv');
        const model = (await documentModels(await exampleFiles()))['online-purchase.journey'];
        // Rows may hold line breaks inside quotes, so count the rows that start a record: the journey's name.
        expect(run.stdout.split('\r\n').filter(row => row.startsWith(`${model.journeys[0].name},`))).toHaveLength(model.journeys[0].summary.touchpoints);
    });
});

describe('journey export --format markdown', () => {
    test('summary, lowest moments, gaps and a table per stage, every label escaped', async () => {
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'markdown', '--journey', 'Odd');
        expect(run.code).toBe(0);
        const md = run.stdout;
        expect(md).toContain('# Journey report: odd.journey\n');
        expect(md).toContain('## Title: with \\# and ; and %% and \\<b\\>\n');
        expect(md).toContain('| touchpoints | stages | average emotion | owned | graded | contacts | time |\n|---:|---:|---:|---:|---:|---:|---:|\n' +
            '| 3 | 2 | 3.0 (neutral) | 33% | 67% | 2 | 1 h 30 min |\n');
        expect(md).toContain('**Lowest moments** (grade 2, negative):\n\n- title of it: \\:smile: \\@user \\#12 \\| x\n');
        expect(md).toContain('**Touchpoints with no owner** (2):\n\n- Journey planning\n- title of it');
        expect(md).toContain('**Touchpoints with no emotion grade** (1):\n\n- ★ \\<img src=x onerror=alert(1)\\>\n');
        expect(md).toContain('### 1. section two: x\n');
        expect(md).toContain('| ★ \\<img src=x onerror=alert(1)\\> | Site | Web: team, \\#1; 100% | **ungraded** | 2 | 1.5 h |  |  |');
        expect(md).toContain('| Journey planning | — | **no owner** | 4 calm | — | — | =cmd\\|\' /C calc\'!A0<br>Second, with "quotes" |  |');
        expect(md).toContain('Fix \\| it \\*now\\*');
        expect(md).toContain('### 2. Nothing here\n\nNo touchpoints yet.\n');
        // No unescaped pipe inside a cell: every table row has as many cells as its header.
        for (const line of md.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| touchpoints'))) {
            expect(line.replace(/\\\|/g, '').split('|').length).toBeOneOf([9, 10]);
        }
    });

    test('a bundled example: its lowest moment and every stage', async () => {
        const run = await journey(folder, 'export', 'examples/hospital-visit.journey', '--format', 'markdown');
        expect(run.stdout).toContain('**Lowest moments** (grade 1, very negative):\n\n- ★ Chases the referral by phone: Three calls');
        expect(run.stdout.match(/^### /gm)).toHaveLength(5);
    });

    test('the stakeholders of a journey with their figures: touchpoints delivered and their grade, taken part in, hand-offs', async () => {
        const run = await journey(folder, 'export', 'examples/hospital-visit.journey', '--format', 'markdown');
        const section = run.stdout.slice(run.stdout.indexOf('**Stakeholders** (10):\n\n'), run.stdout.indexOf('### 1.'));
        expect(section.split('\n').filter(line => line.startsWith('- '))).toHaveLength(10);
        expect(section).toContain('- **GP surgery** (external owner, circle partner): delivers 2 touchpoints (average 3.0, neutral), '
            + 'takes part in 2 touchpoints of others, 1 hand-off\n');
        expect(section).toContain("- **Patients' association** (stakeholder, circle partner): delivers 0 touchpoints, takes part in 1 touchpoint of others, 0 hand-offs\n");
        expect(section).toContain('- **Care quality regulator** (stakeholder, circle wider): delivers 0 touchpoints, takes part in 0 touchpoints of others, 0 hand-offs\n');
        const odd = await journey(folder, 'export', 'odd.journey', '--format', 'markdown', '--journey', 'Odd');
        expect(odd.stdout).toContain('- **Web: team, \\#1; 100%** (owner, circle core): delivers 1 touchpoint, takes part in 0 touchpoints of others, 0 hand-offs\n');
    });
});

describe('journey export --format markdown of a redesign', () => {
    test('the changes from today: the figures before -> after, then each change, escaped', async () => {
        const run = await journey(path.join(folder, 'redesign'), 'export', 'tomorrow.journey', '--format', 'markdown', '--journey', 'RenewTomorrow');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout).toContain([
            '| 2 | 2 | 4.5 (very positive) | 100% | 100% | 2 | 2 h 15 min |',
            '',
            '**Changes from today** (journey `Renew`): average 2.0 -> 4.5, contacts 4 -> 2, time 3 h -> 2 h 15 min.',
            '',
            '- RenewTomorrow: title "Renew a passport" -\\> "Renew a passport, redesigned"',
            '- RenewTomorrow \\> Applying \\> Form: step removed "Fills in the form", replaced by Apply',
            '- RenewTomorrow \\> Applying \\> Upload: step removed "Uploads the photo", replaced by Apply',
            '- RenewTomorrow \\> Applying \\> Apply: step added "Applies \\<b\\>in one\\</b\\> \\| step", replaces Form, Upload',
            '- RenewTomorrow \\> Collecting \\> Counter: owner Desk -\\> Web',
            '- RenewTomorrow \\> Collecting \\> Counter: emotion (Maria) 3 -\\> 5',
            '',
            '**Lowest moments** (grade 4, positive):'
        ].join('\n'));
    });

    test('a redesign that changes nothing but its title says so; a journey that redesigns nothing has no such section', async () => {
        const unchanged = await journey(path.join(folder, 'redesign'), 'export', 'tomorrow.journey', '--format', 'markdown', '--journey', 'Unchanged');
        expect(unchanged.stdout).toContain('**Changes from today** (journey `Renew`): average 2.0 -> 2.0, contacts 4 -> 4, time 3 h -> 3 h.\n\n' +
            '- Unchanged: title "Renew a passport" -\\> "Unchanged"\n\n');
        const today = await journey(path.join(folder, 'redesign'), 'export', 'today.journey', '--format', 'markdown');
        expect(today.stdout).not.toContain('Changes from today');
    });
});

describe('journey export: files and errors', () => {
    test('-o writes the file; an existing one is kept unless --force', async () => {
        expect(await journey(folder, 'export', 'odd.journey', '--format', 'csv', '-o', 'odd.csv')).toEqual({ code: 0, stdout: '', stderr: '' });
        const csv = await readFile(path.join(folder, 'odd.csv'), 'utf-8');
        expect(csv.startsWith('journey,')).toBe(true);
        expect(await journey(folder, 'export', 'odd.journey', '--format', 'json', '-o', 'odd.csv'))
            .toEqual({ code: 2, stdout: '', stderr: 'journey: odd.csv already exists: add --force to replace it\n' });
        expect(await readFile(path.join(folder, 'odd.csv'), 'utf-8')).toBe(csv);
        expect((await journey(folder, 'export', 'odd.journey', '--format', 'json', '-o', 'odd.csv', '--force')).code).toBe(0);
        expect((JSON.parse(await readFile(path.join(folder, 'odd.csv'), 'utf-8')) as JourneyDocumentModel).journeys).toHaveLength(2);
    });

    test.each([
        [['export', 'missing.journey', '--format', 'csv'], 'journey: missing.journey: no such file or folder\n'],
        [['export', 'broken.journey', '--format', 'csv'], 'journey: broken.journey:3:18: the file does not parse: Unterminated string: close it with " on the same line.\n'],
        [['export', 'odd.journey', '--format', 'mermaid', '--journey', 'Nope'], "journey: odd.journey: no journey named 'Nope'; its journeys: Odd, Other\n"]
    ])('%j: a one-line error and exit 2', async (args, message) => {
        expect(await journey(folder, ...args)).toEqual({ code: 2, stdout: '', stderr: message });
    });

    test('a bad or missing format exits 2', async () => {
        const bad = await journey(folder, 'export', 'odd.journey', '--format', 'pdf');
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain("argument 'pdf' is invalid. Allowed choices are mermaid, json, csv, markdown.");
        const missing = await journey(folder, 'export', 'odd.journey');
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain("required option '--format <format>' not specified");
    });
});
