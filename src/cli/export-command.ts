import { EXPORTERS, type ExportFormat } from '../map/exporters/exporters.js';
import { displayPath, type CommandOutput } from './cli-util.js';
import { checkPersona, loadJourneyFile, pickJourney, selectJourneys } from './journey-document.js';
import { checkOutput, writeOutput } from './safe-write.js';

export const EXPORT_FORMATS = Object.keys(EXPORTERS) as ExportFormat[];

export interface ExportOptions {
    format: ExportFormat;
    output?: string;
    journey?: string;
    /** Mermaid: whose grades are the scores. */
    persona?: string;
    force?: boolean;
    workspace?: string;
}

/**
 * `journey export`: the file's journeys in one of the exporters' formats: for a format of one journey
 * (Mermaid), the one `--journey` names, else the first; for the others, every journey or the one named.
 */
export async function exportJourneys(file: string, options: ExportOptions, out: CommandOutput): Promise<number> {
    if (options.output !== undefined) {
        await checkOutput(options.output, options);
    }
    const loaded = await loadJourneyFile(file, options.workspace, out.warn);
    const exporter = EXPORTERS[options.format];
    const journeys = exporter.holds === 'one' ? [pickJourney(loaded, options.journey)] : selectJourneys(loaded, options.journey);
    const otherJourneys = exporter.holds === 'one' && options.journey === undefined ? loaded.model.journeys.slice(1).map(j => j.name) : [];
    checkPersona(journeys, options.persona);
    const text = exporter.export(journeys, { file: displayPath(loaded.file), document: loaded.model, otherJourneys, persona: options.persona });
    if (options.output === undefined) {
        out.write(text);
    } else {
        await writeOutput(options.output, text, options);
    }
    return 0;
}
