/**
 * `npm run bench`: the performance budgets of issue 7, measured on generated journeys (bench/generate.ts)
 * against the built bundles in out/ (run `npm run build` first). Prints one table of medians (min – max)
 * and writes bench/results.json with the versions and the date.
 *
 *   node bench/run.ts [--quick] [--only=lsp,activation,memory,workspace,preview,cli,diff,robustness,size]
 *                     [--server-node-options="..."]   (experiments: extra Node options for the server)
 *                     [--preview-script=<file>]         (experiments: another build of the preview page script,
 *                                                        e.g. an experimental build of webview/main.ts)
 *
 * --quick: small N and few repetitions, for development. Not part of `npm test`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JourneyDocumentModel } from '../src/map/model.ts';
import { BrowserBench, MERMAID_MAX_TEXT_SIZE } from './browser.ts';
import { bundle } from './bundle.ts';
import { diffRepository } from './diff-repository.ts';
import { blueprintText, stakeholdersText, workspaceFiles } from './generate.ts';
import { activation, completion, editToDiagnostics, serverHeap, Session, Workspace } from './lsp.ts';
import { figure, format, repeat, summarise, table, verdict, type Row, type Samples } from './stats.ts';
import { JourneyFolder, workspaceSession } from './workspace.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(ROOT, 'out/cli/main.cjs');
const RESULTS = path.join(ROOT, 'bench/results.json');
const GROUPS = ['lsp', 'activation', 'memory', 'workspace', 'preview', 'cli', 'diff', 'robustness', 'size'] as const;
type Group = typeof GROUPS[number];

const { values: options } = parseArgs({
    options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        'server-node-options': { type: 'string' },
        'preview-script': { type: 'string' }
    }
});
const quick = options.quick;
const only = new Set((options.only?.split(',') ?? GROUPS) as Group[]);
for (const group of only) {
    if (!GROUPS.includes(group)) {
        throw new Error(`unknown group '${group}': use ${GROUPS.join(', ')}`);
    }
}
if (options['server-node-options']) {
    // Inherited by the server processes the LSP client spawns (an experiment; never the default).
    process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, options['server-node-options']].filter(Boolean).join(' ');
}

/** Repetitions (warm-up, measured) per measurement; --quick for development. */
const PLAN = quick ? {
    edit: [{ n: 1000, warmup: 1, runs: 3 }],
    completion: { n: 1000, warmup: 2, runs: 8 },
    activation: { warmup: 0, runs: 2 },
    memory: { n: 1000 },
    firstPaint: [{ n: 1000, warmup: 0, runs: 1 }],
    mermaid: [{ n: 1000, warmup: 0, runs: 1 }],
    afterEdit: { n: 1000, warmup: 2, runs: 6 },
    comparison: { n: 1000, warmup: 0, runs: 1 },
    blueprint: { n: 1000, warmup: 0, runs: 1 },
    stakeholders: { n: 200, warmup: 0, runs: 1 },
    validate: { files: 20, touchpoints: 100, warmup: 0, runs: 1 },
    workspace: { sizes: [20, 100], touchpoints: 40, renames: 2, validateRuns: 1 },
    diff: { files: 20, touchpoints: 30, warmup: 0, runs: 1 },
    render: { n: 1000, warmup: 1, runs: 3 },
    hostile: { warmup: 0, runs: 1 }
} : {
    edit: [{ n: 1000, warmup: 3, runs: 15 }, { n: 10000, warmup: 2, runs: 7 }],
    completion: { n: 10000, warmup: 5, runs: 40 },
    activation: { warmup: 1, runs: 7 },
    memory: { n: 10000 },
    firstPaint: [{ n: 1000, warmup: 1, runs: 5 }, { n: 5000, warmup: 1, runs: 3 }],
    mermaid: [{ n: 1000, warmup: 1, runs: 3 }, { n: 5000, warmup: 1, runs: 3 }],
    afterEdit: { n: 1000, warmup: 3, runs: 15 },
    comparison: { n: 1000, warmup: 1, runs: 5 },
    blueprint: { n: 1000, warmup: 1, runs: 5 },
    stakeholders: { n: 200, warmup: 1, runs: 5 },
    validate: { files: 100, touchpoints: 100, warmup: 1, runs: 5 },
    workspace: { sizes: [100, 500, 2000], touchpoints: 40, renames: 2, validateRuns: 3 },
    diff: { files: 100, touchpoints: 30, warmup: 1, runs: 5 },
    render: { n: 1000, warmup: 2, runs: 7 },
    hostile: { warmup: 1, runs: 3 }
};

const rows: Row[] = [];
const extra: Record<string, unknown> = {};
const started = performance.now();
const log = (text: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
const fmt = (n: number) => n.toLocaleString('en');

function requireBuilt(file: string): void {
    if (!existsSync(path.join(ROOT, file))) {
        throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
}
requireBuilt('out/language/main.cjs');
requireBuilt('out/webview/preview.js');
await bundle();

// --- The language server -------------------------------------------------------------------------

if (only.has('lsp')) {
    for (const { n, warmup, runs } of PLAN.edit) {
        log(`edit to diagnostics, ${fmt(n)} touchpoints`);
        const budget = n <= 1000 ? { max: 150, text: '≤ 150 ms' } : n >= 10000 ? { max: 800, text: '≤ 800 ms' } : undefined;
        rows.push({
            group: 'server', what: `edit → diagnostics, N=${fmt(n)}`, unit: 'ms', stat: 'median', budget,
            how: 'bundled server over stdio, real LSP client: incremental didChange of 1 char → next publishDiagnostics',
            samples: await editToDiagnostics(n, warmup, runs)
        });
    }
    const { n, warmup, runs } = PLAN.completion;
    log(`completion after 'owner ', ${fmt(n)} touchpoints`);
    const result = await completion(n, warmup, runs);
    rows.push({
        group: 'server', what: `completion after \`owner \`, N=${fmt(n)}`, unit: 'ms', stat: 'p95',
        budget: n >= 10000 ? { max: 50, text: 'p95 ≤ 50 ms' } : undefined,
        how: `textDocument/completion in the middle touchpoint, document built; ${result.items} items`,
        samples: result.samples
    });
}

if (only.has('activation')) {
    log('activation (spawn + initialize)');
    const { warmup, runs } = PLAN.activation;
    rows.push({
        group: 'server', what: 'activation → client ready', unit: 'ms', stat: 'median', budget: { max: 500, text: '≤ 500 ms' },
        how: 'measured OUTSIDE VS Code: spawn bundled server + initialize round trip (what client.start() waits for)',
        samples: await activation(warmup, runs)
    });
}

if (only.has('memory')) {
    const { n } = PLAN.memory;
    log(`server heap, ${fmt(n)} touchpoints`);
    const heap = await serverHeap(n);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    rows.push({
        group: 'server', what: `server heap after GC, N=${fmt(n)} open`, unit: 'MB', value: mb(heap.open),
        budget: n >= 10000 ? { max: 80, text: '≤ 80 MB' } : undefined,
        how: 'heapUsed after gc() (NODE_OPTIONS --expose-gc --import bench/heap-probe.ts, SIGUSR2); server unchanged',
        note: `idle server ${mb(heap.idle).toFixed(1)} MB; RSS with the file open ${mb(heap.openRss).toFixed(0)} MB`
    });
}

// --- A whole organisation's workspace -----------------------------------------------------------------

if (only.has('workspace')) {
    requireBuilt('out/cli/main.cjs');
    const { sizes, touchpoints, renames, validateRuns } = PLAN.workspace;
    const largest = Math.max(...sizes);
    for (const files of sizes) {
        log(`workspace of ${fmt(files)} journeys of ${touchpoints} touchpoints`);
        const folder = await JourneyFolder.create(files, touchpoints);
        try {
            const figures = await workspaceSession(folder, touchpoints, renames);
            const atScale = files >= 2000;
            const setting = `${fmt(files)} journeys of ${touchpoints} touchpoints + organisation.journey, journey001 open`;
            rows.push({
                group: 'workspace', what: `first diagnostics of the open journey, ${fmt(files)} files`, unit: 'ms', value: figures.firstDiagnostics,
                budget: atScale ? { max: 2000, text: '≤ 2 s' } : undefined,
                how: `bundled server over stdio: spawn → initialize → didOpen → first publishDiagnostics of the journey; ${setting}`,
                note: `whole folder built ${format(figures.indexed, 'ms')} after spawn`
            });
            rows.push({
                group: 'workspace', what: `the open journey's preview model, ${fmt(files)} files`, unit: 'ms', value: figures.firstModel,
                how: 'spawn → journey/documentModel of the journey answered, asked for once its first diagnostics came (as its preview asks)'
            });
            for (const [what, samples] of [['completion', figures.completion], ['hover', figures.hover]] as const) {
                rows.push({
                    group: 'workspace', what: `${what} on the open journey while indexing, ${fmt(files)} files`, unit: 'ms', stat: 'median', samples,
                    budget: atScale ? { max: 100, text: '≤ 100 ms' } : undefined,
                    how: `textDocument/${what} after \`owner \`, 10 times from the first diagnostics on, 20 ms apart`,
                    note: `${figures.duringIndexing} of the 20 requests answered before the folder was built`
                });
            }
            rows.push({
                group: 'workspace', what: `rename a shared owner → open journey's diagnostics, ${fmt(files)} files`, unit: 'ms', stat: 'median',
                samples: figures.rename, budget: { max: 150, text: '≤ 150 ms' },
                how: 'organisation.journey open too: didChange of `owner Comms` to `CommsX` and back → next publishDiagnostics of the journey; the build settled between edits'
            });
            if (files === largest) {
                const mb = (bytes: number) => bytes / 1024 / 1024;
                rows.push({
                    group: 'workspace', what: `server RSS, ${fmt(files)} files indexed`, unit: 'MB', value: mb(figures.rss),
                    budget: atScale ? { max: 400, text: '≤ 400 MB' } : undefined,
                    how: 'VmRSS of the server process (/proc), everything built, the journey and organisation.journey open'
                });
                log(`journey validate, ${fmt(files)} files of ${touchpoints} touchpoints`);
                let summary = '';
                const validations: number[] = [];
                for (let i = 0; i < validateRuns; i++) {
                    const result = await run(process.execPath, [CLI, 'validate', folder.folder]);
                    if (result.code !== 0) {
                        throw new Error(`journey validate exited with ${result.code}: ${result.stderr.slice(0, 500) || result.stdout.slice(-500)}`);
                    }
                    summary = result.stdout.trim().split('\n').at(-1) ?? '';
                    validations.push(result.ms);
                }
                rows.push({
                    group: 'workspace', what: `journey validate, ${fmt(files)} files × ${touchpoints} touchpoints`, unit: 'ms', stat: 'median',
                    samples: summarise(validations), budget: atScale ? { max: 6000, text: '≤ 6 s' } : undefined,
                    how: `process wall time of node out/cli/main.cjs validate <folder>, output not a terminal; "${summary}"`
                });
            }
        } finally {
            await folder.dispose();
        }
    }
}

// --- The preview and Mermaid ------------------------------------------------------------------------

/**
 * View models as the server computes them (the journey/documentModel request), by N; and for N = `withEdit`,
 * the model after one touchpoint's grade changed.
 */
interface BenchModels {
    byN: Map<number, JourneyDocumentModel>;
    edited: JourneyDocumentModel;
    redesign: JourneyDocumentModel;
    blueprint: JourneyDocumentModel;
    stakeholders: JourneyDocumentModel;
}

/** The view model the server gives for the journey file of a workspace made by `create`. */
async function modelOf(create: () => Promise<Workspace>): Promise<JourneyDocumentModel> {
    const workspace = await create();
    const session = await Session.start(workspace);
    const model = await session.documentModel();
    await session.stop();
    await workspace.dispose();
    return model;
}

async function models(ns: number[], withEdit: number): Promise<BenchModels> {
    const byN = new Map<number, JourneyDocumentModel>();
    let edited: JourneyDocumentModel | undefined;
    for (const n of new Set([...ns, withEdit])) {
        const workspace = await Workspace.create(n);
        const session = await Session.start(workspace);
        byN.set(n, await session.documentModel());
        if (n === withEdit) {
            const { value } = workspace.journey.marks.grade;
            await session.setMiddleGrade(value === 1 ? 5 : value - 1);
            edited = await session.documentModel();
        }
        await session.stop();
        await workspace.dispose();
    }
    return {
        byN, edited: edited!,
        redesign: await modelOf(() => Workspace.createRedesign(PLAN.comparison.n)),
        blueprint: await modelOf(() => Workspace.createWith(PLAN.blueprint.n, journey => blueprintText(journey.text))),
        stakeholders: await modelOf(() => Workspace.createWith(1, () => stakeholdersText(PLAN.stakeholders.n)))
    };
}

let chromiumVersion: string | undefined;
if (only.has('preview')) {
    log('view models from the server');
    const ns = [...PLAN.firstPaint.map(p => p.n), ...PLAN.mermaid.map(p => p.n)];
    const { byN, edited, redesign, blueprint, stakeholders } = await models(ns, PLAN.afterEdit.n);
    const browser = await BrowserBench.start(options['preview-script']);
    chromiumVersion = browser.chromiumVersion;
    try {
        const ours = new Map<number, Samples>();
        for (const { n, warmup, runs } of PLAN.firstPaint) {
            log(`preview first paint, ${fmt(n)} touchpoints`);
            const result = await browser.firstPaint(byN.get(n)!, warmup, runs);
            ours.set(n, result.total);
            rows.push({
                group: 'preview', what: `preview first paint, N=${fmt(n)}`, unit: 'ms', stat: 'median',
                budget: n >= 5000 ? { max: 1000, text: '≤ 1 s' } : undefined,
                how: `real preview page${options['preview-script'] ? ` (script ${options['preview-script']})` : ''}, headless Chromium: post update (model as JSON text, as the extension does) → 2nd rAF after the 'rendered' report`,
                note: `to 'rendered' (render + morphdom + forced layout) ${format(result.script.median, 'ms')}`,
                samples: result.total
            });
        }
        const comparison = PLAN.comparison;
        log(`comparison first paint, ${fmt(comparison.n)} touchpoints`);
        const compared = await browser.firstPaint(redesign, comparison.warmup, comparison.runs, { compare: true });
        const steps = redesign.journeys[0].stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0);
        rows.push({
            group: 'preview', what: `comparison first paint, N=${fmt(comparison.n)}`, unit: 'ms', stat: 'median',
            how: `real preview page, headless Chromium, Compare with today on: a redesign of ${fmt(steps)} steps (bench/generate.ts redesignText) of a journey of ${fmt(comparison.n)} in another file; post update → 2nd rAF after 'rendered'`,
            note: `to 'rendered' (comparison + render + morphdom + forced layout) ${format(compared.script.median, 'ms')}`,
            samples: compared.total
        });
        log(`blueprint first paint, ${fmt(PLAN.blueprint.n)} touchpoints`);
        const blueprinted = await browser.firstPaint(blueprint, PLAN.blueprint.warmup, PLAN.blueprint.runs, { tab: 'blueprint' });
        rows.push({
            group: 'preview', what: `blueprint first paint, N=${fmt(PLAN.blueprint.n)}`, unit: 'ms', stat: 'median',
            how: `real preview page, headless Chromium, Blueprint tab: the generated journey with \`with\`, owned backstage, support and evidence at every step (bench/generate.ts blueprintText); post update → 2nd rAF after 'rendered'`,
            note: `to 'rendered' ${format(blueprinted.script.median, 'ms')}`,
            samples: blueprinted.total
        });
        const parties = stakeholders.journeys[0].stakeholders.length;
        log(`stakeholder map, ${fmt(parties)} stakeholders and owners`);
        const mapped = await browser.firstPaint(stakeholders, PLAN.stakeholders.warmup, PLAN.stakeholders.runs, { tab: 'stakeholders' });
        rows.push({
            group: 'preview', what: `stakeholder map first paint, ${fmt(PLAN.stakeholders.n)} stakeholders`, unit: 'ms', stat: 'median',
            budget: { max: 200, text: '< 200 ms' },
            how: `real preview page, headless Chromium, Stakeholders tab: ${fmt(parties)} parties on the map (bench/generate.ts stakeholdersText: each on a circle with gives, gets and a link); post update → 2nd rAF after 'rendered'`,
            note: `to 'rendered' ${format(mapped.script.median, 'ms')}`,
            samples: mapped.total
        });
        const { n, warmup, runs } = PLAN.afterEdit;
        log(`preview after an edit, ${fmt(n)} touchpoints`);
        const after = await browser.afterEdit(byN.get(n)!, edited, warmup, runs);
        rows.push({
            group: 'preview', what: `preview after an edit, N=${fmt(n)}`, unit: 'ms', stat: 'median', budget: { max: 50, text: '≤ 50 ms' },
            how: 'one touchpoint\'s grade changed (model from the server) → next painted frame, same page',
            note: `to 'rendered' ${format(after.script.median, 'ms')}, then to the 2nd rAF (the frame's style, layout and paint, and waiting for frames) ${format(after.paint.median, 'ms')}`,
            samples: after.total
        });
        for (const { n, warmup, runs } of PLAN.mermaid) {
            log(`Mermaid journey, ${fmt(n)} tasks`);
            const mermaid = await browser.mermaid(byN.get(n)!, warmup, runs);
            rows.push({
                group: 'preview', what: `Mermaid journey render + mount, N=${fmt(n)}`, unit: 'ms', stat: 'median',
                how: `mermaid ${await packageVersion('mermaid')} render() + innerHTML → 2nd rAF, same browser; text by src/map/exporters/mermaid.ts (journey export --format mermaid), ${fmt(mermaid.characters)} chars; maxTextSize raised to ${fmt(MERMAID_MAX_TEXT_SIZE)} (default 50,000)`,
                note: `render() alone ${format(mermaid.render.median, 'ms')}`,
                samples: mermaid.total
            });
            if (n === comparison.n) {
                rows.push({
                    group: 'preview', what: `comparison / Mermaid first paint, N=${fmt(n)}`, unit: 'ratio', value: compared.total.median / mermaid.total.median,
                    budget: { max: 0.2, text: '≤ 0.2 (1/5)' }, how: 'ratio of the medians above, same run and browser'
                });
            }
            if (n === PLAN.blueprint.n) {
                rows.push({
                    group: 'preview', what: `blueprint / Mermaid first paint, N=${fmt(n)}`, unit: 'ratio', value: blueprinted.total.median / mermaid.total.median,
                    budget: { max: 0.2, text: '≤ 0.2 (1/5)' }, how: 'ratio of the medians above, same run and browser'
                });
            }
            const ourSamples = ours.get(n);
            if (ourSamples) {
                rows.push({
                    group: 'preview', what: `preview / Mermaid first paint, N=${fmt(n)}`, unit: 'ratio', value: ourSamples.median / mermaid.total.median,
                    budget: n === 1000 ? { max: 0.2, text: '≤ 0.2 (1/5)' } : undefined,
                    how: 'ratio of the medians above, same run and browser'
                });
            }
        }
        if (browser.problems.length > 0) {
            extra.pageProblems = browser.problems;
            log(`page problems: ${browser.problems.join('; ')}`);
        }
    } finally {
        await browser.close();
    }
}

// --- The CLI -------------------------------------------------------------------------------------------

function run(command: string, args: string[], cwd?: string): Promise<{ ms: number, code: number | null, stdout: string, stderr: string }> {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', code => resolve({ ms: performance.now() - start, code, stdout, stderr }));
    });
}

if (only.has('cli')) {
    requireBuilt('out/cli/main.cjs');
    const { files, touchpoints, warmup, runs } = PLAN.validate;
    log(`journey validate, ${files} files of ${touchpoints} touchpoints`);
    const folder = await mkdtemp(path.join(tmpdir(), 'journey-bench-cli-'));
    try {
        for (const [name, text] of Object.entries(workspaceFiles(files, touchpoints))) {
            await writeFile(path.join(folder, name), text);
        }
        let summary = '';
        const samples = await repeat(warmup, runs, async () => {
            const result = await run(process.execPath, [CLI, 'validate', folder]);
            if (result.code !== 0) {
                throw new Error(`journey validate exited with ${result.code}: ${result.stderr || result.stdout.slice(-500)}`);
            }
            summary = result.stdout.trim().split('\n').at(-1) ?? '';
            return result.ms;
        });
        rows.push({
            group: 'cli', what: `journey validate, ${files} files × ${touchpoints} touchpoints`, unit: 'ms', stat: 'median',
            budget: files >= 100 ? { max: 3000, text: '≤ 3 s' } : undefined,
            how: `process wall time of node out/cli/main.cjs validate <folder> (+ organisation.journey); "${summary}"`,
            samples
        });

        const { n, warmup: renderWarmup, runs: renderRuns } = PLAN.render;
        log(`journey render, ${fmt(n)} touchpoints`);
        const workspace = await Workspace.create(n);
        try {
            const file = path.join(workspace.folder, 'journey.journey');
            const output = path.join(workspace.folder, 'journey.svg');
            rows.push({
                group: 'cli', what: `journey render → SVG, N=${fmt(n)}`, unit: 'ms', stat: 'median', budget: { max: 300, text: '≤ 300 ms' },
                how: 'process wall time of node out/cli/main.cjs render <file> --output <svg> --force',
                samples: await repeat(renderWarmup, renderRuns, async () => {
                    const result = await run(process.execPath, [CLI, 'render', file, '--output', output, '--force']);
                    if (result.code !== 0) {
                        throw new Error(`journey render exited with ${result.code}: ${result.stderr.slice(0, 500)}`);
                    }
                    return result.ms;
                })
            });
        } finally {
            await workspace.dispose();
        }
    } finally {
        await rm(folder, { recursive: true, force: true });
    }
}

// --- journey diff --------------------------------------------------------------------------------------

if (only.has('diff')) {
    requireBuilt('out/cli/main.cjs');
    const { files, touchpoints, warmup, runs } = PLAN.diff;
    log(`journey diff --git, ${files} changed files of ${touchpoints} touchpoints`);
    const repository = await diffRepository(files, touchpoints);
    try {
        let summary = '';
        const samples = await repeat(warmup, runs, async () => {
            const result = await run(process.execPath, [CLI, 'diff', '--git', 'HEAD~1'], repository.folder);
            summary = result.stdout.trim().split('\n').at(-1) ?? '';
            if (result.code !== 0 || summary !== `${files} journeys compared: ${files} changed; ${2 * files} changes`) {
                throw new Error(`journey diff exited with ${result.code}: ${result.stderr.slice(0, 500) || summary}`);
            }
            return result.ms;
        });
        rows.push({
            group: 'cli', what: `journey diff --git, ${files} changed files × ${touchpoints} touchpoints`, unit: 'ms', stat: 'median',
            budget: files >= 100 ? { max: 2000, text: '< 2 s' } : undefined,
            how: 'process wall time of node out/cli/main.cjs diff --git HEAD~1 in a git repository (+ organisation.journey) whose last commit ' +
                `changed a grade and added an idea in every journey; "${summary}"`,
            samples
        });
    } finally {
        await repository.dispose();
    }
}

// --- Hostile files: the cost stays in proportion to the input ------------------------------------------

/**
 * `journey validate <file>` of a text, alone in a folder of its own (the journeys beside a file are read
 * with it), timed as a process; it finds errors (exit 1) by design.
 */
async function validateText(folder: string, name: string, text: string, warmup: number, runs: number): Promise<{ samples: Samples, summary: string }> {
    await mkdir(path.join(folder, name));
    const file = path.join(folder, name, `${name}.journey`);
    await writeFile(file, text);
    let summary = '';
    const samples = await repeat(warmup, runs, async () => {
        const result = await run(process.execPath, [CLI, 'validate', file]);
        if (result.code !== 1) {
            throw new Error(`journey validate ${name} exited with ${result.code}: ${result.stderr.slice(0, 500)}`);
        }
        summary = result.stdout.trim().split('\n').at(-1) ?? '';
        return result.ms;
    });
    return { samples, summary };
}

if (only.has('robustness')) {
    requireBuilt('out/cli/main.cjs');
    const { warmup, runs } = PLAN.hostile;
    const folder = await mkdtemp(path.join(tmpdir(), 'journey-bench-hostile-'));
    try {
        const stray = (bytes: number) => {
            const lines: string[] = [];
            for (let i = 0, size = 0; size < bytes; i++) {
                lines.push(`owner A${i} foo\n`);
                size += lines[i].length;
            }
            return lines.join('');
        };
        const byKB = new Map<number, number>();
        for (const kb of [250, 1000]) {
            log(`journey validate, ${kb} KB of declarations each followed by a stray token`);
            const { samples, summary } = await validateText(folder, `stray-${kb}`, stray(kb * 1024), warmup, runs);
            byKB.set(kb, samples.median);
            rows.push({
                group: 'robustness', what: `validate ${kb === 1000 ? '1 MB' : `${kb} KB`} of syntax errors`, unit: 'ms', stat: 'median',
                how: `process wall time of journey validate <file>: \`owner A<i> foo\` lines, one syntax error each; "${summary}"`,
                samples
            });
        }
        rows.push({
            group: 'robustness', what: 'syntax errors: 1 MB / 250 KB', unit: 'ratio', value: byKB.get(1000)! / byKB.get(250)!,
            budget: { max: 5, text: '≤ 5 (linear: 4)' }, how: 'ratio of the medians above'
        });
        const byNames = new Map<number, number>();
        for (const names of [8000, 16000]) {
            log(`journey validate, ${fmt(names)} declarations of one name`);
            const { samples, summary } = await validateText(folder, `duplicates-${names}`, 'owner A\n'.repeat(names), warmup, runs);
            byNames.set(names, samples.median);
            rows.push({
                group: 'robustness', what: `validate ${fmt(names)} declarations of one name`, unit: 'ms', stat: 'median',
                how: `process wall time of journey validate <file>: \`owner A\` ${fmt(names)} times; "${summary}"`,
                samples
            });
        }
        rows.push({
            group: 'robustness', what: 'duplicate names: 16,000 / 8,000', unit: 'ratio', value: byNames.get(16000)! / byNames.get(8000)!,
            budget: { max: 2.5, text: '≤ 2.5 (linear: 2)' }, how: 'ratio of the medians above'
        });
        log('journey validate, an unclosed /* before 50,000 journeys');
        const journeys = Array.from({ length: 50_000 }, (_, i) => `journey J${i} { stage S { touchpoint T { owner O emotion 3 } } }\n`).join('');
        const unclosed = await validateText(folder, 'unclosed-comment', `/* never closed\n${journeys}`, warmup, runs);
        rows.push({
            group: 'robustness', what: 'validate an unclosed /* before 50,000 journeys', unit: 'ms', stat: 'median', budget: { max: 10_000, text: '≤ 10 s' },
            how: `process wall time of journey validate <file>, 3.4 MB: each journey's owner is undeclared; "${unclosed.summary}"`,
            samples: unclosed.samples
        });
    } finally {
        await rm(folder, { recursive: true, force: true });
    }
}

// --- Sizes ---------------------------------------------------------------------------------------------

if (only.has('size')) {
    log('sizes');
    const minified = (file: string) => !existsSync(path.join(ROOT, `${file}.map`)) ? 'minified' : 'development build (npm run build), not minified';
    for (const file of ['out/extension/main.cjs', 'out/language/main.cjs', 'out/webview/preview.js']) {
        if (existsSync(path.join(ROOT, file))) {
            rows.push({ group: 'size', what: file, unit: 'bytes', value: (await stat(path.join(ROOT, file))).size, how: minified(file) });
        }
    }
    const vsix = path.join(ROOT, 'journey-maps.vsix');
    if (existsSync(vsix)) {
        let inside: string;
        try {
            const listing = execFileSync('unzip', ['-l', vsix], { encoding: 'utf-8' });
            inside = listing.split('\n').filter(line => /extension\/out\/(extension|language)\/main\.cjs$|extension\/out\/webview\/preview\.js$/.test(line))
                .map(line => line.trim().split(/\s+/)).map(parts => `${parts.at(-1)!.replace('extension/', '')} ${format(Number(parts[0]), 'bytes')}`).join(', ');
        } catch {
            inside = 'unzip not available to list the bundles inside';
        }
        const built = (await stat(vsix)).mtime.toISOString().slice(0, 16).replace('T', ' ');
        rows.push({ group: 'size', what: 'journey-maps.vsix', unit: 'bytes', value: (await stat(vsix)).size, how: `packaged ${built} (npm run package, minified)`, note: inside });
    }
}

// --- Report --------------------------------------------------------------------------------------------

async function packageVersion(name: string): Promise<string> {
    return (JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf-8')) as { version: string }).version;
}

const versions = {
    node: process.version,
    chromium: chromiumVersion ?? 'not run',
    langium: await packageVersion('langium'),
    mermaid: await packageVersion('mermaid'),
    'playwright-core': await packageVersion('playwright-core'),
    'journey-maps': await packageVersion('..').catch(() => 'unknown')
};
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg().map(l => Number(l.toFixed(2))) };
const seconds = (performance.now() - started) / 1000;

console.log(`\nJourney Maps benchmarks, ${new Date().toISOString()}${quick ? ' (QUICK: small N, few runs — not the budgets)' : ''}`);
console.log(Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', '));
console.log(`${machine.cpus} × ${machine.cpu}, load ${machine.loadAverage.join(' ')}; ${seconds.toFixed(0)} s\n`);
console.log(table(rows));
const missed = rows.filter(row => verdict(row) === 'MISSED');
console.log(`\n${rows.filter(row => row.budget).length - missed.length} budgets met, ${missed.length} missed${missed.length ? `: ${missed.map(row => row.what).join('; ')}` : ''}`);

await mkdir(path.dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, JSON.stringify({
    date: new Date().toISOString(),
    quick,
    groups: [...only],
    options: { serverNodeOptions: options['server-node-options'], previewScript: options['preview-script'] },
    versions,
    machine,
    seconds: Math.round(seconds),
    results: rows.map(row => ({ ...row, figure: figure(row), verdict: verdict(row) || undefined })),
    ...extra
}, null, 2) + '\n');
console.log(`\nwritten ${path.relative(process.cwd(), RESULTS)}`);
