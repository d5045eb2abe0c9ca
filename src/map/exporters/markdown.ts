/**
 * A Markdown report of journeys, fit for a pull request comment: the summary figures, for a redesign
 * what it changes from today, the lowest moments, the touchpoints nobody owns or nobody graded, the
 * stakeholders with their figures, and a table per stage. Every text from the
 * journey is escaped (Markdown and HTML specials, `|` in tables, line breaks), so a label can neither
 * break the layout, inject markup, nor mention a user or an issue; control characters (ESC, BEL...) are
 * replaced by U+FFFD, so that printing the report on a terminal runs nothing.
 */
import type { JourneyModel, TouchpointModel } from '../model.js';
import { compareJourneys, type JourneyComparison } from '../compare/compare-journeys.js';
import { describeChange } from '../compare/describe-change.js';
import { figureChangesLine } from '../compare/figure-changes.js';
import { replaceControlCharacters } from '../control-characters.js';
import { handoffs } from '../handoffs.js';
import { stakeholderFigures } from '../stakeholder-figures.js';
import { markdownText } from '../markdown-text.js';
import { formatAverage, formatCount, formatDuration, formatMinutes, formatPercent, gradeMeaning, MISSING, plural } from '../format.js';

export interface ReportContext {
    /** The file the journeys come from, named in the heading. */
    file: string;
    /** Errors in the file (its map may be incomplete). */
    errors: number;
}

export function toMarkdownReport(journeys: JourneyModel[], context: ReportContext): string {
    const out: string[] = [`# Journey report: ${markdownText(context.file)}`, ''];
    if (context.errors > 0) {
        out.push(`> **Warning:** the file has ${plural(context.errors, 'error')}: run \`journey validate\`; the figures below may be incomplete.`, '');
    }
    if (journeys.length === 0) {
        out.push('The file declares no journey.', '');
    }
    for (const journey of journeys) {
        journeyReport(out, journey);
    }
    return replaceControlCharacters(out.join('\n'));
}

function journeyReport(out: string[], journey: JourneyModel): void {
    const s = journey.summary;
    const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
    out.push(`## ${markdownText(journey.title)}`, '');
    const about = [`Journey \`${journey.name}\``];
    if (journey.personas.length > 0) {
        about.push(`for ${listInWords(journey.personas.map(persona => `**${markdownText(persona.title)}**`))}`);
    }
    out.push(about.join(' ') + '.', '');
    if (journey.goal) {
        out.push(`Goal: ${markdownText(journey.goal)}`, '');
    }
    const meaning = gradeMeaning(s.averageEmotion);
    out.push(
        '| touchpoints | stages | average emotion | owned | graded | contacts | time |',
        '|---:|---:|---:|---:|---:|---:|---:|',
        `| ${formatCount(s.touchpoints)} | ${formatCount(s.stages)} | ${formatAverage(s.averageEmotion)}${meaning ? ` (${meaning})` : ''} ` +
        `| ${formatPercent(s.ownedShare)} | ${formatPercent(s.gradedShare)} | ${formatCount(s.totalContacts)} | ${formatMinutes(s.totalDurationMinutes)} |`,
        ''
    );
    if (s.personas.length > 1) {
        out.push(`Average emotion by persona: ${s.personas.map(p => {
            const word = gradeMeaning(p.averageEmotion);
            return `${markdownText(p.persona)} ${formatAverage(p.averageEmotion)}${word ? ` (${word})` : ''}`;
        }).join(', ')}.`, '');
    }
    if (journey.current) {
        changesFromToday(out, journey.current, journey);
    }
    if (s.lowestMoments.length > 0) {
        const grade = s.lowestMoments[0].grade;
        out.push(`**Lowest moments** (grade ${grade}, ${gradeMeaning(grade)}):`, '');
        for (const low of s.lowestMoments) {
            const touchpoint = touchpoints.find(t => t.name === low.touchpoint);
            const pains = touchpoint?.notes.filter(n => n.kind === 'pain').map(n => markdownText(n.text)) ?? [];
            out.push(`- ${touchpointLabel(touchpoint, low.title)}${pains.length > 0 ? `: ${pains.join('; ')}` : ''}`);
        }
        out.push('');
    }
    listProblem(out, 'Touchpoints with no owner', touchpoints.filter(t => !t.owner), 'every touchpoint has an owner');
    listProblem(out, 'Touchpoints with no emotion grade', touchpoints.filter(t => ungradedFor(journey, t).length > 0), 'every touchpoint is graded',
        t => journey.personas.length > 1 ? ` (for ${ungradedFor(journey, t).join(', ')})` : '');
    stakeholders(out, journey);
    for (const [i, stage] of journey.stages.entries()) {
        out.push(`### ${i + 1}. ${markdownText(stage.title)}`, '');
        if (stage.touchpoints.length === 0) {
            out.push('No touchpoints yet.', '');
            continue;
        }
        out.push('| touchpoint | channel | owner | emotion | contacts | time | pains | ideas |', '|---|---|---|---|---:|---:|---|---|');
        for (const t of stage.touchpoints) {
            const notes = (kind: string) => t.notes.filter(n => n.kind === kind).map(n => markdownText(n.text)).join('<br>') || '';
            out.push(`| ${touchpointLabel(t, t.title)} | ${t.channel ? markdownText(t.channel.title) : MISSING} ` +
                `| ${t.owner ? markdownText(t.owner.title) + (t.owner.external ? ' (external)' : '') : '**no owner**'} ` +
                `| ${emotionsText(journey, t)} ` +
                `| ${formatCount(t.contacts)} | ${formatDuration(t.duration)} | ${notes('pain')} | ${notes('idea')} |`);
        }
        out.push('');
    }
}

/**
 * The parties of the journey (its stakeholder map), each with its circle and what it does here: the
 * touchpoints it delivers and their average grade, those it takes part in, the hand-offs to or from it.
 */
function stakeholders(out: string[], journey: JourneyModel): void {
    if (journey.stakeholders.length === 0) {
        return;
    }
    const figures = stakeholderFigures(journey);
    const passes = handoffs(journey);
    out.push(`**Stakeholders** (${journey.stakeholders.length}):`, '');
    for (const party of journey.stakeholders) {
        const { delivers, averageEmotion, takesPart } = figures.get(party.name)!;
        const kind = party.kind === 'stakeholder' ? 'stakeholder' : party.external ? 'external owner' : 'owner';
        const meaning = gradeMeaning(averageEmotion);
        const handed = passes.filter(pass => pass.fromOwner === party.name || pass.toOwner === party.name).length;
        const facts = [
            `delivers ${plural(delivers, 'touchpoint')}${averageEmotion === undefined ? '' : ` (average ${formatAverage(averageEmotion)}${meaning ? `, ${meaning}` : ''})`}`,
            `takes part in ${plural(takesPart, 'touchpoint')} of others`,
            plural(handed, 'hand-off')
        ];
        out.push(`- **${markdownText(party.title)}** (${kind}, circle ${party.circle}): ${facts.join(', ')}`);
    }
    out.push('');
}

/** For a redesign: what it changes from the journey it redesigns, the figures and then each change. */
function changesFromToday(out: string[], current: JourneyModel, journey: JourneyModel): void {
    const comparison = compareJourneys(current, journey);
    out.push(`**Changes from today** (journey \`${current.name}\`): ${figureChangesLine(current.summary, journey.summary)}.`, '');
    if (comparison.changes.length === 0) {
        out.push('No change from today.', '');
        return;
    }
    out.push(...changeList(comparison), '');
}

/** The changes of a comparison as a Markdown list, one escaped line of words each (describeChange). */
export function changeList(comparison: JourneyComparison): string[] {
    return comparison.changes.map(change => `- ${markdownText(describeChange(change, comparison))}`);
}

function listProblem(out: string[], heading: string, touchpoints: TouchpointModel[], none: string, detail: (t: TouchpointModel) => string = () => ''): void {
    if (touchpoints.length === 0) {
        out.push(`**${heading}:** none, ${none}.`, '');
        return;
    }
    out.push(`**${heading}** (${touchpoints.length}):`, '');
    touchpoints.forEach(t => out.push(`- ${touchpointLabel(t, t.title)}${detail(t)}`));
    out.push('');
}

/** The personas of the journey a touchpoint has no grade for (in a journey that names none: `[''] ` when it has none). */
function ungradedFor(journey: JourneyModel, touchpoint: TouchpointModel): string[] {
    if (journey.personas.length === 0) {
        return touchpoint.emotions.length === 0 ? [''] : [];
    }
    return journey.personas.map(persona => persona.name).filter(name => !touchpoint.emotions.some(emotion => emotion.persona === name));
}

/** A touchpoint's grades: `2 confused`, or for several personas `Maria 2 confused; Tomasz 4`. */
function emotionsText(journey: JourneyModel, touchpoint: TouchpointModel): string {
    if (touchpoint.emotions.length === 0) {
        return '**ungraded**';
    }
    const several = journey.personas.length > 1;
    return touchpoint.emotions.map(({ persona, grade, feeling }) =>
        `${several && persona ? `${markdownText(persona)} ` : ''}${grade}${feeling ? ` ${markdownText(feeling)}` : ''}`).join('; ');
}

/** `A`, `A and B`, `A, B and C`. */
function listInWords(items: string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function touchpointLabel(touchpoint: TouchpointModel | undefined, title: string): string {
    return `${touchpoint?.momentOfTruth ? '★ ' : ''}${markdownText(title)}`;
}
