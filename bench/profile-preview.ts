/**
 * Where the preview's time goes: one first paint and a few edits of a generated journey in the real page,
 * with Chromium's trace (main-thread events by name) and a JS CPU profile (functions by self time).
 *
 *   node bench/profile-preview.ts [touchpoints=1000] [--page=out/bench/preview-windowed.js]
 *
 * --page: another build of the page script (an experiment);
 * --update-as=json: post the model as JSON text, as the extension does;
 * --edits-only: trace and profile the edits only, not the first paint;
 * --same: post the unchanged model as the "edits" (the cost of an update that changes nothing).
 *
 * Prints the two summaries; writes the raw trace and profile to out/bench/ for DevTools.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { BUNDLES, bundle } from './bundle.ts';
import type * as PreviewPage from '../test/helpers/preview-page.ts';
import type { JourneyDocumentModel } from '../src/map/model.ts';
import { Session, Workspace } from './lsp.ts';

const touchpoints = Number(process.argv.slice(2).find(a => /^\d+$/.test(a)) ?? 1000);
const pageScript = process.argv.slice(2).find(a => a.startsWith('--page='))?.slice('--page='.length);
const asJson = process.argv.includes('--update-as=json');
const OUT = new URL('../out/bench/', import.meta.url);

await bundle();
await mkdir(OUT, { recursive: true });
const workspace = await Workspace.create(touchpoints);
const session = await Session.start(workspace);
const before = await session.documentModel();
await session.setMiddleGrade(workspace.journey.marks.grade.value === 1 ? 5 : 1);
const after = await session.documentModel();
await session.stop();
await workspace.dispose();

const module = await import(BUNDLES.previewPage) as typeof PreviewPage;
const browser = await module.launchChromium();
const pages = await module.PreviewPageServer.start();
let pageBrowser = browser;
if (pageScript) {
    // Another build of the page script in place of out/webview/preview.js (as run.ts --preview-script).
    const script = await readFile(pageScript);
    pageBrowser = Object.create(browser) as typeof browser;
    pageBrowser.newPage = async options => {
        const page = await browser.newPage(options);
        await page.route(url => url.pathname === '/preview.js', route => route.fulfill({ body: script, contentType: 'text/javascript' }));
        return page;
    };
}
const preview = await module.openPreview(pageBrowser, pages, { source: before.uri, locked: false });
const cdp = await preview.page.context().newCDPSession(preview.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

const send = (model: JourneyDocumentModel) => preview.page.evaluate(async (message: object) => {
    const frame = () => new Promise<number>(resolve => requestAnimationFrame(() => resolve(performance.now())));
    const start = performance.now();
    const count = window.__posted.length;
    window.postMessage(message, '*');
    while (!window.__posted.slice(count).some(m => m.type === 'rendered')) {
        await new Promise(resolve => setTimeout(resolve, 0));
    }
    await frame();
    return (await frame()) - start;
}, asJson ? { type: 'update' as const, source: model.uri, modelJson: JSON.stringify(model) } : { type: 'update' as const, source: model.uri, model });

const editsOnly = process.argv.includes('--edits-only');
if (!editsOnly) {
    await browser.startTracing(preview.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
    await cdp.send('Profiler.start');
}
const first = await send(before);
// Edits happen where the editor's cursor is: the preview scrolls there ('highlight'), as in VS Code.
const middle = before.journeys[0].stages.flatMap(stage => stage.touchpoints)[Math.floor(touchpoints / 2)];
await preview.send({ type: 'highlight', source: before.uri, line: middle.source.range.startLine });
await preview.page.evaluate(() => new Promise(resolve => setTimeout(resolve, 500)));
if (editsOnly) {
    await browser.startTracing(preview.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
    await cdp.send('Profiler.start');
}
const edits: number[] = [];
for (let i = 0; i < 4; i++) {
    edits.push(await send(process.argv.includes('--same') ? before : i % 2 === 0 ? after : before));
}
const { profile } = await cdp.send('Profiler.stop');
const trace = await browser.stopTracing();
await writeFile(new URL(`preview-${touchpoints}.cpuprofile`, OUT), JSON.stringify(profile));
await writeFile(new URL(`preview-${touchpoints}.trace.json`, OUT), trace);
console.log(`first paint ${first.toFixed(0)} ms; edits ${edits.map(e => e.toFixed(0)).join(', ')} ms (timings include the profiler's overhead)`);

// --- The trace: renderer main thread, top-level event durations by name -----------------------------
interface TraceEvent { name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: { name?: string } }
const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
const mainThread = events.find(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const complete = events.filter(e => mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
// Self time per event name: an event's duration minus its direct children's.
const self = new Map<string, number>();
const stack: TraceEvent[] = [];
const childTime = new Map<TraceEvent, number>();
for (const event of complete) {
    while (stack.length > 0 && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= event.ts) {
        stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) {
        childTime.set(parent, (childTime.get(parent) ?? 0) + event.dur!);
    }
    stack.push(event);
}
for (const event of complete) {
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur! - (childTime.get(event) ?? 0));
}
console.log('\nRenderer main thread, self time by trace event (ms):');
const threadNames = new Map(events.filter(e => e.name === 'thread_name').map(e => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
const rasterMs = events.filter(e => e.ph === 'X' && e.name === 'RasterTask').reduce((sum, e) => sum + e.dur!, 0) / 1000;
console.log(`  (raster on worker threads: ${rasterMs.toFixed(1)} ms in ${events.filter(e => e.ph === 'X' && e.name === 'RasterTask').length} tasks; threads seen: ${new Set(threadNames.values()).size})`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${name}`);
}

// --- The CPU profile: self time by function ---------------------------------------------------------
interface ProfileNode { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, hitCount?: number }
const nodes = profile.nodes as ProfileNode[];
const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
const byFunction = new Map<string, number>();
for (const node of nodes) {
    const file = node.callFrame.url.split('/').pop() ?? '';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (node.hitCount ?? 0) * interval);
}
console.log('\nJS CPU profile, self time by function (ms):');
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${name}`);
}
await browser.close();
await pages.close();
