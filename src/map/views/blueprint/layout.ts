/**
 * The geometry of a service blueprint: a column per touchpoint as on the journey map, under the stages,
 * and the rows of a blueprint from the customer's side inwards: evidence, customer actions, the line of
 * interaction, frontstage (owner, `with`, channel), the line of visibility, backstage actions (a row per
 * owner doing backstage work), the line of internal interaction, support processes, and time. Every label
 * wrapped here, before any markup.
 */
import type { JourneyModel, NoteModel, OwnerModel, StageModel, TouchpointModel } from '../../model.js';
import { formatDuration, plural } from '../../format.js';
import { handoffs } from '../../handoffs.js';
import { blockHeight, wrapText } from '../../text.js';
import { noteKind } from '../../vocabulary/notes.js';
import { CELL_TEXT_WIDTH, displayTitle, SIZE, TEXT } from '../journey-map/layout.js';

export type BlueprintLane = 'evidence' | 'customer' | 'frontstage' | 'backstage' | 'support' | 'time';

export type BlueprintLine = 'interaction' | 'visibility' | 'internal';

/** The lines of a blueprint, each drawn under the rows named: what the customer sees above it. */
export const BLUEPRINT_LINES: readonly { line: BlueprintLine, label: string, after: BlueprintLane }[] = [
    { line: 'interaction', label: 'Line of interaction', after: 'customer' },
    { line: 'visibility', label: 'Line of visibility', after: 'frontstage' },
    { line: 'internal', label: 'Line of internal interaction', after: 'backstage' }
];

/** A box of text in a cell: a note, or the lines of a card. */
export interface BlueprintBox {
    lines: string[];
    /** From the top of the row. */
    top: number;
    height: number;
    note?: NoteModel;
}

export interface BlueprintRow {
    lane: BlueprintLane;
    label: string[];
    caption: string;
    /** A backstage row's owner (none: the backstage work of touchpoints that have no owner). */
    owner?: OwnerModel;
    top: number;
    height: number;
    /** The note boxes of the row by column position (the customer, frontstage and time rows draw their columns' cards). */
    cells: Map<number, BlueprintBox[]>;
}

export interface BlueprintColumn {
    touchpoint: TouchpointModel;
    position: number;
    x: number;
    /** The customer's action: its title and, below, the grade of each persona. */
    title: string[];
    grades: string[];
    /** Frontstage: the owner, those taking part, the channel. */
    owner: string[];
    with: string[];
    channel: string[];
    time: string;
}

export interface BlueprintStage {
    stage: StageModel;
    x: number;
    width: number;
    title: string[];
    /** "2 hand-offs", when the owner changes within or into the stage. */
    handoffs: string;
}

/** An arrow between the frontstage cards of two consecutive columns whose owners differ. */
export interface BlueprintHandoff {
    from: number;
    to: number;
    text: string;
}

export interface BlueprintLayout {
    width: number;
    height: number;
    header: { top: number, title: string[], height: number };
    /** The journey has no touchpoints: a message instead of the grid. */
    empty?: { top: number, height: number, width: number };
    grid?: {
        top: number;
        bottom: number;
        left: number;
        right: number;
        stageRow: { top: number, height: number };
        stages: BlueprintStage[];
        columns: BlueprintColumn[];
        rows: BlueprintRow[];
        lines: { line: BlueprintLine, label: string, y: number }[];
        handoffs: BlueprintHandoff[];
    };
}

/** Between a frontstage card and the column's edge: room for a hand-off arrow between two cards. */
export const FRONTSTAGE_INSET = 16;
const NOTE_WIDTH = CELL_TEXT_WIDTH - 6;
const LANE_LABEL_WIDTH = SIZE.gutter - 24;

export function computeBlueprintLayout(journey: JourneyModel): BlueprintLayout {
    const { padding } = SIZE;
    const title = wrapText(displayTitle(journey), SIZE.headerText, TEXT.title);
    const header = { top: padding, title, height: TEXT.eyebrow.line + 4 + blockHeight(title, TEXT.title) };
    const top = padding + header.height + SIZE.sectionGap;
    const stages = journey.stages.filter(stage => stage.touchpoints.length > 0);
    const touchpoints = stages.flatMap(stage => stage.touchpoints);
    if (touchpoints.length === 0) {
        const empty = { top, height: 84, width: 560 };
        return { width: empty.width + 2 * padding, height: top + empty.height + padding, header, empty };
    }
    const left = padding + SIZE.gutter;
    const columns = touchpoints.map((touchpoint, position) => blueprintColumn(touchpoint, position, left + position * SIZE.column, journey));
    const rows = blueprintRows(columns);

    const stageLayouts: BlueprintStage[] = [];
    const passes = handoffs(journey);
    let position = 0;
    let stageRow = 44;
    for (const stage of stages) {
        const width = stage.touchpoints.length * SIZE.column;
        const stageTitle = wrapText(displayTitle(stage), width - 2 * SIZE.inset - 2 * SIZE.boxPadding, TEXT.stage);
        const count = passes.filter(pass => pass.to.stage === stage.name && stage.touchpoints.includes(pass.to)).length;
        stageLayouts.push({ stage, x: left + position * SIZE.column, width, title: stageTitle, handoffs: count > 0 ? plural(count, 'hand-off') : '' });
        stageRow = Math.max(stageRow, 2 * SIZE.inset + 16 + blockHeight(stageTitle, TEXT.stage) + (count > 0 ? TEXT.small.line + 2 : 0));
        position += stage.touchpoints.length;
    }

    let y = top + stageRow;
    const lines: { line: BlueprintLine, label: string, y: number }[] = [];
    for (const row of rows) {
        row.top = y;
        y += row.height;
        const line = BLUEPRINT_LINES.find(entry => entry.after === row.lane && rows.at(rows.indexOf(row) + 1)?.lane !== row.lane);
        if (line) {
            lines.push({ line: line.line, label: line.label, y });
            y += LINE_GAP;
        }
    }
    const positions = new Map(touchpoints.map((touchpoint, i) => [touchpoint, i]));
    return {
        width: Math.ceil(left + touchpoints.length * SIZE.column + padding),
        height: Math.ceil(y + padding),
        header,
        grid: {
            top,
            bottom: y,
            left,
            right: left + touchpoints.length * SIZE.column,
            stageRow: { top, height: stageRow },
            stages: stageLayouts,
            columns,
            rows,
            lines,
            handoffs: passes.map(pass => ({
                from: positions.get(pass.from)!, to: positions.get(pass.to)!,
                text: `Hand-off: ${displayTitle(pass.from.owner!)} to ${displayTitle(pass.to.owner!)}`
            }))
        }
    };
}

/** The gap a line of the blueprint takes between two rows, its label above it. */
export const LINE_GAP = 22;

function blueprintColumn(touchpoint: TouchpointModel, position: number, x: number, journey: JourneyModel): BlueprintColumn {
    const several = journey.personas.length > 1;
    const grades = touchpoint.emotions.map(emotion => several && emotion.persona ? `${emotion.persona}: ${emotion.grade}` : `Emotion ${emotion.grade}`);
    const frontWidth = SIZE.column - 2 * FRONTSTAGE_INSET - 2 * SIZE.boxPadding;
    const names = touchpoint.with.filter(party => party.name !== touchpoint.owner?.name).map(party => displayTitle(party));
    return {
        touchpoint,
        position,
        x,
        title: wrapText(displayTitle(touchpoint), CELL_TEXT_WIDTH, TEXT.touchpoint),
        grades: grades.length > 0 ? grades : ['not graded'],
        owner: touchpoint.owner ? wrapText(displayTitle(touchpoint.owner), frontWidth, TEXT.body) : [],
        with: names.length > 0 ? wrapText(`with ${names.join(', ')}`, frontWidth, TEXT.small) : [],
        channel: touchpoint.channel ? wrapText(displayTitle(touchpoint.channel), frontWidth, TEXT.small) : [],
        time: formatDuration(touchpoint.duration)
    };
}

/** A row of note boxes, one column's notes stacked in its cell. */
function noteCells(columns: BlueprintColumn[], pick: (note: NoteModel, touchpoint: TouchpointModel) => boolean, prefixOwner: boolean): Map<number, BlueprintBox[]> {
    const cells = new Map<number, BlueprintBox[]>();
    for (const column of columns) {
        let top = SIZE.inset;
        for (const note of column.touchpoint.notes) {
            if (!pick(note, column.touchpoint)) {
                continue;
            }
            const by = prefixOwner && note.owner ? `${displayTitle(note.owner)}: ` : '';
            const lines = wrapText(`${by}${note.text}`, NOTE_WIDTH, TEXT.note);
            if (lines.length === 0) {
                continue;
            }
            const height = blockHeight(lines, TEXT.note) + 14;
            const boxes = cells.get(column.position) ?? [];
            boxes.push({ lines, top, height, note });
            cells.set(column.position, boxes);
            top += height + 6;
        }
    }
    return cells;
}

function cellsHeight(cells: Map<number, BlueprintBox[]>): number {
    let height: number = SIZE.minLane;
    for (const boxes of cells.values()) {
        const last = boxes[boxes.length - 1];
        height = Math.max(height, last.top + last.height + SIZE.inset);
    }
    return height;
}

/** Who does a touchpoint's backstage note: the owner it names, else the touchpoint's owner. */
function backstageOwner(note: NoteModel, touchpoint: TouchpointModel): OwnerModel | undefined {
    return note.owner ?? touchpoint.owner;
}

function blueprintRows(columns: BlueprintColumn[]): BlueprintRow[] {
    const row = (lane: BlueprintLane, label: string, caption: string, cells: Map<number, BlueprintBox[]>, height: number, owner?: OwnerModel): BlueprintRow =>
        ({ lane, label: wrapText(label, LANE_LABEL_WIDTH, TEXT.lane), caption, owner, top: 0, height, cells });
    const evidence = noteCells(columns, note => note.kind === 'evidence', false);
    const customerHeight = Math.max(64, ...columns.map(column =>
        2 * SIZE.inset + 2 * SIZE.boxPadding + (column.touchpoint.momentOfTruth ? 20 : 0) + blockHeight(column.title, TEXT.touchpoint) + 4 + blockHeight(column.grades, TEXT.small)));
    const frontHeight = Math.max(56, ...columns.map(column =>
        2 * SIZE.inset + 2 * 8 + blockHeight(column.owner, TEXT.body) + (column.touchpoint.owner?.external ? TEXT.tag.line : 0)
        + blockHeight(column.with, TEXT.small) + blockHeight(column.channel, TEXT.small)));

    // A backstage row per owner doing backstage work, in the order they first do it.
    const owners: (OwnerModel | undefined)[] = [];
    for (const column of columns) {
        for (const note of column.touchpoint.notes) {
            const owner = note.kind === 'backstage' ? backstageOwner(note, column.touchpoint) : undefined;
            if (note.kind === 'backstage' && !owners.some(known => known?.name === owner?.name)) {
                owners.push(owner);
            }
        }
    }
    const backstage = (owners.length > 0 ? owners : [undefined]).map(owner => {
        const cells = noteCells(columns, (note, touchpoint) => note.kind === 'backstage' && backstageOwner(note, touchpoint)?.name === owner?.name, false);
        return row('backstage', owner ? displayTitle(owner) : noteKind('backstage').lane, owner ? 'backstage actions' : 'no owner', cells, cellsHeight(cells), owner);
    });
    const support = noteCells(columns, note => note.kind === 'support', true);
    return [
        row('evidence', noteKind('evidence').lane, noteKind('evidence').caption, evidence, cellsHeight(evidence)),
        row('customer', 'Customer actions', 'what the customer does', new Map(), customerHeight),
        row('frontstage', 'Frontstage', 'who and where', new Map(), frontHeight),
        ...backstage,
        row('support', noteKind('support').lane, noteKind('support').caption, support, cellsHeight(support)),
        row('time', 'Time', 'how long it takes', new Map(), 40)
    ];
}
