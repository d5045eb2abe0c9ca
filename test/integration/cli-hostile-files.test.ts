import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey, startServe } from '../helpers/cli-process.js';

/**
 * Files that once took `journey` down for the whole run: a stack overflow in the parser's error recovery,
 * junk, and a binary file. One such file in a folder must not cost the others their diagnostics.
 */
let folder: string;

const GOOD = 'owner Web "Digital team"\njourney Trip {\n  stage S {\n    touchpoint Form { owner Web }\n  }\n}\n';

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-hostile-'));
    await writeFile(path.join(folder, 'good.journey'), GOOD);
    await writeFile(path.join(folder, 'stray.journey'), Array.from({ length: 2000 }, (_, i) => `owner A${i} foo\n`).join(''));
    await writeFile(path.join(folder, 'unclosed.journey'), Array.from({ length: 1500 }, (_, i) => `owner U${i} "unclosed\n`).join(''));
    // 20 MB of bytes that are not text, NUL bytes among them.
    const binary = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < binary.length; i++) {
        binary[i] = (i * 7919 + 13) % 256;
    }
    await writeFile(path.join(folder, 'binary.journey'), binary);
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

describe('journey validate on a folder of hostile files', () => {
    test('every file gets its diagnostics, bounded, and the run ends with errors found (exit 1), no stack trace', async () => {
        const run = await journey(folder, 'validate', '.');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toContain("good.journey:2:9 warning missing-persona Journey 'Trip' has no persona: add `for <persona>` to say whose journey it is.");
        expect(lines).toContain('good.journey:4:16 warning unscored-touchpoint Touchpoint \'Form\' has no emotion grade: add `emotion <1-5>` to say how it feels to the customer.');
        const of = (file: string, code: string) => lines.filter(line => line.startsWith(`${file}:`) && line.includes(` ${code} `));
        expect(of('stray.journey', 'parsing-error')).toHaveLength(100);
        expect(of('stray.journey', 'more-syntax-errors')).toEqual(['stray.journey:101:12 error more-syntax-errors 1,900 more syntax errors from here on are not shown, ' +
            'only the first 100: fix those first (or check that this is a journey file).']);
        expect(of('unclosed.journey', 'lexing-error').length + of('unclosed.journey', 'parsing-error').length).toBe(100);
        expect(of('unclosed.journey', 'lexing-error')[0]).toBe('unclosed.journey:1:10 error lexing-error Unterminated string: close it with " on the same line.');
        expect(of('binary.journey', 'not-text')).toHaveLength(1);
        expect(lines.filter(line => line.startsWith('binary.journey:'))).toHaveLength(1);
        expect(lines.at(-1)).toBe('4 files checked: 203 errors, 2 warnings, 3,500 hints');
    });

    test('--format json and sarif of a binary file: one result, no "Invalid string length"', async () => {
        for (const format of ['json', 'sarif']) {
            const run = await journey(folder, 'validate', 'binary.journey', '--format', format);
            expect(run.stderr).toBe('');
            expect(run.code).toBe(1);
            expect(run.stdout.length).toBeLessThan(10_000);
            const output = JSON.parse(run.stdout) as unknown;
            const results = format === 'json' ? output as { code: string }[] : (output as { runs: { results: { ruleId: string }[] }[] }).runs[0].results;
            expect(results.map(r => 'code' in r ? r.code : r.ruleId)).toEqual(['not-text']);
        }
    });

    test('render refuses a file that does not parse with its first error, and exits 2', async () => {
        const run = await journey(folder, 'render', 'stray.journey');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('journey: stray.journey:1:10: the file does not parse: Expected a declaration (owner, channel, persona or journey) but found `foo`.\n');
    });
});

describe('journey serve on a folder of hostile files', () => {
    test('starts, and its index lists every file with its errors', async () => {
        const serve = await startServe(folder, ['.']);
        try {
            expect(serve.output()).toMatch(/^Serving 4 journey files from \. at http:\/\/127\.0\.0\.1:\d+\/$/m);
            const index = await (await fetch(`${serve.origin}/`)).text();
            expect(index).toMatch(/>stray\.journey<\/a><span class="errors">101 errors<\/span>/);
            expect(index).toMatch(/>binary\.journey<\/a><span class="errors">1 error<\/span>/);
            expect(index).toContain('>Trip</a>');
        } finally {
            serve.child.kill('SIGKILL');
        }
    });
});
