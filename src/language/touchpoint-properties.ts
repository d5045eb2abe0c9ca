import type {
    ChannelProperty, ContactsProperty, DurationProperty, EmotionProperty, MomentOfTruth, Note, OwnerProperty,
    Touchpoint, TouchpointProperty
} from './generated/ast.js';

/** The properties a touchpoint may give at most once, by AST type, with the keyword users write. */
export const SINGLE_VALUED_PROPERTIES = {
    OwnerProperty: 'owner',
    ChannelProperty: 'channel',
    EmotionProperty: 'emotion',
    ContactsProperty: 'contacts',
    DurationProperty: 'duration',
    MomentOfTruth: 'moment of truth'
} as const satisfies Partial<Record<TouchpointProperty['$type'], string>>;

export type SingleValuedPropertyType = keyof typeof SINGLE_VALUED_PROPERTIES;

export function isSingleValued(property: TouchpointProperty): property is Extract<TouchpointProperty, { $type: SingleValuedPropertyType }> {
    return Object.hasOwn(SINGLE_VALUED_PROPERTIES, property.$type);
}

/** A touchpoint's properties by meaning. The first of a repeated single-valued property counts. */
export interface TouchpointFacts {
    owner?: OwnerProperty;
    channel?: ChannelProperty;
    emotion?: EmotionProperty;
    contacts?: ContactsProperty;
    duration?: DurationProperty;
    momentOfTruth?: MomentOfTruth;
    notes: Note[];
}

export function touchpointFacts(touchpoint: Touchpoint): TouchpointFacts {
    const facts: TouchpointFacts = { notes: [] };
    for (const property of touchpoint.properties) {
        switch (property.$type) {
            case 'OwnerProperty': facts.owner ??= property; break;
            case 'ChannelProperty': facts.channel ??= property; break;
            case 'EmotionProperty': facts.emotion ??= property; break;
            case 'ContactsProperty': facts.contacts ??= property; break;
            case 'DurationProperty': facts.duration ??= property; break;
            case 'MomentOfTruth': facts.momentOfTruth ??= property; break;
            case 'Note': facts.notes.push(property); break;
        }
    }
    return facts;
}
