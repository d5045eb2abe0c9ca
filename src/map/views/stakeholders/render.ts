/**
 * The stakeholder map as one SVG string, from computeStakeholderLayout: pure, plain SVG 1.1, classes from
 * map.css, every model string escaped. Edges first (under the boxes), then the rings' labels, the centre and
 * the boxes, each box a link to the party's declaration. Hooks: `data-view="stakeholders"` on the root,
 * `data-stakeholder` and `data-circle` on each party, `data-edge` on each arrow.
 */
import type { JourneyModel } from '../../model.js';
import type { Theme } from '../../styles/embedded-css.js';
import { formatCount, plural } from '../../format.js';
import { blockHeight, escapeXml, firstBaseline, num, textBlock } from '../../text.js';
import { displayTitle, SIZE, TEXT } from '../journey-map/layout.js';
import { accessibleTitle, mapDescription } from '../../journey-description.js';
import { emptyMessage, openGroup, openSvg, rect, text, tooltip } from '../svg-elements.js';
import { boxMeets, computeStakeholderLayout, segmentMeets, type MapArea, type StakeholderEdge, type StakeholderLayout, type StakeholderNode } from './layout.js';

export interface StakeholderRenderOptions {
    styles?: 'linked' | 'embedded';
    theme?: Theme;
    /** The layout of this journey from computeStakeholderLayout, when the caller has it already (the preview keeps it while it scrolls). */
    layout?: StakeholderLayout;
    /**
     * Draw only the parties whose boxes meet this area and the arrows that pass through it (each whole,
     * with its word); the header, rings and centre as usual and the map its full size. For a preview of a
     * map far larger than the window, as the journey map's columns. Default: all, exactly as without this option.
     */
    area?: MapArea;
}

/**
 * How far an arrow's head and word reach from its line (see renderEdge): gives and gets drawn 4 px aside of
 * it, the word's anchor 22 px along from an end (past the other on a shorter arrow) and 18 px further aside,
 * the word ("gives", 10 px bold, with its halo) some 16 px around its anchor.
 */
const EDGE_REACH = 56;

/** The area with `by` px more on every side. */
function grown(area: MapArea, by: number): MapArea {
    return { x: { from: area.x.from - by, to: area.x.to + by }, y: { from: area.y.from - by, to: area.y.to + by } };
}

export function renderStakeholderMap(journey: JourneyModel, options: StakeholderRenderOptions = {}): string {
    const theme: Theme = options.theme === 'dark' ? 'dark' : 'light';
    const layout = options.layout ?? computeStakeholderLayout(journey);
    const area = options.area;
    const label = `Stakeholder map: ${accessibleTitle(journey)}, ` + (layout.nodes.length > 0
        ? `${formatCount(layout.nodes.length)} ${layout.nodes.length === 1 ? 'party' : 'parties'} around ${journey.personas.length > 0 ? plural(journey.personas.length, 'persona') : 'the customer'}`
        : 'no owners or stakeholders yet');
    const out = [openSvg({ view: 'stakeholders', width: layout.width, height: layout.height, label, description: mapDescription(journey), theme, styles: options.styles })];
    const x = SIZE.padding;
    out.push('<g class="header">', text('t-eyebrow', x, firstBaseline(layout.header.top, TEXT.eyebrow), 'Stakeholder map'));
    out.push(textBlock(layout.header.title, x, layout.header.top + TEXT.eyebrow.line + 4, TEXT.title, 't-title'), '</g>');
    if (layout.empty) {
        out.push(emptyMessage({ x, ...layout.empty }, 'This journey names no owner or stakeholder yet',
            'Give its touchpoints an owner (owner Comms) and the parties taking part (with Courier).'));
    } else {
        renderRings(out, layout);
        out.push('<g class="edges">');
        const reach = area && grown(area, EDGE_REACH);
        for (const edge of layout.edges) {
            const line = edgeLine(edge, layout);
            if (!reach || segmentMeets(line.x1, line.y1, line.x2, line.y2, reach)) {
                renderEdge(out, edge, line);
            }
        }
        out.push('</g>');
        renderCentre(out, layout, journey);
        out.push('<g class="stakeholders">');
        for (const node of layout.nodes) {
            if (!area || boxMeets(node, area)) {
                renderNode(out, node);
            }
        }
        out.push('</g>');
    }
    out.push('</svg>');
    return out.join('');
}

function renderRings(out: string[], layout: StakeholderLayout): void {
    const { x, y } = layout.centre;
    out.push('<g class="rings">');
    for (const ring of [...layout.rings].reverse()) {
        out.push(`<circle class="ring ring-${ring.circle}" data-circle="${ring.circle}" cx="${num(x)}" cy="${num(y)}" r="${num(ring.outer)}"/>`);
    }
    out.push(`<circle class="ring-centre" cx="${num(x)}" cy="${num(y)}" r="${num(layout.rings[0]?.inner ?? 0)}"/>`);
    for (const ring of layout.rings) {
        out.push(text('t-ring t-center', x, y - ring.outer + 16, ring.label));
    }
    out.push('</g>');
}

function renderCentre(out: string[], layout: StakeholderLayout, journey: JourneyModel): void {
    const { x, y, radius, names } = layout.centre;
    const personas = journey.personas;
    out.push(openGroup('centre', 'persona', personas.length === 1 ? personas[0].source : undefined), tooltip(personas.length > 0
        ? `At the centre: ${personas.map(persona => displayTitle(persona)).join(', ')}` : 'At the centre: the customer'));
    out.push(`<circle class="centre-disc" cx="${num(x)}" cy="${num(y)}" r="${num(radius)}"/>`);
    const top = y - blockHeight(names, TEXT.label) / 2;
    out.push(textBlock(names, x, top, TEXT.label, 't-label t-center t-centre'), '</g>');
}

/** Where the segment from a box's centre towards (tx, ty) leaves the box. */
function boxEdge(node: StakeholderNode, tx: number, ty: number): [number, number] {
    const dx = tx - node.x;
    const dy = ty - node.y;
    const scale = 1 / Math.max(Math.abs(dx) / (node.width / 2 + 3), Math.abs(dy) / (node.height / 2 + 3), 1e-9);
    return [node.x + dx * Math.min(1, scale), node.y + dy * Math.min(1, scale)];
}

/** An arrow's line: from where it leaves its tail's box (or the centre's disc) to where it reaches its head's. */
interface EdgeLine {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
}

function edgeLine(edge: StakeholderEdge, layout: StakeholderLayout): EdgeLine {
    const centre = layout.centre;
    const end = (side: StakeholderNode | 'centre', other: StakeholderNode | 'centre'): [number, number] => {
        const [ox, oy] = other === 'centre' ? [centre.x, centre.y] : [other.x, other.y];
        if (side === 'centre') {
            const d = Math.hypot(ox - centre.x, oy - centre.y) || 1;
            return [centre.x + (ox - centre.x) / d * (centre.radius + 3), centre.y + (oy - centre.y) / d * (centre.radius + 3)];
        }
        return boxEdge(side, ox, oy);
    };
    const [x1, y1] = end(edge.from, edge.to);
    const [x2, y2] = end(edge.to, edge.from);
    return { x1, y1, x2, y2 };
}

function renderEdge(out: string[], edge: StakeholderEdge, line: EdgeLine): void {
    let { x1, y1, x2, y2 } = line;
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
    if (edge.kind !== 'link') {
        // Gives and gets side by side: each 4 px to its own side of the line between box and centre (the
        // same offset from its own direction, and the two run opposite ways).
        [x1, y1, x2, y2] = [x1 - uy * 4, y1 + ux * 4, x2 - uy * 4, y2 + ux * 4];
    }
    const node = edge.from === 'centre' ? edge.to : edge.from;
    const who = node === 'centre' ? '' : displayTitle(node.party);
    const title = edge.kind === 'link' && edge.to !== 'centre' ? `${who} → ${displayTitle(edge.to.party)}: ${edge.text}`
        : `${who} ${edge.kind} ${edge.kind === 'gives' ? 'the customer' : 'from the customer'}: ${edge.text}`;
    const head = `M${num(x2)},${num(y2)}L${num(x2 - ux * 9 - uy * 4)},${num(y2 - uy * 9 + ux * 4)}L${num(x2 - ux * 9 + uy * 4)},${num(y2 - uy * 9 - ux * 4)}Z`;
    out.push(`<g class="edge edge-${edge.kind}" data-edge="${edge.kind}"${node === 'centre' ? '' : ` data-stakeholder="${escapeXml(node.party.name)}"`}>`, tooltip(title));
    out.push(`<path class="edge-line" d="M${num(x1)},${num(y1)}L${num(x2 - ux * 8)},${num(y2 - uy * 8)}"/>`, `<path class="edge-head" d="${head}"/>`);
    if (edge.kind !== 'link' && node !== 'centre') {
        // The word by the box, on its arrow's side: where the arrow leaves it (gives) or reaches it (gets).
        const [bx, by] = edge.kind === 'gives' ? [x1, y1] : [x2, y2];
        const [ix, iy] = edge.kind === 'gives' ? [ux, uy] : [-ux, -uy];
        out.push(text('t-edge t-center', bx + ix * 22 - uy * 14, by + iy * 22 + ux * 14 + 4, edge.kind));
    }
    out.push('</g>');
}

function renderNode(out: string[], node: StakeholderNode): void {
    const { party } = node;
    const left = node.x - node.width / 2;
    const top = node.y - node.height / 2;
    const pad = 10;
    out.push(openGroup(`stakeholder ${party.kind}${party.external ? ' external' : ''}`, 'stakeholder', party.source,
        ` data-stakeholder="${escapeXml(party.name)}" data-circle="${party.circle}"`));
    out.push(tooltip(`${displayTitle(party)} (${node.tag}, ${party.circle} circle)`));
    out.push(rect(`box stakeholder-box circle-${party.circle}`, left, top, node.width, node.height, 8));
    let y = top + pad;
    out.push(text('t-tag', left + pad, firstBaseline(y, TEXT.tag), node.tag));
    y += TEXT.tag.line + 2;
    out.push(textBlock(node.title, left + pad, y, TEXT.touchpoint, 't-touchpoint'));
    y += blockHeight(node.title, TEXT.touchpoint) + 4;
    if (node.figureLine.length > 0) {
        if (node.grade !== undefined) {
            out.push(`<circle class="grade-dot grade-${node.grade}" cx="${num(left + node.width - pad - 8)}" cy="${num(y + 7)}" r="7"/>`);
        }
        out.push(textBlock(node.figureLine, left + pad, y, TEXT.small, 't-small figures'));
        y += blockHeight(node.figureLine, TEXT.small);
    }
    for (const lines of [node.gives, node.gets, node.links]) {
        if (lines.length > 0) {
            out.push(textBlock(lines, left + pad, y, TEXT.small, 't-small'));
            y += blockHeight(lines, TEXT.small);
        }
    }
    out.push('</g>');
}
