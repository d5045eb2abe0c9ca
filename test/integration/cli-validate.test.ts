import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, journey } from '../helpers/cli-process.js';

let folder: string;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-cli-'));
    await mkdir(path.join(folder, 'shared'));
    await mkdir(path.join(folder, 'journeys', 'nested'), { recursive: true });
    await mkdir(path.join(folder, 'empty'));
    await writeFile(path.join(folder, 'shared', 'organisation.journey'), 'owner Web "Digital team"\npersona Maria\n');
    await writeFile(path.join(folder, 'journeys', 'good.journey'), 'owner Desk "Front desk"\njourney Good for Maria { stage S { touchpoint A { owner Web emotion 3 } touchpoint B { owner Desk emotion 4 } } }\n');
    await writeFile(path.join(folder, 'journeys', 'nested', 'warned.journey'), 'journey Warned for Maria {\n  stage S {\n    touchpoint Form { owner Web }\n  }\n}\n');
    await writeFile(path.join(folder, 'journeys', 'broken.journey'), 'journey Broken for Maria {\n  stage S {\n    touchpoint A { owner Web emotion 7 }\n  }\n}\n');
    await writeFile(path.join(folder, 'notes.txt'), 'not a journey');
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

describe('journey validate', () => {
    test('the bundled examples: no diagnostics, exit 0', async () => {
        const run = await journey(EXAMPLES, 'validate', '.');
        expect(run).toEqual({ code: 0, stdout: '5 files checked: no problems\n', stderr: '' });
    });

    test('prints path:line:col severity code message, a summary, and exits 1 on an error', async () => {
        const run = await journey(folder, 'validate', 'journeys', '--workspace', 'shared');
        expect(run.code).toBe(1);
        expect(run.stdout.split('\n')).toEqual([
            'journeys/broken.journey:3:38 error emotion-out-of-range Emotion grade 7 is outside the scale: use a whole number from 1 to 5 (1 = very negative, 2 = negative, 3 = neutral, 4 = positive, 5 = very positive).',
            'journeys/nested/warned.journey:3:16 warning unscored-touchpoint Touchpoint \'Form\' has no emotion grade for Maria: add `emotion <1-5>` to say how it feels to Maria.',
            '3 files checked: 1 error, 1 warning',
            ''
        ]);
    });

    test('warnings alone exit 0', async () => {
        const run = await journey(folder, 'validate', 'journeys/nested/warned.journey', '--workspace', 'shared');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('1 file checked: 1 warning');
    });

    test('without the shared file, references to it are linking errors', async () => {
        const run = await journey(folder, 'validate', 'journeys/good.journey');
        expect(run.code).toBe(1);
        expect(run.stdout).toContain("journeys/good.journey:2:18 error linking-error Persona 'Maria' is not declared");
    });

    test('a file is checked with the journeys beside it', async () => {
        const run = await journey(path.join(folder, 'shared'), 'validate', 'organisation.journey');
        expect(run.stdout.split('\n')).toEqual([
            "organisation.journey:1:7 hint unused-declaration Owner 'Web' is not used by any journey or link in the workspace: use it or remove it.",
            "organisation.journey:2:9 hint unused-declaration Persona 'Maria' is not used by any journey in the workspace: use it or remove it.",
            '1 file checked: 2 hints',
            ''
        ]);
    });

    test('--format json: one array of records with 1-based positions', async () => {
        const run = await journey(folder, 'validate', '--format', 'json', 'journeys/broken.journey', '--workspace', 'shared');
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)).toEqual([{
            file: 'journeys/broken.journey', line: 3, column: 38, endLine: 3, endColumn: 39, severity: 'error',
            code: 'emotion-out-of-range',
            message: 'Emotion grade 7 is outside the scale: use a whole number from 1 to 5 (1 = very negative, 2 = negative, 3 = neutral, 4 = positive, 5 = very positive).'
        }]);
    });

    test('--format json with no problems prints an empty array', async () => {
        const run = await journey(EXAMPLES, 'validate', '--format', 'json', '.');
        expect([run.code, JSON.parse(run.stdout)]).toEqual([0, []]);
    });

    test.each([
        [['validate', 'missing.journey'], 'journey: missing.journey: no such file or folder\n'],
        [['validate', 'empty'], 'journey: empty: no .journey files in this folder\n'],
        [['validate', 'notes.txt'], 'journey: notes.txt: not a .journey file\n'],
        [['validate', 'journeys', '--workspace', 'nowhere'], 'journey: --workspace nowhere: no such folder\n']
    ])('%j: a one-line error and exit 2', async (args, message) => {
        const run = await journey(folder, ...args);
        expect(run).toEqual({ code: 2, stdout: '', stderr: message });
    });

    test('bad arguments exit 2', async () => {
        expect((await journey(folder, 'validate', '--format', 'xml', 'journeys')).code).toBe(2);
        expect((await journey(folder, 'validate')).code).toBe(2);
        expect((await journey(folder, 'frobnicate')).code).toBe(2);
    });
});
