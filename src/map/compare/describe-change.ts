import type { ChangeValue, JourneyChange, JourneyComparison } from './compare-journeys.js';

/**
 * A change in one line of words, as `journey diff` prints it and the Markdown report lists it:
 * where, then what: `Renew > Applying > Form: emotion (Maria) 2 -> 4`. The place is the journey's name,
 * the stage's title (the heading a reader sees on the map) and the touchpoint's name (what to search the
 * file for; its title is a sentence). Plain text: each output escapes it as it needs (the terminal its
 * control characters, Markdown its markup).
 */
export function describeChange(change: JourneyChange, comparison: JourneyComparison): string {
    const stageTitle = (name: string): string =>
        (comparison.after.stages.find(stage => stage.name === name) ?? comparison.before.stages.find(stage => stage.name === name))?.title ?? name;
    const place = [comparison.after.name];
    if (change.stage !== '') {
        place.push(stageTitle(change.stage));
    }
    if (change.touchpoint !== undefined) {
        place.push(change.touchpoint);
    }
    return `${place.join(' > ')}: ${what(change, stageTitle)}`;
}

function what(change: JourneyChange, stageTitle: (name: string) => string): string {
    const { from, to } = change;
    switch (change.kind) {
        case 'step-added':
            return `step added ${quoted(to)}${change.replaces ? `, replaces ${change.replaces.join(', ')}` : ''}`;
        case 'step-removed':
            return `step removed ${quoted(from)}${change.replacedBy ? `, replaced by ${change.replacedBy}` : ''}`;
        case 'step-moved':
            return `moved from ${stageTitle(String(from))} to ${stageTitle(String(to))}`;
        case 'title':
            return `title ${quoted(from)} -> ${quoted(to)}`;
        case 'emotion':
            return `emotion${change.persona === undefined ? '' : ` (${change.persona})`} ${value(from)} -> ${value(to)}`;
        case 'owner':
        case 'channel':
        case 'contacts':
        case 'duration':
            return `${change.kind} ${value(from)} -> ${value(to)}`;
        case 'moment-of-truth':
            return `moment of truth: ${from === true ? 'yes' : 'no'} -> ${to === true ? 'yes' : 'no'}`;
        case 'note-added':
            return `${change.note} added: ${quoted(to)}`;
        case 'note-removed':
            return `${change.note} removed: ${quoted(from)}`;
    }
}

/** A value as written, or `none` where there is none (an owner given where there was none). */
function value(given: ChangeValue | undefined): string {
    return given === undefined ? 'none' : String(given);
}

function quoted(text: ChangeValue | undefined): string {
    return `"${String(text ?? '')}"`;
}
