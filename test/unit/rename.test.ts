import { describe, expect } from 'vitest';
import { clearDocuments } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { applyWorkspaceEdit } from '../helpers/apply-edits.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

const TRIP = 'journey Trip for Maria {\n  stage Apply {\n    touchpoint Form { owner Web channel Website emotion 3 }\n    touchpoint Visit { owner Desk emotion 4 }\n  }\n}\n';
const OTHER = 'journey Other for Maria {\n  stage Apply { touchpoint Form { owner Web emotion 2 } }\n}\n';

function at(text: string, marker: string) {
    const before = text.slice(0, text.indexOf(marker)).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}

async function rename(services: TestServices, documents: Record<string, LangiumDocument>, file: string, text: string, marker: string, newName: string) {
    const document = documents[file];
    return services.Journey.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: at(text, marker), newName });
}

describe('rename', () => {
    test('an owner, from a reference, updates its declaration and every reference in the workspace', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'other.journey': OTHER });
        const edit = await rename(services, documents, 'trip.journey', TRIP, 'Web', 'Digital');
        const texts = applyWorkspaceEdit(documents, edit);
        expect(texts['organisation.journey']).toBe(ORGANISATION.replace('owner Web', 'owner Digital'));
        expect(texts['trip.journey']).toBe(TRIP.replace('owner Web', 'owner Digital'));
        expect(texts['other.journey']).toBe(OTHER.replace('owner Web', 'owner Digital'));
        // Re-parsed, the renamed workspace has no linking errors.
        await clearDocuments(services.shared);
        const renamed = await openWorkspace(services, texts);
        expect(Object.values(renamed).flatMap(summarise).filter(d => d.startsWith('linking-error'))).toEqual([]);
    });

    test('a persona and a channel, from their declarations', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const persona = applyWorkspaceEdit(documents, await rename(services, documents, 'organisation.journey', ORGANISATION, 'Maria', 'Ana'));
        expect(persona['trip.journey']).toBe(TRIP.replace('for Maria', 'for Ana'));
        const channel = applyWorkspaceEdit(documents, await rename(services, documents, 'organisation.journey', ORGANISATION, 'Website', 'Web-site'));
        expect(channel['trip.journey']).toBe(TRIP.replace('channel Website', 'channel Web-site'));
    });

    test('a stage or a touchpoint renames just its declaration', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        expect(applyWorkspaceEdit(documents, await rename(services, documents, 'trip.journey', TRIP, 'Form', 'OnlineForm'))['trip.journey'])
            .toBe(TRIP.replace('touchpoint Form', 'touchpoint OnlineForm'));
        expect(applyWorkspaceEdit(documents, await rename(services, documents, 'trip.journey', TRIP, 'Apply', 'Applying'))['trip.journey'])
            .toBe(TRIP.replace('stage Apply', 'stage Applying'));
    });

    test('a journey, and a step of it, follow in the redesign of another file; a persona in its emotion lines', async ({ services }) => {
        const tomorrow = 'journey TripTomorrow for Maria redesigns Trip {\n  stage Apply { touchpoint Online { owner Web emotion Maria 4 replaces Form, Visit } }\n}\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'tomorrow.journey': tomorrow });
        const journey = applyWorkspaceEdit(documents, await rename(services, documents, 'trip.journey', TRIP, 'Trip', 'Passport'));
        expect(journey['trip.journey']).toBe(TRIP.replace('journey Trip', 'journey Passport'));
        expect(journey['tomorrow.journey']).toBe(tomorrow.replace('redesigns Trip', 'redesigns Passport'));
        const step = applyWorkspaceEdit(documents, await rename(services, documents, 'tomorrow.journey', tomorrow, 'Form', 'OnlineForm'));
        expect(step['trip.journey']).toBe(TRIP.replace('touchpoint Form', 'touchpoint OnlineForm'));
        expect(step['tomorrow.journey']).toBe(tomorrow.replace('replaces Form', 'replaces OnlineForm'));
        const persona = applyWorkspaceEdit(documents, await rename(services, documents, 'organisation.journey', ORGANISATION, 'Maria', 'Ana'));
        expect(persona['tomorrow.journey']).toBe(tomorrow.replace('for Maria', 'for Ana').replace('emotion Maria', 'emotion Ana'));
        // Re-parsed, each renamed workspace has no linking errors.
        for (const texts of [journey, step, persona]) {
            await clearDocuments(services.shared);
            const renamed = await openWorkspace(services, texts);
            expect(Object.values(renamed).flatMap(summarise).filter(d => d.startsWith('linking-error'))).toEqual([]);
        }
    });

    test('refuses a journey name another journey has, wherever it is declared', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'other.journey': OTHER });
        await expect(rename(services, documents, 'trip.journey', TRIP, 'Trip', 'Other')).rejects.toThrow("A journey named 'Other' already exists (other.journey, line 1): choose another name.");
    });

    test.for([
        ['a name another owner has', 'Web', 'Desk', "An owner named 'Desk' already exists (organisation.journey, line 3): choose another name."],
        ['a name another touchpoint of the journey has', 'Form', 'Visit', "A touchpoint named 'Visit' already exists (in journey 'Trip', line 4): choose another name."],
        ['a keyword', 'Web', 'stage', "'stage' is a keyword of the journey language and cannot name an owner."],
        ['not a name', 'Web', 'Web team', "'Web team' is not a valid name: use letters, digits, _ and -, starting with a letter or _."]
    ])('refuses %s, with a message', async ([, marker, newName, message], { services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        await expect(rename(services, documents, 'trip.journey', TRIP, marker, newName)).rejects.toThrow(message);
    });

    test('prepareRename: the name under the cursor, and nothing on a keyword', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const trip = documents['trip.journey'];
        const prepare = (marker: string) => services.Journey.lsp.RenameProvider!.prepareRename(trip, { textDocument: { uri: trip.uri.toString() }, position: at(TRIP, marker) });
        expect(await prepare('Desk')).toEqual({ start: { line: 3, character: 29 }, end: { line: 3, character: 33 } });
        expect(await prepare('touchpoint Form')).toBeUndefined();
    });
});
