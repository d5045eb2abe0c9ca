import type { JourneyModel } from '../model.js';
import type { Theme } from '../styles/embedded-css.js';
import { renderJourneyMap } from './journey-map/render.js';

/** How a view is drawn into a file of its own: its styles inside, in one palette. */
export interface ViewRenderOptions {
    theme: Theme;
}

/** One way of drawing a journey: its layout and SVG renderer live in `views/<id>/`. */
export interface MapView {
    readonly id: string;
    /** What the preview's toolbar and the CLI call it. */
    readonly label: string;
    render(journey: JourneyModel, options: ViewRenderOptions): string;
}

/** Every view of a journey, by id: the preview, `journey render` and every export draw from here. */
export const VIEWS = {
    map: { id: 'map', label: 'Map', render: (journey, { theme }) => renderJourneyMap(journey, { styles: 'embedded', theme }) }
} as const satisfies Record<string, MapView>;

export type ViewId = keyof typeof VIEWS;
