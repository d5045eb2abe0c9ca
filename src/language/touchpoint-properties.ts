import { gradeOf, MAX_GRADE, MIN_GRADE } from '../map/vocabulary/grades.js';
import { NOTE_KINDS } from '../map/vocabulary/notes.js';
import type {
    ChannelProperty, ContactsProperty, DurationProperty, EmotionProperty, Journey, MomentOfTruth, Note, OwnerProperty,
    ReplacesProperty, Touchpoint, WithProperty
} from './generated/ast.js';

/** A property of a touchpoint: one of the alternatives of the grammar's `properties` of Touchpoint. */
export type TouchpointProperty = Touchpoint['properties'][number];

/** What the language says of one kind of touchpoint property. */
export interface TouchpointPropertyInfo {
    /** The AST type (the grammar rule) of the property. */
    type: TouchpointProperty['$type'];
    /** The keyword that starts it. */
    keyword: string;
    /** How messages and completion name it: the keyword, or the words (`moment of truth`). */
    label: string;
    /** What it is for, in completion. */
    detail: string;
    /** At most once per touchpoint (the notes repeat). */
    single: boolean;
    /** The property that holds its value, which the formatter lines up in a touchpoint: `owner    Comms`. */
    value?: string;
}

/**
 * The notes the formatter lines up with the values (`support  Identity "..."`): the blueprint's facts of a
 * step. The prose notes (pain, idea, quote, backstage) keep one space after their keyword, as they always
 * have; backstage's keyword, wider than the column, would move every value of its touchpoint.
 */
const ALIGNED_NOTES: ReadonlySet<string> = new Set(['evidence', 'support']);

/**
 * The properties of a touchpoint, in the order completion offers them (what the map misses most first).
 * The grammar's `properties` of Touchpoint have the same alternatives (a test holds the two together).
 */
export const TOUCHPOINT_PROPERTIES: readonly TouchpointPropertyInfo[] = [
    { type: 'OwnerProperty', keyword: 'owner', label: 'owner', detail: 'who delivers this touchpoint', single: true, value: 'owner' },
    { type: 'WithProperty', keyword: 'with', label: 'with', detail: 'the other owners or stakeholders taking part', single: true, value: 'parties' },
    {
        // One line for every persona, or one per persona (the validator checks that none is graded twice).
        type: 'EmotionProperty', keyword: 'emotion', label: 'emotion', single: false, value: 'grade',
        detail: `how it feels to the customer, ${MIN_GRADE} (${gradeOf(MIN_GRADE).meaning}) to ${MAX_GRADE} (${gradeOf(MAX_GRADE).meaning})`
    },
    { type: 'ChannelProperty', keyword: 'channel', label: 'channel', detail: 'where the customer meets the service', single: true, value: 'channel' },
    { type: 'DurationProperty', keyword: 'duration', label: 'duration', detail: 'time taken, e.g. 40 min', single: true, value: 'amount' },
    { type: 'ContactsProperty', keyword: 'contacts', label: 'contacts', detail: 'number of contacts made', single: true, value: 'count' },
    ...NOTE_KINDS.map(({ kind, detail }) => ({
        type: 'Note' as const, keyword: kind, label: kind, detail: `${detail} (may repeat)`, single: false, value: ALIGNED_NOTES.has(kind) ? 'text' : undefined
    })),
    { type: 'MomentOfTruth', keyword: 'moment', label: 'moment of truth', detail: 'marks one of the touchpoints that matter most', single: true },
    {
        type: 'ReplacesProperty', keyword: 'replaces', label: 'replaces', detail: 'in a redesign: the steps of today it takes the place of', single: true,
        value: 'steps'
    }
];

/** The property a keyword starts in a touchpoint, if any. */
export function propertyOfKeyword(keyword: string): TouchpointPropertyInfo | undefined {
    return TOUCHPOINT_PROPERTIES.find(property => property.keyword === keyword);
}

/** The properties by type, a note by its kind: what `propertyOf` reads for every property of every touchpoint. */
const PROPERTY_BY_KEY: ReadonlyMap<string, TouchpointPropertyInfo> = new Map(TOUCHPOINT_PROPERTIES.map(info => [info.type === 'Note' ? info.keyword : info.type, info]));

/** What the language says of a property of a touchpoint (of a note: of its kind). */
export function propertyOf(property: TouchpointProperty): TouchpointPropertyInfo {
    return PROPERTY_BY_KEY.get(property.$type === 'Note' ? property.kind : property.$type)!;
}

/** The property rules of the grammar, by name: where a keyword is a touchpoint property. */
export const TOUCHPOINT_PROPERTY_RULES: ReadonlySet<string> = new Set(TOUCHPOINT_PROPERTIES.map(property => property.type));

/** A touchpoint's properties by meaning. The first of a repeated single-valued property counts. */
export interface TouchpointFacts {
    owner?: OwnerProperty;
    with?: WithProperty;
    channel?: ChannelProperty;
    /** Every `emotion` line, in order: shared ones and those of a persona. */
    emotions: EmotionProperty[];
    contacts?: ContactsProperty;
    duration?: DurationProperty;
    momentOfTruth?: MomentOfTruth;
    replaces?: ReplacesProperty;
    notes: Note[];
}

export function touchpointFacts(touchpoint: Touchpoint): TouchpointFacts {
    const facts: TouchpointFacts = { emotions: [], notes: [] };
    for (const property of touchpoint.properties) {
        switch (property.$type) {
            case 'OwnerProperty': facts.owner ??= property; break;
            case 'WithProperty': facts.with ??= property; break;
            case 'ChannelProperty': facts.channel ??= property; break;
            case 'EmotionProperty': facts.emotions.push(property); break;
            case 'ContactsProperty': facts.contacts ??= property; break;
            case 'DurationProperty': facts.duration ??= property; break;
            case 'MomentOfTruth': facts.momentOfTruth ??= property; break;
            case 'ReplacesProperty': facts.replaces ??= property; break;
            case 'Note': facts.notes.push(property); break;
        }
    }
    return facts;
}

/**
 * The `emotion` line that grades each persona of a journey (by name, in the journey's order): the
 * persona's own line, else the shared one; a persona neither grades is absent. For a journey that names no
 * persona, the shared line under the key `undefined`. The first of a repeated line counts.
 */
export function gradesByPersona(facts: TouchpointFacts, personas: readonly string[]): Map<string | undefined, EmotionProperty> {
    const shared = facts.emotions.find(emotion => !emotion.persona);
    const grades = new Map<string | undefined, EmotionProperty>();
    if (personas.length === 0) {
        if (shared) {
            grades.set(undefined, shared);
        }
        return grades;
    }
    for (const persona of personas) {
        const own = facts.emotions.find(emotion => emotion.persona?.$refText === persona);
        const line = own ?? shared;
        if (line) {
            grades.set(persona, line);
        }
    }
    return grades;
}

/** The names of a journey's personas, in its order: those of its `for` list that are declared (the ones the map draws). */
export function personaNames(journey: Journey): string[] {
    return journey.personas.flatMap(persona => persona.ref ? [persona.ref.name] : []);
}
