/**
 * The view model as JSON: the document's model with the journeys exported, indented. JSON.stringify
 * escapes the C0 control characters but leaves DEL and C1 (U+007F-U+009F) as they are: they are written as
 * `\u` escapes too, the same JSON.
 */
import { escapeControlCharacters } from '../control-characters.js';
import type { JourneyDocumentModel, JourneyModel } from '../model.js';

export function toJson(document: JourneyDocumentModel, journeys: JourneyModel[]): string {
    return `${escapeControlCharacters(JSON.stringify({ ...document, journeys }, undefined, 2))}\n`;
}
