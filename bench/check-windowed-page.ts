/**
 * A functional check of the preview page's windowed drawing (webview/main.ts, built into
 * out/webview/preview.js by `npm run build`) on the real page in headless Chromium, with a generated journey of
 * 1,000 touchpoints: whatever the view shows is drawn, after scrolling, zooming, Fit and a highlight
 * that jumps far away, and the page reports no errors.
 *
 *   node bench/check-windowed-page.ts
 */
import type * as PreviewPage from '../test/helpers/preview-page.ts';
import { BUNDLES, bundle } from './bundle.ts';
import { Session, Workspace } from './lsp.ts';

await bundle();
const workspace = await Workspace.create(1000);
const session = await Session.start(workspace);
const model = await session.documentModel();
await session.stop();
await workspace.dispose();
const touchpoints = model.journeys[0].stages.flatMap(stage => stage.touchpoints);

const module = await import(BUNDLES.previewPage) as typeof PreviewPage;
const browser = await module.launchChromium();
const pages = await module.PreviewPageServer.start();
const preview = await module.openPreview(browser, pages, { source: model.uri, locked: false });
await preview.page.evaluate(message => window.postMessage(message, '*'), { type: 'update', source: model.uri, modelJson: JSON.stringify(model) });
await preview.renders(1);

const settle = () => preview.page.evaluate(() => new Promise(resolve => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 50)));
/** The columns whose background meets the viewport, and whether each is drawn. */
const check = async (what: string) => {
    await settle();
    const state = await preview.page.evaluate(() => {
        const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
        const drawn = [...document.querySelectorAll('.map svg .column')].map(column => Number(column.getAttribute('data-index')));
        const svg = document.querySelector('.map svg')!;
        const box = svg.getBoundingClientRect();
        const scale = box.width / Number(svg.getAttribute('data-width') ?? svg.getAttribute('width'));
        // Column i spans x = 180 + 200 i .. + 200 in map units (padding + gutter, fixed column width).
        const first = Math.max(0, Math.floor(((viewport.left - box.left) / scale - 180) / 200));
        const last = Math.floor(((viewport.right - box.left) / scale - 180) / 200);
        return { drawn, first, last, zoom: document.querySelector('.zoom-level')!.textContent };
    });
    const wanted = Array.from({ length: Math.max(0, Math.min(touchpoints.length - 1, state.last) - state.first + 1) }, (_, i) => state.first + i);
    const missing = wanted.filter(index => !state.drawn.includes(index));
    console.log(`${missing.length === 0 ? 'ok' : 'MISSING'}  ${what}: zoom ${state.zoom}, columns ${state.first}..${state.last} in view, ${state.drawn.length} drawn (${Math.min(...state.drawn)}..${Math.max(...state.drawn)})${missing.length ? `, missing ${missing.slice(0, 5).join(', ')}` : ''}`);
    return missing.length === 0;
};

let ok = await check('first paint');
await preview.page.locator('.viewport').evaluate(viewport => { viewport.scrollLeft = 100_000; });
ok = await check('scrolled to x = 100,000') && ok;
for (let i = 0; i < 50; i++) {
    await preview.page.mouse.move(640, 400);
    await preview.page.mouse.wheel(137, 0);
}
ok = await check('after 50 wheel steps') && ok;
for (let i = 0; i < 6; i++) {
    await preview.page.keyboard.press('-');
}
ok = await check('zoomed out 6 times') && ok;
await preview.page.keyboard.press('0');
ok = await check('Fit') && ok;
await preview.page.keyboard.press('1');
const far = touchpoints[937];
await preview.send({ type: 'highlight', source: model.uri, line: far.source.range.startLine });
ok = await check(`highlight of touchpoint ${far.index}`) && ok;
const highlighted = await preview.page.locator('.column.highlighted').evaluateAll(columns => columns.map(c => c.getAttribute('data-index')));
console.log(`${highlighted.join() === String(far.index) ? 'ok' : 'WRONG'}  highlighted column: ${highlighted.join() || 'none'}`);
ok = ok && highlighted.join() === String(far.index);
const reports = (await preview.posted()).filter(message => message.type === 'rendered').length;
console.log(`${reports === 1 ? 'ok' : 'WRONG'}  'rendered' reports: ${reports} (redraws while scrolling are not renders of a new model)`);
console.log(`${preview.problems.length === 0 ? 'ok' : 'PROBLEMS'}  page errors: ${preview.problems.join('; ') || 'none'}`);
ok = ok && reports === 1 && preview.problems.length === 0;
await browser.close();
await pages.close();
console.log(ok ? 'all ok' : 'FAILED');
process.exitCode = ok ? 0 : 1;
