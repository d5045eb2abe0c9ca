import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey } from '../helpers/cli-process.js';

/**
 * `journey validate --jobs N` checks a workspace in N threads, each building a run of consecutive files
 * (src/cli/validate/parallel-validation.ts); `--jobs 1` builds it in one process. The output must be the
 * same, byte for byte, even where a file's diagnostics depend on files other threads build: names declared
 * in several files, declarations used only by other files (or by none), references to what no file
 * declares, redesigns of journeys in other files, and syntax errors, spread across enough files for every
 * thread to get some.
 */
const FILES = 60;

let folder: string;

/** Journey `i`: its problems depend on `i`, so that every thread gets each kind. */
function journeyFile(i: number): string {
    const name = `Journey${i}`;
    // Field is declared by the first file and used only by the last ones, Early by the last file and used only by
    // the second: in other threads than the declarations.
    const owner = i >= FILES - 10 && i % 2 === 0 ? 'Field' : i === 1 ? 'Early' : i % 5 === 0 ? 'Nobody' : 'Web';
    const lines = [
        // Every eleventh file declares a journey name another file declares too.
        `journey ${i % 11 === 0 ? 'Shared' : name} "Journey ${i}" for ${i % 4 === 0 ? 'Tomasz' : 'Maria'}${i % 9 === 0 ? ` redesigns Journey${(i + 31) % FILES}` : ''} {`,
        '  stage Start {',
        `    touchpoint Visit { owner ${owner} channel ${i % 6 === 0 ? 'Fax' : 'Email'} emotion ${1 + (i % 5)} }`,
        `    touchpoint Call { owner Web emotion ${i % 3 === 0 ? 9 : 3}${i % 9 === 0 ? ' replaces Visit, Missing' : ''} }`,
        '  }',
        // Every thirteenth file has a syntax error.
        i % 13 === 0 ? '  stage Broken { touchpoint' : '',
        '}'
    ];
    if (i === 0) {
        lines.push('owner Field "Field team"');
    }
    if (i === 23) {
        lines.push('persona Unused "Declared in a journey file, used by nothing"');
    }
    if (i === FILES - 2) {
        lines.push('owner Web "Declared again at the end"');
    }
    return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-threads-'));
    await mkdir(path.join(folder, 'journeys'));
    await mkdir(path.join(folder, 'shared'));
    await writeFile(path.join(folder, 'shared', 'organisation.journey'), [
        'owner Web "Digital team" { link Regulator "reports to" }', 'owner Desk "Front desk, used by nothing"', 'owner Early "Used by the second journey only"', 'channel Email "Email"', 'channel Post "Letter, used by nothing"',
        'persona Maria "A parent"', 'persona Tomasz "A plumber"', 'stakeholder Regulator "Used by a link"', ''
    ].join('\n'));
    for (let i = 0; i < FILES; i++) {
        await writeFile(path.join(folder, 'journeys', `journey${String(i).padStart(2, '0')}.journey`), journeyFile(i));
    }
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

describe('journey validate in threads', () => {
    test.each(['text', 'json', 'sarif'])('--format %s: the output of --jobs 2 and 3 is that of one process', async format => {
        const one = await journey(folder, 'validate', '.', '--format', format, '--jobs', '1');
        expect(one.code).toBe(1);
        expect(one.stderr).toBe('');
        for (const jobs of ['2', '3']) {
            expect(await journey(folder, 'validate', '.', '--format', format, '--jobs', jobs)).toEqual(one);
        }
    });

    test('the workspace holds every kind of problem that depends on other files', async () => {
        const records = JSON.parse((await journey(folder, 'validate', '.', '--format', 'json', '--jobs', '3')).stdout) as { file: string, code: string, message: string }[];
        const codes = new Set(records.map(record => record.code));
        for (const code of ['duplicate-name', 'unused-declaration', 'linking-error', 'parsing-error', 'emotion-out-of-range', 'redesign-personas-differ']) {
            expect(codes, code).toContain(code);
        }
        const unused = records.filter(record => record.code === 'unused-declaration').map(record => `${record.file} ${record.message.split('\'')[1]}`).sort();
        // Early and Field are used, by other threads' files; of the two Web, every reference resolves to the first.
        expect(unused).toEqual(['journeys/journey23.journey Unused', 'shared/organisation.journey Desk', 'shared/organisation.journey Post', 'shared/organisation.journey Web']);
        expect(records.filter(record => record.code === 'duplicate-name').map(record => record.file)).toEqual(expect.arrayContaining([
            'journeys/journey00.journey', 'journeys/journey58.journey', 'shared/organisation.journey'
        ]));
    });

    test('files checked against a --workspace: the same diagnostics in threads', async () => {
        const one = await journey(folder, 'validate', 'journeys', '--workspace', 'shared', '--jobs', '1');
        expect(one.stdout).toContain(`${FILES} files checked`);
        expect(await journey(folder, 'validate', 'journeys', '--workspace', 'shared', '--jobs', '4')).toEqual(one);
    });

    test('--jobs must be a whole number of 1 or more', async () => {
        const run = await journey(folder, 'validate', '.', '--jobs', '0');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--jobs must be a whole number from 1 to 256');
    });
});
