import { describe, expect } from 'vitest';
import { DocumentState } from 'langium';
import { editFile, openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

const ORGANISATION = 'owner Web "Digital team"\nowner Legal "Legal team"\n';
const TRIP = 'journey Trip { stage S { touchpoint A { owner Web emotion 3 } } }';

describe('diagnostics that depend on other files follow their edits', () => {
    test('an owner stops being unused when another file starts using it, and back', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const organisation = documents['organisation.journey'];
        expect(summarise(organisation)).toEqual(['unused-declaration hint 2:7-2:12']);

        await editFile(services, 'trip.journey', TRIP.replace('owner Web', 'owner Legal'));
        expect(summarise(organisation)).toEqual(['unused-declaration hint 1:7-1:10']);

        await editFile(services, 'trip.journey', TRIP, 3);
        expect(summarise(organisation)).toEqual(['unused-declaration hint 2:7-2:12']);
    });

    test('a duplicate declared in another file is reported in both, and cleared from both', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const organisation = documents['organisation.journey'];

        const trip = await editFile(services, 'trip.journey', `owner Web "Copy"\n${TRIP}`);
        expect(summarise(trip)).toContain('duplicate-name error 1:7-1:10');
        expect(summarise(organisation)).toContain('duplicate-name error 1:7-1:10');

        const fixed = await editFile(services, 'trip.journey', TRIP, 3);
        expect(summarise(fixed).filter(d => d.startsWith('duplicate-name'))).toEqual([]);
        expect(summarise(organisation).filter(d => d.startsWith('duplicate-name'))).toEqual([]);
    });

    test('a redesign follows the journey of today in another file: the steps it replaces and the personas it is for', async ({ services }) => {
        const today = 'persona Maria persona Tomasz\njourney Renew for Maria { stage S { touchpoint Form { owner Web emotion 2 } } }';
        const tomorrow = 'journey RenewTomorrow for Maria redesigns Renew { stage S { touchpoint Online { owner Web emotion 4 replaces Form } } }';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'today.journey': today, 'tomorrow.journey': tomorrow });
        const redesign = documents['tomorrow.journey'].uri;
        const diagnostics = () => summarise(services.shared.workspace.LangiumDocuments.getDocument(redesign)!);
        expect(diagnostics()).toEqual([]);

        await editFile(services, 'today.journey', today.replace('touchpoint Form', 'touchpoint Upload').replace('for Maria', 'for Maria, Tomasz'));
        expect(diagnostics()).toEqual(['linking-error error 1:110-1:114', 'redesign-personas-differ warning 1:27-1:32']);

        await editFile(services, 'today.journey', today, 3);
        expect(diagnostics()).toEqual([]);
    });

    test('an edit that changes no workspace name revalidates no other file', async ({ services }) => {
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const organisation = documents['organisation.journey'];
        const before = organisation.diagnostics;
        const validated: string[] = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            validated.push(doc.uri.path);
        });
        await editFile(services, 'trip.journey', TRIP.replace('emotion 3', 'emotion 4'));
        expect(validated).toEqual(['/workspace/trip.journey']);
        expect(organisation.diagnostics).toBe(before);
    });
});

describe('settings change severities without a restart', () => {
    const UNOWNED = 'persona P journey Trip for P { stage S { touchpoint A { } } }';

    function configure(services: TestServices, validation: Record<string, string>): void {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { validation } } });
    }

    async function settled(services: TestServices): Promise<void> {
        // The revalidation runs under the workspace lock; a read action queued after it sees its result.
        await services.shared.workspace.WorkspaceLock.read(() => undefined);
    }

    test('each configurable check takes every severity, and off', async ({ services }) => {
        const documents = await openWorkspace(services, { 'trip.journey': UNOWNED });
        const trip = () => services.shared.workspace.LangiumDocuments.getDocument(documents['trip.journey'].uri)!;
        const codes = (severity: string) => summarise(trip()).filter(d => d.split(' ')[1] === severity).map(d => d.split(' ')[0]);
        expect(codes('warning')).toEqual(['missing-owner', 'unscored-touchpoint']);

        configure(services, { missingOwner: 'error', unscoredTouchpoint: 'information' });
        await settled(services);
        expect(codes('error')).toEqual(['missing-owner']);
        expect(codes('info')).toEqual(['unscored-touchpoint']);

        configure(services, { missingOwner: 'hint', unscoredTouchpoint: 'off' });
        await settled(services);
        expect(codes('hint')).toEqual(['missing-owner']);
        expect(summarise(trip()).some(d => d.startsWith('unscored-touchpoint'))).toBe(false);

        configure(services, { missingOwner: 'nonsense' });
        await settled(services);
        expect(codes('warning')).toEqual(['missing-owner', 'unscored-touchpoint']);
    });
});
