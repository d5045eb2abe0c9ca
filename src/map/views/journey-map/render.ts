/**
 * The journey map as one SVG string: the only renderer, used by the preview webview, the SVG/HTML exports
 * and the CLI's PNG export (resvg). Pure: the view model in, markup out; plain SVG 1.1 elements only (no
 * foreignObject, scripts, images or external fonts); classes instead of inline styles.
 *
 * Every string of the model is untrusted and goes through escapeXml; none is ever used in an element
 * name, a class, an href, a style or an event attribute. Clickable elements carry their source location
 * in data-range/data-selection (and data-uri) for the webview script.
 */
import type { JourneyModel, TouchpointModel } from '../../model.js';
import { gradeOf, GRADES, MAX_GRADE, MIN_GRADE, NEUTRAL_GRADE } from '../../vocabulary/grades.js';
import { MAP_NOTE_KINDS } from '../../vocabulary/notes.js';
import { formatCount, formatDuration, MISSING, plural } from '../../format.js';
import {
    computeLayout, displayTitle, gradeY, labelWidth, LANES, SIZE, stagesOver, TEXT, windowWithin,
    type ColumnLayout, type ColumnWindow, type CurveLayout, type CurvePoint, type GridLayout, type LaneLayout, type MapLayout, type PersonaKey,
    type PersonaLayout, type SummaryTile
} from './layout.js';
import { markerPath } from './persona-styles.js';
import type { TextStyle } from '../../text.js';
import type { JourneyComparison } from '../../compare/compare-journeys.js';
import type { Theme } from '../../styles/embedded-css.js';
import { accessibleTitle, mapDescription } from '../../journey-description.js';
import { emptyMessage, gradeLabel, openGroup, openSvg, rect, star, text, tooltip } from '../svg-elements.js';
import { blockHeight, escapeXml, firstBaseline, num, textBlock } from '../../text.js';
import { joinParts, splitAt, written, type MarkupParts } from '../markup-parts.js';

export interface RenderOptions {
    /** 'linked' (default): no <style>; the page links map.css. 'embedded': the CSS inside, for a file of its own. */
    styles?: 'linked' | 'embedded';
    /** The palette: of the embedded CSS, and the fallback palette (`theme-dark`) when linked. Default 'light'. */
    theme?: Theme;
    /** The layout of this journey from computeLayout, when the caller has it already (the preview keeps it while it scrolls). */
    layout?: MapLayout;
    /** Without `layout`: draw this persona's curve and figures only (see LayoutOptions). */
    persona?: string;
    /** Without `layout`: compare with today (see LayoutOptions). */
    comparison?: JourneyComparison;
    /**
     * Draw only the touchpoint columns at positions `from` (inclusive) to `to` (exclusive), the stages
     * over them and the emotion curve through them (one column further each side, so it runs off the
     * edge; drawn segment by segment, see renderCurve); everything else as usual and the map its full
     * size, so that it scrolls and zooms as a whole. For a preview of a map far wider than the window
     * (see visibleColumns in layout.ts). Default: all, exactly as without this option.
     */
    columns?: ColumnWindow;
}

export function renderJourneyMap(journey: JourneyModel, options: RenderOptions = {}): string {
    return joinParts(renderJourneyMapParts(journey, options));
}

/** The map as renderJourneyMap draws it, with its touchpoint columns apart (the preview redraws only those that changed). */
export function renderJourneyMapParts(journey: JourneyModel, options: RenderOptions = {}): MarkupParts {
    const theme: Theme = options.theme === 'dark' ? 'dark' : 'light';
    const layout = options.layout ?? computeLayout(journey, { persona: options.persona, comparison: options.comparison });
    const { width, height } = layout;
    const out: string[] = [];
    const columns = layout.grid?.columns.length ?? 0;
    const stages = layout.grid?.stages.length ?? 0;
    const label = `Journey map: ${accessibleTitle(journey)}, ` +
        (columns > 0 ? `${plural(columns, 'touchpoint')} in ${plural(stages, 'stage')}` : 'no touchpoints yet');
    out.push(openSvg({ view: 'map', width, height, label, description: mapDescription(journey), theme, styles: options.styles }));
    renderHeader(out, layout);
    if (layout.empty) {
        renderEmpty(out, layout.empty);
    }
    if (layout.summary) {
        renderSummary(out, layout.summary);
    }
    const drawn = layout.grid && renderGrid(out, layout.grid, windowWithin(layout.grid.columns.length, options.columns));
    if (layout.legend) {
        renderLegend(out, layout.legend);
    }
    out.push('</svg>');
    return splitAt(out, drawn ?? { at: out.length, parts: [] });
}

// --- Shapes ---------------------------------------------------------------------------------------

/** A warning triangle with an exclamation mark cut out, centred on (cx, cy). */
function warnIcon(cx: number, cy: number): string {
    const d = `M${num(cx)},${num(cy - 6.5)}L${num(cx + 7.5)},${num(cy + 6)}L${num(cx - 7.5)},${num(cy + 6)}Z` +
        `M${num(cx - 1)},${num(cy - 2.5)}h2v4.5h-2Z M${num(cx - 1)},${num(cy + 2.8)}h2v1.8h-2Z`;
    return `<path class="warn-icon" d="${d}"/>`;
}

// --- Header, summary, empty message ---------------------------------------------------------------

function renderHeader(out: string[], layout: MapLayout): void {
    const { header } = layout;
    const x = SIZE.padding;
    let y = header.top;
    out.push('<g class="header">');
    out.push(text('t-eyebrow', x, firstBaseline(y, TEXT.eyebrow), 'Customer journey map'));
    y += TEXT.eyebrow.line + 4;
    out.push(textBlock(header.title, x, y, TEXT.title, 't-title'));
    y += header.title.length * TEXT.title.line;
    // Under the title, each with its eyebrow: the goal, and the journey a redesign redesigns.
    const sections = [{ eyebrow: 'Goal', lines: header.goal, className: 't-goal' }, { eyebrow: 'Redesign of', lines: header.redesigns, className: 't-goal redesigns' }];
    for (const { eyebrow, lines, className } of sections.filter(section => section.lines.length > 0)) {
        y += 12;
        out.push(text('t-eyebrow', x, firstBaseline(y, TEXT.eyebrow), eyebrow));
        y += TEXT.eyebrow.line + 2;
        out.push(textBlock(lines, x, y, TEXT.goal, className));
        y += lines.length * TEXT.goal.line;
    }
    for (const card of header.personas) {
        renderPersonaCard(out, card);
    }
    out.push('</g>');
}

function renderPersonaCard(out: string[], card: PersonaLayout): void {
    const pad = SIZE.personaPadding;
    const { persona } = card;
    const name = displayTitle(persona);
    const personaName = String(persona.name ?? '');
    out.push(openGroup('persona-card', 'persona', persona.source, ` data-persona="${escapeXml(personaName)}"`), tooltip(`Persona: ${name}`));
    out.push(rect('box persona-box', card.x, card.top, card.width, card.height, 8));
    out.push(rect('persona-accent', card.x, card.top + 8, 4, card.height - 16, 2));
    let py = card.top + pad;
    const eyebrow = personaName && personaName !== name ? `Persona: ${personaName}` : 'Persona';
    out.push(text('t-eyebrow', card.x + pad, firstBaseline(py, TEXT.eyebrow), eyebrow));
    py += TEXT.eyebrow.line + 2;
    if (card.key) {
        out.push(keyMarker(card.key, card.x + pad + 6, py + TEXT.personaTitle.line / 2));
    }
    out.push(textBlock(card.title, card.x + pad + (card.key ? 18 : 0), py, TEXT.personaTitle, 't-persona-title'));
    const valueX = card.x + pad + SIZE.personaLabel;
    for (const row of card.rows) {
        let ry = card.top + row.top;
        out.push(text('t-label', card.x + pad, firstBaseline(ry, TEXT.body), row.label));
        const bulleted = row.label === 'Needs';
        for (const lines of row.items) {
            if (bulleted) {
                out.push(text('t-body', valueX, firstBaseline(ry, TEXT.body), '•'));
            }
            out.push(textBlock(lines, bulleted ? valueX + 12 : valueX, ry, TEXT.body, 't-body'));
            ry += lines.length * TEXT.body.line + 2;
        }
    }
    out.push('</g>');
}

/** ` data-persona=".."` of a persona's curve, or '' for the curve of a journey without personas. */
function personaAttribute(key: PersonaKey | undefined): string {
    return key ? ` data-persona="${escapeXml(key.persona)}"` : '';
}

/** A persona's curve marker on its own, for the cards, tiles and legend. */
function keyMarker(key: PersonaKey, cx: number, cy: number, r = 5): string {
    return `<path class="marker key persona-${key.style.colour}" d="${markerPath(key.style.marker, cx, cy, r)}"/>`;
}

function renderEmpty(out: string[], empty: NonNullable<MapLayout['empty']>): void {
    out.push(emptyMessage({ x: SIZE.padding, ...empty }, 'This journey has no touchpoints yet',
        'Add a touchpoint to a stage, e.g. touchpoint Form "Fills in the form" { emotion 3 }, and the map appears here.'));
}

function renderSummary(out: string[], summary: NonNullable<MapLayout['summary']>): void {
    out.push('<g class="summary">');
    for (const row of summary.rows) {
        if (row.key) {
            out.push(`<g class="summary-row"${personaAttribute(row.key)}>`);
        }
        for (const tile of row.tiles) {
            renderTile(out, tile, row.top, row.height);
        }
        if (row.key) {
            out.push('</g>');
        }
    }
    out.push('</g>');
}

function renderTile(out: string[], tile: SummaryTile, top: number, height: number): void {
    const pad = SIZE.tilePadding;
    out.push(`<g class="tile${tile.warn ? ' warn' : ''}">`, rect('tile-box', tile.x, top, tile.width, height, 6));
    let y = top + pad;
    out.push(text('t-small', tile.x + pad, firstBaseline(y, TEXT.small), tile.label));
    y += TEXT.small.line + 4;
    if (tile.value !== undefined) {
        out.push(text('t-tile-value', tile.x + pad, firstBaseline(y, TEXT.tileValue), tile.value));
        y += TEXT.tileValue.line;
        if (tile.lines.length > 0) {
            out.push(textBlock(tile.lines, tile.x + pad, y, TEXT.small, 't-small'));
        }
    } else if (tile.lines.length > 0) {
        const indent = tile.key ? 18 : 0;
        if (tile.key) {
            out.push(keyMarker(tile.key, tile.x + pad + 6, y + TEXT.body.line / 2));
        }
        out.push(textBlock(tile.lines, tile.x + pad + indent, y, TEXT.body, 't-body'));
    }
    out.push('</g>');
}

// --- The grid: stages, lanes, columns -------------------------------------------------------------

/** Returns the columns drawn, apart, and where in `out` they go. */
function renderGrid(out: string[], grid: GridLayout, shown: ColumnWindow): { at: number, parts: string[] } {
    const { top, bottom, left, right, lanes } = grid;
    out.push('<g class="grid">');

    LANES.forEach((lane, i) => {
        if (i % 2 === 1) {
            const { top: laneTop, height } = lanes[lane.id];
            out.push(rect('lane-band', left, laneTop, right - left, height));
        }
    });
    const all = shown.from === 0 && shown.to === grid.columns.length;
    const emotion = lanes.emotion;
    const guides = GRADES.map(({ value }) => `M${left},${num(gradeY(emotion, value))}H${right}`);
    if (all) {
        out.push(`<path class="guide" d="${guides.join('')}"/>`);
    } else {
        // A window of a long map: one path per guide, drawn the same. The browser dashes a path of several
        // lines along its whole length for every tile it paints (some 40 ms a tile across 1,000 touchpoints);
        // a path of one straight line it cuts to the tile first.
        out.push(...guides.map(guide => `<path class="guide" d="${guide}"/>`));
    }
    const separators = LANES.map(lane => `M${left},${num(lanes[lane.id].top)}H${right}`);
    separators.push(`M${left},${num(bottom)}H${right}`);
    out.push(`<path class="lane-sep" d="${separators.join('')}"/>`);
    const stages = all ? grid.stages : stagesOver(grid.stages, left, shown);
    const stageStarts = stages.filter(stage => stage !== grid.stages[0]);
    if (stageStarts.length > 0) {
        const d = stageStarts.map(stage => `M${num(stage.x)},${num(top)}V${num(bottom)}`).join('');
        out.push(`<path class="stage-sep" d="${d}"/>`);
    }

    out.push('<g class="stages">');
    for (const stage of stages) {
        const count = stage.stage.touchpoints?.length ?? 0;
        const inset = SIZE.inset;
        out.push(openGroup(`stage${stage.alternate ? ' alternate' : ''}`, 'stage', stage.stage.source));
        out.push(tooltip(`Stage: ${displayTitle(stage.stage)} (${plural(count, 'touchpoint')})`));
        out.push(rect('box stage-box', stage.x + inset, top + inset, stage.width - 2 * inset, grid.stageRow.height - 2 * inset, 6));
        out.push(textBlock(stage.title, stage.x + inset + SIZE.boxPadding, top + inset + 8, TEXT.stage, 't-stage'));
        if (stage.change.length > 0) {
            out.push(textBlock(stage.change, stage.x + inset + SIZE.boxPadding, top + inset + 8 + stage.title.length * TEXT.stage.line + 2, TEXT.small, 't-small stage-change'));
        }
        out.push('</g>');
    }
    out.push('</g>');

    const several = grid.curves.length > 1;
    for (const curve of grid.today) {
        renderTodayCurve(out, curve, grid, several);
    }
    for (const curve of grid.curves) {
        if (all) {
            renderCurve(out, curve, grid, several, { from: 0, to: grid.columns.length });
        } else {
            renderCurve(out, curve, grid, several, { from: Math.max(0, shown.from - 1), to: Math.min(grid.columns.length, shown.to + 1) }, true);
        }
    }

    out.push('<g class="columns">');
    const columns = grid.columns.slice(shown.from, shown.to).map(column => written(markup => renderColumn(markup, column, grid)));
    const at = out.length;
    out.push('</g>');

    renderGutter(out, grid);
    out.push('</g>');
    return { at, parts: columns };
}

/**
 * One path per run of consecutive graded touchpoints: an ungraded one breaks the curve. Segmented (a
 * window of a preview): one path per segment instead, which looks the same (round caps and joins) but
 * lets the browser repaint only the two segments around a touchpoint whose grade changed, not the
 * whole lane across the window.
 */
function renderCurve(out: string[], curve: CurveLayout, grid: GridLayout, several: boolean, span: ColumnWindow, segmented = false): void {
    const paths: string[] = [];
    let run: string[] = [];
    const className = several && curve.key ? `curve persona-${curve.key.style.colour}` : 'curve';
    const flush = (): void => {
        if (segmented) {
            for (let i = 1; i < run.length; i++) {
                paths.push(`<path class="${className}" d="M${run[i - 1]}L${run[i]}"/>`);
            }
        } else if (run.length > 1) {
            paths.push(`<path class="${className}" d="M${run.join('L')}"/>`);
        }
        run = [];
    };
    for (let position = span.from; position < span.to; position++) {
        const point = curve.points[position];
        if (point === undefined) {
            flush();
        } else {
            run.push(`${num(grid.columns[position].x + SIZE.column / 2 + curve.dx)},${num(gradeY(grid.lanes.emotion, point.grade))}`);
        }
    }
    flush();
    if (paths.length > 0) {
        out.push(`<g class="curve-layer"${personaAttribute(curve.key)}>`, ...paths, '</g>');
    }
}

/**
 * Today's curve in a comparison, behind tomorrow's: muted and dashed, through every step of today in the
 * order the map draws them (gone ones in their ghost columns), with a small dot at each.
 */
function renderTodayCurve(out: string[], curve: CurveLayout, grid: GridLayout, several: boolean): void {
    const points: string[] = [];
    const dots: string[] = [];
    curve.points.forEach((point, position) => {
        if (point) {
            const x = num(grid.columns[position].x + SIZE.column / 2 + curve.dx);
            const y = num(gradeY(grid.lanes.emotion, point.grade));
            points.push(`${x},${y}`);
            dots.push(`<circle class="today-dot" cx="${x}" cy="${y}" r="3"/>`);
        }
    });
    if (points.length === 0) {
        return;
    }
    const colour = several && curve.key ? ` persona-${curve.key.style.colour}` : '';
    out.push(`<g class="curve-layer today${colour}"${personaAttribute(curve.key)}>`);
    out.push(tooltip(curve.key && several ? `Today: ${curve.key.persona}` : 'Today'));
    if (points.length > 1) {
        out.push(`<path class="curve today-curve" d="M${points.join('L')}"/>`);
    }
    out.push(...dots, '</g>');
}

function renderColumn(out: string[], column: ColumnLayout, grid: GridLayout): void {
    const { touchpoint, x } = column;
    const { lanes } = grid;
    const index = Number.isInteger(touchpoint.index) && touchpoint.index >= 0 ? touchpoint.index : column.position;
    const status = column.comparison?.status;
    const ghost = status === 'removed' || status === 'replaced';
    const compared = status ? ` data-change="${status}"` : '';
    out.push(`<g class="column${ghost ? ' ghost' : ''}" data-index="${index}"${compared}>`);
    // The column's full height under the stage row (the stage header belongs to the stage).
    const top = lanes.touchpoint.top;
    out.push(rect('column-bg', x, top, SIZE.column, grid.bottom - top));
    renderTouchpointCell(out, column, lanes.touchpoint);
    renderChannelCell(out, column, lanes.channel);
    renderOwnerCell(out, column, lanes.owner);
    if (grid.curves.length > 1) {
        for (const curve of grid.curves) {
            renderPersonaEmotion(out, column, curve, lanes.emotion, grid.today[grid.curves.indexOf(curve)]?.points[column.position]);
        }
    } else {
        grid.curves.forEach((curve, i) => {
            renderEmotionCell(out, column, curve, lanes.emotion, grid.today[i]?.points[column.position]);
        });
    }
    for (const { kind } of MAP_NOTE_KINDS) {
        const lane = lanes[kind];
        for (const box of column.notes[kind]) {
            const y = lane.top + box.top;
            out.push(openGroup(`note note-${kind}`, 'note', box.note.source));
            out.push(rect('box note-box', x + SIZE.inset, y, SIZE.column - 2 * SIZE.inset, box.height, 4));
            out.push(rect('note-mark', x + SIZE.inset, y, 4, box.height, 2));
            out.push(textBlock(box.lines, x + SIZE.inset + 12, y + 7, TEXT.note, kind === 'quote' ? 't-quote' : 't-note'));
            out.push('</g>');
        }
    }
    renderMeasures(out, touchpoint, x, lanes.measures);
    out.push('</g>');
}

function cellBox(x: number, lane: LaneLayout): { x: number, y: number, width: number, height: number } {
    return { x: x + SIZE.inset, y: lane.top + SIZE.inset, width: SIZE.column - 2 * SIZE.inset, height: lane.height - 2 * SIZE.inset };
}

function renderTouchpointCell(out: string[], column: ColumnLayout, lane: LaneLayout): void {
    const { touchpoint } = column;
    const box = cellBox(column.x, lane);
    const mot = touchpoint.momentOfTruth === true;
    out.push(openGroup(`cell touchpoint${mot ? ' moment-of-truth' : ''}`, 'touchpoint', touchpoint.source,
        ` data-touchpoint="${escapeXml(String(touchpoint.name ?? ''))}"`));
    out.push(tooltip(mot ? `${displayTitle(touchpoint)} — Moment of truth` : displayTitle(touchpoint)));
    out.push(rect('box card', box.x, box.y, box.width, box.height, 6));
    let y = box.y + SIZE.boxPadding;
    if (mot) {
        out.push(star(box.x + SIZE.boxPadding + 6, y + 7));
        out.push(text('t-tag mot-label', box.x + SIZE.boxPadding + 17, firstBaseline(y, TEXT.tag) + 1, 'Moment of truth'));
        y += 20;
    }
    const compared = column.comparison;
    if (compared && compared.tag.length > 0) {
        out.push(textBlock(compared.tag, box.x + SIZE.boxPadding, y, TEXT.tag, `t-tag change-tag change-${compared.status}`));
        y += blockHeight(compared.tag, TEXT.tag) + 6;
    }
    if (column.title.length > 0) {
        out.push(textBlock(column.title, box.x + SIZE.boxPadding, y, TEXT.touchpoint, 't-touchpoint'));
        if (compared?.status === 'removed' || compared?.status === 'replaced') {
            // Struck through: SVG's text-decoration is not drawn by every renderer (resvg, design tools).
            const strikes = column.title.map((line, i) =>
                `M${num(box.x + SIZE.boxPadding)},${num(y + i * TEXT.touchpoint.line + TEXT.touchpoint.line / 2 + 1)}h${num(labelWidth(line, TEXT.touchpoint))}`);
            out.push(`<path class="strike" d="${strikes.join('')}"/>`);
        }
    }
    out.push('</g>');
}

function renderChannelCell(out: string[], column: ColumnLayout, lane: LaneLayout): void {
    const { touchpoint } = column;
    const box = cellBox(column.x, lane);
    if (!touchpoint.channel) {
        if (touchpoint.channelSource) {
            out.push(openGroup('cell channel', 'channel', touchpoint.channelSource), tooltip('Channel not found'));
            out.push(text('t-small none', box.x + SIZE.boxPadding, firstBaseline(box.y + 7, TEXT.body), MISSING), '</g>');
        } else {
            out.push(text('t-small none', box.x + SIZE.boxPadding, firstBaseline(box.y + 7, TEXT.body), MISSING));
        }
        return;
    }
    out.push(openGroup('cell channel', 'channel', touchpoint.channelSource), tooltip(`Channel: ${displayTitle(touchpoint.channel)}`));
    out.push(rect('box chip', box.x, box.y, box.width, box.height, 10));
    out.push(textBlock(column.channel, box.x + SIZE.boxPadding, box.y + 7, TEXT.body, 't-body'), '</g>');
}

function renderOwnerCell(out: string[], column: ColumnLayout, lane: LaneLayout): void {
    const { touchpoint } = column;
    const box = cellBox(column.x, lane);
    const owner = touchpoint.owner;
    if (!owner) {
        out.push(openGroup('cell owner missing-owner', 'owner', touchpoint.ownerSource ?? touchpoint.source));
        out.push(tooltip('No owner: who delivers this touchpoint?'));
        out.push(rect('box warn-box', box.x, box.y, box.width, box.height, 4));
        const baseline = firstBaseline(box.y + 7, TEXT.body);
        out.push(warnIcon(box.x + SIZE.boxPadding + 7, baseline - 4));
        out.push(text('t-body', box.x + SIZE.boxPadding + 20, baseline, 'no owner'), '</g>');
        return;
    }
    const external = owner.external === true;
    const name = displayTitle(owner);
    out.push(openGroup(`cell owner${external ? ' external' : ''}`, 'owner', touchpoint.ownerSource));
    out.push(tooltip(external ? `Owner: ${name} (external)` : `Owner: ${name}`));
    out.push(rect('box owner-box', box.x, box.y, box.width, box.height, 4));
    let y = box.y + 7;
    if (external) {
        out.push(text('t-tag', box.x + SIZE.boxPadding, firstBaseline(y, TEXT.tag), 'external'));
        y += TEXT.tag.line + 1;
    }
    if (column.owner.length > 0) {
        out.push(textBlock(column.owner, box.x + SIZE.boxPadding, y, TEXT.body, 't-body'));
    }
    out.push('</g>');
}

/** In a comparison with today, what a grade's tooltip adds: the step's grade today. */
function todayNote(status: string | undefined, today: CurvePoint | undefined): string {
    if (status === undefined) {
        return '';
    }
    if (status === 'added') {
        return ' (a new step)';
    }
    return today ? ` (today ${today.grade})` : ' (not graded today)';
}

/** `today`: in a comparison with today, the grade of this step today (a ghost column shows only that). */
function renderEmotionCell(out: string[], column: ColumnLayout, curve: CurveLayout, lane: LaneLayout, today?: CurvePoint): void {
    const { touchpoint } = column;
    const point = curve.points[column.position];
    const cx = column.x + SIZE.column / 2;
    const status = column.comparison?.status;
    if (status === 'removed' || status === 'replaced') {
        return;
    }
    if (point === undefined) {
        const y = gradeY(lane, NEUTRAL_GRADE);
        out.push(openGroup('cell unscored', 'emotion', touchpoint.source), tooltip(`Not graded: add an emotion grade from ${MIN_GRADE} to ${MAX_GRADE}`));
        out.push(rect('box unscored-box', cx - 46, y - 13, 92, 26, 13));
        out.push(text('t-small t-center', cx, y + 4, 'not graded'), '</g>');
        return;
    }
    const { grade, emotion } = point;
    const y = gradeY(lane, grade);
    const meaning = String(emotion.meaning || gradeOf(grade).meaning);
    const feeling = emotion.feeling ? `: ${emotion.feeling}` : '';
    const was = todayNote(status, today);
    out.push(openGroup(`emotion grade-${grade}`, 'emotion', touchpoint.source, personaAttribute(curve.key)), tooltip(`Emotion ${grade} of ${MAX_GRADE}, ${meaning}${feeling}${was}`));
    out.push(`<circle class="dot" cx="${num(cx)}" cy="${num(y)}" r="${SIZE.dotRadius}"/>`, gradeLabel(grade, cx, y));
    if (point.feeling.length > 0) {
        out.push(textBlock(point.feeling, cx, y + SIZE.dotRadius + 3, TEXT.feeling, 't-feeling'));
    }
    out.push('</g>');
}

/**
 * One persona's grade in a column of a map with several curves: the persona's marker on the curve, and in
 * the persona's band under the curves its feeling (or "not graded"), led by the same marker.
 */
function renderPersonaEmotion(out: string[], column: ColumnLayout, curve: CurveLayout, lane: LaneLayout, today?: CurvePoint): void {
    const { touchpoint } = column;
    const key = curve.key;
    const point = curve.points[column.position];
    const band = curve.band;
    const status = column.comparison?.status;
    if (!key || !band || status === 'removed' || status === 'replaced') {
        return;
    }
    const bandX = column.x + SIZE.inset;
    const bandY = lane.top + band.top;
    const who = key.persona;
    if (point === undefined) {
        out.push(openGroup('cell unscored', 'emotion', touchpoint.source, personaAttribute(key)),
            tooltip(`${who}: not graded: add an emotion grade from ${MIN_GRADE} to ${MAX_GRADE}`));
        out.push(`<path class="marker hollow persona-${key.style.colour}" d="${markerPath(key.style.marker, bandX + 6, bandY + TEXT.feeling.line / 2, 4)}"/>`);
        out.push(text('t-small none', bandX + 16, firstBaseline(bandY, TEXT.feeling), 'not graded'), '</g>');
        return;
    }
    const { grade, emotion } = point;
    const cx = column.x + SIZE.column / 2 + curve.dx;
    const y = gradeY(lane, grade);
    const meaning = String(emotion.meaning || gradeOf(grade).meaning);
    const feeling = emotion.feeling ? `: ${emotion.feeling}` : '';
    out.push(openGroup(`emotion grade-${grade}`, 'emotion', touchpoint.source, personaAttribute(key)),
        tooltip(`${who}: emotion ${grade} of ${MAX_GRADE}, ${meaning}${feeling}${todayNote(status, today)}`));
    out.push(`<path class="marker persona-${key.style.colour}" d="${markerPath(key.style.marker, cx, y, SIZE.dotRadius - 1)}"/>`);
    if (point.feeling.length > 0) {
        out.push(keyMarker(key, bandX + 6, bandY + TEXT.feeling.line / 2, 4));
        out.push(textBlock(point.feeling, bandX + 16, bandY, TEXT.feeling, 't-feeling t-start'));
    }
    out.push('</g>');
}

function renderMeasures(out: string[], touchpoint: TouchpointModel, x: number, lane: LaneLayout): void {
    const tx = num(x + SIZE.inset + SIZE.boxPadding);
    const contacts = typeof touchpoint.contacts === 'number' ? formatCount(touchpoint.contacts) : MISSING;
    const first = firstBaseline(lane.top + 10, TEXT.body);
    out.push(`<text class="t-body measure" x="${tx}" y="${num(first)}"><tspan class="measure-label">Contacts </tspan>${escapeXml(contacts)}</text>`);
    out.push(`<text class="t-body measure" x="${tx}" y="${num(first + 18)}"><tspan class="measure-label">Time </tspan>${escapeXml(formatDuration(touchpoint.duration))}</text>`);
}

function renderGutter(out: string[], grid: GridLayout): void {
    const x = SIZE.padding;
    const right = x + SIZE.gutter;
    out.push('<g class="gutter">', rect('gutter-bg', x, grid.top, SIZE.gutter, grid.bottom - grid.top));
    const separators = LANES.map(lane => `M${x},${num(grid.lanes[lane.id].top)}H${right}`);
    separators.push(`M${x},${num(grid.bottom)}H${right}`);
    out.push(`<path class="lane-sep" d="${separators.join('')}"/>`);
    out.push(text('t-lane', x + 12, firstBaseline(grid.top + 8, TEXT.lane), 'Stages'));
    for (const lane of LANES) {
        const { top } = grid.lanes[lane.id];
        out.push(`<g class="lane-label" data-lane="${lane.id}">`);
        out.push(text('t-lane', x + 12, firstBaseline(top + 8, TEXT.lane), lane.label));
        out.push(text('t-small', x + 12, firstBaseline(top + 8 + TEXT.lane.line, TEXT.small), lane.caption));
        out.push('</g>');
    }
    const emotion = grid.lanes.emotion;
    for (const { value, meaning } of [...GRADES].reverse()) {
        const y = gradeY(emotion, value);
        out.push(text('t-guide', right - 20, y + 4, `${value} ${meaning}`));
        out.push(`<circle class="grade-dot grade-${value}" cx="${right - 10}" cy="${num(y)}" r="4"/>`);
    }
    out.push('</g>');
}

// --- Legend -----------------------------------------------------------------------------------------

function renderLegend(out: string[], legend: NonNullable<MapLayout['legend']>): void {
    let x = SIZE.padding;
    const middle = legend.top + SIZE.legend / 2;
    const baseline = middle + 4;
    const label = (content: string): void => {
        out.push(text('t-small', x, baseline, content));
        x += labelWidth(content, TEXT.small) + 24;
    };
    out.push('<g class="legend">');
    out.push(star(x + 7, middle));
    x += 18;
    label('Moment of truth');
    out.push(`<g class="external">${rect('owner-box', x, middle - 7, 22, 14, 3)}</g>`);
    x += 28;
    label('External owner');
    out.push(warnIcon(x + 8, middle));
    x += 20;
    label('No owner');
    out.push(rect('unscored-box', x, middle - 7, 26, 14, 7));
    x += 32;
    label('Not graded');
    for (const { value } of GRADES) {
        out.push(`<circle class="grade-dot grade-${value}" cx="${num(x + 7)}" cy="${num(middle)}" r="7"/>`, gradeLabel(value, x + 7, middle));
        x += 17;
    }
    x += 4;
    label(`Emotion: ${MIN_GRADE} ${gradeOf(MIN_GRADE).meaning} … ${MAX_GRADE} ${gradeOf(MAX_GRADE).meaning}`);
    if (legend.keys.length > 0 || legend.comparison) {
        // The second row: the curves (each persona's, today's) and the tags of a comparison.
        x = SIZE.padding;
        const row = middle + SIZE.legend;
        const words = (className: string, content: string, style: TextStyle, gap: number): void => {
            out.push(text(className, x, row + 4, content));
            x += labelWidth(content, style) + gap;
        };
        const sample = (curveClass: string, marker: string): void => {
            out.push(`<path class="${curveClass}" d="M${num(x)},${num(row)}H${num(x + 36)}"/>`, marker);
            x += 44;
        };
        words('t-small', 'Curves:', TEXT.small, 12);
        for (const key of legend.keys) {
            out.push(`<g class="legend-curve"${personaAttribute(key)}>`);
            sample(`curve persona-${key.style.colour}`, keyMarker(key, x + 18, row));
            words('t-small', key.persona, TEXT.small, 24);
            out.push('</g>');
        }
        if (legend.comparison) {
            out.push('<g class="legend-today">');
            sample('curve today-curve', `<circle class="today-dot" cx="${num(x + 18)}" cy="${num(row)}" r="3"/>`);
            words('t-small', 'Today', TEXT.small, 24);
            out.push('</g>');
            for (const [status, tag, meaning] of [['added', 'new', 'a step of the redesign only'], ['removed', 'removed', 'a step of today only']] as const) {
                words(`t-tag change-tag change-${status}`, tag, TEXT.tag, 6);
                words('t-small', meaning, TEXT.small, 24);
            }
        }
    }
    out.push('</g>');
}
