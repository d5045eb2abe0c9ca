import type { JourneyDocumentModel, JourneyModel } from '../model.js';
import { toCsv } from './csv.js';
import { toJson } from './json.js';
import { toMarkdownReport } from './markdown.js';
import { toMermaid } from './mermaid.js';

/** What an exporter knows besides the journeys it writes. */
export interface ExportContext {
    /** The file the journeys come from, as the user named it. */
    file: string;
    /** The whole document's model (its other journeys, its problems). */
    document: JourneyDocumentModel;
    /** For a format of one journey: the file's journeys that were not chosen (the others are named). */
    otherJourneys: string[];
    /** For a format of one grade per step (Mermaid): whose grades, a persona of the journey; default its first. */
    persona?: string;
}

export interface Exporter {
    /** `one`: the format holds one journey (the one named, else the file's first); `all`: every journey, or the one named. */
    readonly holds: 'one' | 'all';
    /** What the format is, for `journey export --help`. */
    readonly description: string;
    export(journeys: JourneyModel[], context: ExportContext): string;
}

/** The formats of `journey export`, by name: a new one is an exporter in this folder and a line here. */
export const EXPORTERS = {
    mermaid: {
        holds: 'one', description: 'a Mermaid journey diagram',
        export: ([journey], { file, otherJourneys, persona }) => toMermaid(journey, { file, otherJourneys, persona })
    },
    json: { holds: 'all', description: 'the view model', export: (journeys, { document }) => toJson(document, journeys) },
    csv: { holds: 'all', description: 'a row per touchpoint', export: journeys => toCsv(journeys) },
    markdown: {
        holds: 'all', description: 'a report for a pull request',
        export: (journeys, { file, document }) => toMarkdownReport(journeys, { file, errors: document.problems.length })
    }
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof EXPORTERS;
