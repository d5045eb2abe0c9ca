import { escapeControlCharacters } from '../map/control-characters.js';
import { toCsv } from '../map/exporters/csv.js';
import { toMarkdownReport } from '../map/exporters/markdown.js';
import { toMermaid } from '../map/exporters/mermaid.js';
import { loadJourneyFile, pickJourney, selectJourneys } from './journey-document.js';
import { displayPath, type CommandOutput } from './cli-util.js';
import { checkOutput, writeOutput } from './safe-write.js';

export const EXPORT_FORMATS = ['mermaid', 'json', 'csv', 'markdown'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

export interface ExportOptions {
    format: ExportFormat;
    output?: string;
    journey?: string;
    force?: boolean;
    workspace?: string;
}

/**
 * `journey export`: the file's journeys as Mermaid (one journey: `--journey`, else the first), the JSON
 * view model, CSV or a Markdown report (every journey of the file, or the one named).
 */
export async function exportJourneys(file: string, options: ExportOptions, out: CommandOutput): Promise<number> {
    if (options.output !== undefined) {
        await checkOutput(options.output, options);
    }
    const loaded = await loadJourneyFile(file, options.workspace, out.warn);
    const shownFile = displayPath(loaded.file);
    let text: string;
    switch (options.format) {
        case 'mermaid': {
            const journey = pickJourney(loaded, options.journey);
            const others = options.journey === undefined ? loaded.model.journeys.slice(1).map(j => j.name) : [];
            text = toMermaid(journey, { file: shownFile, otherJourneys: others });
            break;
        }
        case 'json': {
            const journeys = selectJourneys(loaded, options.journey);
            // JSON.stringify escapes C0 control characters but leaves DEL and C1 (U+007F-U+009F) as they are:
            // written as \u escapes too, the same JSON.
            text = `${escapeControlCharacters(JSON.stringify({ ...loaded.model, journeys }, undefined, 2))}\n`;
            break;
        }
        case 'csv':
            text = toCsv(selectJourneys(loaded, options.journey));
            break;
        case 'markdown':
            text = toMarkdownReport(selectJourneys(loaded, options.journey), { file: shownFile, errors: loaded.model.problems.length });
            break;
    }
    if (options.output === undefined) {
        out.write(text);
    } else {
        await writeOutput(options.output, text, options);
    }
    return 0;
}
