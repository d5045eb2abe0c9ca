import type { ColumnWindow } from '../src/map/views/journey-map/layout.js';
import type { MapArea } from '../src/map/views/stakeholders/layout.js';

/**
 * A long journey is a map far wider than the window (200 px a touchpoint): drawing all of it (some 60 SVG
 * elements a touchpoint) takes about a second per thousand touchpoints, on every edit. So a map of more
 * than 60 touchpoints is drawn only around what the window shows: the columns in view and as many again on
 * each side (see margin), redrawn as it scrolls or zooms. The map keeps its full size, so scrolling, zoom
 * and Fit behave as before. A smaller map is drawn whole.
 *
 * A stakeholder map of a few hundred parties is as large both ways (some 11,000 px square for 200, each
 * party a dozen texts with its arrows): it is drawn so across and down, around the area in view.
 */

/** A run along one axis of a view: of columns, or of map px. */
interface Span {
    from: number;
    to: number;
}

/**
 * How a view is drawn along one axis, in that axis's units: whole up to `whole`, else what is in view and
 * as much again on each side, within margin..maxMargin (zoomed far out, the view holds a hundred columns
 * or more: do not draw three times that).
 */
interface Windowing {
    whole: number;
    margin: number;
    maxMargin: number;
}

const COLUMNS: Windowing = { whole: 60, margin: 12, maxMargin: 32 };
/**
 * The stakeholder map's, in map px: at zoom 100% a window of 1,280 × 800 px draws an area of 3,840 × 2,400;
 * a map no larger than that (some 40 parties) is drawn whole.
 */
const MAP_PX: Windowing = { whole: 4000, margin: 800, maxMargin: 1600 };

function margin(inView: Span, windowing: Windowing): number {
    return Math.max(windowing.margin, Math.min(windowing.maxMargin, inView.to - inView.from));
}

/** What to draw along an axis `length` long with `inView` in view; undefined: all of it. */
function spanToDraw(length: number, inView: Span, windowing: Windowing): Span | undefined {
    if (length <= windowing.whole) {
        return undefined;
    }
    const around = margin(inView, windowing);
    return { from: Math.max(0, inView.from - around), to: Math.min(length, inView.to + around) };
}

/** After a scroll or a zoom: whether the view has come within half a margin of a part of the axis not drawn. */
function spanNeedsRedraw(drawn: Span, length: number, inView: Span, windowing: Windowing): boolean {
    const slack = Math.floor(margin(inView, windowing) / 2);
    return (drawn.from > 0 && inView.from - slack < drawn.from) || (drawn.to < length && inView.to + slack > drawn.to);
}

/** The columns to draw of a map of `count` columns with `inView` in view; undefined: all of them. */
export function columnsToDraw(count: number, inView: ColumnWindow): ColumnWindow | undefined {
    return spanToDraw(count, inView, COLUMNS);
}

/** After a scroll or a zoom: whether the view has come within half a margin of a column not drawn. */
export function needsRedraw(drawn: ColumnWindow, count: number, inView: ColumnWindow): boolean {
    return spanNeedsRedraw(drawn, count, inView, COLUMNS);
}

/** The area to draw of a stakeholder map of this size with `inView` in view; undefined: all of it. */
export function areaToDraw(size: { width: number, height: number }, inView: MapArea): MapArea | undefined {
    const x = spanToDraw(size.width, inView.x, MAP_PX);
    const y = spanToDraw(size.height, inView.y, MAP_PX);
    return x || y ? { x: x ?? { from: 0, to: size.width }, y: y ?? { from: 0, to: size.height } } : undefined;
}

/** After a scroll or a zoom: whether the view has come within half a margin of a part of the map not drawn. */
export function areaNeedsRedraw(drawn: MapArea, size: { width: number, height: number }, inView: MapArea): boolean {
    return spanNeedsRedraw(drawn.x, size.width, inView.x, MAP_PX) || spanNeedsRedraw(drawn.y, size.height, inView.y, MAP_PX);
}
