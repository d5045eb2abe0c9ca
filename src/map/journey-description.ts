import type { JourneyModel } from './model.js';
import { formatAverage, formatCount, formatList, plural } from './format.js';

/** Lowest moments named in the summary sentence; more are counted. */
const LOWEST_NAMED = 3;

/**
 * A journey in one sentence, from its model: "12 touchpoints in 5 stages; average grade 3.0; lowest: Calls
 * the advice line, grade 1; 2 touchpoints have no owner". What a screen reader hears of the map (unless the
 * journey has a `description`), and what the exported page and the preview's outline start with.
 */
export function summarySentence(journey: JourneyModel): string {
    const { summary } = journey;
    const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
    const parts = [`${plural(summary.touchpoints, 'touchpoint')} in ${plural(summary.stages, 'stage')}`];
    if (touchpoints.length > 0) {
        if (summary.averageEmotion === undefined) {
            parts.push('no touchpoint graded');
        } else {
            parts.push(`average grade ${formatAverage(summary.averageEmotion)}`);
            const lowest = summary.lowestMoments;
            const named = lowest.slice(0, LOWEST_NAMED).map(moment => moment.title || moment.touchpoint);
            const more = lowest.length > LOWEST_NAMED ? [`${formatCount(lowest.length - LOWEST_NAMED)} more`] : [];
            parts.push(`lowest: ${formatList([...named, ...more])}, grade ${formatCount(lowest[0].grade)}`);
        }
        const ungraded = touchpoints.filter(t => t.emotions.length < Math.max(1, journey.personas.length)).length;
        if (ungraded > 0 && summary.averageEmotion !== undefined) {
            parts.push(`${plural(ungraded, 'touchpoint')} not graded`);
        }
        const unowned = touchpoints.filter(t => t.owner === undefined).length;
        parts.push(unowned === 0 ? 'every touchpoint has an owner' : `${plural(unowned, 'touchpoint')} ${unowned === 1 ? 'has' : 'have'} no owner`);
    }
    return parts.join('; ');
}

/** What the map is described as: the journey's own `description`, else its summary sentence. */
export function mapDescription(journey: JourneyModel): string {
    return journey.description?.trim() ? journey.description : summarySentence(journey);
}

/** The map's accessible title: the journey's `titled` one, else its title (or name). */
export function accessibleTitle(journey: JourneyModel): string {
    return journey.accessibleTitle?.trim() || journey.title?.trim() || journey.name;
}
