import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlCharactersIn, EXAMPLES, startServe, writeUntilPrinted, type ServeProcess } from '../helpers/cli-process.js';

/**
 * `journey serve` over HTTP, as a process, without a browser: what the page posts to `/reveal` and
 * what a bad body gets (issue 10, item 8), and its log lines in the terminal (item 4).
 */
const PASSPORT = 'passport-renewal.journey';
const EVIL = 'evil \u001b]0;pwned\u0007.journey';

let folder: string;
let serve: ServeProcess;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-serve-requests-'));
    await cp(EXAMPLES, folder, { recursive: true });
    await writeFile(path.join(folder, EVIL), 'persona E\njourney Evil for E {\n  stage S {\n    touchpoint T { emotion 3 }\n  }\n}\n');
    serve = await startServe(folder, ['.']);
});

afterAll(async () => {
    serve?.child.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
});

function reveal(body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${serve.origin}/reveal`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** A valid reveal request, whose printed line marks that everything posted before it was handled. */
async function revealMarker(line: number): Promise<void> {
    const from = serve.output().length;
    const response = await reveal(JSON.stringify({ source: PASSPORT, range: { startLine: line, startCharacter: 0 } }));
    expect(response.status).toBe(204);
    await serve.waitForOutput(new RegExp(`^${PASSPORT.replace('.', '\\.')}:${line + 1}:1$`, 'm'), from);
}

describe('journey serve: the map page', () => {
    /** The state the page of a file opens with (its data attribute), for a query. */
    async function pageState(query: string): Promise<Record<string, unknown>> {
        const response = await fetch(`${serve.origin}/map/${encodeURIComponent('hospital-visit.journey')}${query}`);
        expect(response.status).toBe(200);
        const attribute = /data-state="([^"]*)"/.exec(await response.text())![1];
        return JSON.parse(attribute.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as Record<string, unknown>;
    }

    test('?view= opens the page on the Blueprint or Stakeholders tab; the map otherwise', async () => {
        expect((await pageState('?view=blueprint')).tab).toBe('blueprint');
        expect(await pageState('?view=stakeholders&persona=Ruth')).toMatchObject({ tab: 'stakeholders', persona: 'Ruth' });
        expect((await pageState('?view=map')).tab).toBe('map');
        for (const query of ['', '?view=compare', '?view=bogus', '?view=__proto__']) {
            expect(await pageState(query), query).not.toHaveProperty('tab');
        }
    });
});

describe('journey serve: POST /reveal', () => {
    test('prints file:line:column for what the page posts (source or uri), answers 204', async () => {
        const bySource = await reveal(JSON.stringify({ type: 'reveal', source: PASSPORT, range: { startLine: 3, startCharacter: 2, endLine: 3, endCharacter: 9 } }));
        expect([bySource.status, await bySource.text()]).toEqual([204, '']);
        await serve.waitForOutput(/^passport-renewal\.journey:4:3$/m);

        const uri = pathToFileURL(path.join(folder, 'organisation.journey')).href;
        const byUri = await reveal(JSON.stringify({ type: 'reveal', source: PASSPORT, uri, range: { startLine: 10, startCharacter: 6 } }));
        expect(byUri.status).toBe(204);
        await serve.waitForOutput(/^organisation\.journey:11:7$/m);
    });

    test.each([
        'null',
        '[]',
        '"x"',
        '42',
        '{}',
        '{"range": null}',
        '{"source": "passport-renewal.journey"}',
        '{"source": "passport-renewal.journey", "range": null}',
        '{"source": "passport-renewal.journey", "range": []}',
        '{"source": 5, "range": {"startLine": 1, "startCharacter": 1}}',
        '{"uri": {}, "range": {"startLine": 1, "startCharacter": 1}}',
        '{"source": "passport-renewal.journey", "range": {"startLine": "3", "startCharacter": 1}}',
        '{"source": "passport-renewal.journey", "range": {"startLine": -1, "startCharacter": 1}}',
        '{"source": "passport-renewal.journey", "range": {"startLine": 1.5, "startCharacter": 1}}',
        'not json',
        ''
    ])('a bad body is a 400, printed nowhere: %s', async body => {
        const before = serve.output();
        const response = await reveal(body);
        expect(response.status).toBe(400);
        expect(await response.text()).toMatch(/^Bad request[^\n]*\n$/);
        await revealMarker(5);
        // Nothing but the marker's line was printed since.
        expect(serve.output().slice(before.length)).toBe('passport-renewal.journey:6:1\n');
    });

    test('a body larger than 16 KB is a 413; a file not served prints nothing', async () => {
        const large = await reveal(JSON.stringify({ source: PASSPORT, range: { startLine: 1, startCharacter: 1 }, padding: 'x'.repeat(20_000) }));
        expect(large.status).toBe(413);
        const before = serve.output();
        const unknown = await reveal(JSON.stringify({ source: '../package.json', range: { startLine: 1, startCharacter: 1 } }));
        expect(unknown.status).toBe(204);
        await revealMarker(7);
        expect(serve.output().slice(before.length)).toBe('passport-renewal.journey:8:1\n');
    });

    test('still serving after all of them, and no internal error was ever printed', async () => {
        const index = await fetch(`${serve.origin}/`);
        expect(index.status).toBe(200);
        expect(serve.output()).not.toMatch(/TypeError|internal|Cannot read/i);
    });
});

describe('journey serve: its log lines in the terminal', () => {
    test('a file name with control characters is printed escaped, in reveals and redraws', async () => {
        const response = await reveal(JSON.stringify({ source: EVIL, range: { startLine: 1, startCharacter: 2 } }));
        expect(response.status).toBe(204);
        await serve.waitForOutput(/^evil \\u001b\]0;pwned\\u0007\.journey:2:3$/m);

        await writeUntilPrinted(serve, path.join(folder, EVIL),
            attempt => `persona E\njourney Evil "Now with title ${attempt}" for E {\n  stage S {\n    touchpoint T { emotion 4 }\n  }\n}\n`,
            /^evil \\u001b\]0;pwned\\u0007\.journey: redrawn$/m);
        expect(controlCharactersIn(serve.output())).toEqual([]);
    });
});
