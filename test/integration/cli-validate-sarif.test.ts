import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, journey } from '../helpers/cli-process.js';

/** `journey validate --format sarif` and `--max-warnings`, as a process. */
let folder: string;

/** The parts of a SARIF log that these tests read. */
interface SarifLog {
    $schema: string;
    version: string;
    runs: {
        tool: { driver: { rules: { id: string }[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    }[];
}

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-sarif-'));
    await mkdir(path.join(folder, 'maps', 'nested'), { recursive: true });
    await writeFile(path.join(folder, 'maps', 'shared.journey'), 'owner Web "Digital team"\nowner Unused\npersona P\n');
    await writeFile(path.join(folder, 'maps', 'nested', 'warned.journey'),
        'journey W for P {\n  stage S {\n    touchpoint A { owner Web }\n    touchpoint B { emotion 3 }\n  }\n}\n');
    await writeFile(path.join(folder, 'maps', 'broken.journey'), 'journey B for P {\n  stage S {\n    touchpoint A { owner Web emotion 7 }\n  }\n}\n');
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

describe('journey validate --format sarif', () => {
    test('SARIF 2.1.0: the driver with a rule per code used, results with levels and regions', async () => {
        const run = await journey(folder, 'validate', 'maps', '--format', 'sarif');
        expect([run.code, run.stderr]).toEqual([1, '']);
        const sarif = JSON.parse(run.stdout) as SarifLog;
        const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf-8')) as { version: string };
        expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs).toHaveLength(1);
        const [run0] = sarif.runs;
        expect(run0.tool.driver).toMatchObject({ name: 'journey', version });
        expect(run0.tool.driver.rules.map(r => r.id))
            .toEqual(['emotion-out-of-range', 'missing-owner', 'unscored-touchpoint', 'unused-declaration']);
        expect(run0.tool.driver.rules[0]).toMatchObject({
            id: 'emotion-out-of-range', shortDescription: { text: 'An emotion grade that is not a whole number from 1 to 5.' },
            defaultConfiguration: { level: 'error' }
        });
        expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(`${folder}/`).href);
        expect(run0.results).toEqual([
            {
                ruleId: 'emotion-out-of-range', ruleIndex: 0, level: 'error',
                message: { text: expect.stringContaining('Emotion grade 7 is outside the scale') as unknown },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: 'maps/broken.journey', uriBaseId: '%SRCROOT%' },
                        region: { startLine: 3, startColumn: 38, endLine: 3, endColumn: 39 }
                    }
                }]
            },
            expect.objectContaining({ ruleId: 'unscored-touchpoint', ruleIndex: 2, level: 'warning' }),
            expect.objectContaining({ ruleId: 'missing-owner', ruleIndex: 1, level: 'warning' }),
            expect.objectContaining({
                ruleId: 'unused-declaration', ruleIndex: 3, level: 'note',
                locations: [{ physicalLocation: { artifactLocation: { uri: 'maps/shared.journey', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 13 } } }]
            })
        ]);
        expect(run0.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('maps/nested/warned.journey');
    });

    test('no problems: an empty list of results, exit 0', async () => {
        const run = await journey(EXAMPLES, 'validate', '.', '--format', 'sarif');
        expect(run.code).toBe(0);
        const sarif = JSON.parse(run.stdout) as SarifLog;
        expect(sarif.runs[0].results).toEqual([]);
        expect(sarif.runs[0].tool.driver.rules).toEqual([]);
    });
});

describe('journey validate --max-warnings', () => {
    test('exits 1 when the warnings are more than allowed, 0 when not', async () => {
        const over = await journey(folder, 'validate', 'maps/nested/warned.journey', '--workspace', 'maps', '--max-warnings', '1');
        expect(over.code).toBe(1);
        expect(over.stdout).toContain('1 file checked: 2 warnings');
        expect(over.stderr).toBe('journey: 2 warnings, more than --max-warnings 1\n');
        const within = await journey(folder, 'validate', 'maps/nested/warned.journey', '--workspace', 'maps', '--max-warnings', '2');
        expect([within.code, within.stderr]).toEqual([0, '']);
        const json = await journey(folder, 'validate', 'maps/nested/warned.journey', '--workspace', 'maps', '--max-warnings', '0', '--format', 'json');
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)).toHaveLength(2);
    });

    test('errors still exit 1 however many warnings are allowed; a bad number exits 2', async () => {
        expect((await journey(folder, 'validate', 'maps', '--max-warnings', '100')).code).toBe(1);
        for (const bad of ['-1', 'x', '1.5']) {
            const run = await journey(folder, 'validate', 'maps', '--max-warnings', bad);
            expect(run.code).toBe(2);
            expect(run.stderr.trim().split('\n')).toHaveLength(1);
        }
    });
});
