import type { JourneySummary } from '../model.js';
import { formatAverage, formatCount, formatMinutes } from '../format.js';

/** A summary figure before and after, as shown: "contacts 14 -> 6". */
export interface FigureChange {
    label: string;
    from: string;
    to: string;
}

/**
 * The figures of two summaries side by side, the ones a redesign is judged by: the average grade, the
 * contacts and the time (the comparison view's strip, the code lens of a redesign, the diff's table). A
 * side that is not there (a journey added or removed, in `journey diff`) has "—" for each.
 */
export function figureChanges(before: JourneySummary | undefined, after: JourneySummary | undefined): FigureChange[] {
    return [
        { label: 'average', from: formatAverage(before?.averageEmotion), to: formatAverage(after?.averageEmotion) },
        { label: 'contacts', from: formatCount(before?.totalContacts), to: formatCount(after?.totalContacts) },
        { label: 'time', from: formatMinutes(before?.totalDurationMinutes), to: formatMinutes(after?.totalDurationMinutes) }
    ];
}

/** The figures in one line: "average 2.8 -> 3.9, contacts 14 -> 6, time 4 w 3 d -> 1 w 2 d". */
export function figureChangesLine(before: JourneySummary | undefined, after: JourneySummary | undefined, arrow = '->'): string {
    return figureChanges(before, after).map(({ label, from, to }) => `${label} ${from} ${arrow} ${to}`).join(', ');
}
