/**
 * The view model as JSON: the document's model with the journeys exported, indented. A journey lists its
 * `personas` by name, in its order, and their cards under `personaCards`; a redesign names the journey it
 * `redesigns` (the model of that journey is exported from its own file, not again here). JSON.stringify
 * escapes the C0 control characters but leaves DEL and C1 (U+007F-U+009F) as they are: they are written as
 * `\u` escapes too, the same JSON.
 */
import { escapeControlCharacters } from '../control-characters.js';
import type { JourneyDocumentModel, JourneyModel, PersonaModel } from '../model.js';

/** A journey as exported: the model, with persona names in `personas` and without the journey of today. */
export type ExportedJourney = Omit<JourneyModel, 'personas' | 'current'> & { personas: string[], personaCards: PersonaModel[] };

export function toJson(document: JourneyDocumentModel, journeys: JourneyModel[]): string {
    const exported = journeys.map(({ current: _current, ...journey }): ExportedJourney =>
        ({ ...journey, personas: journey.personas.map(persona => persona.name), personaCards: journey.personas }));
    return `${escapeControlCharacters(JSON.stringify({ ...document, journeys: exported }, undefined, 2))}\n`;
}
