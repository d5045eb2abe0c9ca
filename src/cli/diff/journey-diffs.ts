import { compareJourneys, type JourneyComparison } from '../../map/compare/compare-journeys.js';
import type { JourneyModel } from '../../map/model.js';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A journey of `journey diff`: how it compares, and where it is. */
export interface JourneyDiff {
    name: string;
    status: DiffStatus;
    /** The file it is in, as messages name files: now, or before for a journey removed. */
    file: string;
    before?: JourneyModel;
    after?: JourneyModel;
    /** For a journey on both sides. */
    comparison?: JourneyComparison;
}

/** The journeys of a file before and after (or of the two files named), each side with the file it is in. */
export interface ComparedFile {
    before: FileJourneys;
    after: FileJourneys;
}

export interface FileJourneys {
    file: string;
    /** None on a side the file is not on (added since the revision, or deleted). */
    journeys: JourneyModel[];
}

/** A journey on both sides: changed or unchanged. */
export function comparedJourney(name: string, file: string, before: JourneyModel, after: JourneyModel): JourneyDiff {
    const comparison = compareJourneys(before, after);
    return { name, status: comparison.changes.length > 0 ? 'changed' : 'unchanged', file, before, after, comparison };
}

/**
 * The journeys of the files, paired by name: journeys are named uniquely across a workspace, so a journey
 * that moved to another file is the same journey (listed where it is now); one only before is removed,
 * one only after is added. In the order of the files, each file's journeys as they are now, then those it
 * no longer has. A name given twice (an error the validator reports) pairs in order.
 */
export function diffJourneys(files: ComparedFile[]): JourneyDiff[] {
    const waiting = new Map<string, { file: string, journey: JourneyModel }[]>();
    for (const { before } of files) {
        for (const journey of before.journeys) {
            waiting.set(journey.name, [...waiting.get(journey.name) ?? [], { file: before.file, journey }]);
        }
    }
    const now = files.map(({ after }) => after.journeys.map(journey => {
        const old = waiting.get(journey.name)?.shift();
        return old ? comparedJourney(journey.name, after.file, old.journey, journey) : { name: journey.name, status: 'added' as const, file: after.file, after: journey };
    }));
    const left = new Set([...waiting.values()].flat().map(({ journey }) => journey));
    return files.flatMap(({ before }, i) => [
        ...now[i],
        ...before.journeys.filter(journey => left.has(journey)).map(journey => ({ name: journey.name, status: 'removed' as const, file: before.file, before: journey }))
    ]);
}
