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

export interface ChannelModel {
    name: string;
    title: string;
}

/** A valid grade only (1..5); an invalid or missing one leaves `emotion` undefined: a gap in the curve. */
export interface EmotionModel {
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

export type { NoteKind };

export interface NoteModel {
    kind: NoteKind;
    text: string;
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
    emotion?: EmotionModel;
    contacts?: number;
    duration?: DurationModel;
    notes: NoteModel[];
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

export interface JourneySummary {
    touchpoints: number;
    stages: number;
    /** Mean of the valid grades; undefined when no touchpoint is graded. */
    averageEmotion?: number;
    /** The touchpoints with the lowest grade (all of them when tied), in journey order. */
    lowestMoments: LowMomentModel[];
    /** 0..1 of touchpoints with a resolved owner; undefined for a journey without touchpoints. */
    ownedShare?: number;
    /** 0..1 of touchpoints with a valid grade; undefined for a journey without touchpoints. */
    gradedShare?: number;
    totalContacts: number;
    totalDurationMinutes: number;
}

export interface JourneyModel {
    name: string;
    title: string;
    goal?: string;
    persona?: PersonaModel;
    stages: StageModel[];
    summary: JourneySummary;
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
