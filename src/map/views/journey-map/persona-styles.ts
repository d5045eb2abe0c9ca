import { num } from '../../text.js';

/**
 * How the emotion curves of a journey's personas are told apart when several share the lane: by colour,
 * by line style (both in map.css, classes `persona-1` .. `persona-5`) and by marker shape (drawn here), so
 * that the curves read in print, in greyscale and for colour-blind readers. Five styles, as many personas as
 * a map shows well; a sixth persona takes the first colour and line again, with the next shape.
 */
export const MARKER_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'triangle-down'] as const;

export type MarkerShape = typeof MARKER_SHAPES[number];

export interface PersonaStyle {
    /** 1..5: the class `persona-N` of map.css (colour and line style). */
    colour: number;
    marker: MarkerShape;
}

/** The style of the persona at `index` (0-based) in its journey's `for` list. */
export function personaStyle(index: number): PersonaStyle {
    const count = MARKER_SHAPES.length;
    const i = Math.max(0, Math.trunc(index));
    return { colour: (i % count) + 1, marker: MARKER_SHAPES[(i + Math.floor(i / count)) % count] };
}

/** A marker of the shape centred on (cx, cy), of about the area of a circle of radius r. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
    const p = (x: number, y: number): string => `${num(cx + x)},${num(cy + y)}`;
    switch (shape) {
        case 'circle':
            return `M${p(-r, 0)}A${num(r)},${num(r)} 0 1,0 ${p(r, 0)}A${num(r)},${num(r)} 0 1,0 ${p(-r, 0)}Z`;
        case 'square': {
            const s = r * 0.9;
            return `M${p(-s, -s)}L${p(s, -s)}L${p(s, s)}L${p(-s, s)}Z`;
        }
        case 'triangle': {
            const s = r * 1.25;
            return `M${p(0, -s)}L${p(s, s * 0.75)}L${p(-s, s * 0.75)}Z`;
        }
        case 'diamond': {
            const s = r * 1.25;
            return `M${p(0, -s)}L${p(s, 0)}L${p(0, s)}L${p(-s, 0)}Z`;
        }
        case 'triangle-down': {
            const s = r * 1.25;
            return `M${p(0, s)}L${p(s, -s * 0.75)}L${p(-s, -s * 0.75)}Z`;
        }
    }
}
