import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey } from '../helpers/cli-process.js';
import { launchChromium, watchedPage } from '../helpers/preview-page.js';
import { filesUnder, makeSiteFolder } from '../helpers/site-fixture.js';

/**
 * The site `journey build` makes, as a reader opens it: from `file://` in Debian's headless Chromium, every
 * page of it. A page may reach nothing outside the site's folder (anything else is aborted and counted), run
 * no script but the site's own, and break no rule of its Content-Security-Policy.
 */
let root: string;
let site: string;
let siteUrl: string;
let pages: string[];
let siteScriptHash: string;
let browser: Browser;

beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'journey-site-'));
    await makeSiteFolder(path.join(root, 'maps'));
    const run = await journey(root, 'build', 'maps', '-o', 'site');
    expect(run.code).toBe(0);
    site = path.join(root, 'site');
    siteUrl = pathToFileURL(site).href + '/';
    pages = [...(await filesUnder(site)).keys()].filter(file => file.endsWith('.html'));
    const script = await readFile(fileURLToPath(new URL('../../out/webview/site.js', import.meta.url)), 'utf-8');
    siteScriptHash = createHash('sha256').update(script).digest('base64');
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    await rm(root, { recursive: true, force: true });
});

interface OpenedPage {
    page: Page;
    /** Page errors, console errors (a CSP violation is one), dialogs, and CSP violations as the page saw them. */
    problems: string[];
    /** Every request the page made. */
    requests: string[];
}

async function open(file: string): Promise<OpenedPage> {
    const { page, problems } = await watchedPage(browser, siteUrl);
    const requests: string[] = [];
    page.on('request', request => requests.push(request.url()));
    await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', event => {
            console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
        });
    });
    await page.goto(new URL(file, siteUrl).href);
    return { page, problems, requests };
}

/** The SHA-256 of each script element's text (base64), and whether any has a src. */
function scriptsOf(page: Page): Promise<{ texts: string[], sources: string[] }> {
    return page.evaluate(() => ({
        texts: [...document.scripts].map(script => script.text),
        sources: [...document.scripts].map(script => script.src).filter(Boolean)
    }));
}

describe('the static site from file://', () => {
    test('every page: clean, only the site\'s script, no request outside the folder, every link resolves', async () => {
        expect(pages.length).toBe(9);
        for (const file of pages) {
            const { page, problems, requests } = await open(file);
            const { texts, sources } = await scriptsOf(page);
            expect(sources, file).toEqual([]);
            expect(texts.map(text => createHash('sha256').update(text).digest('base64')), file).toEqual([siteScriptHash]);
            const links = await page.locator('a[href]').evaluateAll(anchors => anchors.map(anchor => (anchor as HTMLAnchorElement).href));
            expect(links.length, file).toBeGreaterThan(0);
            for (const link of links) {
                expect(link.startsWith(siteUrl), `${file}: ${link}`).toBe(true);
                const url = new URL(link);
                const target = fileURLToPath(new URL(url.pathname, url));
                expect((await stat(target).catch(() => undefined))?.isFile(), `${file}: ${link}`).toBe(true);
                // A fragment names a view of the same page, which must be there.
                if (url.hash !== '') {
                    expect(target, `${file}: ${link}`).toBe(fileURLToPath(page.url()));
                    expect(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), `${file}: ${link}`).toBe(1);
                }
            }
            expect(requests.filter(request => !request.startsWith(siteUrl)), file).toEqual([]);
            expect(problems, file).toEqual([]);
            await page.close();
        }
    });

    test('every journey page draws its map first, and each view in its tab', async () => {
        for (const file of pages.filter(name => name.startsWith('journeys/'))) {
            const { page, problems } = await open(file);
            const map = page.locator('#view-map svg');
            await expect.poll(() => map.isVisible(), { timeout: 5_000 }).toBe(true);
            expect((await map.boundingBox())?.width, file).toBeGreaterThan(100);
            expect(await page.locator('#view-map .touchpoint, #view-map [data-touchpoint]').count(), file).toBeGreaterThan(0);
            const tabs = await page.locator('a.view-tab').all();
            expect(tabs.length, file).toBeGreaterThanOrEqual(3);
            for (const tab of tabs) {
                const id = (await tab.getAttribute('href'))!.slice(1);
                await tab.click();
                expect(new URL(page.url()).hash).toBe(`#${id}`);
                expect(await page.locator(`section.view:visible`).evaluateAll(sections => sections.map(section => section.id))).toEqual([id]);
                expect((await page.locator(`#${id} svg`).boundingBox())?.width, `${file} ${id}`).toBeGreaterThan(100);
                expect(await tab.getAttribute('aria-current')).toBe('page');
            }
            // The back button goes back to the tab before.
            if (tabs.length > 1) {
                await page.goBack();
                const before = (await tabs.at(-2)!.getAttribute('href'))!.slice(1);
                await expect.poll(() => page.locator('section.view:visible').evaluateAll(sections => sections.map(section => section.id))).toEqual([before]);
            }
            expect(problems, file).toEqual([]);
            await page.close();
        }
    });

    test('a redesign: the comparison with today, and links both ways', async () => {
        const { page, problems } = await open('journeys/passport-renewal-tomorrow/PassportRenewalTomorrow.html#view-compare');
        await expect.poll(() => page.locator('#view-compare svg').isVisible()).toBe(true);
        expect(await page.locator('.about').textContent()).toBe('Journey PassportRenewalTomorrow for Tomasz (Self-employed plumber with a wedding abroad)');
        expect(await page.locator('#view-map').isVisible()).toBe(false);
        await page.getByRole('link', { name: 'Renew a passport online', exact: true }).click();
        expect(page.url()).toBe(new URL('journeys/passport-renewal/PassportRenewal.html', siteUrl).href);
        expect(await page.locator('.related').textContent()).toContain('Redesigned in Renew a passport online, redesigned');
        expect(await page.locator('a.view-tab[href="#view-compare"]').count()).toBe(0);
        expect(problems).toEqual([]);
        await page.close();
    });

    test('a file with errors: the banner on its page, its count on the index', async () => {
        const { page, problems } = await open('journeys/team/broken/Broken.html');
        const banner = page.getByRole('alert');
        expect(await banner.textContent()).toMatch(/^This file has 2 errors: the map is drawn from what could be read of it/);
        expect(await page.locator('#view-map svg').isVisible()).toBe(true);
        expect(problems).toEqual([]);
        await page.close();
        const index = await open('index.html');
        expect(await index.page.locator('section.file', { hasText: 'team/broken.journey' }).locator('.errors').textContent()).toBe('2 errors');
        await index.page.close();
    });

    test('the index: every journey per file with its personas, and the filter box', async () => {
        const { page, problems } = await open('index.html');
        const rows = page.locator('tr.journey');
        expect(await rows.count()).toBe(8);
        expect(await page.locator('section.file h2').allTextContents()).toContain('hospital-visit.journey');
        const hospital = page.locator('tr.journey', { hasText: 'HospitalVisit' });
        expect(await hospital.locator('td').nth(1).locator('.persona').allTextContents()).toEqual([
            'Graham Retired teacher with a painful knee', 'Ruth Graham\'s wife, who drives him and keeps track of his care'
        ]);
        const input = page.getByLabel('Filter');
        expect(await input.isVisible()).toBe(true);
        await input.fill('passport');
        expect(await page.locator('tr.journey:visible').count()).toBe(2);
        expect(await page.locator('#journey-filter-status').textContent()).toBe('2 of 8 journeys match');
        await input.fill('trips');
        expect(await page.locator('tr.journey:visible').count()).toBe(2);
        await input.fill('no such journey');
        expect(await page.locator('section.file:visible').count()).toBe(0);
        await input.fill('');
        expect(await page.locator('tr.journey:visible').count()).toBe(8);
        expect(problems).toEqual([]);
        await page.close();
    });

    test('from a static host under a path of its own: every link of every page found there', async () => {
        // A host that serves the site's folder under /team/maps/ only, as GitHub Pages serves a project.
        const prefix = '/team/maps/';
        const server: Server = createServer((request, response) => {
            const url = new URL(request.url ?? '/', 'http://host');
            const file = url.pathname.startsWith(prefix) ? path.join(site, ...decodeURIComponent(url.pathname.slice(prefix.length)).split('/')) : undefined;
            readFile(file ?? '').then(body => {
                response.writeHead(200, { 'content-type': file!.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(body);
            }, () => response.writeHead(404).end());
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
            const { page, problems } = await watchedPage(browser, origin);
            for (const file of pages) {
                const response = await page.goto(`${origin}${prefix}${file}`);
                expect(response?.status(), file).toBe(200);
                const links = await page.locator('a[href]').evaluateAll(anchors => anchors.map(anchor => (anchor as HTMLAnchorElement).href));
                for (const link of links) {
                    expect(link.startsWith(`${origin}${prefix}`), `${file}: ${link}`).toBe(true);
                    expect((await page.request.get(link)).status(), `${file}: ${link}`).toBe(200);
                }
            }
            expect(problems).toEqual([]);
            await page.close();
        } finally {
            await new Promise(resolve => server.close(resolve));
        }
    });

    test('without its script a page still shows every view, one under the other', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.route(url => !url.toString().startsWith(siteUrl), route => route.abort());
        await page.goto(new URL('journeys/hospital-visit/HospitalVisit.html', siteUrl).href);
        expect(await page.locator('section.view:visible').count()).toBe(3);
        expect(await page.locator('#journey-filter-box').count()).toBe(0);
        await context.close();
    });
});
