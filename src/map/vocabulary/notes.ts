/**
 * The qualitative notes of a touchpoint, each kind repeatable: the grammar's `Note` rule writes the same
 * keywords (a test holds the two together). The map's lanes, the reports, CSV columns, hovers and completion
 * name them from this one table.
 */
export const NOTE_KINDS = [
    { kind: 'pain', lane: 'Pain points', caption: 'what goes wrong', column: 'pains', detail: 'a pain point or barrier' },
    { kind: 'idea', lane: 'Ideas', caption: 'opportunities', column: 'ideas', detail: 'an opportunity to improve' },
    { kind: 'backstage', lane: 'Backstage', caption: 'behind the scenes', column: 'backstage', detail: 'what the organisation does behind it' },
    { kind: 'quote', lane: 'Quotes', caption: 'in their words', column: 'quotes', detail: 'what a customer said' }
] as const;

export type NoteKind = typeof NOTE_KINDS[number]['kind'];

export type NoteKindInfo = typeof NOTE_KINDS[number];

/** The table's entry for a kind. */
export function noteKind(kind: NoteKind): NoteKindInfo {
    return NOTE_KINDS.find(entry => entry.kind === kind)!;
}
