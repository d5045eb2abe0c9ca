/**
 * The service blueprint as one SVG string, from computeBlueprintLayout: pure, plain SVG 1.1, classes from
 * map.css, every model string escaped; clickable cells link to their source as on the journey map, and each
 * column is a `.column` whose touchpoint card carries the touchpoint's range (the preview marks the
 * column at the editor's cursor). Hooks for tests and styling: `data-view="blueprint"` on the root,
 * `data-lane` on the rows and their cells, `data-line` on the three lines.
 */
import type { JourneyModel } from '../../model.js';
import type { Theme } from '../../styles/embedded-css.js';
import { MISSING, plural } from '../../format.js';
import { blockHeight, escapeXml, firstBaseline, num, textBlock } from '../../text.js';
import { MAX_GRADE } from '../../vocabulary/grades.js';
import { displayTitle, SIZE, stagesOver, TEXT, windowWithin, type ColumnWindow } from '../journey-map/layout.js';
import { accessibleTitle, mapDescription } from '../../journey-description.js';
import { emptyMessage, openGroup, openSvg, rect, star, text, tooltip } from '../svg-elements.js';
import { joinParts, splitAt, written, type MarkupParts } from '../markup-parts.js';
import { computeBlueprintLayout, FRONTSTAGE_INSET, LINE_GAP, type BlueprintBox, type BlueprintColumn, type BlueprintLayout, type BlueprintRow } from './layout.js';

export interface BlueprintRenderOptions {
    styles?: 'linked' | 'embedded';
    theme?: Theme;
    /** The layout of this journey from computeBlueprintLayout, when the caller has it already (the preview keeps it while it scrolls). */
    layout?: BlueprintLayout;
    /**
     * Draw only the touchpoint columns at positions `from` (inclusive) to `to` (exclusive), the stages
     * over them and the hand-offs into or out of them; the rows, lines and gutter as usual and the
     * blueprint its full size. For a preview of a blueprint far wider than the window, as the map's.
     * Default: all, exactly as without this option.
     */
    columns?: ColumnWindow;
}

type Grid = NonNullable<BlueprintLayout['grid']>;

export function renderBlueprint(journey: JourneyModel, options: BlueprintRenderOptions = {}): string {
    return joinParts(renderBlueprintParts(journey, options));
}

/** The blueprint as renderBlueprint draws it, with its touchpoint columns apart (the preview redraws only those that changed). */
export function renderBlueprintParts(journey: JourneyModel, options: BlueprintRenderOptions = {}): MarkupParts {
    const theme: Theme = options.theme === 'dark' ? 'dark' : 'light';
    const layout = options.layout ?? computeBlueprintLayout(journey);
    const grid = layout.grid;
    const label = `Service blueprint: ${accessibleTitle(journey)}, ` + (grid
        ? `${plural(grid.columns.length, 'touchpoint')} in ${plural(grid.stages.length, 'stage')}, ${plural(grid.handoffs.length, 'hand-off')}`
        : 'no touchpoints yet');
    const out = [openSvg({ view: 'blueprint', width: layout.width, height: layout.height, label, description: mapDescription(journey), theme, styles: options.styles })];
    const x = SIZE.padding;
    out.push('<g class="header">', text('t-eyebrow', x, firstBaseline(layout.header.top, TEXT.eyebrow), 'Service blueprint'));
    out.push(textBlock(layout.header.title, x, layout.header.top + TEXT.eyebrow.line + 4, TEXT.title, 't-title'), '</g>');
    if (layout.empty) {
        out.push(emptyMessage({ x, ...layout.empty }, 'This journey has no touchpoints yet', 'Its blueprint appears here as touchpoints are added to its stages.'));
    }
    const drawn = grid && renderGrid(out, grid, windowWithin(grid.columns.length, options.columns));
    out.push('</svg>');
    return splitAt(out, drawn ?? { at: out.length, parts: [] });
}

/** Returns the columns drawn, apart, and where in `out` they go. */
function renderGrid(out: string[], grid: Grid, shown: ColumnWindow): { at: number, parts: string[] } {
    const { top, bottom, left, right } = grid;
    out.push('<g class="grid">');
    grid.rows.forEach((row, i) => {
        out.push(`<g class="blueprint-row" data-lane="${row.lane}">`);
        if (i % 2 === 1) {
            out.push(rect('lane-band', left, row.top, right - left, row.height));
        }
        out.push('</g>');
    });
    const separators = grid.rows.map(row => `M${left},${num(row.top)}H${right}`).join('');
    out.push(`<path class="lane-sep" d="${separators}M${left},${num(bottom)}H${right}"/>`);
    const starts = grid.stages.slice(1).map(stage => `M${num(stage.x)},${num(top)}V${num(bottom)}`).join('');
    if (starts) {
        out.push(`<path class="stage-sep" d="${starts}"/>`);
    }
    out.push('<g class="stages">');
    for (const stage of stagesOver(grid.stages, left, shown)) {
        const inset = SIZE.inset;
        out.push(openGroup('stage', 'stage', stage.stage.source), tooltip(`Stage: ${displayTitle(stage.stage)} (${plural(stage.stage.touchpoints.length, 'touchpoint')})`));
        out.push(rect('box stage-box', stage.x + inset, top + inset, stage.width - 2 * inset, grid.stageRow.height - 2 * inset, 6));
        out.push(textBlock(stage.title, stage.x + inset + SIZE.boxPadding, top + inset + 8, TEXT.stage, 't-stage'));
        if (stage.handoffs) {
            out.push(text('t-small handoff-count', stage.x + inset + SIZE.boxPadding, firstBaseline(top + inset + 10 + blockHeight(stage.title, TEXT.stage), TEXT.small), stage.handoffs));
        }
        out.push('</g>');
    }
    out.push('</g>');
    out.push('<g class="columns">');
    const columns = grid.columns.slice(shown.from, shown.to).map(column => written(markup => renderColumn(markup, column, grid)));
    const at = out.length;
    out.push('</g>');
    renderHandoffs(out, grid, shown);
    renderGutter(out, grid);
    for (const { line, label, y } of grid.lines) {
        const lineY = y + LINE_GAP / 2;
        out.push(`<g class="blueprint-line" data-line="${line}">`, `<path class="line-path" d="M${SIZE.padding},${num(lineY)}H${right}"/>`);
        out.push(text('t-line', SIZE.padding + 8, lineY - 4, label), '</g>');
    }
    out.push('</g>');
    return { at, parts: columns };
}

function row(grid: Grid, lane: BlueprintRow['lane']): BlueprintRow {
    return grid.rows.find(candidate => candidate.lane === lane)!;
}

function renderColumn(out: string[], column: BlueprintColumn, grid: Grid): void {
    const { touchpoint, x } = column;
    const index = Number.isInteger(touchpoint.index) && touchpoint.index >= 0 ? touchpoint.index : column.position;
    out.push(`<g class="column" data-index="${index}">`, rect('column-bg', x, grid.stageRow.top + grid.stageRow.height, SIZE.column, grid.bottom - grid.stageRow.top - grid.stageRow.height));
    for (const candidate of grid.rows) {
        const boxes = candidate.cells.get(column.position);
        if (boxes) {
            renderNotes(out, boxes, x, candidate);
        }
    }
    renderCustomer(out, column, row(grid, 'customer'));
    renderFrontstage(out, column, row(grid, 'frontstage'));
    const time = row(grid, 'time');
    out.push(`<g class="cell time" data-lane="time">`, text('t-body', x + SIZE.inset + SIZE.boxPadding, firstBaseline(time.top + 10, TEXT.body), column.time), '</g>');
    out.push('</g>');
}

function renderNotes(out: string[], boxes: BlueprintBox[], x: number, row: BlueprintRow): void {
    out.push(`<g class="cell notes" data-lane="${row.lane}"${row.owner ? ` data-owner="${escapeXml(row.owner.name)}"` : ''}>`);
    for (const box of boxes) {
        const y = row.top + box.top;
        const kind = box.note?.kind ?? row.lane;
        out.push(openGroup(`note note-${kind}`, 'note', box.note?.source));
        out.push(rect('box note-box', x + SIZE.inset, y, SIZE.column - 2 * SIZE.inset, box.height, 4), rect('note-mark', x + SIZE.inset, y, 4, box.height, 2));
        out.push(textBlock(box.lines, x + SIZE.inset + 12, y + 7, TEXT.note, 't-note'), '</g>');
    }
    out.push('</g>');
}

function renderCustomer(out: string[], column: BlueprintColumn, lane: BlueprintRow): void {
    const { touchpoint, x } = column;
    const box = { x: x + SIZE.inset, y: lane.top + SIZE.inset, width: SIZE.column - 2 * SIZE.inset, height: lane.height - 2 * SIZE.inset };
    const mot = touchpoint.momentOfTruth === true;
    out.push(openGroup(`cell touchpoint${mot ? ' moment-of-truth' : ''}`, 'touchpoint', touchpoint.source,
        ` data-lane="customer" data-touchpoint="${escapeXml(String(touchpoint.name ?? ''))}"`));
    const grades = touchpoint.emotions.map(emotion => `${emotion.persona ? `${emotion.persona}: ` : ''}${emotion.grade} of ${MAX_GRADE}`).join(', ');
    out.push(tooltip(`${displayTitle(touchpoint)}${mot ? ' — Moment of truth' : ''}${grades ? ` (emotion ${grades})` : ' (not graded)'}`));
    out.push(rect('box card', box.x, box.y, box.width, box.height, 6));
    let y = box.y + SIZE.boxPadding;
    if (mot) {
        out.push(star(box.x + SIZE.boxPadding + 6, y + 7));
        out.push(text('t-tag mot-label', box.x + SIZE.boxPadding + 17, firstBaseline(y, TEXT.tag) + 1, 'Moment of truth'));
        y += 20;
    }
    out.push(textBlock(column.title, box.x + SIZE.boxPadding, y, TEXT.touchpoint, 't-touchpoint'));
    y += blockHeight(column.title, TEXT.touchpoint) + 4;
    column.grades.forEach((line, i) => {
        const grade = touchpoint.emotions[i]?.grade;
        const lineY = y + i * TEXT.small.line;
        if (grade !== undefined) {
            out.push(`<circle class="grade-dot grade-${grade}" cx="${num(box.x + SIZE.boxPadding + 4)}" cy="${num(lineY + TEXT.small.line / 2)}" r="4"/>`);
        }
        out.push(text(grade === undefined ? 't-small none' : 't-small', box.x + SIZE.boxPadding + (grade === undefined ? 0 : 12), firstBaseline(lineY, TEXT.small), line));
    });
    out.push('</g>');
}

function renderFrontstage(out: string[], column: BlueprintColumn, lane: BlueprintRow): void {
    const { touchpoint, x } = column;
    const box = { x: x + FRONTSTAGE_INSET, y: lane.top + SIZE.inset, width: SIZE.column - 2 * FRONTSTAGE_INSET, height: lane.height - 2 * SIZE.inset };
    const owner = touchpoint.owner;
    const external = owner?.external === true;
    out.push(openGroup(`cell frontstage owner${external ? ' external' : ''}${owner ? '' : ' missing-owner'}`, 'owner', touchpoint.ownerSource ?? touchpoint.source, ' data-lane="frontstage"'));
    out.push(tooltip(owner ? `Owner: ${displayTitle(owner)}${external ? ' (external)' : ''}` : 'No owner: who delivers this touchpoint?'));
    out.push(rect(owner ? 'box owner-box' : 'box warn-box', box.x, box.y, box.width, box.height, 4));
    let y = box.y + 8;
    if (external) {
        out.push(text('t-tag', box.x + SIZE.boxPadding, firstBaseline(y, TEXT.tag), 'external'));
        y += TEXT.tag.line;
    }
    if (owner) {
        out.push(textBlock(column.owner, box.x + SIZE.boxPadding, y, TEXT.body, 't-body'));
        y += blockHeight(column.owner, TEXT.body);
    } else {
        out.push(text('t-body', box.x + SIZE.boxPadding, firstBaseline(y, TEXT.body), 'no owner'));
        y += TEXT.body.line;
    }
    if (column.with.length > 0) {
        out.push(textBlock(column.with, box.x + SIZE.boxPadding, y, TEXT.small, 't-small with'));
        y += blockHeight(column.with, TEXT.small);
    }
    out.push(textBlock(column.channel.length > 0 ? column.channel : [MISSING], box.x + SIZE.boxPadding, y, TEXT.small, 't-small channel'));
    out.push('</g>');
}

/** An arrow across the gap between two frontstage cards whose owners differ (those into or out of the columns shown). */
function renderHandoffs(out: string[], grid: Grid, shown: ColumnWindow): void {
    const handoffs = grid.handoffs.filter(handoff => handoff.to >= shown.from && handoff.from < shown.to);
    if (handoffs.length === 0) {
        return;
    }
    const front = row(grid, 'frontstage');
    const y = front.top + front.height / 2;
    out.push('<g class="handoffs">');
    for (const handoff of handoffs) {
        const from = grid.columns[handoff.from].x + SIZE.column - FRONTSTAGE_INSET;
        const to = grid.columns[handoff.to].x + FRONTSTAGE_INSET;
        out.push(`<g class="handoff" data-kind="handoff" data-from="${handoff.from}" data-to="${handoff.to}">`, tooltip(handoff.text));
        out.push(`<path class="handoff-line" d="M${num(from + 2)},${num(y)}H${num(to - 7)}"/>`);
        out.push(`<path class="handoff-head" d="M${num(to - 1)},${num(y)}L${num(to - 8)},${num(y - 5)}L${num(to - 8)},${num(y + 5)}Z"/>`, '</g>');
    }
    out.push('</g>');
}

function renderGutter(out: string[], grid: Grid): void {
    const x = SIZE.padding;
    out.push('<g class="gutter">', rect('gutter-bg', x, grid.top, SIZE.gutter, grid.bottom - grid.top));
    out.push(text('t-lane', x + 12, firstBaseline(grid.top + 8, TEXT.lane), 'Stages'));
    for (const lane of grid.rows) {
        out.push(`<g class="lane-label" data-lane="${lane.lane}">`);
        out.push(textBlock(lane.label, x + 12, lane.top + 8, TEXT.lane, 't-lane'));
        out.push(text('t-small', x + 12, firstBaseline(lane.top + 8 + blockHeight(lane.label, TEXT.lane), TEXT.small), lane.caption), '</g>');
    }
    out.push('</g>');
}
