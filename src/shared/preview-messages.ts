import type { MapFileFormat } from '../map/render.js';
import type { ViewId } from '../map/views/views.js';
import type { SourceRange } from '../map/model.js';

/**
 * Messages between the preview panel (extension host) and the page in its webview. Every message
 * names its `source` document, so a message about a document the preview no longer shows is ignored.
 */

/**
 * Host → webview. An update carries the document's model (a JourneyDocumentModel) as JSON text: one string
 * crosses into the webview several times faster than the structured clone of the model's objects (some
 * 100 per touchpoint).
 */
export type ToWebviewMessage =
    | { type: 'update', source: string, modelJson: string }
    | { type: 'highlight', source: string, line: number };

/** What the page reports after drawing: seen by the host (and integration tests) as the user sees it. */
export interface RenderedReport {
    source: string;
    journey: string;
    touchpoints: number;
    titles: string[];
    /** True when the page shows the last good map because the document has errors. */
    stale: boolean;
}

/** Webview → host. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal', source: string, uri?: string, range: SourceRange, selection: SourceRange }
    | { type: 'rendered', report: RenderedReport }
    | { type: 'export', source: string, format: MapFileFormat, journey: string, view: ViewId, persona?: string };

/** What the page keeps across reloads (`vscode.setState`). */
export interface PreviewPageState {
    source: string;
    locked: boolean;
    journey?: string;
    /** The persona whose curve alone is shown (by name); every persona's when absent. */
    persona?: string;
    /** The toolbar's tab: the map (default), the blueprint or the stakeholder map. */
    tab?: ViewId;
    /** A redesign's map is shown compared with today. */
    compare?: boolean;
    zoom?: number;
    scrollLeft?: number;
    scrollTop?: number;
}
