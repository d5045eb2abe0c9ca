import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { JourneyModel } from '../map/model.js';
import { displayPath, UsageError, type Warn } from './cli-util.js';
import { diffJson } from './diff/diff-json.js';
import { diffMarkdown } from './diff/diff-markdown.js';
import { diffText } from './diff/diff-text.js';
import { changedSince, checkRevision, fileAtRevision, type ChangedFile } from './diff/git.js';
import { comparedJourney, diffJourneys, type FileJourneys, type JourneyDiff } from './diff/journey-diffs.js';
import { loadJourneyFile, loadJourneySources, namedJourneyFile, pickJourney, type JourneySource, type SourceOptions } from './journey-document.js';

export const DIFF_FORMATS = { text: diffText, json: diffJson, markdown: diffMarkdown } as const;

export type DiffFormat = keyof typeof DIFF_FORMATS;

export interface DiffOptions {
    format: DiffFormat;
    /** Compare with this git revision: the file named, or every `.journey` file changed since. */
    git?: string;
    /** Compare this redesign journey of the file with the journey it redesigns. */
    redesign?: string;
    workspace?: string;
}

const USAGE = 'journey diff <old file> <new file>, journey diff <file> --git <rev>, journey diff --git <rev> or journey diff <file> --redesign <journey>';

/**
 * `journey diff`: what changed in the journeys, for the customer. Each side is loaded as `journey
 * validate` loads a file, with the journeys beside it (and under `--workspace`) resolving its references;
 * a side from git is the file's text at the revision in place of its text now, the other files as they
 * are now. Prints the journeys, paired by name, in the format asked; exit code 0 whether or not anything
 * changed.
 */
export async function diff(files: string[], options: DiffOptions, print: (text: string) => void, warn?: Warn): Promise<number> {
    // Only the models are compared: diagnostics other than syntax errors would be computed for nothing.
    const sources: SourceOptions = { workspace: options.workspace, warn, validation: false };
    let diffs: JourneyDiff[];
    if (options.redesign !== undefined) {
        if (files.length !== 1 || options.git !== undefined) {
            throw new UsageError(`--redesign compares a redesign with the journey it redesigns, in one file: ${USAGE}`);
        }
        diffs = [await redesignDiff(files[0], options.redesign, sources)];
    } else if (options.git !== undefined) {
        if (files.length > 1) {
            throw new UsageError(`--git compares one file, or every changed one, with a revision: ${USAGE}`);
        }
        diffs = await sinceRevision(files.length === 1 ? [await fileSince(files[0], options.git)] : await filesSince(options.git), options.git, sources);
    } else {
        if (files.length !== 2) {
            throw new UsageError(`name two files, or a file and --git or --redesign: ${USAGE}`);
        }
        diffs = await twoFiles(files[0], files[1], sources);
    }
    print(DIFF_FORMATS[options.format](diffs));
    return 0;
}

/** What a file is compared with, outside the command line (`journey mcp`'s diff tool). */
export type FileComparison = { otherFile: string } | { revision: string } | { text: string } | { redesign: string };

/**
 * A `.journey` file (absolute path) compared as `journey diff` compares it: with another file (the file is
 * the old side), with itself at a git revision, with a text proposed for it (the file as it is is the old
 * side), or one of its redesigns with the journey it redesigns.
 */
export async function diffFile(file: string, against: FileComparison, sources: SourceOptions): Promise<JourneyDiff[]> {
    const models = { ...sources, validation: false };
    if ('otherFile' in against) {
        return twoFiles(file, against.otherFile, models);
    }
    if ('revision' in against) {
        return sinceRevision([await fileSince(file, against.revision)], against.revision, models);
    }
    if ('redesign' in against) {
        return [await redesignDiff(file, against.redesign, models)];
    }
    const [before] = await loadJourneySources([{ file }], models);
    const [after] = await loadJourneySources([{ file, text: against.text, label: `${displayPath(file)} (the text given)` }], models);
    return diffJourneys([{ before: journeysOf(file, before.model.journeys), after: journeysOf(file, after.model.journeys) }]);
}

/**
 * Two files, each in a workspace of its own: two versions of the same journeys, so neither resolves
 * references against the other, even when they are in the same folder.
 */
async function twoFiles(oldGiven: string, newGiven: string, sources: SourceOptions): Promise<JourneyDiff[]> {
    const oldFile = await namedJourneyFile(oldGiven);
    const newFile = await namedJourneyFile(newGiven);
    const [before] = await loadJourneySources([{ file: oldFile }], { ...sources, exclude: [newFile] });
    const [after] = await loadJourneySources([{ file: newFile }], { ...sources, exclude: [oldFile] });
    return diffJourneys([{ before: journeysOf(oldFile, before.model.journeys), after: journeysOf(newFile, after.model.journeys) }]);
}

/** The file named, now and at the revision; one that is neither here nor there is no file to compare. */
async function fileSince(given: string, revision: string): Promise<ChangedFile> {
    const file = path.resolve(given);
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
        throw new UsageError(`${given}: name one .journey file, not a folder (or no file: every .journey file changed since ${revision})`);
    }
    if (!file.endsWith('.journey')) {
        throw new UsageError(`${given}: not a .journey file`);
    }
    await checkRevision(revision, file);
    const before = await fileAtRevision(revision, file);
    if (info === undefined && before === undefined) {
        throw new UsageError(`${given}: no such file, now or at ${revision}`);
    }
    return { file, before, present: info !== undefined };
}

async function filesSince(revision: string): Promise<ChangedFile[]> {
    await checkRevision(revision, process.cwd());
    return changedSince(revision, process.cwd());
}

/**
 * The files now, in one workspace, and at the revision, in another: there each file compared has its
 * text at the revision (a file added since is left out, one deleted since is there again), the files
 * beside them are as they are now.
 */
async function sinceRevision(changed: ChangedFile[], revision: string, sources: SourceOptions): Promise<JourneyDiff[]> {
    const now = await loadAll(changed.filter(({ present }) => present).map(({ file }) => ({ file })), sources);
    const then = await loadAll(
        changed.filter(({ before }) => before !== undefined).map(({ file, before }) => ({ file, text: before, label: `${revision}:${displayPath(file)}` })),
        { ...sources, exclude: changed.filter(({ before }) => before === undefined).map(({ file }) => file) });
    return diffJourneys(changed.map(({ file }) => ({ before: journeysOf(file, then.get(file)), after: journeysOf(file, now.get(file)) })));
}

/**
 * The journeys of each file, by file. Only the models are kept: the workspace of one side is no longer
 * held in memory while the other is built.
 */
async function loadAll(list: JourneySource[], sources: SourceOptions): Promise<Map<string, JourneyModel[]>> {
    const loaded = list.length > 0 ? await loadJourneySources(list, sources) : [];
    return new Map(loaded.map(({ file, model }) => [file, model.journeys]));
}

/** The journeys of a file on one side; none on a side it is not on. */
function journeysOf(file: string, journeys: JourneyModel[] | undefined): FileJourneys {
    return { file: displayPath(file), journeys: journeys ?? [] };
}

/** A redesign journey of the file and the journey of today it redesigns (the model's `current`). */
async function redesignDiff(given: string, name: string, sources: SourceOptions): Promise<JourneyDiff> {
    const loaded = await loadJourneyFile(given, sources.workspace, sources.warn);
    const journey = pickJourney(loaded, name);
    const file = displayPath(loaded.file);
    if (journey.redesigns === undefined) {
        throw new UsageError(`${file}: journey '${name}' redesigns no journey: --redesign compares a journey that says \`redesigns <journey>\` with that journey`);
    }
    if (journey.current === undefined) {
        throw new UsageError(journey.redesigns === name
            ? `${file}: journey '${name}' redesigns itself: there is nothing to compare it with`
            : `${file}: journey '${name}' redesigns '${journey.redesigns}', which is declared in no .journey file beside it (or under --workspace)`);
    }
    return comparedJourney(journey.name, file, journey.current, journey);
}
