import { clearDocuments } from 'langium/test';
import { buildDocumentModel } from '../../src/language/map-model-builder.js';
import { compareJourneys, type JourneyComparison } from '../../src/map/compare/compare-journeys.js';
import { createServices, openWorkspace, type TestServices } from './journey-workspace.js';
import { ORGANISATION } from './organisation.js';

/** A second persona beside the organisation's Maria, for the journeys of several. */
export const TOMASZ = 'persona Tomasz "Self-employed plumber"\n';

/**
 * Two versions of the journey `Renew` (`before` and `after` are what follows its name), each in a
 * workspace of its own beside the organisation (as `journey diff` loads them), built by the real model
 * builder and compared. `services` load the first; the second gets services of its own, cleared after.
 */
export async function compareTexts(services: TestServices, before: string, after: string): Promise<JourneyComparison> {
    const side = async (sideServices: TestServices, text: string) => {
        const documents = await openWorkspace(sideServices, { 'organisation.journey': ORGANISATION + TOMASZ, 'renew.journey': `journey Renew ${text}` });
        return buildDocumentModel(documents['renew.journey']).journeys[0];
    };
    const afterServices = createServices();
    try {
        return compareJourneys(await side(services, before), await side(afterServices, after));
    } finally {
        await clearDocuments(afterServices.shared);
    }
}
