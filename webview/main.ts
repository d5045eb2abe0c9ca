import type { JourneyDocumentModel, JourneyModel, MapProblem } from '../src/map/model.js';
import type { MapFileFormat } from '../src/map/render.js';
import { computeLayout, SIZE, visibleColumns, type ColumnGrid, type ColumnWindow } from '../src/map/views/journey-map/layout.js';
import { renderJourneyMapParts } from '../src/map/views/journey-map/render.js';
import { computeBlueprintLayout } from '../src/map/views/blueprint/layout.js';
import { renderBlueprintParts } from '../src/map/views/blueprint/render.js';
import type { MarkupParts } from '../src/map/views/markup-parts.js';
import { boxMeets, computeStakeholderLayout, type MapArea } from '../src/map/views/stakeholders/layout.js';
import { renderStakeholderMap } from '../src/map/views/stakeholders/render.js';
import { shownView, VIEWS, type ViewId } from '../src/map/views/views.js';
import { compareJourneys } from '../src/map/compare/compare-journeys.js';
import { journeyOutlineParts } from '../src/map/page/journey-outline.js';
import type { PreviewPageState, ToWebviewMessage } from '../src/shared/preview-messages.js';
import { renderBanner } from './banner.js';
import { PageState, type DrawnView } from './page-state.js';
import { drawInPlace } from './patch-parts.js';
import { columnsAtLine, partiesAtLine, sourceOf } from './source-links.js';
import { areaNeedsRedraw, areaToDraw, columnsToDraw, needsRedraw } from './windowing.js';
import { applyZoom, fitZoom, naturalSize, zoomIn, zoomOut } from './zoom.js';

/**
 * The preview page: receives models, draws them with the shared renderer (patching the DOM in place so
 * scroll and zoom survive; a long journey or a large stakeholder map only around what the window shows),
 * and turns clicks, zoom and export buttons into messages for the host.
 */
const page = new PageState(acquireVsCodeApi<PreviewPageState>(),
    JSON.parse(document.getElementById('journey-preview-state')!.dataset.state!) as PreviewPageState);

const viewport = document.querySelector<HTMLElement>('.viewport')!;
const banner = document.querySelector<HTMLElement>('.banner')!;
const tabs = document.querySelector<HTMLElement>('.journey-tabs')!;
const personaToggle = document.querySelector<HTMLElement>('.persona-toggle')!;
const compareToggle = document.querySelector<HTMLButtonElement>('.compare-toggle')!;
const viewTabs = [...document.querySelectorAll<HTMLButtonElement>('.view-tab')];
const zoomLabel = document.querySelector<HTMLElement>('.zoom-level')!;
const outline = document.querySelector<HTMLElement>('.outline')!;
const announcer = document.querySelector<HTMLElement>('.announcer')!;
const help = document.querySelector<HTMLElement>('.help')!;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/**
 * The element marked from the keyboard: a touchpoint's column (by position on the map) and a lane of it (the
 * n-th element of the column that links to the source), or on the stakeholder map a party (column) alone.
 */
let keyboardMark: { column: number, lane: number } | undefined;

function render(): void {
    const model = page.shownModel();
    if (!model) {
        return;
    }
    renderBanner(banner, page.latest?.problems ?? [], model !== page.latest, reveal);
    renderTabs(model);
    const journey = page.shownJourney(model);
    renderChoices(journey);
    drawMap(journey);
    writeOutlineWhenIdle(journey);
    if (!page.scrollRestored) {
        page.scrollRestored = true;
        viewport.scrollLeft = page.saved.scrollLeft ?? 0;
        viewport.scrollTop = page.saved.scrollTop ?? 0;
    }
    const touchpoints = journey?.stages.flatMap(stage => stage.touchpoints) ?? [];
    page.post({
        type: 'rendered',
        report: {
            source: page.saved.source,
            journey: journey?.name ?? '',
            touchpoints: touchpoints.length,
            titles: touchpoints.map(t => t.title),
            stale: model !== page.latest
        }
    });
}

/** The journey the outline is to be written for, while a write waits for an idle moment. */
let outlinePending: { journey: JourneyModel | undefined } | undefined;

/**
 * The journey in words for screen readers, written once the map is on screen: a long journey's outline
 * costs as much to lay out as its map (at 1,000 touchpoints it doubled the first paint), and a reader
 * gets it a frame later. Renders in between write only the last journey.
 */
function writeOutlineWhenIdle(journey: JourneyModel | undefined): void {
    const waiting = outlinePending !== undefined;
    outlinePending = { journey };
    if (waiting) {
        return;
    }
    requestIdleCallback(() => {
        const shown = outlinePending?.journey;
        outlinePending = undefined;
        drawInPlace(outline, shown ? journeyOutlineParts(shown) : { head: '', parts: [], tail: '' }, '.outline-stages');
    }, { timeout: 500 });
}

/**
 * Draws the journey (or the placeholder) into the page, patching the DOM in place: after an edit only the
 * touchpoint columns that changed are parsed and put in, so that the browser styles, lays out and paints
 * only them.
 */
function drawMap(journey: JourneyModel | undefined): void {
    const markup = journey
        ? mapMarkup(journey)
        : '<p class="placeholder">This file declares no journey yet: add <code>journey Name "Title" for Persona { … }</code>.</p>';
    if (!journey) {
        page.drawn = undefined;
        page.drawnColumns = undefined;
        page.drawnArea = undefined;
    }
    const parts: MarkupParts = typeof markup === 'string' ? { head: markup, parts: [], tail: '' } : markup;
    drawInPlace(viewport.querySelector('.map')!, parts, 'svg > .grid > .columns', (from, to) => {
        // The new map comes at its natural size: give it the current zoom first, so that its size
        // attributes compare equal (changing them, even back, lays out and repaints the whole map).
        if (to instanceof SVGSVGElement && from instanceof SVGSVGElement) {
            applyZoom(to, page.zoom);
        }
    });
    applyCurrentZoom();
    if (page.highlightedLine !== undefined) {
        highlight(page.highlightedLine, false);
    }
    // A column kept as it was keeps its classes: the mark stays on the element marked only.
    const marked = markedElement();
    viewport.querySelectorAll('.keyboard-mark').forEach(element => element.classList.toggle('keyboard-mark', element === marked));
    marked?.classList.add('keyboard-mark');
}

/**
 * The view and persona chosen in the toolbar, where the journey has them (kept for the next journey that
 * does): the tab, and on the map's tab Compare with today.
 */
function shown(journey: JourneyModel): ReturnType<typeof shownView> {
    const tab = page.saved.tab ?? 'map';
    return shownView(journey, { view: tab === 'map' && page.saved.compare ? 'compare' : tab, persona: page.saved.persona });
}

function mapMarkup(journey: JourneyModel): string | MarkupParts {
    const { view, persona } = shown(journey);
    if (page.drawn?.journey !== journey || page.drawn.view !== view || page.drawn.persona !== persona) {
        page.drawn = laidOut(journey, view, persona);
    }
    const drawn = page.drawn;
    if (drawn.view === 'stakeholders') {
        page.drawnColumns = undefined;
        page.drawnArea = areaToDraw(drawn.layout, areaInView());
        return renderStakeholderMap(journey, { layout: drawn.layout, area: page.drawnArea });
    }
    page.drawnArea = undefined;
    page.drawnColumns = columnsToDraw(drawn.layout.grid?.columns.length ?? 0, columnsInView(drawn.layout));
    return drawn.view === 'blueprint'
        ? renderBlueprintParts(journey, { layout: drawn.layout, columns: page.drawnColumns })
        : renderJourneyMapParts(journey, { layout: drawn.layout, columns: page.drawnColumns });
}

/** The journey laid out in a view, kept while the page scrolls and zooms. */
function laidOut(journey: JourneyModel, view: ViewId, persona: string | undefined): DrawnView {
    if (view === 'stakeholders') {
        return { journey, view, persona, layout: computeStakeholderLayout(journey) };
    }
    if (view === 'blueprint') {
        return { journey, view, persona, layout: computeBlueprintLayout(journey) };
    }
    const comparison = view === 'compare' && journey.current ? compareJourneys(journey.current, journey) : undefined;
    return { journey, view, persona, layout: computeLayout(journey, { persona, comparison }) };
}

/** The area of the map in view, in map px (where the view is about to be, before the first scroll is restored). */
function areaInView(): MapArea {
    const [left, top] = page.scrollRestored ? [viewport.scrollLeft, viewport.scrollTop] : [page.saved.scrollLeft ?? 0, page.saved.scrollTop ?? 0];
    const zoom = page.zoom;
    return {
        x: { from: left / zoom, to: (left + viewport.clientWidth) / zoom },
        y: { from: top / zoom, to: (top + viewport.clientHeight) / zoom }
    };
}

/** The columns in view. */
function columnsInView(layout: ColumnGrid): ColumnWindow {
    const { x } = areaInView();
    return visibleColumns(layout, x.from, x.to);
}

/** After a scroll or a zoom, at the next frame: redraw around the view if it came near a part not drawn. */
function redrawIfNeeded(): void {
    if ((!page.drawnColumns && !page.drawnArea) || page.redrawRequested) {
        return;
    }
    page.redrawRequested = true;
    requestAnimationFrame(() => {
        page.redrawRequested = false;
        if (page.drawn && nearUndrawn(page.drawn)) {
            drawMap(page.drawn.journey);
        }
    });
}

/** Whether the view has come near columns, or an area of the stakeholder map, not drawn. */
function nearUndrawn(drawn: DrawnView): boolean {
    if (drawn.view === 'stakeholders') {
        return page.drawnArea !== undefined && areaNeedsRedraw(page.drawnArea, drawn.layout, areaInView());
    }
    return page.drawnColumns !== undefined && needsRedraw(page.drawnColumns, drawn.layout.grid?.columns.length ?? 0, columnsInView(drawn.layout));
}

function renderTabs(model: JourneyDocumentModel): void {
    const current = page.shownJourney(model)?.name;
    tabs.replaceChildren(...(model.journeys.length > 1 ? model.journeys : []).map(journey => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'journey-tab';
        tab.textContent = journey.title;
        tab.setAttribute('aria-pressed', String(journey.name === current));
        tab.addEventListener('click', () => {
            page.save({ journey: journey.name });
            render();
        });
        return tab;
    }));
}

/**
 * The toolbar's choices for the journey shown: which persona's curve (for a journey of several), and
 * "Compare with today" (for a redesign of a journey declared somewhere).
 */
function renderChoices(journey: JourneyModel | undefined): void {
    const tab = page.saved.tab ?? 'map';
    for (const button of viewTabs) {
        button.setAttribute('aria-pressed', String(button.dataset.view === tab));
    }
    const personas = journey && journey.personas.length > 1 && tab === 'map' ? journey.personas : [];
    personaToggle.hidden = personas.length === 0;
    compareToggle.hidden = !journey?.current || tab !== 'map';
    if (!journey) {
        personaToggle.replaceChildren();
        return;
    }
    const choice = shown(journey);
    personaToggle.replaceChildren(...(personas.length > 0 ? [undefined, ...personas] : []).map(persona => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'persona-choice';
        button.textContent = persona ? persona.name : 'All personas';
        button.title = persona ? `Show the curve and figures of ${persona.title} only` : 'Show every persona\'s curve';
        button.setAttribute('aria-pressed', String(persona?.name === choice.persona));
        button.addEventListener('click', () => {
            page.save({ persona: persona?.name });
            render();
        });
        return button;
    }));
    compareToggle.setAttribute('aria-pressed', String(choice.view === 'compare'));
}

function svg(): SVGSVGElement | null {
    return viewport.querySelector<SVGSVGElement>('.map > svg');
}

function applyCurrentZoom(): void {
    const map = svg();
    const zoom = page.zoom;
    if (map) {
        applyZoom(map, zoom);
    }
    const label = `${Math.round(zoom * 100)}%`;
    if (zoomLabel.textContent !== label) {
        zoomLabel.textContent = label;
    }
}

function setZoom(zoom: number): void {
    // Keep the point at the centre of the viewport where it is.
    const old = page.zoom;
    const centreX = (viewport.scrollLeft + viewport.clientWidth / 2) / old;
    const centreY = (viewport.scrollTop + viewport.clientHeight / 2) / old;
    page.save({ zoom });
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
    page.post({ type: 'reveal', source: page.saved.source, range: position, selection: position });
}

function highlight(line: number, scroll: boolean): void {
    page.highlightedLine = line;
    if (scroll) {
        scrollToColumnAt(line);
    }
    const map = viewport.querySelector('.map')!;
    map.querySelectorAll('.highlighted').forEach(element => element.classList.remove('highlighted'));
    columnsAtLine(map, line).forEach(column => column.classList.add('highlighted'));
    const model = page.shownModel();
    const journey = model && page.shownJourney(model);
    if (journey) {
        partiesAtLine(map, journey, line).forEach(party => party.classList.add('highlighted'));
    }
}

/**
 * Brings the column of the touchpoint at a line into view, centred, when it is out of view. Found in
 * the layout, not the DOM, as it may not be drawn yet; its box is the column's background rectangle.
 */
function scrollToColumnAt(line: number): void {
    const drawn = page.drawn;
    const column = drawn?.view === 'stakeholders' ? undefined : drawn?.layout.grid?.columns.find(({ touchpoint }) => {
        const range = touchpoint.source?.range;
        return range !== undefined && range.startLine <= line && line <= range.endLine;
    });
    const map = svg();
    if (!column || !map) {
        return;
    }
    const zoom = page.zoom;
    const view = viewport.getBoundingClientRect();
    const left = map.getBoundingClientRect().left + column.x * zoom;
    const width = SIZE.column * zoom;
    if (left + width < view.left || left > view.right) {
        viewport.scrollLeft += left - view.left - (view.width - width) / 2;
        redrawIfNeeded();
    }
}

// --- The keyboard: a mark moved touchpoint to touchpoint, lane to lane; Enter goes to its source ------------

/** The number of columns (touchpoints, or parties on the stakeholder map) the mark can be on. */
function markColumns(): number {
    const drawn = page.drawn;
    if (!drawn) {
        return 0;
    }
    return drawn.view === 'stakeholders' ? drawn.layout.nodes.length : drawn.layout.grid?.columns.length ?? 0;
}

/**
 * The elements of a column the mark can be on, top to bottom, as drawn; a party on the stakeholder map is
 * its own (found by its name: the parties drawn are those around the view).
 */
function markTargets(column: number): Element[] {
    const drawn = page.drawn;
    if (drawn?.view === 'stakeholders') {
        const name = drawn.layout.nodes.at(column)?.party.name;
        const party = name === undefined ? null
            : viewport.querySelector(`.map svg .stakeholders > .stakeholder[data-stakeholder="${CSS.escape(name)}"]`);
        return party ? [party] : [];
    }
    const drawnColumn = viewport.querySelectorAll('.map svg .columns > .column')[column - (page.drawnColumns?.from ?? 0)];
    return drawnColumn ? [...drawnColumn.querySelectorAll('.source-link')] : [];
}

function markedElement(): Element | undefined {
    if (!keyboardMark) {
        return undefined;
    }
    const targets = markTargets(keyboardMark.column);
    return targets[Math.min(keyboardMark.lane, targets.length - 1)];
}

/** A large map is drawn around the view only: bring a column (or party) not drawn into view, and draw it. */
function drawColumn(column: number): void {
    const { drawn, drawnColumns, drawnArea } = page;
    if (drawn?.view === 'stakeholders') {
        const party = drawn.layout.nodes.at(column);
        if (party && drawnArea && !boxMeets(party, drawnArea)) {
            viewport.scrollLeft = party.x * page.zoom - viewport.clientWidth / 2;
            viewport.scrollTop = party.y * page.zoom - viewport.clientHeight / 2;
            drawMap(drawn.journey);
        }
        return;
    }
    const layout = drawn?.layout.grid?.columns[column];
    if (drawn && drawnColumns && layout && (column < drawnColumns.from || column >= drawnColumns.to)) {
        viewport.scrollLeft = (layout.x + SIZE.column / 2) * page.zoom - viewport.clientWidth / 2;
        drawMap(drawn.journey);
    }
}

/** Moves the mark (clamped to the map), scrolls it into view and says what it is on. */
function moveMark(column: number, lane: number): void {
    const count = markColumns();
    if (count === 0) {
        return;
    }
    const to = Math.max(0, Math.min(count - 1, column));
    drawColumn(to);
    const lanes = markTargets(to).length;
    keyboardMark = { column: to, lane: Math.max(0, Math.min(lanes - 1, lane)) };
    viewport.querySelectorAll('.keyboard-mark').forEach(element => element.classList.remove('keyboard-mark'));
    const element = markedElement();
    if (!element) {
        return;
    }
    element.classList.add('keyboard-mark');
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reducedMotion.matches ? 'instant' : 'smooth' });
    announcer.textContent = describeMarked(element);
}

/** What the marked element is: its touchpoint's title, then its own tooltip ("Owner: Web team"). */
function describeMarked(element: Element): string {
    const own = element.querySelector(':scope > title')?.textContent ?? '';
    const touchpoint = element.closest('.column')?.querySelector('[data-kind="touchpoint"] > title')?.textContent ?? '';
    return touchpoint && touchpoint !== own ? `${touchpoint}. ${own}` : own;
}

/** The next (+1) or previous (-1) view tab, keeping the mark where it is. */
function switchView(step: number): void {
    const tabIds = viewTabs.map(button => button.dataset.view as ViewId);
    const current = tabIds.indexOf(page.saved.tab ?? 'map');
    page.save({ tab: tabIds[(current + step + tabIds.length) % tabIds.length] });
    render();
    if (keyboardMark) {
        moveMark(keyboardMark.column, keyboardMark.lane);
    }
    announcer.textContent = `${viewTabs.find(button => button.dataset.view === page.saved.tab)?.textContent ?? ''} view`;
}

/** Handles a key of the map's keyboard; false for a key it does not use. */
function mapKey(key: string): boolean {
    const mark = keyboardMark;
    switch (key) {
        case 'ArrowRight': moveMark(mark ? mark.column + 1 : 0, mark?.lane ?? 0); return true;
        case 'ArrowLeft': moveMark(mark ? mark.column - 1 : 0, mark?.lane ?? 0); return true;
        case 'ArrowDown': moveMark(mark?.column ?? 0, mark ? mark.lane + 1 : 0); return true;
        case 'ArrowUp': moveMark(mark?.column ?? 0, mark ? mark.lane - 1 : 0); return true;
        case 'Home': moveMark(0, mark?.lane ?? 0); return true;
        case 'End': moveMark(markColumns() - 1, mark?.lane ?? 0); return true;
        case ']': switchView(1); return true;
        case '[': switchView(-1); return true;
        case 'Enter': case ' ': {
            const source = markedElement() && sourceOf(markedElement()!);
            if (source) {
                page.post({ type: 'reveal', source: page.saved.source, ...source });
            }
            return true;
        }
        default: return false;
    }
}

let focusBeforeHelp: HTMLElement | undefined;

function toggleHelp(open: boolean): void {
    if (open === !help.hidden) {
        return;
    }
    help.hidden = !open;
    if (open) {
        focusBeforeHelp = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
        help.querySelector<HTMLButtonElement>('button')!.focus();
    } else {
        (focusBeforeHelp ?? viewport).focus();
    }
}

help.addEventListener('click', event => {
    if ((event.target as Element).closest('[data-action="close-help"]')) {
        toggleHelp(false);
    }
});

function requestExport(format: MapFileFormat): void {
    const model = page.shownModel();
    const journey = model && page.shownJourney(model);
    if (journey) {
        page.post({ type: 'export', source: page.saved.source, format, journey: journey.name, ...shown(journey) });
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
    const message = event.data;
    if (message.source !== page.saved.source) {
        return;
    }
    switch (message.type) {
        case 'update':
            page.latest = JSON.parse(String(message.modelJson)) as JourneyDocumentModel;
            if (page.latest.problems.length === 0) {
                page.lastGood = page.latest;
            }
            render();
            break;
        case 'highlight':
            highlight(message.line, true);
            break;
    }
});

viewport.addEventListener('click', event => {
    keyboardMark = undefined;
    viewport.querySelectorAll('.keyboard-mark').forEach(element => element.classList.remove('keyboard-mark'));
    const link = (event.target as Element).closest('.source-link');
    const source = link && sourceOf(link);
    if (source) {
        page.post({ type: 'reveal', source: page.saved.source, ...source });
    }
});

document.querySelector('.toolbar')!.addEventListener('click', event => {
    const action = (event.target as Element).closest('button')?.dataset.action;
    switch (action) {
        case 'zoom-in': setZoom(zoomIn(page.zoom)); break;
        case 'zoom-out': setZoom(zoomOut(page.zoom)); break;
        case 'zoom-fit': fit(); break;
        case 'zoom-reset': setZoom(1); break;
        case 'export-svg': requestExport('svg'); break;
        case 'export-html': requestExport('html'); break;
        case 'help': toggleHelp(true); break;
        case 'compare':
            page.save({ compare: !page.saved.compare });
            render();
            break;
        case 'view': {
            const tab = (event.target as Element).closest('button')?.dataset.view;
            if (tab && Object.hasOwn(VIEWS, tab)) {
                page.save({ tab: tab as ViewId });
                render();
            }
            break;
        }
        // A click on the toolbar beside its buttons.
        default: break;
    }
});

window.addEventListener('keydown', event => {
    if (event.target instanceof HTMLInputElement || event.metaKey || event.altKey || event.ctrlKey) {
        return;
    }
    if (!help.hidden) {
        // The overlay is modal: Escape or ? closes it, and Tab stays on its button.
        if (event.key === 'Escape' || event.key === '?' || event.key === 'Tab') {
            event.preventDefault();
            if (event.key === 'Tab') {
                help.querySelector<HTMLButtonElement>('button')!.focus();
            } else {
                toggleHelp(false);
            }
        }
        return;
    }
    if (event.target === viewport && mapKey(event.key)) {
        event.preventDefault();
        return;
    }
    switch (event.key) {
        case '?': toggleHelp(true); break;
        case '+': case '=': setZoom(zoomIn(page.zoom)); break;
        case '-': setZoom(zoomOut(page.zoom)); break;
        case '0': fit(); break;
        case '1': setZoom(1); break;
        default: return;
    }
    event.preventDefault();
});

viewport.addEventListener('wheel', event => {
    if (event.ctrlKey) {
        event.preventDefault();
        setZoom(event.deltaY < 0 ? zoomIn(page.zoom) : zoomOut(page.zoom));
    }
}, { passive: false });

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
viewport.addEventListener('scroll', () => {
    redrawIfNeeded();
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => page.save({ scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop }), 100);
});

page.post({ type: 'ready' });
