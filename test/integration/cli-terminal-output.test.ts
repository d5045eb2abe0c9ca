import { closeSync, existsSync, openSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeControlCharacters } from '../../src/map/control-characters.js';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { controlCharactersIn, EXAMPLES, journey, spawnJourney } from '../helpers/cli-process.js';

/**
 * What the command line writes to a terminal, as a process: no control character from a file's content
 * or name reaches standard output or standard error (issue 10, item 4); output that cannot be written
 * ends quietly (a closed pipe) or in one line and exit 2 (item 5); an unexpected error is one line, never
 * a stack trace.
 */
const ESC = '\u001b';
const BEL = '\u0007';
/** OSC 0: sets the window title. */
const TITLE = `${ESC}]0;pwned${BEL}`;
/** CSI 2 J: clears the screen. */
const CLEAR = `${ESC}[2J`;
/** OSC 52: writes the clipboard (here "pwned"). */
const CLIPBOARD = `${ESC}]52;c;cHduZWQ=${BEL}`;
/** The one-character C1 form of CSI. */
const CSI = '\u009b';

const EVIL = `owner Web "Web ${TITLE} team"
persona P "Pat ${CLIPBOARD}"
journey Evil "The ${CLEAR} journey" for P {
  goal "A goal ${ESC}[5m blinking"
  stage S "Stage ${CSI}31m red" {
    touchpoint A "Step ${ESC}[31m red" { owner Web emotion 2 "sad ${ESC}[8m" pain "ouch ${CLIPBOARD}" idea "del \u007f here" }
    touchpoint B "Second ${BEL}bell" { owner Web emotion 4 }
  }
}
`;

let folder: string;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-terminal-'));
    await mkdir(path.join(folder, 'evil'));
    await writeFile(path.join(folder, 'evil', 'evil.journey'), EVIL);
    // A string token where a brace belongs: the parser's message quotes the token.
    await writeFile(path.join(folder, 'evil', 'syntax.journey'), `persona Q\njourney K "a ${TITLE}" "b ${CLEAR}" for Q {\n}\n`);
    await writeFile(path.join(folder, 'evil', 'unterminated.journey'), `persona R\njourney U "unterminated ${CLEAR} for R {\n}\n`);
    // Paths come from the file system too.
    await writeFile(path.join(folder, 'evil', `name ${TITLE}.journey`), 'persona N\njourney Named for N {\n  stage S {\n    touchpoint T { owner Web }\n  }\n}\n');
    await cp(EXAMPLES, path.join(folder, 'examples'), { recursive: true });
    await writeFile(path.join(folder, 'warned.journey'), 'persona W\njourney Warned for W {\n  stage S {\n    touchpoint T "Unowned" { emotion 3 }\n  }\n}\n');
    await writeFile(path.join(folder, 'broken.journey'), 'persona B\njourney Broken for B {\n  stage S {\n    touchpoint T { emotion 9 }\n  }\n}\n');
    await writeFile(path.join(folder, 'large.journey'), largeJourney(400));
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

/** A journey of `count` touchpoints in stages of 20, whose map and exports are hundreds of kilobytes. */
function largeJourney(count: number): string {
    const lines = ['owner Web "Web team"', 'persona P "Pat"', 'journey Large "A large journey" for P {'];
    for (let stage = 0; stage * 20 < count; stage++) {
        lines.push(`  stage S${stage} "Stage ${stage}" {`);
        for (let i = 0; i < 20 && stage * 20 + i < count; i++) {
            lines.push(`    touchpoint T${stage}_${i} "Step ${stage}.${i}" { owner Web emotion ${1 + (i % 5)} pain "a pain that takes some room on the map" }`);
        }
        lines.push('  }');
    }
    lines.push('}', '');
    return lines.join('\n');
}

describe('no control character from a file reaches the terminal', () => {
    test('validate: messages that quote a token and paths show them escaped', async () => {
        const run = await journey(folder, 'validate', 'evil');
        expect(run.code).toBe(1);
        expect(controlCharactersIn(run.stdout + run.stderr)).toEqual([]);
        // The parser quotes the string token, escaped: the reader sees what is there.
        expect(run.stdout).toContain('evil/syntax.journey:2:26 error parsing-error');
        expect(run.stdout).toContain('`"b \\u001b[2J"`');
        expect(run.stdout).toContain('evil/unterminated.journey:2:11 error lexing-error Unterminated string');
        expect(run.stdout).toContain('evil/name \\u001b]0;pwned\\u0007.journey:');
    });

    test('validate --format json and sarif: the same texts as JSON escapes, C1 and DEL included', async () => {
        for (const format of ['json', 'sarif']) {
            const run = await journey(folder, 'validate', 'evil', '--format', format);
            expect(run.code).toBe(1);
            expect(controlCharactersIn(run.stdout + run.stderr)).toEqual([]);
            // Still the exact texts once parsed.
            const texts: string[] = [];
            JSON.parse(run.stdout, (_key, value: unknown) => {
                if (typeof value === 'string') {
                    texts.push(value);
                }
                return value;
            });
            // (SARIF gives the file as a URI, percent-encoded.)
            expect(texts.some(text => text.includes(format === 'json' ? `name ${TITLE}.journey` : 'name%20%1B%5D0%3Bpwned%07.journey'))).toBe(true);
            expect(texts.some(text => text.includes(`\`"b ${CLEAR}"\``))).toBe(true);
        }
    });

    // (Named escaped: a test's name reaches the terminal too.)
    test.each([
        ['render', 'evil/evil.journey', '--journey', `x${TITLE}`],
        ['export', 'evil/evil.journey', '--format', 'csv', '--journey', `x${TITLE}`],
        ['render', 'evil/evil.journey', '-o', `out${CLEAR}.txt`],
        ['render', `nowhere${CLEAR}.journey`],
        ['export', `evil/name ${TITLE}.journey`, '--format', 'json', '--journey', 'Nope'],
        ['render', 'evil/syntax.journey'],
        ['validate', 'evil', '--format', `${CLEAR}`],
        ['validate', `--${CLIPBOARD}`]
    ].map(args => [escapeControlCharacters(args.join(' ')), args]))('the one-line refusal of %s', async (_name, args) => {
        const run = await journey(folder, ...args);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^(journey: |error: )/);
        expect(controlCharactersIn(run.stderr)).toEqual([]);
        expect(run.stderr).toContain('\\u001b');
    });

    test('render: an unknown journey is named escaped, in one line', async () => {
        expect(await journey(folder, 'render', 'evil/evil.journey', '--journey', `x${TITLE}`)).toEqual({
            code: 2, stdout: '', stderr: "journey: evil/evil.journey: no journey named 'x\\u001b]0;pwned\\u0007'; its journeys: Evil\n"
        });
    });

    test.each(['markdown', 'csv'])('export --format %s: control characters replaced by U+FFFD, on standard output and in a file', async format => {
        const run = await journey(folder, 'export', 'evil/evil.journey', '--format', format);
        expect([run.code, run.stderr]).toEqual([0, '']);
        // CSV ends its records with CRLF (RFC 4180): the format's own carriage returns, the only ones.
        expect(controlCharactersIn(format === 'csv' ? run.stdout.replaceAll('\r\n', '\n') : run.stdout)).toEqual([]);
        // Markdown escapes the brackets besides.
        expect(run.stdout).toMatch(/Web \uFFFD\\?\]0;pwned\uFFFD team/);
        expect(run.stdout).toMatch(/Step \uFFFD\\?\[31m red/);
        expect(run.stdout).toContain('Stage \uFFFD31m red');
        expect(run.stdout).toContain('del \uFFFD here');
        expect(run.stdout).toContain('Second \uFFFDbell');

        const written = await journey(folder, 'export', 'evil/evil.journey', '--format', format, '-o', `evil.${format}`);
        expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(await readFile(path.join(folder, `evil.${format}`), 'utf-8')).toBe(run.stdout);
    });

    test('export --format json: every control character a JSON escape, the same model once parsed', async () => {
        const run = await journey(folder, 'export', 'evil/evil.journey', '--format', 'json');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(controlCharactersIn(run.stdout)).toEqual([]);
        expect(run.stdout).toContain('"title": "Stage \\u009b31m red"');
        expect((JSON.parse(run.stdout) as JourneyDocumentModel).journeys[0].title).toBe(`The ${CLEAR} journey`);
    });

    test('render: the SVG and the HTML page hold none either (DEL and C1 replaced too)', async () => {
        const run = await journey(folder, 'render', 'evil/evil.journey');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(controlCharactersIn(run.stdout)).toEqual([]);
        expect(run.stdout).toContain('Stage \uFFFD31m red');

        expect(await journey(folder, 'render', 'evil/evil.journey', '-o', 'evil.html')).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(controlCharactersIn(await readFile(path.join(folder, 'evil.html'), 'utf-8'))).toEqual([]);
    });
});

const devFull = existsSync('/dev/full');

/** The process with standard output (or error) on /dev/full, where every write fails with ENOSPC. */
async function withFull(stream: 'stdout' | 'stderr', ...args: string[]) {
    const full = openSync('/dev/full', 'w');
    try {
        const stdio: ['ignore', 'pipe' | number, 'pipe' | number] = stream === 'stdout' ? ['ignore', full, 'pipe'] : ['ignore', 'pipe', full];
        return await spawnJourney(folder, args, { stdio }).done;
    } finally {
        closeSync(full);
    }
}

describe('output that cannot be written', () => {
    test.skipIf(!devFull)('render to a full disk: one line, exit 2', async () => {
        expect(await withFull('stdout', 'render', 'examples/passport-renewal.journey')).toEqual({
            code: 2, signal: null, stdout: '', stderr: 'journey: cannot write to standard output (ENOSPC)\n'
        });
    });

    test.skipIf(!devFull)('validate to a full disk: exit 2, not 1 ("errors found") nor 0', async () => {
        for (const file of ['examples', 'broken.journey']) {
            expect(await withFull('stdout', 'validate', file)).toEqual({
                code: 2, signal: null, stdout: '', stderr: 'journey: cannot write to standard output (ENOSPC)\n'
            });
        }
        expect(await withFull('stdout', 'export', 'large.journey', '--format', 'markdown')).toEqual({
            code: 2, signal: null, stdout: '', stderr: 'journey: cannot write to standard output (ENOSPC)\n'
        });
    });

    test.skipIf(!devFull)('standard error on a full disk: nothing to say it on, exit 2', async () => {
        const run = await withFull('stderr', 'validate', 'warned.journey', '--max-warnings', '0');
        expect(run).toMatchObject({ code: 2, signal: null, stderr: '' });
        expect(run.stdout).toContain('1 file checked: 1 warning');
    });

    /** The process with its standard output a pipe that is closed before it writes anything. */
    async function withClosedPipe(...args: string[]) {
        const { child, done } = spawnJourney(folder, args);
        child.stdout!.destroy();
        return done;
    }

    test('a closed pipe ends quietly, with the exit code the command had', async () => {
        expect(await withClosedPipe('export', 'large.journey', '--format', 'csv')).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
        expect(await withClosedPipe('render', 'large.journey')).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
        // Errors found: still 1, although standard output went away.
        expect(await withClosedPipe('validate', 'broken.journey', 'large.journey')).toEqual({ code: 1, signal: null, stdout: '', stderr: '' });
        expect(await withClosedPipe('validate', 'examples')).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
    });

    test('a pipe closed after the first lines (`| head -1`) ends quietly too', async () => {
        const { child, done } = spawnJourney(folder, ['render', 'large.journey']);
        let first = '';
        child.stdout!.once('data', (chunk: Buffer) => {
            first = chunk.toString();
            child.stdout!.destroy();
        });
        const run = await done;
        expect(first).toMatch(/^<svg /);
        expect([run.code, run.signal, run.stderr]).toEqual([0, null, '']);
    });
});

describe('an unexpected error', () => {
    /** A module loaded before the CLI (`--require`) that makes the run meet an error it does not expect. */
    async function withPreload(code: string, ...args: string[]) {
        const preload = path.join(folder, `preload-${Math.random().toString(16).slice(2)}.cjs`);
        await writeFile(preload, code);
        return spawnJourney(folder, args, { env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } }).done;
    }

    test('is one line, never a stack trace, exit 2', async () => {
        // JSON.stringify fails as it does on a string too long for V8 (issue 10, item 3).
        const run = await withPreload(`const stringify = JSON.stringify;
JSON.stringify = function (...args) {
    if (args[2] === 2) { throw new RangeError('Invalid string length'); }
    return stringify.apply(this, args);
};`, 'validate', 'examples', '--format', 'json');
        expect(run).toEqual({ code: 2, signal: null, stdout: '', stderr: 'journey: internal error: Invalid string length\n' });
    });

    test('outside the command (an exception in a callback) too', async () => {
        const run = await withPreload("setTimeout(() => { throw new TypeError('late failure\\n    at somewhere (main.cjs:1:2)'); }, 0);",
            'validate', 'examples');
        expect(run).toEqual({ code: 2, signal: null, stdout: '', stderr: 'journey: internal error: late failure at somewhere (main.cjs:1:2)\n' });
    });
});
