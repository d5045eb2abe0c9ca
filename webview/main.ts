import morphdom from 'morphdom';
import type { JourneyDocumentModel, JourneyModel, MapProblem } from '../src/shared/journey-model.js';
import type { ExportFormat, FromWebviewMessage, PreviewPageState, ToWebviewMessage } from '../src/shared/preview-messages.js';
import { renderBanner } from './banner.js';
import { renderJourneyMap } from './render/render-map.js';
import { columnsAtLine, sourceOf } from './source-links.js';
import { applyZoom, fitZoom, naturalSize, zoomIn, zoomOut } from './zoom.js';

/**
 * The preview page: receives models, draws them with the shared renderer (patching the DOM in place so
 * scroll and zoom survive), and turns clicks, zoom and export buttons into messages for the host.
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
    const markup = journey
        ? renderJourneyMap(journey)
        : '<p class="placeholder">This file declares no journey yet: add <code>journey Name "Title" for Persona { … }</code>.</p>';
    const map = viewport.querySelector('.map')!;
    morphdom(map, `<div class="map">${markup}</div>`);
    applyCurrentZoom();
    if (highlightedLine !== undefined) {
        highlight(highlightedLine, false);
    }
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
        applyZoom(map, zoom);
    }
    zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
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
    const map = viewport.querySelector('.map')!;
    map.querySelectorAll('.column.highlighted').forEach(column => column.classList.remove('highlighted'));
    const columns = columnsAtLine(map, line);
    columns.forEach(column => column.classList.add('highlighted'));
    const first = columns[0]?.querySelector('.column-bg');
    if (scroll && first) {
        const box = first.getBoundingClientRect();
        const view = viewport.getBoundingClientRect();
        if (box.right < view.left || box.left > view.right) {
            viewport.scrollLeft += box.left - view.left - (view.width - box.width) / 2;
        }
    }
}

function requestExport(format: ExportFormat): void {
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
            latest = message.model;
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
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => saveState({ scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop }), 100);
});

saveState({});
post({ type: 'ready' });
