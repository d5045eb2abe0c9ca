import type { ColumnWindow } from '../src/map/views/journey-map/layout.js';

/**
 * A long journey is a map far wider than the window (200 px a touchpoint): drawing all of it (some 60 SVG
 * elements a touchpoint) takes about a second per thousand touchpoints, on every edit. So a map of more
 * than WHOLE_MAP_COLUMNS touchpoints is drawn only around what the window shows: the columns in view and
 * as many again on each side (see margin), redrawn as it scrolls or zooms. The map keeps its full size, so
 * scrolling, zoom and Fit behave as before. A smaller map is drawn whole.
 */
const WHOLE_MAP_COLUMNS = 60;
const MARGIN_COLUMNS = 12;
/** Zoomed far out, the view holds a hundred columns or more: do not draw three times that. */
const MAX_MARGIN_COLUMNS = 32;

/** Columns drawn beyond each side of the view: as many as it shows, within MARGIN_COLUMNS..MAX_MARGIN_COLUMNS. */
function margin(inView: ColumnWindow): number {
    return Math.max(MARGIN_COLUMNS, Math.min(MAX_MARGIN_COLUMNS, inView.to - inView.from));
}

/** The columns to draw of a map of `count` columns with `inView` in view; undefined: all of them. */
export function columnsToDraw(count: number, inView: ColumnWindow): ColumnWindow | undefined {
    if (count <= WHOLE_MAP_COLUMNS) {
        return undefined;
    }
    return { from: Math.max(0, inView.from - margin(inView)), to: Math.min(count, inView.to + margin(inView)) };
}

/** After a scroll or a zoom: whether the view has come within half a margin of a column not drawn. */
export function needsRedraw(drawn: ColumnWindow, count: number, inView: ColumnWindow): boolean {
    const slack = Math.floor(margin(inView) / 2);
    return (drawn.from > 0 && inView.from - slack < drawn.from) || (drawn.to < count && inView.to + slack > drawn.to);
}
