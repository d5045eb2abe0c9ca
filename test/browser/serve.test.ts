import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES, journey, startServe, type ServeProcess } from '../helpers/cli-process.js';
import { launchChromium, watchedPage } from '../helpers/preview-page.js';

/**
 * `journey serve` as a user runs it: the CLI as a child process on a temporary copy of the examples, and
 * the pages it serves in headless Chromium. Every wait is bounded.
 */
const WAIT_MS = 10_000;

let folder: string;
let server: ServeProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-serve-'));
    await cp(EXAMPLES, folder, { recursive: true });
    server = await startServe(folder, ['.']);
    origin = server.origin;
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    if (server?.child.exitCode === null) {
        server.child.kill('SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
});

/** A watched page (errors, dialogs; nothing but the server reachable) on a path of the server. */
async function open(url: string): Promise<{ page: Page, problems: string[] }> {
    const watched = await watchedPage(browser, origin);
    await watched.page.goto(`${origin}${url}`);
    return watched;
}

/** A raw request: the path is sent as written (browsers and fetch would normalise `..` away). */
function rawGet(rawPath: string, host = origin.slice('http://'.length)): Promise<{ status: number, body: string }> {
    const url = new URL(origin);
    return new Promise((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: rawPath, headers: { host } }, response => {
            let body = '';
            response.on('data', (chunk: Buffer) => { body += chunk.toString(); });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
    });
}

const PASSPORT = 'passport-renewal.journey';

describe('journey serve', () => {
    test('prints its address: 127.0.0.1 and a port, reachable on no other interface', async () => {
        expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(server.output()).toMatch(/^Serving 5 journey files from \. at http:\/\/127\.0\.0\.1:\d+\/\n/);
        const port = Number(new URL(origin).port);
        const external = Object.values(networkInterfaces()).flat().find(i => i?.family === 'IPv4' && !i.internal);
        if (external) {
            const refused = await new Promise<boolean>(resolve => {
                const socket = connect({ host: external.address, port }, () => { socket.destroy(); resolve(false); });
                socket.on('error', () => resolve(true));
            });
            expect(refused).toBe(true);
        }
    });

    test('the index lists every journey per file, with its summary figures, under a strict CSP', async () => {
        const { page, problems } = await open('/');
        const links = await page.locator('tr.journey td:first-child a').evaluateAll(anchors =>
            anchors.map(a => [a.textContent, a.getAttribute('href')]));
        expect(links).toEqual([
            ['Hospital outpatient visit', '/map/hospital-visit.journey?journey=HospitalVisit'],
            ['Buy running shoes online', '/map/online-purchase.journey?journey=OnlinePurchase'],
            ['Renew a passport online, redesigned', '/map/passport-renewal-tomorrow.journey?journey=PassportRenewalTomorrow'],
            ['Renew a passport online', '/map/passport-renewal.journey?journey=PassportRenewal']
        ].map(([title, href]): unknown[] => [expect.stringContaining(title.split(' ')[0]), href]));
        const passportRow = await page.locator('tr.journey', { has: page.locator('a[href$="journey=PassportRenewal"]') }).locator('td').allTextContents();
        expect(passportRow.slice(2)).toEqual(['12', '3.0 neutral', '100%', '100%']);
        expect(await page.locator('h2.file').allTextContents()).toEqual(['hospital-visit.journey', 'online-purchase.journey', 'organisation.journey', 'passport-renewal-tomorrow.journey', PASSPORT]);
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-[^']+'; img-src 'self' data:; base-uri 'none'; form-action 'none'$/);
        expect(await page.locator('script').count()).toBe(0);
        expect(problems).toEqual([]);
        await page.close();
    });

    test('a journey page is the preview page: the map drawn, zoom, the host script and CSP allowing the event stream', async () => {
        const { page, problems } = await open(`/map/${PASSPORT}`);
        await page.locator('.map svg .column').nth(11).waitFor({ timeout: WAIT_MS });
        expect(await page.locator('.map svg .column').count()).toBe(12);
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toMatch(/^default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'nonce-[^']+'; connect-src 'self'; base-uri 'none'; form-action 'none'$/);
        const nonce = /'nonce-([^']+)'/.exec(csp!)![1];
        // The header says the same policy, and what only a header can say.
        const served = await fetch(`${origin}/map/${PASSPORT}`);
        const header = served.headers.get('content-security-policy')!;
        const servedMeta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await served.text())![1];
        expect(header).toBe(`${servedMeta}; frame-ancestors 'none'`);
        expect(await page.locator('script').evaluateAll(scripts => scripts.map(s => [(s as HTMLScriptElement).nonce, s.getAttribute('src')])))
            .toEqual([[nonce, '/assets/serve-host.js'], [nonce, '/assets/preview.js']]);
        await page.locator('button[data-action="zoom-in"]').click();
        expect(await page.locator('.zoom-level').textContent()).not.toBe('100%');
        expect(await page.locator('a.serve-index-link').getAttribute('href')).toBe('/');
        expect(problems).toEqual([]);
        await page.close();
    });

    test('saving a file redraws the map; a broken file shows the banner over the last good map', async () => {
        const file = path.join(folder, PASSPORT);
        const original = await readFile(file, 'utf-8');
        const { page, problems } = await open(`/map/${PASSPORT}`);
        await page.locator('.map svg .column').nth(11).waitFor({ timeout: WAIT_MS });

        await writeFile(file, original.replace('"Gets an expiry reminder email"', '"Opens the reminder letter"'));
        const start = Date.now();
        await page.waitForFunction(() => document.querySelector('.map svg')?.textContent?.includes('Opens the reminder'), undefined, { timeout: WAIT_MS });
        const redrawnIn = Date.now() - start;
        expect(redrawnIn).toBeLessThan(WAIT_MS);
        expect(await page.locator('.map svg .column').count()).toBe(12);
        expect(await page.locator('.banner').isHidden()).toBe(true);
        await server.waitForOutput(/passport-renewal\.journey: redrawn/);

        await writeFile(file, original.replace('stage Apply', 'stage Apply {'));
        await page.locator('.banner').waitFor({ state: 'visible', timeout: WAIT_MS });
        expect(await page.locator('.banner').textContent()).toMatch(/errors? in this file: showing the last map drawn without errors\./);
        expect(await page.locator('.map svg .column').count()).toBe(12);
        expect(await page.locator('.map svg').textContent()).toContain('Opens the reminder');

        await writeFile(file, original);
        await page.locator('.banner').waitFor({ state: 'hidden', timeout: WAIT_MS });
        await page.waitForFunction(() => document.querySelector('.map svg')?.textContent?.includes('Gets an expiry reminder'), undefined, { timeout: WAIT_MS });
        expect(problems).toEqual([]);
        await page.close();
    });

    test('user text is text: an XSS label in the index and on the map runs nothing', async () => {
        await writeFile(path.join(folder, 'xss.journey'), `owner Web "<img src=x onerror=alert('owner')>"
journey Xss "<script>alert('title')</script>" {
  stage S "<b onmouseover=alert(1)>stage</b>" {
    touchpoint A "<img src=x onerror=alert(1)>" { owner Web emotion 2 pain "</text><script>alert(2)</script>" }
  }
}
journey Second "Second <i>journey</i>" { stage S { touchpoint B { owner Web emotion 4 } } }
`);
        await server.waitForOutput(/xss\.journey: redrawn/);
        const index = await open('/');
        expect(await index.page.locator('tr.journey td:first-child a').allTextContents())
            .toContain("<script>alert('title')</script>");
        expect(await index.page.locator('img, script, b, i').count()).toBe(0);
        expect(index.problems).toEqual([]);
        await index.page.close();

        const map = await open('/map/xss.journey');
        await map.page.locator('.map svg .column').first().waitFor({ timeout: WAIT_MS });
        const text = await map.page.locator('.map svg').textContent();
        expect(text).toContain('<img src=x onerror=alert(1)>');
        expect(text).toContain('</text><script>alert(2)</script>');
        expect(await map.page.locator('img, .map script, .map b').count()).toBe(0);
        // Two journeys: a tab each; ?journey= picks the one shown first.
        expect(await map.page.locator('.journey-tab').count()).toBe(2);
        await map.page.locator('.map svg').hover();
        expect(map.problems).toEqual([]);
        await map.page.close();

        const second = await open('/map/xss.journey?journey=Second');
        await second.page.waitForFunction(() => document.querySelector('.map svg')?.textContent?.includes('Second <i>journey</i>'), undefined, { timeout: WAIT_MS });
        expect(await second.page.locator('.journey-tab[aria-pressed="true"]').textContent()).toBe('Second <i>journey</i>');
        await second.page.close();
    });

    test('clicking a touchpoint prints its file:line:column; the SVG button downloads the map', async () => {
        const { page, problems } = await open(`/map/${PASSPORT}`);
        await page.locator('.map svg .column').nth(11).waitFor({ timeout: WAIT_MS });
        await page.locator('.map svg [data-kind="touchpoint"]').first().click();
        const source = await readFile(path.join(folder, PASSPORT), 'utf-8');
        const line = source.split('\n').findIndex(l => l.includes('touchpoint Reminder')) + 1;
        await server.waitForOutput(new RegExp(`^passport-renewal\\.journey:${line}:\\d+$`, 'm'));

        const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), page.locator('button[data-action="export-svg"]').click()]);
        expect(download.suggestedFilename()).toBe('PassportRenewal.svg');
        const svg = await readFile(await download.path(), 'utf-8');
        expect(svg).toMatch(/^<svg [^>]*class="journey-map theme-light"/);
        expect(problems).toEqual([]);
        await page.close();
    });

    test.each([
        '/map/../organisation.journey',
        '/map/%2e%2e/%2e%2e/etc/passwd',
        '/map/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '/map/..%2F..%2Fpackage.json',
        '/assets/../../package.json',
        '/assets/%2E%2E/%2E%2E/package.json',
        '/map//etc/passwd',
        `/map/${encodeURIComponent(path.join(EXAMPLES, PASSPORT))}`,
        '/events?file=..%2F..%2Fetc%2Fpasswd',
        `/events?file=${encodeURIComponent(path.join(EXAMPLES, PASSPORT))}`,
        '/export?file=..%2Fpackage.json&format=svg',
        '/assets/main.cjs'
    ])('refuses %s', async rawPath => {
        const response = await rawGet(rawPath);
        expect([403, 404]).toContain(response.status);
        // A one-line refusal, nothing of any file.
        expect(response.body).toMatch(/^(Forbidden|No such|Not found)[^\n]*\n$/);
    });

    test('refuses another Host (DNS rebinding) and methods other than GET', async () => {
        expect((await rawGet('/', 'attacker.example:80')).status).toBe(403);
        const response = await fetch(`${origin}/`, { method: 'DELETE' });
        expect(response.status).toBe(405);
        const post = await fetch(`${origin}/reveal`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'http://attacker.example' }, body: '{}' });
        expect(post.status).toBe(403);
    });

    test('a port in use, a missing folder or a file: a one-line error and exit 2', async () => {
        const port = new URL(origin).port;
        expect(await journey(folder, 'serve', '.', '--port', port)).toEqual({
            code: 2, stdout: '', stderr: `journey: port ${port} is in use: choose another with --port, or omit it for a free one\n`
        });
        expect(await journey(folder, 'serve', 'nowhere')).toEqual({ code: 2, stdout: '', stderr: 'journey: nowhere: no such folder\n' });
        expect(await journey(folder, 'serve', PASSPORT)).toEqual({
            code: 2, stdout: '', stderr: `journey: ${PASSPORT}: not a folder (serve shows every journey under a folder)\n`
        });
        expect((await journey(folder, 'serve', '--port', '70000')).code).toBe(2);
    });

    test('stops on SIGTERM', async () => {
        server.child.kill('SIGTERM');
        expect((await server.done).code).toBe(0);
    });
});
