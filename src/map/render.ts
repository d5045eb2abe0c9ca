import type { JourneyModel } from './model.js';
import { journeyOutline } from './page/journey-outline.js';
import { mapPage } from './page/map-page.js';
import type { Theme } from './styles/embedded-css.js';
import { VIEWS, type ViewId } from './views/views.js';

/**
 * The files a map is written as, whatever the host (`journey render`, `journey serve`'s export, the
 * extension's export): an SVG with its styles inside, or a self-contained HTML page. (`journey render`
 * makes PNG from the SVG too, with a native converter only the command line has.)
 */
export const MAP_FILE_FORMATS = {
    svg: { extension: 'svg', mimeType: 'image/svg+xml; charset=utf-8', label: 'SVG image' },
    html: { extension: 'html', mimeType: 'text/html; charset=utf-8', label: 'HTML page' }
} as const;

export type MapFileFormat = keyof typeof MAP_FILE_FORMATS;

export function isMapFileFormat(value: unknown): value is MapFileFormat {
    return typeof value === 'string' && Object.hasOwn(MAP_FILE_FORMATS, value);
}

export interface MapFileOptions {
    format: MapFileFormat;
    /** Default 'light': for printing and sharing. */
    theme?: Theme;
    /** Default 'map'. */
    view?: ViewId;
    /** One persona of the journey only (by name); default every persona. */
    persona?: string;
}

/** A journey's view as a file of its own. */
export function renderMapFile(journey: JourneyModel, { format, theme = 'light', view = 'map', persona }: MapFileOptions): string {
    const svg = VIEWS[view].render(journey, { theme, persona });
    return format === 'svg' ? `${svg}\n` : mapPage(`${journey.title}: journey map`, svg, theme, journeyOutline(journey));
}
