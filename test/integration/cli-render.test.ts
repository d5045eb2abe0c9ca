import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderJourneyMap } from '../../src/map/views/journey-map/render.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { EXAMPLES, journey } from '../helpers/cli-process.js';

/** `journey render` as a process: SVG to standard output, or SVG / HTML / PNG files written whole or not at all. */
let folder: string;

const TWO_JOURNEYS = `owner Web "Web team"
persona P "Pat"
journey First "The first journey" for P { stage S { touchpoint A "Step A" { owner Web emotion 3 } } }
journey Second "The second journey" for P { stage S { touchpoint B "Step B" { owner Web emotion 4 } } }
`;

beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'journey-render-'));
    await cp(EXAMPLES, path.join(folder, 'examples'), { recursive: true });
    await writeFile(path.join(folder, 'two.journey'), TWO_JOURNEYS);
    // Diagnostics that are not syntax errors: an unknown channel and a missing owner.
    await writeFile(path.join(folder, 'warned.journey'), 'journey W "Warned" { stage S { touchpoint A "Somewhere" { channel Nowhere emotion 2 } } }\n');
    await writeFile(path.join(folder, 'broken.journey'), 'journey B {\n  stage S {\n    touchpoint A { owner \n  }\n}\n');
    await writeFile(path.join(folder, 'notes.txt'), 'not a journey');
});

afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
});

/** The SVG without the absolute file URIs of shared declarations, which differ between the CLI and the test workspace. */
function withoutUris(svg: string): string {
    return svg.replace(/ data-uri="[^"]*"/g, '');
}

async function leftovers(): Promise<string[]> {
    return (await readdir(folder)).filter(name => name.endsWith('.tmp'));
}

describe('journey render', () => {
    test('prints the SVG of the first journey, drawn by the preview renderer with its styles inside', async () => {
        const run = await journey(folder, 'render', 'examples/passport-renewal.journey');
        expect([run.code, run.stderr]).toEqual([0, '']);
        const models = await documentModels(await exampleFiles());
        const expected = renderJourneyMap(models['passport-renewal.journey'].journeys[0], { styles: 'embedded', theme: 'light' });
        expect(withoutUris(run.stdout)).toBe(`${withoutUris(expected)}\n`);
        expect(run.stdout).toMatch(/^<svg [^>]*class="journey-map theme-light"[^>]*><style>/);
    });

    test('writes SVG and self-contained HTML files; --theme dark', async () => {
        const svg = await journey(folder, 'render', 'examples/hospital-visit.journey', '-o', 'hospital.svg', '--theme', 'dark');
        expect(svg).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(await readFile(path.join(folder, 'hospital.svg'), 'utf-8')).toMatch(/^<svg [^>]*class="journey-map theme-dark"/);

        const html = await journey(folder, 'render', 'examples/hospital-visit.journey', '-o', 'hospital.html');
        expect(html.code).toBe(0);
        const page = await readFile(path.join(folder, 'hospital.html'), 'utf-8');
        expect(page).toMatch(/^<!DOCTYPE html>/);
        expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
        expect(page).toContain('<title>Hospital outpatient visit: journey map</title>');
        expect(page).not.toMatch(/<script|<link|\b(src|href)=/);
        expect(page).toContain('class="journey-map theme-light"');
        expect(await leftovers()).toEqual([]);
    });

    test('--journey picks one of several; an unknown name lists them', async () => {
        const second = await journey(folder, 'render', 'two.journey', '--journey', 'Second');
        expect(second.code).toBe(0);
        expect(second.stdout).toContain('The second journey');
        expect(second.stdout).not.toContain('The first journey');
        const first = await journey(folder, 'render', 'two.journey');
        expect(first.stdout).toContain('The first journey');
        expect(await journey(folder, 'render', 'two.journey', '--journey', 'Third')).toEqual({
            code: 2, stdout: '', stderr: "journey: two.journey: no journey named 'Third'; its journeys: First, Second\n"
        });
    });

    test('--persona draws one persona\'s curve; an unknown one lists the journey\'s', async () => {
        const both = await journey(folder, 'render', 'examples/hospital-visit.journey');
        expect([...both.stdout.matchAll(/<g class="curve-layer" data-persona="(\w+)"/g)].map(m => m[1])).toEqual(['Graham', 'Ruth']);
        const ruth = await journey(folder, 'render', 'examples/hospital-visit.journey', '--persona', 'Ruth');
        expect(ruth.code).toBe(0);
        expect([...ruth.stdout.matchAll(/<g class="curve-layer" data-persona="(\w+)"/g)].map(m => m[1])).toEqual(['Ruth']);
        expect(await journey(folder, 'render', 'examples/hospital-visit.journey', '--persona', 'Maria')).toEqual({
            code: 2, stdout: '', stderr: 'journey: --persona Maria: not a persona of the journey; its personas: Graham, Ruth\n'
        });
    });

    test('--compare draws a redesign over the journey of today; a journey that redesigns none is refused', async () => {
        const run = await journey(folder, 'render', 'examples/passport-renewal-tomorrow.journey', '--compare', '-o', 'compare.svg');
        expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
        const svg = await readFile(path.join(folder, 'compare.svg'), 'utf8');
        expect([...svg.matchAll(/<g class="column ghost" data-index="\d+" data-change="(\w+)"/g)].map(m => m[1])).toEqual(['replaced', 'replaced', 'removed']);
        expect(svg).toContain('<g class="curve-layer today" data-persona="Tomasz">');
        expect(await journey(folder, 'render', 'examples/passport-renewal.journey', '--compare')).toEqual({
            code: 2, stdout: '',
            stderr: "journey: --compare: journey 'PassportRenewal' redesigns no journey (write: journey PassportRenewal redesigns <journey of today> { ... })\n"
        });
    });

    test('--view blueprint and --view stakeholders: each view as SVG, HTML and PNG; an unknown view lists them', async () => {
        const blueprint = await journey(folder, 'render', 'examples/hospital-visit.journey', '--view', 'blueprint');
        expect([blueprint.code, blueprint.stderr]).toEqual([0, '']);
        expect(blueprint.stdout).toMatch(/^<svg [^>]*data-view="blueprint"[^>]*aria-label="Service blueprint: Hospital outpatient visit, 14 touchpoints in 5 stages, 10 hand-offs"/);
        expect([...blueprint.stdout.matchAll(/<g class="blueprint-line" data-line="(\w+)"/g)].map(m => m[1])).toEqual(['interaction', 'visibility', 'internal']);
        expect(blueprint.stdout).toContain('<g class="cell notes" data-lane="backstage" data-owner="Orthopaedics">');

        const stakeholders = await journey(folder, 'render', 'examples/hospital-visit.journey', '--view', 'stakeholders', '-o', 'stakeholders.html');
        expect(stakeholders).toEqual({ code: 0, stdout: '', stderr: '' });
        const page = await readFile(path.join(folder, 'stakeholders.html'), 'utf8');
        expect(page).toMatch(/^<!DOCTYPE html>/);
        expect([...page.matchAll(/data-stakeholder="(\w+)" data-circle="(\w+)"/g)].map(m => `${m[1]} ${m[2]}`)).toEqual(expect.arrayContaining([
            'BookingCentre core', 'GPSurgery partner', 'PatientsAssociation partner', 'CareRegulator wider'
        ]));

        const png = await journey(folder, 'render', 'examples/hospital-visit.journey', '--view', 'blueprint', '-o', 'blueprint.png');
        expect(png).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(PNG.sync.read(await readFile(path.join(folder, 'blueprint.png'))).width).toBeGreaterThan(1000);

        const unknown = await journey(folder, 'render', 'examples/hospital-visit.journey', '--view', 'timeline');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('Allowed choices are map, blueprint, stakeholders, compare.');
    });

    test('refuses to replace a file unless --force, and leaves nothing half-written', async () => {
        const target = path.join(folder, 'kept.svg');
        await writeFile(target, 'precious');
        const refused = await journey(folder, 'render', 'two.journey', '-o', 'kept.svg');
        expect(refused).toEqual({ code: 2, stdout: '', stderr: 'journey: kept.svg already exists: add --force to replace it\n' });
        expect(await readFile(target, 'utf-8')).toBe('precious');
        const forced = await journey(folder, 'render', 'two.journey', '-o', 'kept.svg', '--force');
        expect(forced.code).toBe(0);
        expect(await readFile(target, 'utf-8')).toMatch(/^<svg /);
        expect(await leftovers()).toEqual([]);
    });

    test('--workspace resolves owners and personas declared elsewhere', async () => {
        await writeFile(path.join(folder, 'uses-shared.journey'),
            'journey Shared "Uses the shared owners" for Tomasz { stage S { touchpoint A "Reads the letter" { owner PassportComms emotion 3 } } }\n');
        const alone = await journey(folder, 'render', 'uses-shared.journey');
        expect(alone.stdout).toContain('no owner');
        const shared = await journey(folder, 'render', 'uses-shared.journey', '--workspace', 'examples');
        expect(shared.code).toBe(0);
        expect(shared.stdout).toContain('Passport Office communications');
        expect(shared.stdout).toContain('Self-employed plumber');
    });

    test('diagnostics other than syntax errors do not stop the map', async () => {
        const run = await journey(folder, 'render', 'warned.journey');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Somewhere');
    });

    test.each([
        [['render', 'missing.journey'], 'journey: missing.journey: no such file or folder\n'],
        [['render', 'notes.txt'], 'journey: notes.txt: not a .journey file\n'],
        [['render', 'broken.journey'], 'journey: broken.journey:4:3: the file does not parse: Expected a name but found `}`.\n'],
        [['render', 'examples/organisation.journey'], 'journey: examples/organisation.journey: declares no journey\n'],
        [['render', 'two.journey', '-o', 'map.pdf'], 'journey: -o map.pdf: the output must end in .svg, .html or .png\n'],
        [['render', 'two.journey', '-o', 'nowhere/map.svg'], 'journey: nowhere/map.svg: no such folder nowhere\n']
    ])('%j: a one-line error and exit 2', async (args, message) => {
        expect(await journey(folder, ...args)).toEqual({ code: 2, stdout: '', stderr: message });
        expect(await leftovers()).toEqual([]);
    });

    test('bad arguments exit 2', async () => {
        const theme = await journey(folder, 'render', 'two.journey', '--theme', 'sepia');
        expect(theme.code).toBe(2);
        expect(theme.stderr).toContain("argument 'sepia' is invalid");
        expect((await journey(folder, 'render')).code).toBe(2);
    });

    test('--help describes the options', async () => {
        const run = await journey(folder, 'render', '--help');
        expect(run.code).toBe(0);
        for (const option of ['--output', '--journey', '--theme', '--force']) {
            expect(run.stdout).toContain(option);
        }
    });
});

describe('journey render to PNG', () => {
    test('rasterises the SVG at twice its size, with text drawn', async () => {
        const run = await journey(folder, 'render', 'examples/passport-renewal.journey', '-o', 'passport.png');
        expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
        const svg = (await journey(folder, 'render', 'examples/passport-renewal.journey')).stdout;
        const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        const file = await readFile(path.join(folder, 'passport.png'));
        const png = PNG.sync.read(file);
        expect([png.width, png.height]).toEqual([width * 2, height * 2]);
        expect(file.length).toBeGreaterThan(100_000);

        // Not blank: much of the picture differs from the background (the top-left pixel).
        const background = png.data.subarray(0, 4);
        let differing = 0;
        for (let i = 0; i < png.data.length; i += 4) {
            if (Math.abs(png.data[i] - background[0]) + Math.abs(png.data[i + 1] - background[1]) + Math.abs(png.data[i + 2] - background[2]) > 48) {
                differing++;
            }
        }
        expect(differing / (png.width * png.height)).toBeGreaterThan(0.05);

        // Text drawn: dark pixels where the title is (a missing font would leave the header empty).
        const title = /<text class="t-title" x="([\d.]+)" y="([\d.]+)">([^<]+)</.exec(svg)!;
        const [x, baseline] = [Number(title[1]) * 2, Number(title[2]) * 2];
        let ink = 0;
        for (let py = Math.round(baseline - 36); py < baseline + 6; py++) {
            for (let px = Math.round(x); px < x + 300; px++) {
                const i = (py * png.width + px) * 4;
                if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 200) {
                    ink++;
                }
            }
        }
        expect(ink).toBeGreaterThan(500);
    });

    test('the dark theme gives a dark picture', async () => {
        expect((await journey(folder, 'render', 'examples/hospital-visit.journey', '-o', 'hospital-dark.png', '--theme', 'dark')).code).toBe(0);
        const png = PNG.sync.read(await readFile(path.join(folder, 'hospital-dark.png')));
        const [r, g, b] = png.data.subarray(0, 3);
        expect(r + g + b).toBeLessThan(3 * 64);
    });

    test('a very wide map is scaled down to at most 16,000 pixels wide', async () => {
        const touchpoints = Array.from({ length: 70 }, (_, i) => `touchpoint T${i} { owner Web emotion ${(i % 5) + 1} }`).join('\n');
        await writeFile(path.join(folder, 'wide.journey'), `owner Web\njourney Wide { stage S {\n${touchpoints}\n} }\n`);
        const svg = (await journey(folder, 'render', 'wide.journey')).stdout;
        const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        expect(width * 2).toBeGreaterThan(16_000);
        const run = await journey(folder, 'render', 'wide.journey', '-o', 'wide.png');
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/^journey: the map is very large: the PNG is scaled down to 16000×\d+ px\n$|^$/);
        const file = await readFile(path.join(folder, 'wide.png'));
        const png = PNG.sync.read(file);
        expect(png.width).toBe(16_000);
        expect(Math.abs(png.height - (height * 16_000) / width)).toBeLessThanOrEqual(1);
    });
});
