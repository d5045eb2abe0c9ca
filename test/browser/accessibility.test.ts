import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { renderMapFile } from '../../src/map/render.js';
import { summarySentence } from '../../src/map/journey-description.js';
import { EXAMPLES, startServe, type ServeProcess } from '../helpers/cli-process.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { launchChromium, openPreview, PreviewPageServer } from '../helpers/preview-page.js';

/**
 * The map for everyone, in headless Chromium: axe-core finds no serious or critical violation on the preview
 * page, a `journey serve` page and an exported page, in the light, dark and high-contrast themes; the keyboard
 * walks the touchpoints and reveals their source; the accessible tree tells every touchpoint in order.
 */
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
const THEMES = ['light', 'dark', 'high-contrast'] as const;
type Theme = typeof THEMES[number];

/** The --vscode-* variables VS Code gives a webview, for the ones the page reads: Light+, Dark+ and High Contrast. */
const VSCODE_THEMES: Record<Theme, { body: string, vars: Record<string, string> }> = {
    'light': { body: 'vscode-light', vars: { 'foreground': '#3b3b3b', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'focusBorder': '#005fb8', 'editorWidget-background': '#f8f8f8', 'descriptionForeground': '#595959' } },
    'dark': { body: 'vscode-dark', vars: { 'foreground': '#cccccc', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'focusBorder': '#4daafc', 'editorWidget-background': '#202020', 'descriptionForeground': '#b0b0b0' } },
    'high-contrast': { body: 'vscode-high-contrast', vars: { 'foreground': '#ffffff', 'editor-background': '#000000', 'editor-foreground': '#ffffff', 'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'focusBorder': '#f38518', 'contrastBorder': '#6fc3df', 'editorWidget-background': '#0c141f' } }
};

/** How a plain browser asks for a theme (serve and exported pages). */
const BROWSER_THEMES: Record<Theme, BrowserContextOptions> = {
    'light': { colorScheme: 'light' },
    'dark': { colorScheme: 'dark' },
    'high-contrast': { colorScheme: 'light', contrast: 'more', forcedColors: 'active' }
};

let browser: Browser;
let server: PreviewPageServer;
let examples: Record<string, JourneyDocumentModel>;
let folder: string;
let serve: ServeProcess;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-a11y-'));
    await cp(EXAMPLES, folder, { recursive: true });
    [browser, server, examples, serve] = await Promise.all([
        launchChromium(), PreviewPageServer.start(), exampleFiles().then(documentModels), startServe(folder, ['.'])
    ]);
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (serve?.child.exitCode === null) {
        serve.child.kill('SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
});

const PASSPORT = 'passport-renewal.journey';

/** axe-core's violations of impact serious or critical on the page, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string, impact?: string, nodes: { target: unknown[] }[] }[] }> } }).axe;
        return (await axe.run(document)).violations;
    });
    return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .flatMap(v => v.nodes.map(node => `${v.id}: ${JSON.stringify(node.target)}`));
}

async function previewOf(name: string, theme: Theme = 'light') {
    const model = examples[name];
    const preview = await openPreview(browser, server, { source: model.uri, locked: false });
    await preview.page.emulateMedia({ reducedMotion: 'reduce' });
    await preview.page.evaluate(({ body, vars }) => {
        document.body.classList.add(body);
        for (const [name, value] of Object.entries(vars)) {
            document.documentElement.style.setProperty(`--vscode-${name}`, value);
        }
    }, VSCODE_THEMES[theme]);
    await preview.update(model.uri, model);
    await preview.renders(1);
    return preview;
}

describe('axe-core finds no serious or critical violation', () => {
    test.each(THEMES)('on the preview page, %s', async theme => {
        const preview = await previewOf(PASSPORT, theme);
        expect(await seriousViolations(preview.page)).toEqual([]);
        await preview.page.locator('[data-action="help"]').click();
        expect(await seriousViolations(preview.page)).toEqual([]);
        expect(preview.problems).toEqual([]);
        await preview.page.close();
    });

    test.each(THEMES)('on a journey serve page, %s', async theme => {
        const context = await browser.newContext(BROWSER_THEMES[theme]);
        const page = await context.newPage();
        await page.goto(`${serve.origin}/map/${encodeURIComponent(PASSPORT)}`);
        await page.locator('.map svg .column').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
    });

    test.each(THEMES)('on an exported page, %s', async theme => {
        const context = await browser.newContext(BROWSER_THEMES[theme]);
        const page = await context.newPage();
        await page.setContent(renderMapFile(examples[PASSPORT].journeys[0], { format: 'html', theme: theme === 'dark' ? 'dark' : 'light' }));
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
    });
});

describe('the keyboard', () => {
    test('Tab reaches the map; the arrows walk from the first touchpoint to the last; Enter reveals the one marked', async () => {
        const preview = await previewOf(PASSPORT);
        const { page } = preview;
        const touchpoints = examples[PASSPORT].journeys[0].stages.flatMap(stage => stage.touchpoints);
        let tabs = 0;
        while (!(await page.evaluate(() => document.activeElement?.classList.contains('viewport'))) && tabs < 30) {
            await page.keyboard.press('Tab');
            tabs++;
        }
        expect(tabs).toBeLessThan(30);
        const marked = () => page.locator('.map svg .keyboard-mark').getAttribute('data-touchpoint');
        for (const touchpoint of touchpoints) {
            await page.keyboard.press('ArrowRight');
            expect(await marked()).toBe(touchpoint.name);
            expect(await page.locator('.announcer').textContent()).toContain(touchpoint.title);
        }
        await page.keyboard.press('ArrowRight');
        expect(await marked()).toBe(touchpoints.at(-1)!.name);
        const inView = await page.locator('.map svg .keyboard-mark').evaluate(element => {
            const box = element.getBoundingClientRect();
            const view = document.querySelector('.viewport')!.getBoundingClientRect();
            return box.left >= view.left && box.right <= view.right;
        });
        expect(inView).toBe(true);
        await page.keyboard.press('Enter');
        const last = touchpoints.at(-1)!;
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toEqual({
            type: 'reveal', source: examples[PASSPORT].uri, range: last.source.range, selection: last.source.selection
        });
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await page.locator('.map svg .keyboard-mark').getAttribute('data-kind')).toBe('owner');
        await page.keyboard.press(' ');
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toMatchObject({ range: touchpoints[0].ownerSource!.range });
        await page.keyboard.press(']');
        expect(await page.locator('.map svg').getAttribute('data-view')).toBe('blueprint');
        await page.keyboard.press('?');
        await expect.poll(() => page.locator('.help').isVisible()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
        await page.keyboard.press('Escape');
        expect(await page.locator('.help').isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('viewport'))).toBe(true);
        expect(preview.problems).toEqual([]);
        await page.close();
    });
});

describe('screen readers', () => {
    test('the accessible tree lists every touchpoint with its grade and owner, in journey order, after the summary', async () => {
        const preview = await previewOf(PASSPORT);
        const journey = examples[PASSPORT].journeys[0];
        const svg = await preview.page.locator('.map svg').ariaSnapshot();
        expect(svg).toContain(`img "Journey map: ${journey.title}, 12 touchpoints in 5 stages"`);
        const tree = await preview.page.locator('.outline').ariaSnapshot();
        expect(tree).toContain(summarySentence(journey));
        const items = [...tree.matchAll(/listitem: (.*)$/gm)].map(match => match[1]);
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
        expect(items).toHaveLength(touchpoints.length);
        touchpoints.forEach((touchpoint, i) => {
            expect(items[i]).toContain(touchpoint.title);
            expect(items[i]).toContain(`Owner: ${touchpoint.owner!.title}`);
            expect(items[i]).toContain(`Tomasz: grade ${touchpoint.emotions[0].grade} of 5`);
        });
        const description = await preview.page.locator('.map svg').evaluate(svg => svg.querySelector(':scope > desc')?.textContent);
        expect(description).toBe('12 touchpoints in 5 stages; average grade 3.0; lowest: Calls the passport advice line, grade 1; every touchpoint has an owner');
        await preview.page.close();
    });
});
