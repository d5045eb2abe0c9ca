/**
 * The view model of a journey map: plain JSON computed by the language server from the validated
 * AST and drawn by every view (the preview, the exports, the CLI). Types only, so the server, the
 * extension and the webview can all import it.
 */

/** A source range, 0-based as in LSP, in the document the model was computed from unless `uri` says otherwise. */
export interface SourceRange {
    startLine: number;
    startCharacter: number;
    endLine: number;
    endCharacter: number;
}

/** Where a map element comes from: `range` is revealed, `selection` (usually the name) is selected. */
export interface SourceLocation {
    range: SourceRange;
    selection: SourceRange;
    /** Set when the element is declared in another file than the journey (a shared owner, say). */
    uri?: string;
}

export interface PersonaModel {
    name: string;
    title: string;
    goal?: string;
    today?: string;
    ideal?: string;
    needs: string[];
    source?: SourceLocation;
}

export interface OwnerModel {
    name: string;
    title: string;
    external: boolean;
}

/** A party taking part in a touchpoint (`with`): an owner, or a stakeholder who delivers no touchpoint. */
export interface PartyRefModel extends OwnerModel {
    kind: PartyKind;
}

export type PartyKind = 'owner' | 'stakeholder';

/** A relationship between two parties (`link Comms "Sends delivery status"`). */
export interface LinkModel {
    /** The party linked to, by name. */
    to: string;
    text: string;
    source: SourceLocation;
}

/** A party of the journey's stakeholder map: an owner or a stakeholder, with its place and relationships. */
export interface StakeholderModel {
    name: string;
    title: string;
    kind: PartyKind;
    external: boolean;
    /** Its circle: as declared, else an owner's `core`, an external owner's `partner`, a stakeholder's `wider`. */
    circle: Circle;
    /** What it does for the customer (`gives`), and what it gets (`gets`), in order. */
    gives: string[];
    gets: string[];
    links: LinkModel[];
    source?: SourceLocation;
}

export interface ChannelModel {
    name: string;
    title: string;
}

/** A valid grade only (1..5); an invalid or missing one is no EmotionModel: a gap in the persona's curve. */
export interface EmotionModel {
    /** Whose grade: a persona of the journey; undefined in a journey that names none. */
    persona?: string;
    grade: number;
    feeling?: string;
    /** The scale's word for the grade: "very negative" .. "very positive". */
    meaning: string;
}

export interface DurationModel {
    amount: number;
    unit: string;
    /** Undefined when the unit is unknown. */
    minutes?: number;
}

import type { NoteKind } from './vocabulary/notes.js';
import type { Circle } from './vocabulary/circles.js';

export type { Circle, NoteKind };

export interface NoteModel {
    kind: NoteKind;
    text: string;
    /** Backstage work and support processes: the owner doing it, when the note names one. */
    owner?: OwnerModel;
    source: SourceLocation;
}

export interface TouchpointModel {
    name: string;
    title: string;
    /** Index of the touchpoint in the whole journey, 0-based: its column. */
    index: number;
    stage: string;
    momentOfTruth: boolean;
    owner?: OwnerModel;
    /** The `owner` property itself: clicking the owner cell reveals it. */
    ownerSource?: SourceLocation;
    channel?: ChannelModel;
    channelSource?: SourceLocation;
    /** The other parties taking part (`with`), in order, those declared somewhere. */
    with: PartyRefModel[];
    /**
     * The grade for each persona of the journey, in the journey's order of personas (a shared `emotion`
     * line grades them all, a persona's own line overrides it); in a journey that names no persona, the
     * one grade there is. A persona left ungraded has none.
     */
    emotions: EmotionModel[];
    contacts?: number;
    duration?: DurationModel;
    notes: NoteModel[];
    /** In a redesign: the names of today's steps it takes the place of (`replaces`). */
    replaces: string[];
    source: SourceLocation;
}

export interface StageModel {
    name: string;
    title: string;
    touchpoints: TouchpointModel[];
    source: SourceLocation;
}

export interface LowMomentModel {
    touchpoint: string;
    title: string;
    grade: number;
}

/** The grades of one persona of a journey. */
export interface PersonaSummary {
    persona: string;
    /** Mean of the persona's grades; undefined when none is graded for them. */
    averageEmotion?: number;
    lowestMoments: LowMomentModel[];
    /** 0..1 of touchpoints graded for the persona; undefined for a journey without touchpoints. */
    gradedShare?: number;
}

export interface JourneySummary {
    touchpoints: number;
    stages: number;
    /** Mean of every valid grade (of every persona); undefined when no touchpoint is graded. */
    averageEmotion?: number;
    /** The touchpoints with the lowest grade of any persona (all of them when tied), in journey order. */
    lowestMoments: LowMomentModel[];
    /** 0..1 of touchpoints with a resolved owner; undefined for a journey without touchpoints. */
    ownedShare?: number;
    /** 0..1 of touchpoints graded for every persona; undefined for a journey without touchpoints. */
    gradedShare?: number;
    /** The same figures for each persona of the journey, in its order; none for a journey that names no persona. */
    personas: PersonaSummary[];
    totalContacts: number;
    totalDurationMinutes: number;
}

export interface JourneyModel {
    name: string;
    title: string;
    goal?: string;
    /** What the map says to a screen reader in place of its generated summary (`description "..."`). */
    description?: string;
    /** The accessible title when it is not the title (`description "..." titled "..."`: Mermaid's accTitle). */
    accessibleTitle?: string;
    /** Who travels: the personas the journey is `for`, in its order (those declared somewhere). */
    personas: PersonaModel[];
    /** For a redesign: the name of the journey of today it redesigns. */
    redesigns?: string;
    /** For a redesign whose journey of today is declared: that journey's model, to compare with. */
    current?: JourneyModel;
    stages: StageModel[];
    summary: JourneySummary;
    /**
     * The parties of its stakeholder map, in the order the journey first names them: every owner and
     * stakeholder a touchpoint names (owner, `with`, the owner of a backstage or support note), then those
     * they link to that the journey does not name.
     */
    stakeholders: StakeholderModel[];
    source: SourceLocation;
}

/** A problem that keeps the map from being trusted (an error-severity diagnostic). */
export interface MapProblem {
    line: number;
    character: number;
    message: string;
    code?: string;
}

/** Everything a view needs to draw one document. */
export interface JourneyDocumentModel {
    uri: string;
    /** The text document version the model was computed from, when known. */
    version?: number;
    journeys: JourneyModel[];
    /** Errors in the document; while there are any, views keep the last good map and show these. */
    problems: MapProblem[];
}
