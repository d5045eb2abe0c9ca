import morphdom from 'morphdom';
import type { JourneyDocumentModel, JourneyModel, MapProblem } from '../src/map/model.js';
import type { MapFileFormat } from '../src/map/render.js';
import type { FromWebviewMessage, PreviewPageState, ToWebviewMessage } from '../src/shared/preview-messages.js';
import { renderBanner } from './banner.js';
import { computeLayout, SIZE, visibleColumns, type ColumnWindow, type MapLayout } from '../src/map/views/journey-map/layout.js';
import { renderJourneyMap } from '../src/map/views/journey-map/render.js';
import { columnsAtLine, sourceOf } from './source-links.js';
import { fitZoom, naturalSize, zoomIn, zoomOut } from './zoom.js';

/**
 * The preview page: receives models, draws them with the shared renderer (patching the DOM in place so
 * scroll and zoom survive; a long journey only around what the window shows), and turns clicks, zoom and
 * export buttons into messages for the host.
 */
const vscode = acquireVsCodeApi<PreviewPageState>();
const initial = JSON.parse(document.getElementById('journey-preview-state')!.dataset.state!) as PreviewPageState;
const saved = vscode.getState();
let state: PreviewPageState = saved?.source === initial.source ? { ...saved, locked: initial.locked } : initial;

const viewport = document.querySelector<HTMLElement>('.viewport')!;
const banner = document.querySelector<HTMLElement>('.banner')!;
const tabs = document.querySelector<HTMLElement>('.journey-tabs')!;
const zoomLabel = document.querySelector<HTMLElement>('.zoom-level')!;

/** The last model drawn without errors, and the latest model received (which may have errors). */
let lastGood: JourneyDocumentModel | undefined;
let latest: JourneyDocumentModel | undefined;
let scrollRestored = false;
let highlightedLine: number | undefined;

/**
 * A long journey is a map far wider than the window (200 px a touchpoint): drawing all of it (some 60
 * SVG elements a touchpoint) takes about a second per thousand touchpoints, on every edit. So a map of
 * more than WHOLE_MAP_COLUMNS touchpoints is drawn only around what the window shows: the columns in
 * view and as many again on each side (see margin()), redrawn as it scrolls or zooms. The
 * map keeps its full size, so scrolling, zoom and Fit behave as before. A smaller map is drawn whole.
 */
const WHOLE_MAP_COLUMNS = 60;
const MARGIN_COLUMNS = 12;
/** Zoomed far out, the view holds a hundred columns or more: do not draw three times that. */
const MAX_MARGIN_COLUMNS = 32;
/** The layout of the journey drawn last (one per model and journey), and its columns drawn (undefined: all). */
let drawnLayout: { journey: JourneyModel, layout: MapLayout } | undefined;
let drawnColumns: ColumnWindow | undefined;
let redrawRequested = false;

function post(message: FromWebviewMessage): void {
    vscode.postMessage(message);
}

function saveState(patch: Partial<PreviewPageState>): void {
    state = { ...state, ...patch };
    vscode.setState(state);
}

function shownModel(): JourneyDocumentModel | undefined {
    return latest && latest.problems.length > 0 && lastGood ? lastGood : latest;
}

function shownJourney(model: JourneyDocumentModel): JourneyModel | undefined {
    return model.journeys.find(j => j.name === state.journey) ?? model.journeys[0];
}

function render(): void {
    const model = shownModel();
    if (!model) {
        return;
    }
    renderBanner(banner, latest?.problems ?? [], model !== latest, reveal);
    renderTabs(model);
    const journey = shownJourney(model);
    drawMap(journey);
    if (!scrollRestored) {
        scrollRestored = true;
        viewport.scrollLeft = state.scrollLeft ?? 0;
        viewport.scrollTop = state.scrollTop ?? 0;
    }
    const touchpoints = journey?.stages.flatMap(stage => stage.touchpoints) ?? [];
    post({
        type: 'rendered',
        report: {
            source: state.source,
            journey: journey?.name ?? '',
            touchpoints: touchpoints.length,
            titles: touchpoints.map(t => t.title),
            stale: model !== latest
        }
    });
}

/** Draws the journey (or the placeholder) into the page, patching the DOM in place. */
function drawMap(journey: JourneyModel | undefined): void {
    const markup = journey
        ? mapMarkup(journey)
        : '<p class="placeholder">This file declares no journey yet: add <code>journey Name "Title" for Persona { … }</code>.</p>';
    if (!journey) {
        drawnLayout = undefined;
        drawnColumns = undefined;
    }
    const map = viewport.querySelector('.map')!;
    morphdom(map, `<div class="map">${markup}</div>`, {
        onBeforeElUpdated: (from, to) => {
            // The new map comes at its natural size: give it the current zoom first, so that its size
            // attributes compare equal (changing them, even back, lays out and repaints the whole map).
            if (to instanceof SVGSVGElement && from instanceof SVGSVGElement) {
                zoomAttributes(to, state.zoom ?? 1);
            }
            // An element equal to its new version (most of them after an edit) is left as it is.
            return !from.isEqualNode(to);
        }
    });
    applyCurrentZoom();
    if (highlightedLine !== undefined) {
        highlight(highlightedLine, false);
    }
}

function mapMarkup(journey: JourneyModel): string {
    if (drawnLayout?.journey !== journey) {
        drawnLayout = { journey, layout: computeLayout(journey) };
    }
    const { layout } = drawnLayout;
    const count = layout.grid?.columns.length ?? 0;
    drawnColumns = count > WHOLE_MAP_COLUMNS ? columnWindow(layout, count) : undefined;
    return renderJourneyMap(journey, { layout, columns: drawnColumns });
}

/** The columns in view (where the view is about to be, before the first scroll is restored). */
function columnsInView(layout: MapLayout): ColumnWindow {
    const zoom = state.zoom ?? 1;
    const scrollLeft = scrollRestored ? viewport.scrollLeft : state.scrollLeft ?? 0;
    return visibleColumns(layout, scrollLeft / zoom, (scrollLeft + viewport.clientWidth) / zoom);
}

/** Columns drawn beyond each side of the view: as many as it shows, within MARGIN_COLUMNS..MAX_MARGIN_COLUMNS. */
function margin(inView: ColumnWindow): number {
    return Math.max(MARGIN_COLUMNS, Math.min(MAX_MARGIN_COLUMNS, inView.to - inView.from));
}

function columnWindow(layout: MapLayout, count: number): ColumnWindow {
    const inView = columnsInView(layout);
    return { from: Math.max(0, inView.from - margin(inView)), to: Math.min(count, inView.to + margin(inView)) };
}

/** After a scroll or a zoom: once the view comes within half a margin of an undrawn column, redraw around it. */
function redrawIfNeeded(): void {
    if (!drawnColumns || redrawRequested) {
        return;
    }
    redrawRequested = true;
    requestAnimationFrame(() => {
        redrawRequested = false;
        if (!drawnColumns || !drawnLayout) {
            return;
        }
        const count = drawnLayout.layout.grid?.columns.length ?? 0;
        const inView = columnsInView(drawnLayout.layout);
        const slack = Math.floor(margin(inView) / 2);
        if ((drawnColumns.from > 0 && inView.from - slack < drawnColumns.from) || (drawnColumns.to < count && inView.to + slack > drawnColumns.to)) {
            drawMap(drawnLayout.journey);
        }
    });
}

function renderTabs(model: JourneyDocumentModel): void {
    const current = shownJourney(model)?.name;
    tabs.replaceChildren(...(model.journeys.length > 1 ? model.journeys : []).map(journey => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'journey-tab';
        tab.textContent = journey.title;
        tab.setAttribute('aria-pressed', String(journey.name === current));
        tab.addEventListener('click', () => {
            saveState({ journey: journey.name });
            render();
        });
        return tab;
    }));
}

function svg(): SVGSVGElement | null {
    return viewport.querySelector<SVGSVGElement>('.map > svg');
}

function applyCurrentZoom(): void {
    const map = svg();
    const zoom = state.zoom ?? 1;
    if (map) {
        zoomAttributes(map, zoom);
    }
    const label = `${Math.round(zoom * 100)}%`;
    if (zoomLabel.textContent !== label) {
        zoomLabel.textContent = label;
    }
}

/** applyZoom (zoom.ts), setting only the attributes whose values change. */
function zoomAttributes(map: SVGSVGElement, zoom: number): void {
    const { width, height } = naturalSize(map);
    const values: Record<string, string> = {
        'data-width': String(width), 'data-height': String(height),
        width: String(Math.round(width * zoom)), height: String(Math.round(height * zoom))
    };
    for (const [name, value] of Object.entries(values)) {
        if (map.getAttribute(name) !== value) {
            map.setAttribute(name, value);
        }
    }
}

function setZoom(zoom: number): void {
    // Keep the point at the centre of the viewport where it is.
    const old = state.zoom ?? 1;
    const centreX = (viewport.scrollLeft + viewport.clientWidth / 2) / old;
    const centreY = (viewport.scrollTop + viewport.clientHeight / 2) / old;
    saveState({ zoom });
    applyCurrentZoom();
    viewport.scrollLeft = centreX * zoom - viewport.clientWidth / 2;
    viewport.scrollTop = centreY * zoom - viewport.clientHeight / 2;
    redrawIfNeeded();
}

function fit(): void {
    const map = svg();
    if (map) {
        const { width, height } = naturalSize(map);
        setZoom(fitZoom(width, height, viewport.clientWidth - 16, viewport.clientHeight - 16));
    }
}

function reveal(problem: MapProblem): void {
    const position = { startLine: problem.line, startCharacter: problem.character, endLine: problem.line, endCharacter: problem.character };
    post({ type: 'reveal', source: state.source, range: position, selection: position });
}

function highlight(line: number, scroll: boolean): void {
    highlightedLine = line;
    if (scroll) {
        scrollToColumnAt(line);
    }
    const map = viewport.querySelector('.map')!;
    map.querySelectorAll('.column.highlighted').forEach(column => column.classList.remove('highlighted'));
    columnsAtLine(map, line).forEach(column => column.classList.add('highlighted'));
}

/**
 * Brings the column of the touchpoint at a line into view, centred, when it is out of view. Found in
 * the layout, not the DOM, as it may not be drawn yet; its box is the column's background rectangle.
 */
function scrollToColumnAt(line: number): void {
    const column = drawnLayout?.layout.grid?.columns.find(({ touchpoint }) => {
        const range = touchpoint.source?.range;
        return range !== undefined && range.startLine <= line && line <= range.endLine;
    });
    const map = svg();
    if (!column || !map) {
        return;
    }
    const zoom = state.zoom ?? 1;
    const view = viewport.getBoundingClientRect();
    const left = map.getBoundingClientRect().left + column.x * zoom;
    const width = SIZE.column * zoom;
    if (left + width < view.left || left > view.right) {
        viewport.scrollLeft += left - view.left - (view.width - width) / 2;
        redrawIfNeeded();
    }
}

function requestExport(format: MapFileFormat): void {
    const model = shownModel();
    const journey = model && shownJourney(model);
    if (journey) {
        post({ type: 'export', source: state.source, format, journey: journey.name });
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
    const message = event.data;
    if (message.source !== state.source) {
        return;
    }
    switch (message.type) {
        case 'update':
            // The host may send the model as JSON text: passing one string is several times cheaper than
            // the structured clone of the model's object graph (a thousand touchpoints, some 100,000 objects).
            latest = 'modelJson' in message ? JSON.parse(String(message.modelJson)) as JourneyDocumentModel : message.model;
            if (latest.problems.length === 0) {
                lastGood = latest;
            }
            render();
            break;
        case 'highlight':
            highlight(message.line, true);
            break;
    }
});

viewport.addEventListener('click', event => {
    const link = (event.target as Element).closest('.source-link');
    const source = link && sourceOf(link);
    if (source) {
        post({ type: 'reveal', source: state.source, ...source });
    }
});

document.querySelector('.toolbar')!.addEventListener('click', event => {
    const action = (event.target as Element).closest('button')?.dataset.action;
    switch (action) {
        case 'zoom-in': setZoom(zoomIn(state.zoom ?? 1)); break;
        case 'zoom-out': setZoom(zoomOut(state.zoom ?? 1)); break;
        case 'zoom-fit': fit(); break;
        case 'zoom-reset': setZoom(1); break;
        case 'export-svg': requestExport('svg'); break;
        case 'export-html': requestExport('html'); break;
    }
});

window.addEventListener('keydown', event => {
    if (event.target instanceof HTMLInputElement || event.metaKey || event.altKey) {
        return;
    }
    switch (event.key) {
        case '+': case '=': setZoom(zoomIn(state.zoom ?? 1)); break;
        case '-': setZoom(zoomOut(state.zoom ?? 1)); break;
        case '0': fit(); break;
        case '1': setZoom(1); break;
        default: return;
    }
    event.preventDefault();
});

viewport.addEventListener('wheel', event => {
    if (event.ctrlKey) {
        event.preventDefault();
        setZoom(event.deltaY < 0 ? zoomIn(state.zoom ?? 1) : zoomOut(state.zoom ?? 1));
    }
}, { passive: false });

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
viewport.addEventListener('scroll', () => {
    redrawIfNeeded();
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => saveState({ scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop }), 100);
});

saveState({});
post({ type: 'ready' });
