import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { JourneyDocumentModel, JourneyModel } from '../map/model.js';
import { buildDocumentModel } from '../language/map-model-builder.js';
import { IssueCodes } from '../language/validation/issue-codes.js';
import { displayPath, UsageError, type Warn } from './cli-util.js';
import { contextFiles, givenPath } from './journey-files.js';
import { diagnosticsOf, loadWorkspace } from './journey-workspace.js';
import { diagnosticMessage } from '../language/diagnostic-message.js';

/** One `.journey` file loaded with the journeys beside it (and under `--workspace`), and its view model. */
export interface LoadedJourneyFile {
    /** Absolute path. */
    file: string;
    document: LangiumDocument;
    model: JourneyDocumentModel;
}

/**
 * Loads a file for the commands that draw or export it, with the same services and the same context as
 * `journey validate` (the other journeys beside it resolve its owners, channels and personas). A file
 * that does not parse is refused with its first syntax error (a `UsageError`: exit code 2); any other
 * diagnostic (a missing owner, an unresolved channel...) does not stop the map from being drawn.
 */
export async function loadJourneyFile(given: string, workspace?: string, warn?: Warn): Promise<LoadedJourneyFile> {
    const [loaded] = await loadJourneySources([{ file: await namedJourneyFile(given) }], { workspace, warn });
    return loaded;
}

/** The absolute path of the one `.journey` file the command line names; refused if it is not one. */
export async function namedJourneyFile(given: string): Promise<string> {
    const named = await givenPath(given);
    if (named.folder) {
        throw new UsageError(`${given}: name one .journey file, not a folder`);
    }
    return named.path;
}

/** A file to load, with the text to load in place of what is on disk, if any (a version from git). */
export interface JourneySource {
    /** Absolute path. */
    file: string;
    text?: string;
    /** How messages name it, when not by its path (`HEAD~1:map.journey`). */
    label?: string;
}

export interface SourceOptions {
    workspace?: string;
    /** False: the files' syntax errors only (see loadWorkspace). */
    validation?: boolean;
    /** Files beside the sources that are left out of their workspace. */
    exclude?: Iterable<string>;
    warn?: Warn;
}

/**
 * Loads files in one workspace with the journeys beside them (and under `--workspace`), as
 * `loadJourneyFile` loads one, each refused if it does not parse.
 */
export async function loadJourneySources(sources: JourneySource[], options: SourceOptions = {}): Promise<LoadedJourneyFile[]> {
    const files = new Set(sources.map(source => source.file));
    const context = await contextFiles(new Set(sources.map(source => path.dirname(source.file))), options.workspace, options.warn);
    const excluded = new Set(options.exclude);
    const texts = new Map(sources.filter(source => source.text !== undefined).map(source => [source.file, source.text!]));
    const { documents } = await loadWorkspace([...files, ...[...context].filter(file => !files.has(file) && !excluded.has(file)).sort()],
        { texts, validation: options.validation });
    return sources.map(({ file, label }) => {
        const document = documents.get(file)!;
        assertParses(file, document, label);
        return { file, document, model: buildDocumentModel(document) };
    });
}

/**
 * Refuses a document with lexing or parsing errors, naming `file:line:column` of the first one (the file by
 * its path, or by `label`).
 */
export function assertParses(file: string, document: LangiumDocument, label = displayPath(file)): void {
    const syntaxError = diagnosticsOf(document).find(d => d.code === IssueCodes.LexingError || d.code === IssueCodes.ParsingError);
    const { lexerErrors, parserErrors } = document.parseResult;
    if (syntaxError) {
        throw new UsageError(`${label}:${syntaxError.range.start.line + 1}:${syntaxError.range.start.character + 1}: ` +
            `the file does not parse: ${diagnosticMessage(syntaxError)}`);
    }
    if (lexerErrors.length > 0 || parserErrors.length > 0) {
        const line = lexerErrors[0]?.line ?? parserErrors[0]?.token.startLine ?? 1;
        throw new UsageError(`${label}:${line}: the file does not parse`);
    }
}

/** The journey named `name`, or the file's first one; a missing name lists the file's journeys. */
export function pickJourney(loaded: LoadedJourneyFile, name?: string): JourneyModel {
    const journeys = loaded.model.journeys;
    const file = displayPath(loaded.file);
    if (journeys.length === 0) {
        throw new UsageError(`${file}: declares no journey`);
    }
    if (name === undefined) {
        return journeys[0];
    }
    const journey = journeys.find(j => j.name === name);
    if (!journey) {
        throw new UsageError(`${file}: no journey named '${name}'; its journeys: ${journeys.map(j => j.name).join(', ')}`);
    }
    return journey;
}

/** `--persona <name>`: a persona of the journeys (else a usage error that lists theirs). */
export function checkPersona(journeys: JourneyModel[], persona: string | undefined): void {
    if (persona === undefined) {
        return;
    }
    const personas = [...new Set(journeys.flatMap(journey => journey.personas.map(entry => entry.name)))];
    if (!personas.includes(persona)) {
        throw new UsageError(`--persona ${persona}: not a persona of the journey${journeys.length === 1 ? '' : 's'}` +
            (personas.length > 0 ? `; its personas: ${personas.join(', ')}` : ': it names none'));
    }
}

/** Every journey of the file, or only the one named (checked as `pickJourney` checks it). */
export function selectJourneys(loaded: LoadedJourneyFile, name?: string): JourneyModel[] {
    return name === undefined ? loaded.model.journeys : [pickJourney(loaded, name)];
}
