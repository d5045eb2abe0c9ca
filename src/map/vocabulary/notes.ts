/**
 * The notes of a touchpoint, each kind repeatable: the grammar's `Note` rule writes the same keywords (a
 * test holds the two together). The map's lanes (`inMap`: the journey map has a lane for it; the service
 * blueprint draws every kind), the reports, CSV columns, hovers and completion name them from this one
 * table; `owned`: the note may name the owner doing the work (`backstage Casework "..."`).
 */
export const NOTE_KINDS = [
    { kind: 'pain', lane: 'Pain points', caption: 'what goes wrong', column: 'pains', detail: 'a pain point or barrier', inMap: true, owned: false },
    { kind: 'idea', lane: 'Ideas', caption: 'opportunities', column: 'ideas', detail: 'an opportunity to improve', inMap: true, owned: false },
    { kind: 'backstage', lane: 'Backstage', caption: 'behind the scenes', column: 'backstage', detail: 'what the organisation does behind it', inMap: true, owned: true },
    { kind: 'quote', lane: 'Quotes', caption: 'in their words', column: 'quotes', detail: 'what a customer said', inMap: true, owned: false },
    { kind: 'support', lane: 'Support processes', caption: 'what backstage relies on', column: 'support', detail: 'a support process or system the step relies on', inMap: false, owned: true },
    { kind: 'evidence', lane: 'Evidence', caption: 'what the customer sees', column: 'evidence', detail: 'what the customer sees or holds at this step (physical or digital evidence)', inMap: false, owned: false }
] as const;

type NoteKindEntry = typeof NOTE_KINDS[number];

/** The kinds with a lane of their own on the journey map. */
export const MAP_NOTE_KINDS = NOTE_KINDS.filter((entry): entry is Extract<NoteKindEntry, { inMap: true }> => entry.inMap);

export type MapNoteKind = typeof MAP_NOTE_KINDS[number]['kind'];

export type NoteKind = typeof NOTE_KINDS[number]['kind'];

export type NoteKindInfo = typeof NOTE_KINDS[number];

/** The table's entry for a kind. */
export function noteKind(kind: NoteKind): NoteKindInfo {
    return NOTE_KINDS.find(entry => entry.kind === kind)!;
}
