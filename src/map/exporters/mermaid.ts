/**
 * A journey as a Mermaid `journey` diagram: the title, a `section` per stage and a `Title: grade: owner`
 * task per touchpoint. A first stage with a blank title gets no `section`: its tasks come before the
 * first one, where Mermaid draws them in no section. `accTitle` and `accDescr` come from the journey's
 * accessible title and `description`. What Mermaid has no place for (persona, goal,
 * channels, measures, notes, moments of truth, feelings) goes into `%%` comments beside the task, so
 * nothing is lost from the text.
 *
 * Mermaid's journey lexer reads `:` `;` `#` and line ends as syntax, `%` at the start of a token as a
 * comment and `,` between actors as a separator; such characters in labels are written as Mermaid
 * entity codes (`#58;` for `:`), which Mermaid turns back into the character when it draws the diagram.
 * No text becomes a `%%{` directive, and control characters are replaced (U+FFFD).
 */
import type { EmotionModel, JourneyModel, TouchpointModel } from '../model.js';
import { replaceControlCharacters } from '../control-characters.js';
import { formatDuration, plural } from '../format.js';
import { accessibleTitle } from '../journey-description.js';
import { gradeOf, MAX_GRADE, MIN_GRADE } from '../vocabulary/grades.js';

/**
 * Mermaid needs a score for every task: an ungraded touchpoint is exported as 3, the neutral middle of
 * the scale, after a `%% ungraded:` comment (which `journey import` reads back as "no grade").
 */
export const UNGRADED_SCORE = 3;
export const UNGRADED_MARKER = 'ungraded:';

const INDENT = '    ';

/** Characters that Mermaid's journey lexer would read as syntax, and `<>` so no label looks like markup. */
const SPECIAL = /[#:;%<>]/g;
/** Statements the lexer recognises at the start of a line, case-insensitively. */
const KEYWORD_START = /^(journey\b|title\s|section\s|acctitle\s*:|accdescr\s*[:{])/i;

/**
 * A label on one line, with Mermaid's syntax characters as entity codes; `,` too where actors are
 * listed, and for a task (which starts a line) a first word that Mermaid would read as a statement.
 */
export function mermaidLabel(text: string, options: { commas?: boolean, task?: boolean } = {}): string {
    let label = oneLine(text).replace(SPECIAL, entity);
    if (options.commas) {
        label = label.replace(/,/g, entity);
    }
    if (options.task && KEYWORD_START.test(label)) {
        // A task named "Title search" would be read as the diagram's title: write its first letter as a code.
        const first = String.fromCodePoint(label.codePointAt(0)!);
        label = entity(first) + label.slice(first.length);
    }
    return label;
}

function entity(character: string): string {
    return `#${character.codePointAt(0)};`;
}

/**
 * Text for a `%%` comment: one line, and never a directive. Before it parses, Mermaid applies and
 * removes every `%%{` directive anywhere in the text, comments included (its regex: `%%{`, then a
 * word; it runs to `}%%`, or to the end of the diagram when there is none). A space between the `%%`
 * and the brace makes both ends plain text, whatever comes around them.
 */
function commentText(text: string): string {
    return oneLine(text).replace(/%%\{/g, '%% {').replace(/\}%%/g, '} %%');
}

function oneLine(text: string): string {
    return String(text).replace(/[\r\n\u2028\u2029\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** The title to show, on one line; the name when the title is blank (Mermaid needs a label there). */
function shown(item: { title: string, name: string }): string {
    return oneLine(item.title) || item.name;
}

export interface MermaidExportContext {
    /** The file the journey comes from, named in the heading comment. */
    file?: string;
    /** The file's other journeys, named in a comment (one diagram holds one journey). */
    otherJourneys?: string[];
    /** Whose grades are the scores (Mermaid has one per task): a persona of the journey; default its first. */
    persona?: string;
}

export function toMermaid(journey: JourneyModel, context: MermaidExportContext = {}): string {
    const lines: string[] = ['journey'];
    const comment = (indent: string, text: string) => lines.push(`${indent}%% ${commentText(text)}`);
    comment(INDENT, `Journey ${journey.name}${context.file ? ` from ${context.file}` : ''}, exported by Journey Maps.`);
    // Mermaid has one score per task: the grades of one persona (the one asked for, else the first).
    const persona = journey.personas.find(p => p.name === context.persona) ?? journey.personas[0];
    if (persona) {
        comment(INDENT, `Persona: ${persona.title}${persona.title !== persona.name ? ` (${persona.name})` : ''}`);
    }
    if (journey.personas.length > 1) {
        const others = journey.personas.filter(p => p !== persona).map(p => p.name);
        comment(INDENT, `Scores are ${persona.name}'s grades; the journey's other personas (export them with --persona): ${others.join(', ')}`);
    }
    if (journey.goal) {
        comment(INDENT, `Goal: ${journey.goal}`);
    }
    if ((context.otherJourneys ?? []).length > 0) {
        comment(INDENT, `The file's other journeys (export them with --journey): ${context.otherJourneys!.join(', ')}`);
    }
    comment(INDENT, `Scores are emotion grades (${MIN_GRADE} ${gradeOf(MIN_GRADE).meaning} .. ${MAX_GRADE} ${gradeOf(MAX_GRADE).meaning}); the first actor is the touchpoint's owner, the others take part (with).`);
    lines.push(`${INDENT}title ${mermaidLabel(shown(journey))}`);
    // For screen readers: accTitle and accDescr run to the end of their line, as written (no entity codes).
    lines.push(`${INDENT}accTitle: ${commentText(accessibleTitle(journey))}`);
    if (journey.description && oneLine(journey.description) !== '') {
        lines.push(`${INDENT}accDescr: ${commentText(journey.description)}`);
    }
    for (const [i, stage] of journey.stages.entries()) {
        // Mermaid draws the tasks before the first section in no section: a first stage with a blank title.
        if (i > 0 || oneLine(stage.title) !== '') {
            lines.push(`${INDENT}section ${mermaidLabel(shown(stage))}`);
        }
        if (stage.touchpoints.length === 0) {
            comment(INDENT.repeat(2), `Stage ${stage.name} has no touchpoints yet.`);
        }
        for (const touchpoint of stage.touchpoints) {
            for (const note of touchpointComments(touchpoint, persona?.name)) {
                comment(INDENT.repeat(2), note);
            }
            lines.push(`${INDENT.repeat(2)}${task(touchpoint, persona?.name)}`);
        }
    }
    return replaceControlCharacters(`${lines.join('\n')}\n`);
}

function task(touchpoint: TouchpointModel, persona: string | undefined): string {
    const score = emotionOf(touchpoint, persona)?.grade ?? UNGRADED_SCORE;
    // The owner first, then those taking part: Mermaid's actors, which journey import reads back in that order.
    const actors = touchpoint.owner ? [touchpoint.owner, ...touchpoint.with.filter(party => party.name !== touchpoint.owner?.name)] : [];
    const owner = actors.length > 0 ? `: ${actors.map(actor => mermaidLabel(shown(actor), { commas: true })).join(', ')}` : '';
    return `${mermaidLabel(shown(touchpoint), { task: true })}: ${score}${owner}`;
}

/** The touchpoint's grade for a persona (or the one grade of a journey that names none). */
function emotionOf(touchpoint: TouchpointModel, persona: string | undefined): EmotionModel | undefined {
    return touchpoint.emotions.find(emotion => emotion.persona === persona);
}

/** What Mermaid cannot hold about a touchpoint, one comment each. */
function touchpointComments(touchpoint: TouchpointModel, persona: string | undefined): string[] {
    const emotion = emotionOf(touchpoint, persona);
    const facts: string[] = [`touchpoint ${touchpoint.name}`];
    if (touchpoint.momentOfTruth) {
        facts.push('moment of truth');
    }
    if (touchpoint.channel) {
        facts.push(`channel ${touchpoint.channel.title}`);
    }
    if (touchpoint.owner?.external) {
        facts.push('external owner');
    }
    if (!touchpoint.owner) {
        // With no owner there are no actors: a first actor would read back as the owner.
        facts.push(touchpoint.with.length > 0 ? `no owner · with ${touchpoint.with.map(party => party.title).join(', ')}` : 'no owner');
    }
    if (emotion?.feeling) {
        facts.push(`feeling "${emotion.feeling}"`);
    }
    if (touchpoint.contacts !== undefined) {
        facts.push(plural(touchpoint.contacts, 'contact'));
    }
    if (touchpoint.duration) {
        facts.push(`time ${formatDuration(touchpoint.duration)}`);
    }
    const comments = [facts.join(' · ')];
    if (!emotion) {
        comments.push(`${UNGRADED_MARKER} no emotion grade; ${UNGRADED_SCORE} (neutral) stands in, as Mermaid needs a score`);
    }
    for (const note of touchpoint.notes) {
        comments.push(`${note.kind}${note.owner ? ` (${note.owner.title})` : ''}: ${note.text}`);
    }
    return comments;
}
