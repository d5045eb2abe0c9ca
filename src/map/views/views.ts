import type { JourneyModel } from '../model.js';
import type { Theme } from '../styles/embedded-css.js';
import { compareJourneys } from '../compare/compare-journeys.js';
import { renderJourneyMap } from './journey-map/render.js';
import { renderBlueprint } from './blueprint/render.js';
import { renderStakeholderMap } from './stakeholders/render.js';

/** How a view is drawn: for a file of its own its styles inside (the default), for a page that links map.css 'linked'. */
export interface ViewRenderOptions {
    theme: Theme;
    /** One persona of the journey only (by name); default every persona. */
    persona?: string;
    styles?: 'linked' | 'embedded';
}

/** One way of drawing a journey: its layout and SVG renderer live in `views/<id>/`. */
export interface MapView {
    readonly id: string;
    /** What the preview's toolbar and the CLI call it. */
    readonly label: string;
    /** A tab of the preview's toolbar (the others are a way of drawing a tab: Compare with today, of the map). */
    readonly tab: boolean;
    /** Whether it can draw this journey (and, if not, why not: for the CLI's message). */
    unavailable(journey: JourneyModel): string | undefined;
    render(journey: JourneyModel, options: ViewRenderOptions): string;
}

/** Every view of a journey, by id: the preview, `journey render` and every export draw from here. */
export const VIEWS = {
    map: {
        id: 'map', label: 'Map', tab: true, unavailable: () => undefined,
        render: (journey, { theme, persona, styles = 'embedded' }) => renderJourneyMap(journey, { styles, theme, persona })
    },
    blueprint: {
        id: 'blueprint', label: 'Blueprint', tab: true, unavailable: () => undefined,
        render: (journey, { theme, styles = 'embedded' }) => renderBlueprint(journey, { styles, theme })
    },
    stakeholders: {
        id: 'stakeholders', label: 'Stakeholders', tab: true, unavailable: () => undefined,
        render: (journey, { theme, styles = 'embedded' }) => renderStakeholderMap(journey, { styles, theme })
    },
    compare: {
        id: 'compare', label: 'Compare with today', tab: false,
        unavailable: journey => journey.current ? undefined
            : journey.redesigns ? `journey '${journey.name}' redesigns '${journey.redesigns}', which is declared nowhere`
                : `journey '${journey.name}' redesigns no journey (write: journey ${journey.name} redesigns <journey of today> { ... })`,
        render: (journey, { theme, persona, styles = 'embedded' }) => renderJourneyMap(journey, {
            styles, theme, persona, comparison: journey.current && compareJourneys(journey.current, journey)
        })
    }
} as const satisfies Record<string, MapView>;

export type ViewId = keyof typeof VIEWS;

/** What a page or a script asks to see of a journey (untrusted: from a message or a URL). */
export interface ShownChoice {
    view?: unknown;
    persona?: unknown;
}

/**
 * The view and persona to draw a journey with, as asked where this journey has them: else the map, of
 * every persona (a page may ask for a persona the file has just lost, or compare a journey that no longer
 * redesigns anything).
 */
export function shownView(journey: JourneyModel, asked: ShownChoice): { view: ViewId, persona?: string } {
    const view = typeof asked.view === 'string' && Object.hasOwn(VIEWS, asked.view) && VIEWS[asked.view as ViewId].unavailable(journey) === undefined
        ? asked.view as ViewId : 'map';
    const persona = journey.personas.find(entry => entry.name === asked.persona)?.name;
    return persona === undefined ? { view } : { view, persona };
}
