import { describe, expect } from 'vitest';
import { clearDocuments } from 'langium/test';
import type { LangiumDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { applyWorkspaceEdit } from '../helpers/apply-edits.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

/** The quick fixes offered for the diagnostics of one code in a file. */
async function fixesFor(services: TestServices, documents: Record<string, LangiumDocument>, file: string, code: string): Promise<CodeAction[]> {
    const document = documents[file];
    const diagnostics = document.diagnostics!.filter(d => d.code === code);
    expect(diagnostics.length, `diagnostics ${code} in ${file}`).toBeGreaterThan(0);
    return await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] }
    }) as CodeAction[];
}

/** A workspace of these files only. */
async function fresh(services: TestServices, files: Record<string, string>): Promise<Record<string, LangiumDocument>> {
    await clearDocuments(services.shared);
    return openWorkspace(services, files);
}

/** Applies a fix, re-parses the workspace and returns its texts and every remaining diagnostic. */
async function apply(services: TestServices, documents: Record<string, LangiumDocument>, fix: CodeAction) {
    const texts = applyWorkspaceEdit(documents, fix.edit);
    await clearDocuments(services.shared);
    const rebuilt = await openWorkspace(services, texts);
    return { texts, diagnostics: Object.fromEntries(Object.entries(rebuilt).map(([name, doc]) => [name, summarise(doc)])) };
}

describe('quick fixes', () => {
    test('missing-owner: add each declared owner, or declare a new one where the owners live', async ({ services }) => {
        const trip = 'journey Trip for Maria {\n  stage S {\n    touchpoint Form {\n      emotion 3\n    }\n  }\n}\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const fixes = await fixesFor(services, documents, 'trip.journey', 'missing-owner');
        expect(fixes.map(f => [f.title, f.isPreferred])).toEqual([
            ['Add owner Courier (Parcel courier)', false],
            ['Add owner Desk (Front desk)', false],
            ['Add owner Web (Digital services team)', false],
            ["Declare a new owner 'NewOwner' in organisation.journey and add it", false]
        ]);
        const added = await apply(services, documents, fixes[2]);
        expect(added.texts['trip.journey']).toBe(trip.replace('{\n      emotion 3', '{\n      owner Web\n      emotion 3'));
        expect(added.diagnostics['trip.journey']).toEqual([]);
        const declared = await apply(services, await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip }), fixes[3]);
        expect(declared.texts['organisation.journey']).toBe(ORGANISATION.replace('"Front desk"', '"Front desk"\nowner NewOwner "NewOwner"'));
        expect(declared.diagnostics['trip.journey']).toEqual([]);
    });

    test('missing-owner on a touchpoint without a body, and on a one-line body', async ({ services }) => {
        const trip = 'journey Trip for Maria {\n  stage S {\n    touchpoint A "a"\n    touchpoint B { emotion 2 }\n  }\n}\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const fixes = await fixesFor(services, documents, 'trip.journey', 'missing-owner');
        const { texts } = await apply(services, documents, fixes[1]);
        expect(texts['trip.journey']).toBe(trip.replace('touchpoint A "a"', 'touchpoint A "a" {\n      owner Desk\n    }'));
        const one = await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip.replace('touchpoint A "a"\n', '') });
        const second = await apply(services, one, (await fixesFor(services, one, 'trip.journey', 'missing-owner'))[2]);
        expect(second.texts['trip.journey']).toContain('touchpoint B { owner Web emotion 2 }');
        expect(second.diagnostics['trip.journey']).toEqual([]);
    });

    test('unscored-touchpoint: a placeholder grade, preferred', async ({ services }) => {
        const trip = 'journey Trip for Maria { stage S { touchpoint A { owner Web } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const [fix] = await fixesFor(services, documents, 'trip.journey', 'unscored-touchpoint');
        expect([fix.title, fix.isPreferred]).toEqual(['Add a placeholder grade: emotion 3', true]);
        const { texts, diagnostics } = await apply(services, documents, fix);
        expect(texts['trip.journey']).toBe('journey Trip for Maria { stage S { touchpoint A { emotion 3 owner Web } } }\n');
        expect(diagnostics['trip.journey']).toEqual([]);
    });

    test('linking error: change to the closest name (Desk is too far from Wbe), or declare it here or where the others live', async ({ services }) => {
        const trip = 'journey Trip for Maria { stage S { touchpoint A { owner Wbe emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const fixes = await fixesFor(services, documents, 'trip.journey', 'linking-error');
        expect(fixes.map(f => [f.title, f.isPreferred])).toEqual([
            ["Change to 'Web'", true],
            ["Declare owner 'Wbe' in organisation.journey", false],
            ["Declare owner 'Wbe' in this file", false]
        ]);
        const changed = await apply(services, documents, fixes[0]);
        expect(changed.texts['trip.journey']).toBe(trip.replace('Wbe', 'Web'));
        expect(changed.diagnostics['trip.journey']).toEqual([]);
        const declaredHere = await apply(services, await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip }), fixes[2]);
        expect(declaredHere.texts['trip.journey']).toBe(`owner Wbe "Wbe"\n\n${trip}`);
        expect(declaredHere.diagnostics['trip.journey']).toEqual([]);
    });

    test('linking error on a persona: declare it', async ({ services }) => {
        const trip = 'journey Trip for Nobody { stage S { touchpoint A { owner Web emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const fixes = await fixesFor(services, documents, 'trip.journey', 'linking-error');
        expect(fixes.map(f => f.title)).toEqual(["Declare persona 'Nobody' in organisation.journey", "Declare persona 'Nobody' in this file"]);
        const { diagnostics } = await apply(services, documents, fixes[0]);
        expect(diagnostics['trip.journey']).toEqual([]);
    });

    test('persona-not-in-journey: add the persona to the journey\'s for list', async ({ services }) => {
        const trip = 'persona Ana "Student"\njourney Trip "A trip" for Maria { stage S { touchpoint A { owner Web emotion 3 emotion Ana 2 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const [fix] = await fixesFor(services, documents, 'trip.journey', 'persona-not-in-journey');
        expect([fix.title, fix.isPreferred]).toEqual(["Add 'Ana' to the personas of journey 'Trip'", true]);
        const { texts, diagnostics } = await apply(services, documents, fix);
        expect(texts['trip.journey']).toBe(trip.replace('for Maria', 'for Maria, Ana'));
        expect(diagnostics['trip.journey']).toEqual([]);
    });

    test('persona-not-in-journey in a journey without a for list: give it one, after its title or its name', async ({ services }) => {
        for (const journey of ['journey Trip "A trip"', 'journey Trip']) {
            const trip = `${journey} { stage S { touchpoint A { owner Web emotion Maria 2 } } }\n`;
            const documents = await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
            const [fix] = await fixesFor(services, documents, 'trip.journey', 'persona-not-in-journey');
            const { texts, diagnostics } = await apply(services, documents, fix);
            expect(texts['trip.journey']).toBe(trip.replace(journey, `${journey} for Maria`));
            expect(diagnostics['trip.journey']).toEqual([]);
        }
    });

    test('linking error on a step or a journey of a redesign: change to the closest name it can have; nothing to declare', async ({ services }) => {
        const today = 'journey Renew for Maria { stage S { touchpoint Form { owner Web emotion 2 } touchpoint Upload { owner Web emotion 1 } } }\n';
        const tomorrow = 'journey Later for Maria redesigns Renew { stage S { touchpoint Online { owner Web emotion 4 replaces Frm } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'today.journey': today, 'tomorrow.journey': tomorrow });
        const fixes = await fixesFor(services, documents, 'tomorrow.journey', 'linking-error');
        expect(fixes.map(f => [f.title, f.isPreferred])).toEqual([["Change to 'Form'", true]]);
        const { texts, diagnostics } = await apply(services, documents, fixes[0]);
        expect(texts['tomorrow.journey']).toBe(tomorrow.replace('Frm', 'Form'));
        expect(diagnostics['tomorrow.journey']).toEqual([]);

        const misnamed = await fresh(services, { 'organisation.journey': ORGANISATION, 'today.journey': today, 'tomorrow.journey': tomorrow.replace('redesigns Renew', 'redesigns Renw') });
        expect((await fixesFor(services, misnamed, 'tomorrow.journey', 'linking-error')).map(f => f.title)).toEqual(["Change to 'Renew'"]);
    });

    test('duplicate-name: rename the second one', async ({ services }) => {
        const trip = 'journey Trip for Maria { stage S { touchpoint A { owner Web emotion 3 } touchpoint A { owner Desk emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const [fix] = await fixesFor(services, documents, 'trip.journey', 'duplicate-name');
        expect(fix.title).toBe("Rename this touchpoint to 'A2'");
        const { texts, diagnostics } = await apply(services, documents, fix);
        expect(texts['trip.journey']).toBe(trip.replace('touchpoint A { owner Desk', 'touchpoint A2 { owner Desk'));
        expect(diagnostics['trip.journey']).toEqual([]);
    });

    test('unused-declaration: remove it, leaving no blank line behind', async ({ services }) => {
        const used = 'owner Web "Digital team"\nowner Desk "Front desk"\nchannel Site "Website"\npersona Maria "Parent"\n';
        const organisation = `${used}owner Legal "Legal team"\nchannel Fax "Fax"\n`;
        const trip = 'journey Trip for Maria { stage S { touchpoint A { owner Web channel Site emotion 3 } touchpoint B { owner Desk emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': organisation, 'trip.journey': trip });
        const [fix] = await fixesFor(services, documents, 'organisation.journey', 'unused-declaration');
        expect([fix.title, fix.isPreferred]).toEqual(["Remove unused owner 'Legal'", true]);
        const { texts, diagnostics } = await apply(services, documents, fix);
        expect(texts['organisation.journey']).toBe(`${used}channel Fax "Fax"\n`);
        expect(diagnostics['organisation.journey']).toEqual(['unused-declaration hint 5:9-5:12']);
    });

    test('redundant-with: remove the party from the list, its comma with it, or the whole with when it is the only one', async ({ services }) => {
        const fixed = async (trip: string) => {
            const documents = await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
            const [fix] = await fixesFor(services, documents, 'trip.journey', 'redundant-with');
            const { texts, diagnostics } = await apply(services, documents, fix);
            expect(diagnostics['trip.journey']).toEqual([]);
            return [fix.title, fix.isPreferred, texts['trip.journey']];
        };
        const trip = (body: string) => `journey Trip for Maria {\n  stage S {\n    touchpoint A {\n      owner Web\n${body}      emotion 3\n    }\n  }\n}\n`;
        expect(await fixed(trip('      with Desk, Web, Courier\n'))).toEqual(["Remove 'Web' from `with`", true, trip('      with Desk, Courier\n')]);
        expect(await fixed(trip('      with Web, Desk\n'))).toEqual(["Remove 'Web' from `with`", true, trip('      with Desk\n')]);
        expect(await fixed(trip('      with Desk, Desk\n'))).toEqual(["Remove 'Desk' from `with`", true, trip('      with Desk\n')]);
        expect(await fixed(trip('      with Web\n'))).toEqual(["Remove 'Web' from `with`", true, trip('')]);
    });

    test('linking error on a party: declare it as an owner or a stakeholder where the others live, the likelier first', async ({ services }) => {
        const organisation = `${ORGANISATION}stakeholder Family "Relatives"\n`;
        const trip = 'owner Records { link Newspaper "Talks to" }\njourney Trip for Maria { stage S { touchpoint A { owner Records with Union emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': organisation, 'trip.journey': trip });
        const all = await services.Journey.lsp.CodeActionProvider!.getCodeActions(documents['trip.journey'], {
            textDocument: { uri: documents['trip.journey'].uri.toString() }, range: documents['trip.journey'].diagnostics![0].range,
            context: { diagnostics: documents['trip.journey'].diagnostics!.filter(d => d.code === 'linking-error') }
        }) as CodeAction[];
        expect(all.map(fix => fix.title)).toEqual([
            "Declare stakeholder 'Newspaper' in organisation.journey",
            "Declare owner 'Newspaper' in organisation.journey",
            "Declare owner 'Union' in organisation.journey",
            "Declare stakeholder 'Union' in organisation.journey"
        ]);
        const declared = await apply(services, documents, all[3]);
        expect(declared.texts['organisation.journey']).toBe(`${organisation.trimEnd()}\nstakeholder Union "Union"\n`);
        expect(declared.diagnostics['trip.journey'].filter(d => d.startsWith('linking-error'))).toHaveLength(1);
        // A workspace with no stakeholder yet: the new one goes after the owners.
        const bare = await fresh(services, { 'organisation.journey': ORGANISATION, 'trip.journey': trip });
        const owners = (await fixesFor(services, bare, 'trip.journey', 'linking-error'))[0];
        expect(owners.title).toBe("Declare stakeholder 'Newspaper' in organisation.journey");
        expect((await apply(services, bare, owners)).texts['organisation.journey']).toBe(ORGANISATION.replace('"Front desk"', '"Front desk"\nstakeholder Newspaper "Newspaper"'));
    });

    test('unused-declaration of a stakeholder: remove it, its body with it', async ({ services }) => {
        const organisation = `${ORGANISATION}stakeholder Press "Local newspaper" {\n  circle wider\n  gives "Coverage"\n}\n`;
        const trip = 'journey Trip for Maria { stage S { touchpoint A { owner Web emotion 3 } } }\n';
        const documents = await openWorkspace(services, { 'organisation.journey': organisation, 'trip.journey': trip });
        // The stakeholder's diagnostic, on line 7 (the organisation's unused owners and channels have theirs too).
        const diagnostic = documents['organisation.journey'].diagnostics!.find(d => d.range.start.line === 6)!;
        const [press] = await services.Journey.lsp.CodeActionProvider!.getCodeActions(documents['organisation.journey'], {
            textDocument: { uri: documents['organisation.journey'].uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(press.title).toBe("Remove unused stakeholder 'Press'");
        expect((await apply(services, documents, press)).texts['organisation.journey']).toBe(ORGANISATION);
    });
});
