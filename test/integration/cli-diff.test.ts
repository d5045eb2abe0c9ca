import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlCharactersIn, journey } from '../helpers/cli-process.js';

/**
 * `journey diff` as a process: two files, a file and itself at a git revision, every file changed since
 * a revision (in real git repositories the tests make), a redesign and the journey it redesigns; its
 * three formats; what it refuses (exit 2, one line, no stack trace); text from the files escaped.
 */
let folder: string;

/** The owners and personas, in a file of their own: each side resolves them across files. */
const ORGANISATION = `owner Web "Digital team"
owner Desk "Front desk"
channel Website "Online service"
persona Maria "Busy parent"
persona Tomasz "Self-employed plumber"
`;

const RENEW = `journey Renew "Renew a passport" for Maria, Tomasz {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web channel Website emotion 2 contacts 2 duration 40 min pain "Photo rejected" }
    touchpoint Upload "Uploads the photo" { owner Web emotion 1 contacts 1 duration 20 min }
  }
  stage Wait "Waiting" {
    touchpoint Track "Tracks the application" { emotion 3 }
  }
}
`;

/** Renew, edited: a grade for Maria, a step removed, one moved to another stage and given an owner, one added. */
const RENEW_EDITED = `journey Renew "Renew a passport" for Maria, Tomasz {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web channel Website emotion 2 emotion Maria 4 contacts 2 duration 40 min pain "Photo rejected" }
    touchpoint Track "Tracks the application" { owner Desk emotion 3 }
  }
  stage Wait "Waiting" {
    touchpoint Letter "Gets a letter" { emotion 4 }
  }
}
`;

const RENEW_CHANGES = [
    '  Renew > Applying > Form: emotion (Maria) 2 -> 4',
    '  Renew > Applying > Upload: step removed "Uploads the photo"',
    '  Renew > Applying > Track: moved from Waiting to Applying',
    '  Renew > Applying > Track: owner none -> Desk',
    '  Renew > Waiting > Letter: step added "Gets a letter"'
];

const TOMORROW = `journey RenewTomorrow "Renew a passport, redesigned" for Maria, Tomasz redesigns Renew {
  stage Apply "Applying" {
    touchpoint Apply "Applies in one step" { replaces Form, Upload owner Web channel Website emotion 4 contacts 1 duration 15 min }
  }
  stage Wait "Waiting" {
    touchpoint Track "Tracks the application" { owner Web emotion 4 }
  }
}
`;

const ESC = '\u001b';
/** Titles and notes that are markup, a table's cell break and a terminal command. */
const HOSTILE = (grade: number, note: string) => `journey Evil "<script>alert(1)</script>" {
  stage S "Stage | one" {
    touchpoint A "Step ${ESC}[2J <b>bold</b>" { emotion ${grade} ${note} }
  }
}
`;

/** Git as the tests run it: with an author of their own and none of the machine's configuration. */
async function git(cwd: string, ...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)('git', ['-c', 'user.name=Journey Tests', '-c', 'user.email=tests@journey.invalid',
        '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    return stdout;
}

async function files(at: string, texts: Record<string, string>): Promise<void> {
    for (const [name, text] of Object.entries(texts)) {
        await mkdir(path.dirname(path.join(at, name)), { recursive: true });
        await writeFile(path.join(at, name), text);
    }
}

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-diff-'));
    await files(folder, {
        'two/organisation.journey': ORGANISATION,
        'two/renew-old.journey': RENEW,
        'two/renew-new.journey': RENEW_EDITED,
        'redesign/organisation.journey': ORGANISATION,
        'redesign/renew.journey': RENEW,
        'redesign/tomorrow.journey': TOMORROW,
        'hostile/old.journey': HOSTILE(2, `pain "fine"`),
        'hostile/new.journey': HOSTILE(4, `pain "a | b ${ESC}]0;pwned\u0007 <script>x</script>"`),
        'broken/broken.journey': 'journey B {\n  stage S {\n    touchpoint A "unterminated\n  }\n}\n',
        'broken/fine.journey': 'journey B { stage S { touchpoint A { } } }\n'
    });
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

describe('journey diff <old> <new>', () => {
    test('text: a header line per journey (file, status, figures), a line per change, a count', async () => {
        const run = await journey(path.join(folder, 'two'), 'diff', 'renew-old.journey', 'renew-new.journey');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout.split('\n')).toEqual([
            'renew-new.journey: journey Renew changed: average 2.0 -> 3.3, contacts 3 -> 2, time 1 h -> 40 min',
            ...RENEW_CHANGES,
            '1 journey compared: 1 changed; 5 changes',
            ''
        ]);
    });

    test('json: every change with its kind, stage, touchpoint, persona, from and to; the figures of each side', async () => {
        const run = await journey(path.join(folder, 'two'), 'diff', 'renew-old.journey', 'renew-new.journey', '--format', 'json');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(JSON.parse(run.stdout)).toEqual({
            journeys: [{
                name: 'Renew',
                status: 'changed',
                file: 'renew-new.journey',
                figures: {
                    before: { touchpoints: 3, stages: 2, averageEmotion: 2, totalContacts: 3, totalDurationMinutes: 60 },
                    after: { touchpoints: 3, stages: 2, averageEmotion: 20 / 6, totalContacts: 2, totalDurationMinutes: 40 }
                },
                changes: [
                    { kind: 'emotion', stage: 'Apply', touchpoint: 'Form', persona: 'Maria', from: 2, to: 4 },
                    { kind: 'step-removed', stage: 'Apply', touchpoint: 'Upload', from: 'Uploads the photo' },
                    { kind: 'step-moved', stage: 'Apply', touchpoint: 'Track', from: 'Wait', to: 'Apply' },
                    { kind: 'owner', stage: 'Apply', touchpoint: 'Track', from: null, to: 'Desk' },
                    { kind: 'step-added', stage: 'Wait', touchpoint: 'Letter', to: 'Gets a letter' }
                ]
            }]
        });
    });

    test('markdown: a table of the journeys with their figures before -> after, then the changes', async () => {
        const run = await journey(path.join(folder, 'two'), 'diff', 'renew-old.journey', 'renew-new.journey', '--format', 'markdown');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout).toBe([
            '## Journey changes',
            '',
            '| journey | file | status | average emotion | contacts | time |',
            '|---|---|---|---:|---:|---:|',
            '| Renew | renew-new.journey | changed | 2.0 -> 3.3 | 3 -> 2 | 1 h -> 40 min |',
            '',
            '### Renew: 5 changes',
            '',
            '- Renew \\> Applying \\> Form: emotion (Maria) 2 -\\> 4',
            '- Renew \\> Applying \\> Upload: step removed "Uploads the photo"',
            '- Renew \\> Applying \\> Track: moved from Waiting to Applying',
            '- Renew \\> Applying \\> Track: owner none -\\> Desk',
            '- Renew \\> Waiting \\> Letter: step added "Gets a letter"',
            '',
            ''
        ].join('\n'));
    });

    test('the same file twice: unchanged; a journey only in one file: added or removed', async () => {
        const same = await journey(path.join(folder, 'two'), 'diff', 'renew-old.journey', 'renew-old.journey');
        expect(same.stdout).toBe('renew-old.journey: journey Renew unchanged: average 2.0 -> 2.0, contacts 3 -> 3, time 1 h -> 1 h\n' +
            '1 journey compared: 1 unchanged; 0 changes\n');
        const other = await journey(folder, 'diff', 'two/renew-old.journey', 'redesign/tomorrow.journey');
        expect(other.stdout.split('\n')).toEqual([
            'redesign/tomorrow.journey: journey RenewTomorrow added: average — -> 4.0, contacts — -> 1, time — -> 15 min',
            'two/renew-old.journey: journey Renew removed: average 2.0 -> —, contacts 3 -> —, time 1 h -> —',
            '2 journeys compared: 1 added, 1 removed; 0 changes',
            ''
        ]);
    });
});

describe('journey diff <file> --redesign <journey>', () => {
    test('the changes of a redesign from the journey it redesigns, declared in another file', async () => {
        const run = await journey(path.join(folder, 'redesign'), 'diff', 'tomorrow.journey', '--redesign', 'RenewTomorrow');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout.split('\n')).toEqual([
            'tomorrow.journey: journey RenewTomorrow changed: average 2.0 -> 4.0, contacts 3 -> 1, time 1 h -> 15 min',
            '  RenewTomorrow: title "Renew a passport" -> "Renew a passport, redesigned"',
            '  RenewTomorrow > Applying > Form: step removed "Fills in the form", replaced by Apply',
            '  RenewTomorrow > Applying > Upload: step removed "Uploads the photo", replaced by Apply',
            '  RenewTomorrow > Applying > Apply: step added "Applies in one step", replaces Form, Upload',
            '  RenewTomorrow > Waiting > Track: owner none -> Web',
            '  RenewTomorrow > Waiting > Track: emotion (Maria) 3 -> 4',
            '  RenewTomorrow > Waiting > Track: emotion (Tomasz) 3 -> 4',
            '1 journey compared: 1 changed; 7 changes',
            ''
        ]);
    });

    test('a journey that is not there, or redesigns nothing: exit 2, saying so', async () => {
        const cwd = path.join(folder, 'redesign');
        expect(await journey(cwd, 'diff', 'tomorrow.journey', '--redesign', 'Nope')).toEqual({
            code: 2, stdout: '', stderr: "journey: tomorrow.journey: no journey named 'Nope'; its journeys: RenewTomorrow\n"
        });
        expect(await journey(cwd, 'diff', 'renew.journey', '--redesign', 'Renew')).toEqual({
            code: 2, stdout: '',
            stderr: "journey: renew.journey: journey 'Renew' redesigns no journey: --redesign compares a journey that says `redesigns <journey>` with that journey\n"
        });
    });
});

describe('journey diff --git', () => {
    let repo: string;

    beforeAll(async () => {
        repo = path.join(folder, 'repo');
        await files(repo, {
            'maps/organisation.journey': ORGANISATION,
            'maps/renew.journey': RENEW,
            'maps/gone.journey': 'journey Gone for Maria { stage S { touchpoint T { owner Web emotion 3 } } }\n',
            'maps/mover.journey': 'journey Mover for Maria { stage S { touchpoint T { owner Desk emotion 2 } } }\n',
            'maps/same.journey': 'journey Same for Maria { stage S { touchpoint T { owner Web emotion 5 } } }\n',
            'notes.txt': 'not a journey\n'
        });
        await git(repo, 'init', '-q');
        await git(repo, 'add', '.');
        await git(repo, 'commit', '-q', '-m', 'Today');
        await files(repo, {
            'maps/renew.journey': RENEW_EDITED,
            'maps/new.journey': 'journey New for Tomasz { stage S { touchpoint T { owner Desk emotion 5 } } }\n',
            'notes.txt': 'still not a journey\n'
        });
        await git(repo, 'add', '.');
        await git(repo, 'commit', '-q', '-m', 'Tomorrow');
        // In the working tree: one file deleted with git, one without, and a new file git does not track yet,
        // to which the journey of the second one moved.
        await git(repo, 'rm', '-q', 'maps/gone.journey');
        await unlink(path.join(repo, 'maps/mover.journey'));
        await files(repo, { 'maps/moved.journey': 'journey Mover for Maria { stage S { touchpoint T { owner Desk emotion 2 } } }\n' });
    });

    test('a file and itself at a revision, its owners resolved in the folder as it is now', async () => {
        const run = await journey(repo, 'diff', 'maps/renew.journey', '--git', 'HEAD~1');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout.split('\n')).toEqual([
            'maps/renew.journey: journey Renew changed: average 2.0 -> 3.3, contacts 3 -> 2, time 1 h -> 40 min',
            ...RENEW_CHANGES,
            '1 journey compared: 1 changed; 5 changes',
            ''
        ]);
        const unchanged = await journey(path.join(repo, 'maps'), 'diff', 'renew.journey', '--git', 'HEAD');
        expect(unchanged.stdout).toContain('renew.journey: journey Renew unchanged: ');
    });

    test('a file that was not there at the revision: its journeys added; one deleted since: removed', async () => {
        const added = await journey(repo, 'diff', 'maps/new.journey', '--git', 'HEAD~1');
        expect(added.stdout.split('\n')[0]).toBe('maps/new.journey: journey New added: average — -> 5.0, contacts — -> 0, time — -> 0 min');
        const removed = await journey(repo, 'diff', 'maps/gone.journey', '--git', 'HEAD');
        expect([removed.code, removed.stdout.split('\n')[0]]).toEqual([0, 'maps/gone.journey: journey Gone removed: average 3.0 -> —, contacts 0 -> —, time 0 min -> —']);
    });

    test('every .journey file changed since the revision: changed, deleted, added and not yet tracked; a journey moved to another file is the same journey', async () => {
        const run = await journey(repo, 'diff', '--git', 'HEAD~1');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout.split('\n')).toEqual([
            'maps/gone.journey: journey Gone removed: average 3.0 -> —, contacts 0 -> —, time 0 min -> —',
            'maps/moved.journey: journey Mover unchanged: average 2.0 -> 2.0, contacts 0 -> 0, time 0 min -> 0 min',
            'maps/new.journey: journey New added: average — -> 5.0, contacts — -> 0, time — -> 0 min',
            'maps/renew.journey: journey Renew changed: average 2.0 -> 3.3, contacts 3 -> 2, time 1 h -> 40 min',
            ...RENEW_CHANGES,
            '4 journeys compared: 1 changed, 1 added, 1 removed, 1 unchanged; 5 changes',
            ''
        ]);
        const json = JSON.parse((await journey(repo, 'diff', '--git', 'HEAD~1', '--format', 'json')).stdout) as { journeys: { name: string, status: string, file: string }[] };
        expect(json.journeys.map(({ name, status, file }) => [name, status, file])).toEqual([
            ['Gone', 'removed', 'maps/gone.journey'], ['Mover', 'unchanged', 'maps/moved.journey'],
            ['New', 'added', 'maps/new.journey'], ['Renew', 'changed', 'maps/renew.journey']
        ]);
    });

    test('from a folder of the repository: the files in it and below, named from there', async () => {
        const run = await journey(path.join(repo, 'maps'), 'diff', '--git', 'HEAD', '--format', 'markdown');
        expect(run.stdout).toContain('| Gone | gone.journey | removed | 3.0 -> — | 0 -> — | 0 min -> — |\n');
        expect(run.stdout).toContain('| Mover | moved.journey | unchanged | 2.0 -> 2.0 | 0 -> 0 | 0 min -> 0 min |\n');
        expect(run.stdout).not.toContain('renew.journey');
    });

    test('nothing changed since the revision: no journey, exit 0', async () => {
        const clean = path.join(folder, 'clean');
        await files(clean, { 'a.journey': 'journey A { stage S { touchpoint T { } } }\n' });
        await git(clean, 'init', '-q');
        await git(clean, 'add', '.');
        await git(clean, 'commit', '-q', '-m', 'One');
        expect(await journey(clean, 'diff', '--git', 'HEAD')).toEqual({ code: 0, stdout: '0 journeys compared\n', stderr: '' });
        expect(JSON.parse((await journey(clean, 'diff', '--git', 'HEAD', '--format', 'json')).stdout)).toEqual({ journeys: [] });
    });

    test('a revision git does not know, no repository, an option for a revision: exit 2 with git\'s word, no stack', async () => {
        expect(await journey(repo, 'diff', '--git', 'nope')).toEqual({ code: 2, stdout: '', stderr: 'journey: --git nope: not a commit of this git repository\n' });
        expect(await journey(repo, 'diff', 'maps/renew.journey', '--git', 'HEAD~9')).toEqual({
            code: 2, stdout: '', stderr: 'journey: --git HEAD~9: not a commit of this git repository\n'
        });
        expect(await journey(path.join(folder, 'two'), 'diff', '--git', 'HEAD')).toEqual({
            code: 2, stdout: '', stderr: 'journey: git rev-parse failed: fatal: not a git repository (or any of the parent directories): .git\n'
        });
        expect(await journey(repo, 'diff', '--git', '--output=x')).toEqual({ code: 2, stdout: '', stderr: 'journey: --git --output=x: not a git revision\n' });
        expect(await journey(repo, 'diff', 'maps/nothing.journey', '--git', 'HEAD')).toEqual({
            code: 2, stdout: '', stderr: 'journey: maps/nothing.journey: no such file, now or at HEAD\n'
        });
    });

    test('a version at the revision that does not parse is named by the revision and the file', async () => {
        const history = path.join(folder, 'history');
        await files(history, { 'map.journey': 'journey M {\n  stage S {\n    touchpoint A "unterminated\n  }\n}\n' });
        await git(history, 'init', '-q');
        await git(history, 'add', '.');
        await git(history, 'commit', '-q', '-m', 'Broken');
        await files(history, { 'map.journey': 'journey M { stage S { touchpoint A { } } }\n' });
        const run = await journey(history, 'diff', 'map.journey', '--git', 'HEAD');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^journey: HEAD:map\.journey:3:\d+: the file does not parse: [^\n]+\n$/);
    });
});

describe('journey diff: what it refuses', () => {
    test('a file that does not parse: exit 2, its file and line, no stack trace', async () => {
        const run = await journey(path.join(folder, 'broken'), 'diff', 'fine.journey', 'broken.journey');
        expect([run.code, run.stdout]).toEqual([2, '']);
        expect(run.stderr).toMatch(/^journey: broken\.journey:3:\d+: the file does not parse: [^\n]+\n$/);
    });

    test.each([
        [['diff', 'missing.journey', 'two/renew-new.journey'], 'journey: missing.journey: no such file or folder\n'],
        [['diff', 'two/renew-old.journey'], 'journey: name two files, or a file and --git or --redesign: journey diff <old file> <new file>, ' +
            'journey diff <file> --git <rev>, journey diff --git <rev> or journey diff <file> --redesign <journey>\n'],
        [['diff', 'two', 'two/renew-new.journey'], 'journey: two: name one .journey file, not a folder\n'],
        [['diff', 'two/renew-old.journey', 'two/renew-new.journey', '--redesign', 'Renew'], 'journey: --redesign compares a redesign with the journey it ' +
            'redesigns, in one file: journey diff <old file> <new file>, journey diff <file> --git <rev>, journey diff --git <rev> or journey diff <file> --redesign <journey>\n'],
        [['diff', 'a.journey', 'b.journey', '--git', 'HEAD'], 'journey: --git compares one file, or every changed one, with a revision: journey diff <old file> <new file>, ' +
            'journey diff <file> --git <rev>, journey diff --git <rev> or journey diff <file> --redesign <journey>\n'],
        [['diff', 'two/renew-old.journey', 'two/renew-new.journey', '--format', 'html'],
            "error: option '--format <format>' argument 'html' is invalid. Allowed choices are text, json, markdown.\n"]
    ])('journey %j: exit 2', async (args, message) => {
        expect(await journey(folder, ...args)).toEqual({ code: 2, stdout: '', stderr: message });
    });
});

describe('journey diff: text from the files', () => {
    test('the terminal gets no control character: it is shown escaped', async () => {
        const run = await journey(path.join(folder, 'hostile'), 'diff', 'old.journey', 'new.journey');
        expect(run.code).toBe(0);
        expect(controlCharactersIn(run.stdout + run.stderr)).toEqual([]);
        expect(run.stdout).toContain('  Evil > Stage | one > A: emotion 2 -> 4\n');
        expect(run.stdout).toContain('  Evil > Stage | one > A: pain added: "a | b \\u001b]0;pwned\\u0007 <script>x</script>"\n');
    });

    test('markdown: markup, table breaks and control characters escaped or replaced', async () => {
        const run = await journey(path.join(folder, 'hostile'), 'diff', 'old.journey', 'new.journey', '--format', 'markdown');
        expect(controlCharactersIn(run.stdout)).toEqual([]);
        expect(run.stdout).not.toContain('<script>');
        expect(run.stdout).toContain('| Evil | new.journey | changed | 2.0 -> 4.0 | 0 -> 0 | 0 min -> 0 min |\n');
        expect(run.stdout).toContain('- Evil \\> Stage \\| one \\> A: pain added: "a \\| b \uFFFD\\]0;pwned\uFFFD \\<script\\>x\\</script\\>"\n');
        expect(run.stdout).toContain('- Evil \\> Stage \\| one \\> A: pain removed: "fine"\n');
    });

    test('json: control characters as JSON escapes', async () => {
        const run = await journey(path.join(folder, 'hostile'), 'diff', 'old.journey', 'new.journey', '--format', 'json');
        expect(controlCharactersIn(run.stdout)).toEqual([]);
        const [evil] = (JSON.parse(run.stdout) as { journeys: { changes: { kind: string, to?: string }[] }[] }).journeys;
        expect(evil.changes.find(change => change.kind === 'note-added')?.to).toBe(`a | b ${ESC}]0;pwned\u0007 <script>x</script>`);
    });
});
