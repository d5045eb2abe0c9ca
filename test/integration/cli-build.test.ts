import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, journey } from '../helpers/cli-process.js';
import { filesUnder, HOSTILE_TITLE, makeSiteFolder } from '../helpers/site-fixture.js';

/** `journey build` as a process: the files of the site, their bytes at every build, and the folders it refuses. */
let root: string;

beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'journey-build-'));
    await makeSiteFolder(path.join(root, 'maps'));
});

afterAll(async () => {
    await rm(root, { recursive: true, force: true });
});

describe('journey build', () => {
    test('writes an index and a page per journey, says what it made, and prints plain progress lines when not on a terminal', async () => {
        const run = await journey(root, 'build', 'maps', '-o', 'site');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('site: 8 journey pages and the index, from 9 files (1 with errors); 9 written, 0 unchanged. Open site/index.html\n');
        expect(run.stderr).toBe([1, 2, 3, 4, 5, 6, 7, 8, 9].map(n => `Drawing pages: ${n}/9\n`).join(''));
        expect([...(await filesUnder(path.join(root, 'site'))).keys()]).toEqual([
            'index.html',
            'journey-site.json',
            'journeys/hospital-visit/HospitalVisit.html',
            'journeys/online-purchase/OnlinePurchase.html',
            'journeys/passport-renewal-tomorrow/PassportRenewalTomorrow.html',
            'journeys/passport-renewal/PassportRenewal.html',
            'journeys/team/broken/Broken.html',
            'journeys/team/hostile/Hostile.html',
            'journeys/team/trips/Day_trip__1/Go.html',
            'journeys/team/trips/day_trip__1/go-2.html'
        ]);
        const marker = JSON.parse(await readFile(path.join(root, 'site', 'journey-site.json'), 'utf-8')) as { generator: string, files: string[] };
        expect(marker.generator).toBe('journey build');
        expect(marker.files).toHaveLength(9);
    });

    test('the same folder gives the same bytes, built again or elsewhere; nothing names the folder it was built in', async () => {
        const first = await filesUnder(path.join(root, 'site'));
        const again = await journey(root, 'build', 'maps', '-o', 'site');
        expect(again.stdout).toContain('0 written, 9 unchanged');
        const elsewhere = await mkdtemp(path.join(tmpdir(), 'journey-build-elsewhere-'));
        try {
            await makeSiteFolder(path.join(elsewhere, 'maps'));
            expect((await journey(elsewhere, 'build', 'maps', '-o', 'out')).code).toBe(0);
            expect(await filesUnder(path.join(elsewhere, 'out'))).toEqual(first);
        } finally {
            await rm(elsewhere, { recursive: true, force: true });
        }
        for (const content of first.values()) {
            expect(content.toString()).not.toContain(root);
            expect(content.toString()).not.toContain('file://');
        }
    });

    test('every label is escaped: no markup from a file reaches a page', async () => {
        const page = await readFile(path.join(root, 'site', 'journeys', 'team', 'hostile', 'Hostile.html'), 'utf-8');
        expect(page).not.toContain('<script>alert');
        expect(page).not.toContain('<img src=x');
        expect(page).not.toContain('<iframe');
        expect(page).not.toContain('<b>bold');
        expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
        // One script: the site's own, allowed by its hash and nothing else.
        expect(page.match(/<script/g)).toHaveLength(1);
        const index = await readFile(path.join(root, 'site', 'index.html'), 'utf-8');
        expect(index).not.toContain(HOSTILE_TITLE);
        expect(index.match(/<script/g)).toHaveLength(1);
    });

    test('a file with errors: its journey page carries the banner, the index the count; links are relative', async () => {
        const page = await readFile(path.join(root, 'site', 'journeys', 'team', 'broken', 'Broken.html'), 'utf-8');
        expect(page).toMatch(/<div class="banner" role="alert"><p>This file has \d+ errors: the map is drawn from what could be read of it/);
        expect(page).toContain('<a href="../../../index.html">All journeys</a>');
        const tomorrow = await readFile(path.join(root, 'site', 'journeys', 'passport-renewal-tomorrow', 'PassportRenewalTomorrow.html'), 'utf-8');
        expect(tomorrow).toContain('Redesign of <a href="../passport-renewal/PassportRenewal.html">Renew a passport online</a>');
        expect(tomorrow).toContain('<a class="view-tab" href="#view-map">Map</a><a class="view-tab" href="#view-blueprint">Blueprint</a>' +
            '<a class="view-tab" href="#view-stakeholders">Stakeholders</a><a class="view-tab" href="#view-compare">Compare with today</a>');
        const today = await readFile(path.join(root, 'site', 'journeys', 'passport-renewal', 'PassportRenewal.html'), 'utf-8');
        expect(today).toContain('Redesigned in <a href="../passport-renewal-tomorrow/PassportRenewalTomorrow.html">Renew a passport online, redesigned</a>');
        expect(today).not.toContain('view-compare');
    });

    test('into a site it made: pages of journeys that are gone are removed, other files are left alone', async () => {
        const site = path.join(root, 'site');
        await writeFile(path.join(site, 'CNAME'), 'maps.example.org\n');
        await unlink(path.join(root, 'maps', 'team', 'broken.journey'));
        try {
            const run = await journey(root, 'build', 'maps', '-o', 'site');
            expect(run.code).toBe(0);
            expect(run.stdout).toContain(', 1 removed.');
            expect(await stat(path.join(site, 'journeys', 'team', 'broken')).catch(() => undefined)).toBeUndefined();
            expect(await readFile(path.join(site, 'CNAME'), 'utf-8')).toBe('maps.example.org\n');
        } finally {
            await makeSiteFolder(path.join(root, 'maps'));
        }
    });

    test('refuses a folder that is not empty and that it did not make, unless --force, and writes nothing there', async () => {
        const mine = path.join(root, 'mine');
        await mkdir(mine);
        await writeFile(path.join(mine, 'notes.txt'), 'my notes');
        const refused = await journey(root, 'build', 'maps', '-o', 'mine');
        expect(refused).toEqual({
            code: 2, stdout: '',
            stderr: 'journey: -o mine: the folder is not empty and is not a site journey build made (no journey-site.json): ' +
                'name a new or empty folder, or add --force to write the site into it\n'
        });
        expect([...(await filesUnder(mine)).keys()]).toEqual(['notes.txt']);
        const forced = await journey(root, 'build', 'maps', '-o', 'mine', '--force');
        expect(forced.code).toBe(0);
        expect([...(await filesUnder(mine)).keys()]).toContain('index.html');
        expect(await readFile(path.join(mine, 'notes.txt'), 'utf-8')).toBe('my notes');
        // From then on it is a site of its own: no --force needed.
        expect((await journey(root, 'build', 'maps', '-o', 'mine')).code).toBe(0);
    });

    test('--base makes every link absolute, adds each page its canonical address and writes a sitemap', async () => {
        const run = await journey(root, 'build', 'maps', '-o', 'published', '--base', 'https://example.org/maps');
        expect(run.code).toBe(0);
        const index = await readFile(path.join(root, 'published', 'index.html'), 'utf-8');
        expect(index).toContain('<link rel="canonical" href="https://example.org/maps/index.html">');
        expect(index).toContain('<a href="https://example.org/maps/journeys/passport-renewal/PassportRenewal.html">');
        const sitemap = await readFile(path.join(root, 'published', 'sitemap.xml'), 'utf-8');
        expect(sitemap).toContain('<loc>https://example.org/maps/journeys/team/trips/Day_trip__1/Go.html</loc>');
        expect(sitemap.match(/<loc>/g)).toHaveLength(9);
    });

    test('bad arguments: one line, exit 2', async () => {
        expect(await journey(root, 'build', 'nowhere')).toEqual({ code: 2, stdout: '', stderr: 'journey: nowhere: no such folder\n' });
        expect(await journey(root, 'build', 'maps/hospital-visit.journey')).toEqual({
            code: 2, stdout: '', stderr: 'journey: maps/hospital-visit.journey: not a folder (build makes a site of every journey under a folder)\n'
        });
        expect(await journey(root, 'build', 'maps', '--base', 'example.org')).toEqual({
            code: 2, stdout: '', stderr: 'journey: --base example.org: not an absolute URL (write it as https://example.org/maps/)\n'
        });
        expect(await journey(root, 'build', 'maps', '--base', 'javascript:alert(1)//')).toEqual({
            code: 2, stdout: '', stderr: 'journey: --base javascript:alert(1)//: must be an http or https URL without ? or # (write it as https://example.org/maps/)\n'
        });
        expect(await journey(root, 'build', 'maps', '-o', 'maps/hospital-visit.journey')).toEqual({
            code: 2, stdout: '', stderr: 'journey: -o maps/hospital-visit.journey: is a file, not a folder\n'
        });
    });

    test('on a terminal: one status line that updates in place, cleared at the end', () => {
        // `script` gives the CLI a pseudo-terminal, as a user's shell would.
        const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI} build maps -o tty-site`, '/dev/null'], { cwd: root, encoding: 'utf-8' });
        expect(run.status).toBe(0);
        const output = run.stdout;
        expect(output).toContain('\r\u001b[2KReading the journeys under maps');
        expect(output).toContain('\r\u001b[2KDrawing pages: 9/9');
        expect(output).toContain('\r\u001b[2Ktty-site: 8 journey pages and the index');
        expect(output).not.toMatch(/Drawing pages: \d+\/9\r?\n/);
    });
});
