/**
 * One CSV row per touchpoint (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled), with a header row. Several notes of one kind share a
 * cell, one per line. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with `'`, so opening the file never executes a label. Control characters
 * (ESC, BEL, a carriage return inside a label...) are replaced by U+FFFD, so that printing the file on a
 * terminal runs nothing either.
 */
import type { JourneyModel } from '../model.js';
import { NOTE_KINDS } from '../vocabulary/notes.js';
import { replaceControlCharacters } from '../control-characters.js';

const COLUMNS = [
    'journey', 'journey title', 'stage', 'stage title', 'position', 'touchpoint', 'title', 'moment of truth', 'channel', 'channel title',
    'owner', 'owner title', 'external owner', 'emotion', 'feeling', 'contacts', 'duration', 'duration unit', 'duration minutes',
    ...NOTE_KINDS.map(note => note.column)
];

type Cell = string | number | boolean | undefined;

export function toCsv(journeys: JourneyModel[]): string {
    const rows: Cell[][] = [[...COLUMNS]];
    for (const journey of journeys) {
        for (const stage of journey.stages) {
            for (const t of stage.touchpoints) {
                rows.push([
                    journey.name, journey.title, stage.name, stage.title, t.index + 1, t.name, t.title, t.momentOfTruth ? 'yes' : 'no',
                    t.channel?.name, t.channel?.title, t.owner?.name, t.owner?.title, t.owner ? (t.owner.external ? 'yes' : 'no') : undefined,
                    t.emotion?.grade, t.emotion?.feeling, t.contacts, t.duration?.amount, t.duration?.unit, t.duration?.minutes,
                    ...NOTE_KINDS.map(({ kind }) => t.notes.filter(n => n.kind === kind).map(n => n.text).join('\n') || undefined)
                ]);
            }
        }
    }
    return rows.map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
