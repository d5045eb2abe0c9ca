/**
 * The geometry of a journey map, computed before any markup: where the header, the summary strip, the
 * stage row, the lanes and the columns go, and every label already wrapped into lines. One pass over the
 * touchpoints; every lane is as tall as its tallest cell.
 *
 * Columns have a fixed width, so a long journey grows to the right (the preview scrolls) and the x of a
 * touchpoint depends only on its position in the journey.
 */
import type { EmotionModel, JourneyModel, LowMomentModel, NoteModel, PersonaModel, StageModel, TouchpointModel } from '../../model.js';
import { formatAverage, formatCount, formatMinutes, formatPercent, gradeMeaning, MISSING } from '../../format.js';
import { blockHeight, textWidth, wrapText, type TextStyle } from '../../text.js';
import { isValidGrade, MAX_GRADE, MIN_GRADE } from '../../vocabulary/grades.js';
import { MAP_NOTE_KINDS, type MapNoteKind } from '../../vocabulary/notes.js';
import { personaStyle, type PersonaStyle } from './persona-styles.js';
import type { ComparedStage, JourneyComparison, StepStatus } from '../../compare/compare-journeys.js';
import { figureChanges } from '../../compare/figure-changes.js';

/** Text styles: each mirrors a `.t-*` class of map.css (same size, weight and style). */
export const TEXT = {
    eyebrow: { size: 11, line: 14, bold: true },
    title: { size: 24, line: 30, bold: true },
    goal: { size: 14, line: 19 },
    personaTitle: { size: 15, line: 20, bold: true },
    label: { size: 11, line: 16, bold: true },
    body: { size: 12, line: 16 },
    tileValue: { size: 20, line: 24, bold: true },
    small: { size: 11, line: 14 },
    stage: { size: 13, line: 17, bold: true },
    touchpoint: { size: 13, line: 17, bold: true },
    tag: { size: 10, line: 13, bold: true },
    note: { size: 12, line: 16 },
    quote: { size: 12, line: 16, italic: true },
    feeling: { size: 11, line: 14 },
    lane: { size: 12, line: 16, bold: true },
    message: { size: 16, line: 22, bold: true }
} as const satisfies Record<string, TextStyle>;

/** Fixed dimensions, in px. */
export const SIZE = {
    padding: 24,
    gutter: 156,
    column: 200,
    /** Between a column's edge and the box of a cell. */
    inset: 5,
    /** Between a box's edge and its text. */
    boxPadding: 10,
    headerText: 520,
    headerGap: 32,
    persona: 480,
    /** A persona card's width when the journey has several personas. */
    compactPersona: 300,
    personaGap: 12,
    personaPadding: 16,
    personaLabel: 60,
    sectionGap: 24,
    tileGap: 8,
    tilePadding: 12,
    emotionTop: 50,
    gradeStep: 30,
    dotRadius: 7,
    /** Between the markers of two personas in one column, so that equal grades do not hide each other. */
    markerSpread: 10,
    minLane: 48,
    legend: 20
} as const;

export type LaneId = 'touchpoint' | 'channel' | 'owner' | 'emotion' | MapNoteKind | 'measures';

export const LANES: readonly { readonly id: LaneId; readonly label: string; readonly caption: string }[] = [
    { id: 'touchpoint', label: 'Touchpoint', caption: 'what the customer does' },
    { id: 'channel', label: 'Channel', caption: 'where it happens' },
    { id: 'owner', label: 'Owner', caption: 'who delivers it' },
    { id: 'emotion', label: 'Emotion', caption: 'how it feels' },
    ...MAP_NOTE_KINDS.map(({ kind, lane, caption }) => ({ id: kind, label: lane, caption })),
    { id: 'measures', label: 'Measures', caption: 'contacts and time' }
];


export function displayTitle(item: { title?: string, name?: string }): string {
    return String(item.title || item.name || '');
}

export interface NoteBox {
    note: NoteModel;
    lines: string[];
    /** From the top of the lane. */
    top: number;
    height: number;
}

export interface ColumnLayout {
    /** In a comparison with today, for a step that is gone: today's step. */
    touchpoint: TouchpointModel;
    /** Position in the journey, 0-based: the column drawn (touchpoint.index is what the model says). */
    position: number;
    /** In a comparison with today: what became of the step, and the tag that says so ("new", "removed"...), wrapped. */
    comparison?: { status: StepStatus, tag: string[] };
    x: number;
    title: string[];
    channel: string[];
    owner: string[];
    notes: Record<MapNoteKind, NoteBox[]>;
}

/** A touchpoint on a curve of the emotion lane: its grade, and the feeling written for it. */
export interface CurvePoint {
    grade: number;
    emotion: EmotionModel;
    feeling: string[];
}

/** A persona of the map and how its curve is drawn. */
export interface PersonaKey {
    /** Its name: short, what the legend, the tooltips and the figures call it (the card gives the title). */
    persona: string;
    title: string;
    style: PersonaStyle;
}

/**
 * One line through the emotion lane, with a point per column (undefined where the touchpoint is not
 * graded for the persona: a gap in the line). One per persona shown; one without a persona for a journey
 * that names none.
 */
export interface CurveLayout {
    key?: PersonaKey;
    points: (CurvePoint | undefined)[];
    /** From the centre of a column to this curve's markers. */
    dx: number;
    /**
     * With several curves, each persona's feelings go in a band of their own under the curves, one band per
     * persona (from the top of the lane), so that they never collide; with one, under its markers.
     */
    band?: { top: number, height: number };
}

export interface StageLayout {
    stage: StageModel;
    x: number;
    width: number;
    title: string[];
    /** In a comparison with today: the stage's figures today and tomorrow ("average 2.0 → 3.5 · contacts 8 → 1"), wrapped. */
    change: string[];
    alternate: boolean;
}

export interface LaneLayout {
    id: LaneId;
    label: string;
    caption: string;
    top: number;
    height: number;
}

export interface PersonaRow {
    label: string;
    /** Lines of the value; for needs, one entry per need. */
    items: string[][];
    top: number;
}

export interface PersonaLayout {
    persona: PersonaModel;
    /** With several personas: the key of the persona's curve, drawn on the card. */
    key?: PersonaKey;
    x: number;
    top: number;
    width: number;
    height: number;
    title: string[];
    rows: PersonaRow[];
}

export interface SummaryTile {
    label: string;
    /** A persona's tile: the marker of its curve. */
    key?: PersonaKey;
    x: number;
    width: number;
    /** The big figure, if the tile has one. */
    value?: string;
    /** Smaller lines under the figure (or instead of it). */
    lines: string[];
    warn: boolean;
}

export interface GridLayout {
    top: number;
    bottom: number;
    left: number;
    right: number;
    stageRow: { top: number, height: number };
    lanes: Record<LaneId, LaneLayout>;
    columns: ColumnLayout[];
    stages: StageLayout[];
    curves: CurveLayout[];
    /** In a comparison with today: today's curves (one per curve above, same persona), drawn behind. */
    today: CurveLayout[];
}

/** A row of the summary strip: the journey's figures, then with several personas a row for each. */
export interface SummaryRow {
    /** A persona's row. */
    key?: PersonaKey;
    top: number;
    height: number;
    tiles: SummaryTile[];
}

export interface MapLayout {
    width: number;
    height: number;
    /** `redesigns`: for a redesign, the title of the journey of today it redesigns (or its name, undeclared). */
    header: { top: number, height: number, title: string[], goal: string[], redesigns: string[], personas: PersonaLayout[] };
    summary?: { top: number, height: number, rows: SummaryRow[] };
    grid?: GridLayout;
    /** The "no touchpoints yet" message box, for a journey without touchpoints. */
    empty?: { top: number, height: number, width: number };
    /** The legend; with several curves or a comparison with today, a second row names them. */
    legend?: { top: number, keys: PersonaKey[], comparison: boolean };
}

export interface LayoutOptions {
    /** Draw the curve and figures of this persona of the journey only (by name); default: every persona's. */
    persona?: string;
    /**
     * Compare with today: the comparison of the journey's `current` with it (compareJourneys(current,
     * journey)). The columns are the comparison's steps (those gone drawn as ghosts), today's curve goes
     * behind, stages and the summary strip show today's figures and tomorrow's.
     */
    comparison?: JourneyComparison;
}

/** A stage of the map and the touchpoints under it, with what became of each in a comparison. */
interface StageGroup {
    stage: StageModel;
    entries: { touchpoint: TouchpointModel, before?: TouchpointModel, comparison?: { status: StepStatus, tag?: string } }[];
    change: string;
}

/** Width available to text in a cell box. */
export const CELL_TEXT_WIDTH = SIZE.column - 2 * SIZE.inset - 2 * SIZE.boxPadding;
const NOTE_TEXT_WIDTH = CELL_TEXT_WIDTH - 6;
const FEELING_WIDTH = SIZE.column - 2 * SIZE.inset;
const LOWEST_SHOWN = 3;

export function computeLayout(journey: JourneyModel, options: LayoutOptions = {}): MapLayout {
    const { padding } = SIZE;
    const keys = personaKeys(journey);
    const shown = keys.filter(key => options.persona === undefined || key.persona === options.persona);
    const header = layoutHeader(journey, keys, padding);
    let y = padding + header.height + SIZE.sectionGap;
    let contentWidth = header.width;

    const stages = Array.isArray(journey.stages) ? journey.stages : [];
    const touchpoints: TouchpointModel[] = [];
    for (const stage of stages) {
        for (const touchpoint of stage.touchpoints ?? []) {
            touchpoints.push(touchpoint);
        }
    }
    const { comparison } = options;
    // An empty stage has no column to head (the validator flags it).
    const groups: StageGroup[] = comparison
        ? comparedGroups(comparison)
        : stages.filter(stage => (stage.touchpoints ?? []).length > 0).map(stage => ({ stage, entries: stage.touchpoints.map(touchpoint => ({ touchpoint })), change: '' }));
    const columns = groups.reduce((sum, group) => sum + group.entries.length, 0);

    if (columns === 0) {
        const empty = { top: y, height: 84, width: Math.max(560, header.width) };
        y += empty.height;
        contentWidth = Math.max(contentWidth, empty.width);
        return {
            width: Math.ceil(contentWidth + 2 * padding),
            height: Math.ceil(y + padding),
            header: header.layout,
            empty
        };
    }

    const summary = comparison
        ? layoutComparedSummary(comparison, shown, padding, y)
        : layoutSummary(journey, touchpoints, shown.length > 0 ? shown : keys, padding, y);
    contentWidth = Math.max(contentWidth, summary.width);
    y += summary.height + SIZE.sectionGap;

    const grid = layoutGrid(groups, columns, shown.length > 0 ? shown : [undefined], comparison !== undefined, padding, y);
    contentWidth = Math.max(contentWidth, grid.right - padding);
    y = grid.bottom + 16;
    const legendKeys = shown.length > 1 ? shown : [];
    const legend = { top: y, keys: legendKeys, comparison: comparison !== undefined };
    y += SIZE.legend * (legendKeys.length > 0 || comparison ? 2 : 1);

    return {
        width: Math.ceil(contentWidth + 2 * padding),
        height: Math.ceil(y + padding),
        header: header.layout,
        summary: { top: summary.top, height: summary.height, rows: summary.rows },
        grid,
        legend
    };
}

/** The journey's personas with the style of each curve, in the journey's order. */
function personaKeys(journey: JourneyModel): PersonaKey[] {
    const personas = Array.isArray(journey.personas) ? journey.personas : [];
    return personas.map((persona, index) => ({ persona: String(persona.name ?? ''), title: displayTitle(persona), style: personaStyle(index) }));
}

function layoutHeader(journey: JourneyModel, keys: PersonaKey[], padding: number): { layout: MapLayout['header'], height: number, width: number } {
    const title = wrapText(displayTitle(journey), SIZE.headerText, TEXT.title);
    const goal = journey.goal ? wrapText(journey.goal, SIZE.headerText, TEXT.goal) : [];
    const today = journey.redesigns ? displayTitle({ title: journey.current?.title, name: journey.redesigns }) : '';
    const redesigns = today ? wrapText(today, SIZE.headerText, TEXT.goal) : [];
    let left = TEXT.eyebrow.line + 4 + blockHeight(title, TEXT.title);
    for (const block of [goal, redesigns]) {
        if (block.length > 0) {
            left += 12 + TEXT.eyebrow.line + 2 + blockHeight(block, TEXT.goal);
        }
    }
    let height = left;
    let width: number = SIZE.headerText;
    const personas = Array.isArray(journey.personas) ? journey.personas : [];
    const several = personas.length > 1;
    const cardWidth = several ? SIZE.compactPersona : SIZE.persona;
    let x = padding + SIZE.headerText + SIZE.headerGap;
    const cards = personas.map((persona, index) => {
        const card = layoutPersona(persona, x, padding, cardWidth, several ? keys[index] : undefined);
        x += card.width + SIZE.personaGap;
        height = Math.max(height, card.height);
        return card;
    });
    if (cards.length > 0) {
        width = x - SIZE.personaGap - padding;
    }
    return { layout: { top: padding, height, title, goal, redesigns, personas: cards }, height, width };
}

function layoutPersona(persona: PersonaModel, x: number, top: number, width: number, key: PersonaKey | undefined): PersonaLayout {
    const inner = width - 2 * SIZE.personaPadding;
    const valueWidth = inner - SIZE.personaLabel;
    // With a key, the persona's curve marker goes before the name.
    const title = wrapText(displayTitle(persona), key ? inner - 18 : inner, TEXT.personaTitle);
    let y = SIZE.personaPadding + TEXT.eyebrow.line + 2 + blockHeight(title, TEXT.personaTitle) + 6;
    const rows: PersonaRow[] = [];
    const add = (label: string, items: string[][]): void => {
        rows.push({ label, items, top: y });
        y += items.reduce((sum, lines) => sum + blockHeight(lines, TEXT.body) + 2, 0) + 6;
    };
    for (const [label, text] of [['Goal', persona.goal], ['Today', persona.today], ['Ideal', persona.ideal]] as const) {
        const lines = text ? wrapText(text, valueWidth, TEXT.body) : [];
        if (lines.length > 0) {
            add(label, [lines]);
        }
    }
    const needs = (Array.isArray(persona.needs) ? persona.needs : [])
        .map(need => wrapText(need, valueWidth - 12, TEXT.body))
        .filter(lines => lines.length > 0);
    if (needs.length > 0) {
        add('Needs', needs);
    }
    return { persona, key, x, top, width, height: y - 6 + SIZE.personaPadding, title, rows };
}

/** The emotion figures of the strip: of the persona, or of the journey as a whole. */
interface EmotionFigures {
    averageEmotion?: number;
    lowestMoments: LowMomentModel[];
    gradedShare?: number;
}

function layoutSummary(journey: JourneyModel, touchpoints: TouchpointModel[], keys: PersonaKey[], x0: number, top: number): { top: number, height: number, width: number, rows: SummaryRow[] } {
    const summary = journey.summary ?? ({} as Partial<JourneyModel['summary']>);
    const count = touchpoints.length;
    const hasContacts = touchpoints.some(t => typeof t.contacts === 'number');
    const hasDuration = touchpoints.some(t => typeof t.duration?.minutes === 'number');
    const total = summary.touchpoints ?? count;
    const ofTouchpoints = (share: number | undefined): string[] =>
        typeof share === 'number' && Number.isFinite(share) ? [`${formatCount(share * total)} of ${formatCount(total)}`] : [];
    const personas = Array.isArray(summary.personas) ? summary.personas : [];
    const figuresOf = (key: PersonaKey | undefined): EmotionFigures =>
        personas.find(entry => entry.persona === key?.persona) ?? {
            averageEmotion: summary.averageEmotion, lowestMoments: summary.lowestMoments ?? [], gradedShare: summary.gradedShare
        };
    const emotionTiles = (figures: EmotionFigures): Omit<SummaryTile, 'x'>[] => {
        const meaning = gradeMeaning(figures.averageEmotion);
        return [
            { label: 'Average emotion', width: 132, value: formatAverage(figures.averageEmotion), lines: meaning ? [meaning] : [], warn: false },
            { label: 'Lowest moments', width: 280, lines: lowestLines(figures.lowestMoments), warn: false }
        ];
    };
    const graded = (figures: EmotionFigures): Omit<SummaryTile, 'x'> =>
        ({ label: 'Graded', width: 100, value: formatPercent(figures.gradedShare), lines: ofTouchpoints(figures.gradedShare), warn: isIncomplete(figures.gradedShare) });
    const journeyTiles: Omit<SummaryTile, 'x'>[] = [
        { label: 'Touchpoints', width: 104, value: formatCount(total), lines: [], warn: false },
        { label: 'Stages', width: 84, value: formatCount(summary.stages ?? journey.stages.length), lines: [], warn: false }
    ];
    const owned: Omit<SummaryTile, 'x'> = { label: 'Owned', width: 100, value: formatPercent(summary.ownedShare), lines: ofTouchpoints(summary.ownedShare), warn: isIncomplete(summary.ownedShare) };
    const measures: Omit<SummaryTile, 'x'>[] = [
        { label: 'Contacts', width: 96, value: hasContacts ? formatCount(summary.totalContacts) : MISSING, lines: [], warn: false },
        { label: 'Total time', width: 124, value: hasDuration ? formatMinutes(summary.totalDurationMinutes) : MISSING, lines: [], warn: false }
    ];
    // A journey of several personas has a row of figures per persona shown (one when one is chosen).
    const specs: { key?: PersonaKey, tiles: Omit<SummaryTile, 'x'>[] }[] = personas.length > 1
        ? [
            { tiles: [...journeyTiles, owned, ...measures] },
            ...keys.map(key => {
                const figures = figuresOf(key);
                const about = key.title !== key.persona ? wrapText(key.title, 196 - 2 * SIZE.tilePadding - 18, TEXT.body) : [];
                const name = { label: 'Persona', key, width: 196, lines: [key.persona, ...about], warn: false };
                return { key, tiles: [name, ...emotionTiles(figures), graded(figures)] };
            })
        ]
        : [{ tiles: [...journeyTiles, ...emotionTiles(figuresOf(keys[0])), owned, graded(figuresOf(keys[0])), ...measures] }];
    let y = top;
    let width = 0;
    const rows = specs.map(({ key, tiles: row }) => {
        let x = x0;
        let height = 0;
        const tiles = row.map(spec => {
            const tile = { ...spec, x };
            x += spec.width + SIZE.tileGap;
            const content = TEXT.small.line + 4 + (spec.value !== undefined ? TEXT.tileValue.line : 0) + spec.lines.length * (spec.value !== undefined ? TEXT.small.line : TEXT.body.line);
            height = Math.max(height, content + 2 * SIZE.tilePadding);
            return tile;
        });
        width = Math.max(width, x - SIZE.tileGap - x0);
        const layout: SummaryRow = { key, top: y, height, tiles };
        y += height + SIZE.tileGap;
        return layout;
    });
    return { top, height: y - SIZE.tileGap - top, width, rows };
}

/**
 * The strip of a comparison with today: each figure as "today → tomorrow", what became of the steps, and
 * with several personas the average of each.
 */
function layoutComparedSummary(comparison: JourneyComparison, keys: PersonaKey[], x0: number, top: number): { top: number, height: number, width: number, rows: SummaryRow[] } {
    const before = comparison.before.summary;
    const after = comparison.after.summary;
    const tile = (label: string, value: string, lines: string[] = []): SummaryTile => {
        const width = Math.ceil(Math.max(textWidth(label, TEXT.small), textWidth(value, TEXT.tileValue), ...lines.map(line => textWidth(line, TEXT.small)))) + 2 * SIZE.tilePadding;
        return { label, x: 0, width: Math.max(96, width), value, lines, warn: false };
    };
    const [average, contacts, time] = figureChanges(before, after);
    const count = (status: StepStatus): number => comparison.steps.filter(step => step.status === status).length;
    const moved = comparison.changes.filter(change => change.kind === 'step-moved').length;
    const steps = [
        `${formatCount(count('added'))} new, ${formatCount(count('removed') + count('replaced'))} gone`,
        `${formatCount(count('changed'))} changed${moved > 0 ? ` (${formatCount(moved)} moved)` : ''}, ${formatCount(count('kept'))} as today`
    ];
    const tiles: SummaryTile[] = [
        tile('Touchpoints', `${formatCount(before.touchpoints)} → ${formatCount(after.touchpoints)}`, steps),
        tile('Average emotion', `${average.from} → ${average.to}`),
        tile('Contacts', `${contacts.from} → ${contacts.to}`),
        tile('Total time', `${time.from} → ${time.to}`),
        tile('Owned', `${formatPercent(before.ownedShare)} → ${formatPercent(after.ownedShare)}`)
    ];
    if (keys.length > 1) {
        const figures = (summary: JourneyModel['summary'], persona: string) => summary.personas.find(entry => entry.persona === persona)?.averageEmotion;
        tiles.push(tile('Average by persona', '', keys.map(key => `${key.persona}: ${formatAverage(figures(before, key.persona))} → ${formatAverage(figures(after, key.persona))}`)));
        tiles[tiles.length - 1].value = undefined;
    }
    let x = x0;
    let height = 0;
    for (const entry of tiles) {
        entry.x = x;
        x += entry.width + SIZE.tileGap;
        const content = TEXT.small.line + 4 + (entry.value !== undefined ? TEXT.tileValue.line + entry.lines.length * TEXT.small.line : entry.lines.length * TEXT.body.line);
        height = Math.max(height, content + 2 * SIZE.tilePadding);
    }
    return { top, height, width: x - SIZE.tileGap - x0, rows: [{ top, height, tiles }] };
}

/** The stages and steps of a comparison, as the map draws them: consecutive steps of a stage under one head. */
function comparedGroups(comparison: JourneyComparison): StageGroup[] {
    const groups: StageGroup[] = [];
    for (const step of comparison.steps) {
        const touchpoint = step.after ?? step.before;
        if (!touchpoint) {
            continue;
        }
        let group = groups[groups.length - 1];
        if (group?.stage.name !== step.stage) {
            const stage = comparison.after.stages.find(candidate => candidate.name === step.stage)
                ?? comparison.before.stages.find(candidate => candidate.name === step.stage);
            const compared = comparison.stages.find(candidate => candidate.name === step.stage);
            group = {
                stage: { name: step.stage, title: compared?.title ?? stage?.title ?? step.stage, touchpoints: [], source: stage?.source ?? touchpoint.source },
                entries: [],
                change: compared ? stageChange(compared) : ''
            };
            groups.push(group);
        }
        group.stage.touchpoints.push(touchpoint);
        group.entries.push({ touchpoint, before: step.before, comparison: { status: step.status, tag: stepTag(step.status, step.after?.replaces ?? [], step.replacedBy) } });
    }
    return groups;
}

function stageChange(stage: ComparedStage): string {
    if (stage.status === 'added') {
        return 'new stage';
    }
    if (stage.status === 'removed' || !stage.before || !stage.after) {
        return 'stage gone';
    }
    return figureChanges(stage.before, stage.after).map(({ label, from, to }) => `${label} ${from} → ${to}`).join(' · ');
}

function stepTag(status: StepStatus, replaces: string[], replacedBy: string | undefined): string | undefined {
    switch (status) {
        case 'added': return replaces.length > 0 ? `new, replaces ${replaces.join(', ')}` : 'new';
        case 'removed': return 'removed';
        case 'replaced': return `replaced by ${replacedBy ?? ''}`;
        case 'changed': return 'changed';
        case 'kept': return undefined;
    }
}

function lowestLines(lowest: LowMomentModel[]): string[] {
    const moments = Array.isArray(lowest) ? lowest : [];
    const width = 280 - 2 * SIZE.tilePadding;
    const lines: string[] = [];
    for (const moment of moments.slice(0, LOWEST_SHOWN)) {
        const grade = typeof moment.grade === 'number' && Number.isFinite(moment.grade) ? ` (${moment.grade})` : '';
        lines.push(...wrapText(`${displayTitle({ title: moment.title, name: moment.touchpoint })}${grade}`, width, TEXT.body));
    }
    if (moments.length > LOWEST_SHOWN) {
        lines.push(`and ${formatCount(moments.length - LOWEST_SHOWN)} more`);
    }
    return lines.length > 0 ? lines : [MISSING];
}

function isIncomplete(share: number | undefined): boolean {
    return typeof share === 'number' && Number.isFinite(share) && share < 1;
}

/**
 * `keys`: the curves to draw, one per persona shown, or [undefined] for the one curve of a journey without
 * personas; `compared`: a comparison with today (the groups' entries say what became of each step).
 */
function layoutGrid(groups: StageGroup[], count: number, keys: (PersonaKey | undefined)[], compared: boolean, padding: number, top: number): GridLayout {
    const left = padding + SIZE.gutter;
    const columns: ColumnLayout[] = [];
    const stageLayouts: StageLayout[] = [];
    const heights: Record<LaneId, number> = {
        touchpoint: 56, channel: SIZE.minLane, owner: SIZE.minLane, emotion: 0,
        pain: SIZE.minLane, idea: SIZE.minLane, backstage: SIZE.minLane, quote: SIZE.minLane, measures: 56
    };
    const several = keys.length > 1;
    const feelingWidth = several ? SIZE.column - 2 * SIZE.inset - 16 : FEELING_WIDTH;
    const dx = (i: number): number => several ? (i - (keys.length - 1) / 2) * SIZE.markerSpread : 0;
    const curves: CurveLayout[] = keys.map((key, i) => ({ key, points: [], dx: dx(i) }));
    const today: CurveLayout[] = compared ? keys.map((key, i) => ({ key, points: [], dx: dx(i) })) : [];
    const feelingLines = keys.map(() => 1);
    let stageRowHeight = 44;
    let position = 0;
    for (const { stage, entries, change: changeText } of groups) {
        const x = left + position * SIZE.column;
        const width = entries.length * SIZE.column;
        const textWidthInStage = width - 2 * SIZE.inset - 2 * SIZE.boxPadding;
        const title = wrapText(displayTitle(stage), textWidthInStage, TEXT.stage);
        const change = changeText ? wrapText(changeText, textWidthInStage, TEXT.small) : [];
        stageRowHeight = Math.max(stageRowHeight, 2 * SIZE.inset + 2 * 8 + blockHeight(title, TEXT.stage) + (change.length > 0 ? 2 + blockHeight(change, TEXT.small) : 0));
        stageLayouts.push({ stage, x, width, title, change, alternate: stageLayouts.length % 2 === 1 });
        for (const { touchpoint, before, comparison } of entries) {
            const column = layoutColumn(touchpoint, position, left + position * SIZE.column);
            if (comparison) {
                column.comparison = { status: comparison.status, tag: comparison.tag ? wrapText(comparison.tag, CELL_TEXT_WIDTH, TEXT.tag) : [] };
            }
            columns.push(column);
            const gone = comparison?.status === 'removed' || comparison?.status === 'replaced';
            curves.forEach((curve, i) => {
                const point = gone ? undefined : curvePoint(touchpoint, curve.key?.persona, feelingWidth);
                curve.points.push(point);
                feelingLines[i] = Math.max(feelingLines[i], point?.feeling.length ?? 0);
            });
            for (const curve of today) {
                curve.points.push(before && curvePoint(before, curve.key?.persona, feelingWidth));
            }
            position++;
            const tags = column.comparison?.tag ?? [];
            heights.touchpoint = Math.max(heights.touchpoint, 2 * SIZE.inset + 2 * SIZE.boxPadding + (touchpoint.momentOfTruth ? 20 : 0)
                + (tags.length > 0 ? blockHeight(tags, TEXT.tag) + 6 : 0) + blockHeight(column.title, TEXT.touchpoint));
            heights.channel = Math.max(heights.channel, 2 * SIZE.inset + 14 + blockHeight(column.channel, TEXT.body));
            const tag = touchpoint.owner?.external ? TEXT.tag.line + 1 : 0;
            heights.owner = Math.max(heights.owner, 2 * SIZE.inset + 14 + tag + blockHeight(column.owner, TEXT.body));
            for (const { kind } of MAP_NOTE_KINDS) {
                const boxes = column.notes[kind];
                if (boxes.length > 0) {
                    const last = boxes[boxes.length - 1];
                    heights[kind] = Math.max(heights[kind], last.top + last.height + SIZE.inset);
                }
            }
        }
    }
    const plot = SIZE.emotionTop + (MAX_GRADE - MIN_GRADE) * SIZE.gradeStep + SIZE.dotRadius + 6;
    if (several) {
        let bandTop = plot + 4;
        curves.forEach((curve, i) => {
            const height = feelingLines[i] * TEXT.feeling.line + 4;
            curve.band = { top: bandTop, height };
            bandTop += height;
        });
        heights.emotion = bandTop + 10;
    } else {
        heights.emotion = plot + feelingLines[0] * TEXT.feeling.line + 10;
    }

    let y = top + stageRowHeight;
    const lanes = {} as Record<LaneId, LaneLayout>;
    for (const lane of LANES) {
        lanes[lane.id] = { ...lane, top: y, height: heights[lane.id] };
        y += heights[lane.id];
    }
    return {
        top,
        bottom: y,
        left,
        right: left + count * SIZE.column,
        stageRow: { top, height: stageRowHeight },
        lanes,
        columns,
        stages: stageLayouts,
        curves,
        today
    };
}

/**
 * A touchpoint's point on the curve of a persona (of the journey without personas: persona undefined), or
 * undefined when it has no valid grade for them.
 */
function curvePoint(touchpoint: TouchpointModel, persona: string | undefined, feelingWidth: number): CurvePoint | undefined {
    const emotions = Array.isArray(touchpoint.emotions) ? touchpoint.emotions : [];
    const emotion = emotions.find(entry => entry.persona === persona);
    if (!emotion || !isValidGrade(emotion.grade)) {
        return undefined;
    }
    return { grade: emotion.grade, emotion, feeling: emotion.feeling ? wrapText(emotion.feeling, feelingWidth, TEXT.feeling) : [] };
}

function layoutColumn(touchpoint: TouchpointModel, position: number, x: number): ColumnLayout {
    const notes = Object.fromEntries(MAP_NOTE_KINDS.map(({ kind }) => [kind, []])) as unknown as Record<MapNoteKind, NoteBox[]>;
    const tops = Object.fromEntries(MAP_NOTE_KINDS.map(({ kind }) => [kind, SIZE.inset])) as Record<MapNoteKind, number>;
    for (const note of Array.isArray(touchpoint.notes) ? touchpoint.notes : []) {
        if (!Object.hasOwn(notes, note.kind)) {
            continue; // a kind the map has no lane for (the blueprint draws it)
        }
        const kind = note.kind as MapNoteKind;
        const by = note.owner ? `${displayTitle(note.owner)}: ` : '';
        const text = kind === 'quote' ? `“${String(note.text)}”` : `${by}${String(note.text)}`;
        const lines = wrapText(text, NOTE_TEXT_WIDTH, kind === 'quote' ? TEXT.quote : TEXT.note);
        if (lines.length === 0) {
            continue;
        }
        const height = blockHeight(lines, TEXT.note) + 14;
        notes[kind].push({ note, lines, top: tops[kind], height });
        tops[kind] += height + 6;
    }
    const channel = touchpoint.channel ? wrapText(displayTitle(touchpoint.channel), CELL_TEXT_WIDTH, TEXT.body) : [];
    const owner = touchpoint.owner ? wrapText(displayTitle(touchpoint.owner), CELL_TEXT_WIDTH, TEXT.body) : [];
    return {
        touchpoint,
        position,
        x,
        title: wrapText(displayTitle(touchpoint), CELL_TEXT_WIDTH, TEXT.touchpoint),
        channel: channel.length > 0 ? channel : [],
        owner: owner.length > 0 ? owner : [],
        notes
    };
}

/** Touchpoint columns by position in the journey: `from` inclusive, `to` exclusive. */
export interface ColumnWindow {
    from: number;
    to: number;
}

/** What windowing needs of a view's layout: its columns, SIZE.column wide each from `left` (the map's and the blueprint's). */
export interface ColumnGrid {
    grid?: { left: number, columns: readonly unknown[] };
}

/**
 * The columns of a layout that meet the horizontal span [left, right] (in map px, unzoomed): what a
 * preview scrolled there shows. Empty (from = to) for a map without touchpoints or a span beside them.
 */
export function visibleColumns(layout: ColumnGrid, left: number, right: number): ColumnWindow {
    const count = layout.grid?.columns.length ?? 0;
    const start = layout.grid?.left ?? 0;
    const clamp = (position: number) => Math.max(0, Math.min(count, position));
    const from = clamp(Math.floor((left - start) / SIZE.column));
    return { from, to: Math.max(from, clamp(Math.ceil((right - start) / SIZE.column))) };
}

/** The y of a grade's guide line in the emotion lane. */
export function gradeY(lane: LaneLayout, grade: number): number {
    return lane.top + SIZE.emotionTop + (MAX_GRADE - grade) * SIZE.gradeStep;
}

/** Used by the legend: the width of a short label. */
export function labelWidth(text: string, style: TextStyle): number {
    return textWidth(text, style);
}

/** The columns asked for (all when not asked), whole positions within the `count` columns there are. */
export function windowWithin(count: number, asked: ColumnWindow | undefined): ColumnWindow {
    const from = Math.max(0, Math.min(count, Math.floor(asked?.from ?? 0)));
    return { from, to: Math.max(from, Math.min(count, Math.ceil(asked?.to ?? count))) };
}

/** The stages over the columns shown (a stage starts at the column of its x, `left` the first column's). */
export function stagesOver<T extends { x: number, width: number }>(stages: readonly T[], left: number, shown: ColumnWindow): T[] {
    return stages.filter(stage => {
        const first = Math.round((stage.x - left) / SIZE.column);
        return first < shown.to && first + Math.round(stage.width / SIZE.column) > shown.from;
    });
}
