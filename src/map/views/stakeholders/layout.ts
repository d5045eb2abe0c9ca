/**
 * The geometry of a stakeholder map: the journey's personas at the centre, a ring for each circle around
 * them (core, partners, wider), and every party of the journey on its ring. Deterministic, and no two boxes
 * can overlap: every box holds its own words (what the party gives and gets, its links), and boxes are
 * placed at least their diagonal apart, on as many tracks of a ring as its number of parties needs.
 *
 * Parties that hand customers to each other (or link to each other) often are placed at nearby angles: one
 * order around the centre for all rings, built greedily from the strongest ties, each ring's parties spread
 * evenly in that order and turned to stay as close as they can to their place in it.
 */
import type { JourneyModel, StakeholderModel } from '../../model.js';
import { formatAverage, formatCount, plural } from '../../format.js';
import { handoffs } from '../../handoffs.js';
import { stakeholderFigures, type StakeholderFigures } from '../../stakeholder-figures.js';
import { blockHeight, wrapText } from '../../text.js';
import { CIRCLES, type Circle } from '../../vocabulary/circles.js';
import { displayTitle, SIZE, TEXT } from '../journey-map/layout.js';

export const NODE_WIDTH = 184;
const NODE_PADDING = 10;
const NODE_TEXT = NODE_WIDTH - 2 * NODE_PADDING;
/** Between two boxes beyond their diagonal, and between a ring's edge and its boxes. */
const GAP = 16;
const RING_MARGIN = 24;

export interface StakeholderNode {
    party: StakeholderModel;
    figures: StakeholderFigures;
    /** The box's centre. */
    x: number;
    y: number;
    width: number;
    height: number;
    angle: number;
    title: string[];
    /** "external owner", "owner", "stakeholder". */
    tag: string;
    /** "4 touchpoints, average 2.5"; empty for a party that delivers none. */
    figureLine: string[];
    /** The grade class of the average (its rounded grade), for the badge colour. */
    grade?: number;
    gives: string[];
    gets: string[];
    links: string[];
}

export interface StakeholderRing {
    circle: Circle;
    label: string;
    inner: number;
    outer: number;
}

export interface StakeholderEdge {
    kind: 'gives' | 'gets' | 'link';
    from: StakeholderNode | 'centre';
    to: StakeholderNode | 'centre';
    text: string;
}

export interface StakeholderLayout {
    width: number;
    height: number;
    header: { top: number, title: string[], height: number };
    centre: { x: number, y: number, radius: number, names: string[] };
    rings: StakeholderRing[];
    nodes: StakeholderNode[];
    edges: StakeholderEdge[];
    /** The journey names no owner or stakeholder. */
    empty?: { top: number, height: number, width: number };
}

/**
 * A rectangle of the map in map px (unzoomed): across from x.from to x.to, down from y.from to y.to. What a
 * preview scrolled there shows, and the part of a map far larger than the window that it draws.
 */
export interface MapArea {
    x: { from: number, to: number };
    y: { from: number, to: number };
}

/** Whether a party's box meets the area (touching counts). */
export function boxMeets(node: StakeholderNode, area: MapArea): boolean {
    return node.x + node.width / 2 >= area.x.from && node.x - node.width / 2 <= area.x.to
        && node.y + node.height / 2 >= area.y.from && node.y - node.height / 2 <= area.y.to;
}

/** Whether the segment from (x1, y1) to (x2, y2) meets the area (touching counts): the segment clipped to it, Liang–Barsky. */
export function segmentMeets(x1: number, y1: number, x2: number, y2: number, area: MapArea): boolean {
    const dx = x2 - x1;
    const dy = y2 - y1;
    let enter = 0;
    let leave = 1;
    // Each side of the area: the segment's run towards it (p) and its start's distance inside it (q).
    for (const [p, q] of [[-dx, x1 - area.x.from], [dx, area.x.to - x1], [-dy, y1 - area.y.from], [dy, area.y.to - y1]]) {
        if (p === 0) {
            if (q < 0) {
                return false;
            }
        } else if (p < 0) {
            enter = Math.max(enter, q / p);
        } else {
            leave = Math.min(leave, q / p);
        }
    }
    return enter <= leave;
}

export function computeStakeholderLayout(journey: JourneyModel): StakeholderLayout {
    const { padding } = SIZE;
    const title = wrapText(displayTitle(journey), SIZE.headerText, TEXT.title);
    const header = { top: padding, title, height: TEXT.eyebrow.line + 4 + blockHeight(title, TEXT.title) };
    const top = padding + header.height + SIZE.sectionGap;
    // Names, short enough for the disc (the tooltip gives the titles).
    const names = journey.personas.length > 0 ? journey.personas.map(persona => persona.name) : ['The customer'];
    const centreLines = names.flatMap(name => wrapText(name, 150, TEXT.label));
    const centreRadius = Math.max(70, blockHeight(centreLines, TEXT.label) / 2 + 40);
    const parties = Array.isArray(journey.stakeholders) ? journey.stakeholders : [];
    if (parties.length === 0) {
        const empty = { top, height: 84, width: 560 };
        return {
            width: empty.width + 2 * padding, height: top + empty.height + padding, header,
            centre: { x: 0, y: 0, radius: 0, names: [] }, rings: [], nodes: [], edges: [], empty
        };
    }
    const figures = stakeholderFigures(journey);
    const nodes = parties.map(party => node(party, figures.get(party.name) ?? { delivers: 0, takesPart: 0 }));
    const width = NODE_WIDTH;
    const height = Math.max(...nodes.map(n => n.height));
    // Two boxes whose centres are a diagonal apart cannot overlap, whatever their angle.
    const spacing = Math.hypot(width, height) + GAP;

    const order = aroundTheCentre(journey, parties);
    const rings: StakeholderRing[] = [];
    let inner = centreRadius;
    for (const { circle, label } of CIRCLES) {
        const members = nodes.filter(n => n.party.circle === circle).sort((a, b) => order.get(a.party.name)! - order.get(b.party.name)!);
        const first = inner + RING_MARGIN + spacing / 2;
        const tracks = tracksNeeded(members.length, first, spacing);
        const slots = slotsFor(members.length, tracks);
        const turn = bestTurn(members.map(n => 2 * Math.PI * order.get(n.party.name)! / parties.length), slots);
        members.forEach((member, j) => {
            member.angle = turn + 2 * Math.PI * j / slots;
            const radius = first + (j % tracks) * spacing;
            member.x = Math.cos(member.angle - Math.PI / 2) * radius;
            member.y = Math.sin(member.angle - Math.PI / 2) * radius;
        });
        const outer = members.length > 0 ? first + (tracks - 1) * spacing + spacing / 2 + RING_MARGIN : inner + 2 * RING_MARGIN;
        rings.push({ circle, label, inner, outer });
        inner = outer;
    }
    const radius = inner;
    const cx = padding + radius;
    const cy = top + radius;
    for (const n of nodes) {
        n.x += cx;
        n.y += cy;
    }
    const byName = new Map(nodes.map(n => [n.party.name, n]));
    const edges: StakeholderEdge[] = [];
    for (const n of nodes) {
        n.party.gives.forEach(text => edges.push({ kind: 'gives', from: n, to: 'centre', text }));
        n.party.gets.forEach(text => edges.push({ kind: 'gets', from: 'centre', to: n, text }));
        for (const link of n.party.links) {
            const target = byName.get(link.to);
            if (target && target !== n) {
                edges.push({ kind: 'link', from: n, to: target, text: link.text });
            }
        }
    }
    return {
        width: Math.ceil(Math.max(2 * radius, SIZE.headerText) + 2 * padding),
        height: Math.ceil(cy + radius + padding),
        header,
        centre: { x: cx, y: cy, radius: centreRadius, names: centreLines },
        rings,
        nodes,
        edges
    };
}

function node(party: StakeholderModel, figures: StakeholderFigures): StakeholderNode {
    const title = wrapText(displayTitle(party), NODE_TEXT, TEXT.touchpoint);
    const tag = party.kind === 'stakeholder' ? 'stakeholder' : party.external ? 'external owner' : 'owner';
    const counts: string[] = [];
    if (figures.delivers > 0) {
        counts.push(`${plural(figures.delivers, 'touchpoint')}, average ${formatAverage(figures.averageEmotion)}`);
    }
    if (figures.takesPart > 0) {
        counts.push(`takes part in ${formatCount(figures.takesPart)}`);
    }
    const figureLine = counts.length > 0 ? wrapText(counts.join('; '), NODE_TEXT - 30, TEXT.small) : [];
    const said = (label: string, texts: string[]) => texts.flatMap(text => wrapText(`${label}: ${text}`, NODE_TEXT, TEXT.small));
    const gives = said('Gives', party.gives);
    const gets = said('Gets', party.gets);
    const links = party.links.flatMap(link => wrapText(`→ ${link.to}: ${link.text}`, NODE_TEXT, TEXT.small));
    const height = 2 * NODE_PADDING + TEXT.tag.line + 2 + blockHeight(title, TEXT.touchpoint) + 4
        + blockHeight([...figureLine, ...gives, ...gets, ...links], TEXT.small);
    const grade = figures.averageEmotion === undefined ? undefined : Math.min(5, Math.max(1, Math.round(figures.averageEmotion)));
    return { party, figures, x: 0, y: 0, width: NODE_WIDTH, height, angle: 0, title, tag, figureLine, grade, gives, gets, links };
}

/**
 * The positions around a ring for `count` boxes on `tracks` tracks, box j on track j % tracks: a multiple
 * of the tracks, so that the last box and the first, neighbours around the ring, are on different tracks.
 */
function slotsFor(count: number, tracks: number): number {
    return Math.ceil(count / tracks) * tracks;
}

/** Tracks for `count` boxes on a ring whose first track has radius `radius`: neighbours on a track `spacing` apart. */
function tracksNeeded(count: number, radius: number, spacing: number): number {
    for (let tracks = 1; tracks < count; tracks++) {
        if (2 * radius * Math.sin(Math.PI * tracks / slotsFor(count, tracks)) >= spacing) {
            return tracks;
        }
    }
    return Math.max(1, count);
}

/** The turn of evenly spaced positions (2πj/slots) that keeps them closest to the angles wanted: their circular mean offset. */
function bestTurn(wanted: number[], slots: number): number {
    if (wanted.length === 0) {
        return 0;
    }
    let sin = 0;
    let cos = 0;
    wanted.forEach((angle, j) => {
        const offset = angle - 2 * Math.PI * j / slots;
        sin += Math.sin(offset);
        cos += Math.cos(offset);
    });
    return Math.abs(sin) < 1e-9 && Math.abs(cos) < 1e-9 ? 0 : Math.atan2(sin, cos);
}

/**
 * One order of the parties around the centre: from the party with the strongest ties, each next the one
 * most tied to the last placed (then to all placed, then the first named), ties counted as hand-offs
 * between them plus links.
 */
function aroundTheCentre(journey: JourneyModel, parties: StakeholderModel[]): Map<string, number> {
    const index = new Map(parties.map((party, i) => [party.name, i]));
    const ties = parties.map(() => new Array<number>(parties.length).fill(0));
    const tie = (a: string, b: string): void => {
        const i = index.get(a);
        const j = index.get(b);
        if (i !== undefined && j !== undefined && i !== j) {
            ties[i][j]++;
            ties[j][i]++;
        }
    };
    for (const pass of handoffs(journey)) {
        tie(pass.fromOwner, pass.toOwner);
    }
    for (const party of parties) {
        party.links.forEach(link => tie(party.name, link.to));
    }
    const total = ties.map(row => row.reduce((sum, value) => sum + value, 0));
    const placed: number[] = [];
    const left = new Set(parties.map((_, i) => i));
    const toPlaced = new Array<number>(parties.length).fill(0);
    // Compared number by number, without a score to allocate: this runs for every pair of parties.
    const comesBefore = (i: number, j: number, last: number | undefined): boolean => {
        if (last === undefined) {
            return total[i] !== total[j] ? total[i] > total[j] : i < j;
        }
        if (ties[last][i] !== ties[last][j]) {
            return ties[last][i] > ties[last][j];
        }
        return toPlaced[i] !== toPlaced[j] ? toPlaced[i] > toPlaced[j] : i < j;
    };
    while (left.size > 0) {
        const last = placed.at(-1);
        let best = -1;
        for (const candidate of left) {
            if (best < 0 || comesBefore(candidate, best, last)) {
                best = candidate;
            }
        }
        placed.push(best);
        left.delete(best);
        for (const other of left) {
            toPlaced[other] += ties[best][other];
        }
    }
    return new Map(placed.map((i, position) => [parties[i].name, position]));
}
