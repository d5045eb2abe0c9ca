/**
 * One CSV row per touchpoint (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled), with a header row. Several notes of one kind share a
 * cell, one per line; those taking part (`with`) share one too. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with `'`, so opening the file never executes a label. Control characters
 * (ESC, BEL, a carriage return inside a label...) are replaced by U+FFFD, so that printing the file on a
 * terminal runs nothing either.
 */
import type { JourneyModel, NoteModel } from '../model.js';
import { NOTE_KINDS } from '../vocabulary/notes.js';
import { replaceControlCharacters } from '../control-characters.js';

/** The columns before the grades, and those after them. */
const FIRST_COLUMNS = [
    'journey', 'journey title', 'stage', 'stage title', 'position', 'touchpoint', 'title', 'moment of truth', 'channel', 'channel title',
    'owner', 'owner title', 'external owner', 'with'
];
const LAST_COLUMNS = ['contacts', 'duration', 'duration unit', 'duration minutes', ...NOTE_KINDS.map(note => note.column)];

type Cell = string | number | boolean | undefined;

/**
 * The rows of the journeys' touchpoints. The grades take a column and a feeling column each: one pair when
 * every journey has at most one persona, else one pair per persona of the journeys (`emotion (Maria)`), in
 * the order they first appear.
 */
export function toCsv(journeys: JourneyModel[]): string {
    const personas = [...new Set(journeys.flatMap(journey => journey.personas.map(persona => persona.name)))];
    const perPersona = journeys.some(journey => journey.personas.length > 1);
    const gradeColumns = perPersona ? personas.flatMap(persona => [`emotion (${persona})`, `feeling (${persona})`]) : ['emotion', 'feeling'];
    const rows: Cell[][] = [[...FIRST_COLUMNS, ...gradeColumns, ...LAST_COLUMNS]];
    for (const journey of journeys) {
        for (const stage of journey.stages) {
            for (const t of stage.touchpoints) {
                rows.push([
                    journey.name, journey.title, stage.name, stage.title, t.index + 1, t.name, t.title, t.momentOfTruth ? 'yes' : 'no',
                    t.channel?.name, t.channel?.title, t.owner?.name, t.owner?.title, t.owner ? (t.owner.external ? 'yes' : 'no') : undefined,
                    t.with.map(party => party.name).join('\n') || undefined,
                    ...(perPersona
                        ? personas.flatMap(persona => {
                            const emotion = t.emotions.find(e => e.persona === persona);
                            return [emotion?.grade, emotion?.feeling];
                        })
                        : [t.emotions[0]?.grade, t.emotions[0]?.feeling]),
                    t.contacts, t.duration?.amount, t.duration?.unit, t.duration?.minutes,
                    ...NOTE_KINDS.map(({ kind }) => t.notes.filter(n => n.kind === kind).map(noteCell).join('\n') || undefined)
                ]);
            }
        }
    }
    return rows.map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A note's text, after the name of the party doing it when it has one (`Radiology: reads the scan`). */
function noteCell(note: NoteModel): string {
    return note.owner ? `${note.owner.name}: ${note.text}` : note.text;
}

/** One field: control characters replaced, formula-looking text defused, then quoted if needed. */
export function csvField(value: Cell): string {
    if (value === undefined) {
        return '';
    }
    let text = replaceControlCharacters(typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value));
    if (/^[=+\-@\t\r]/.test(text)) {
        text = `'${text}`;
    }
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
