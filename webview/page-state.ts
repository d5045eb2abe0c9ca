import type { JourneyDocumentModel, JourneyModel } from '../src/map/model.js';
import type { ColumnWindow, MapLayout } from '../src/map/views/journey-map/layout.js';
import type { BlueprintLayout } from '../src/map/views/blueprint/layout.js';
import type { MapArea, StakeholderLayout } from '../src/map/views/stakeholders/layout.js';
import type { FromWebviewMessage, PreviewPageState } from '../src/shared/preview-messages.js';
import type { ViewId } from '../src/map/views/views.js';

/**
 * A view drawn around what the window shows, with its layout: the map (or its comparison) and the blueprint
 * column by column, the stakeholder map by area.
 */
export type DrawnView = { journey: JourneyModel, persona?: string } & (
    { view: Exclude<ViewId, 'blueprint' | 'stakeholders'>, layout: MapLayout } | { view: 'blueprint', layout: BlueprintLayout }
    | { view: 'stakeholders', layout: StakeholderLayout }
);

/**
 * All the page remembers, in one place: what VS Code keeps across reloads (`saved`, PreviewPageState:
 * the document, the journey shown, zoom and scroll), and what lasts as long as the page (the models
 * received, what was drawn).
 */
export class PageState {
    readonly #vscode: ReturnType<typeof acquireVsCodeApi<PreviewPageState>>;
    #saved: PreviewPageState;
    /** The last model without errors, and the latest received (which may have errors). */
    lastGood: JourneyDocumentModel | undefined;
    latest: JourneyDocumentModel | undefined;
    /** Whether the saved scroll position was given back to the viewport (once, after the first draw). */
    scrollRestored = false;
    /** The editor's cursor line, whose touchpoint is marked. */
    highlightedLine: number | undefined;
    /**
     * The layout of the journey drawn last (one per model, journey, view and persona), and what of it was
     * drawn (undefined: all): its columns, or the stakeholder map's area.
     */
    drawn: DrawnView | undefined;
    drawnColumns: ColumnWindow | undefined;
    drawnArea: MapArea | undefined;
    /** A redraw after a scroll or zoom is waiting for the next frame. */
    redrawRequested = false;

    constructor(vscode: ReturnType<typeof acquireVsCodeApi<PreviewPageState>>, initial: PreviewPageState) {
        this.#vscode = vscode;
        const saved = vscode.getState();
        this.#saved = saved?.source === initial.source ? { ...saved, locked: initial.locked } : initial;
        this.save({});
    }

    get saved(): Readonly<PreviewPageState> {
        return this.#saved;
    }

    get zoom(): number {
        return this.#saved.zoom ?? 1;
    }

    save(patch: Partial<PreviewPageState>): void {
        this.#saved = { ...this.#saved, ...patch };
        this.#vscode.setState(this.#saved);
    }

    post(message: FromWebviewMessage): void {
        this.#vscode.postMessage(message);
    }

    /** The latest model, or the last good one while the latest has errors. */
    shownModel(): JourneyDocumentModel | undefined {
        return this.latest && this.latest.problems.length > 0 && this.lastGood ? this.lastGood : this.latest;
    }

    /** The journey of a model the page shows: the one chosen, else the first. */
    shownJourney(model: JourneyDocumentModel): JourneyModel | undefined {
        return model.journeys.find(j => j.name === this.#saved.journey) ?? model.journeys[0];
    }
}
