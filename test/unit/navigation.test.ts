import { describe, expect } from 'vitest';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectHover, expectSymbols } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { applyWorkspaceEdit } from '../helpers/apply-edits.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, rangeText, test, uriOf, type TestServices } from '../helpers/services-fixture.js';

const TRIP = `journey Renew "Renew a passport" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" {
      moment of truth
      channel  Website
      owner    Web
      emotion  2 "confused"
      contacts 1
      duration 40 min
      pain "Photo rejected"
      idea "Check photos in the browser"
    }
    touchpoint Post { owner Web emotion 4 }
  }
  stage Receive { touchpoint Delivery { owner Courier channel Website emotion 5 } }
}
`;

const PERSONAS = 'persona Tomasz "Commuter"\npersona Ana "Student"\n';

async function workspace(services: TestServices): Promise<Record<string, LangiumDocument>> {
    return openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
}

function position(text: string, marker: string, offset = 0) {
    const index = text.indexOf(marker) + offset;
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}

async function hoverAt(services: TestServices, document: LangiumDocument, text: string, marker: string, offset = 0): Promise<string | undefined> {
    const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: position(text, marker, offset)
    });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
}

describe('hover', () => {
    test('on a touchpoint: a card with its stage, owner, channel, grade, measures, pains and ideas', async ({ services }) => {
        const { 'trip.journey': trip } = await workspace(services);
        expect(await hoverAt(services, trip, TRIP, 'Form')).toBe([
            '**Fills in the form** · ★ moment of truth',
            '',
            '- Stage: Applying',
            '- Owner: Digital services team',
            '- Channel: Online service',
            '- Emotion: 2 (negative), "confused"',
            '- Measures: 1 contact, 40 min',
            '',
            'Pain points:',
            '- Photo rejected',
            '',
            'Ideas:',
            '- Check photos in the browser'
        ].join('\n'));
        expect(await hoverAt(services, trip, TRIP, 'Post')).toContain('- Channel: none');
    });

    test('on an owner reference: its title and how many touchpoints use it across the workspace', async ({ services }) => {
        const { 'trip.journey': trip, 'organisation.journey': organisation } = await workspace(services);
        expect(await hoverAt(services, trip, TRIP, 'Web\n')).toBe('**owner Web** · Digital services team\n\nUsed by 2 touchpoints in the workspace.');
        expect(await hoverAt(services, trip, TRIP, 'Courier')).toBe('**owner Courier** · Parcel courier\n\nExternal: a partner outside the organisation.\n\nUsed by 1 touchpoint in the workspace.');
        expect(await hoverAt(services, organisation, ORGANISATION, 'Website')).toBe('**channel Website** · Online service\n\nUsed by 2 touchpoints in the workspace.');
        expect(await hoverAt(services, trip, TRIP, 'Maria')).toBe('**persona Maria** · Busy parent\n\nUsed by 1 journey in the workspace.');
    });

    test('on an emotion grade: what the grade means', async ({ services }) => {
        await expectHover(services.Journey)({
            text: 'journey J { stage S { touchpoint T { emotion <|>2 } } }',
            index: 0,
            hover: '**Emotion 2: negative**: the customer is frustrated, confused or anxious.\n\nThe scale runs from 1 (very negative) to 5 (very positive).'
        });
    });

    test('on a grade in a journey of several personas: whose grade it is, with the feeling', async ({ services }) => {
        const text = `${PERSONAS}journey Renew for Maria, Tomasz, Ana {
  stage S { touchpoint Form { owner Web emotion 3 emotion Tomasz 2 "confused" } touchpoint Post { owner Web emotion Maria 4 emotion Tomasz 4 emotion Ana 4 emotion 1 } }
}`;
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const advice = (grade: string) => `${grade}\n\nThe customer is frustrated, confused or anxious. The scale runs from 1 (very negative) to 5 (very positive).`;
        expect(await hoverAt(services, trip, text, 'Tomasz 2', 7)).toBe(advice('**Tomasz: 2 of 5, negative** — confused'));
        expect(await hoverAt(services, trip, text, 'emotion 3', 8)).toBe(
            '**Maria and Ana: 3 of 5, neutral**\n\nNeither good nor bad: the customer gets through it. The scale runs from 1 (very negative) to 5 (very positive).');
        expect(await hoverAt(services, trip, text, 'emotion 1', 8)).toContain('**1 of 5, very negative**, for no persona: each has a line of their own');
        expect(await hoverAt(services, trip, text, 'Form')).toContain('- Emotion: Maria 3 (neutral); Tomasz 2 (negative), "confused"; Ana 3 (neutral)');
    });

    test('on a grade in a journey of one persona: hers, the shared line included', async ({ services }) => {
        const { 'trip.journey': trip } = await workspace(services);
        expect(await hoverAt(services, trip, TRIP, 'emotion  2', 9)).toBe('**Maria: 2 of 5, negative** — confused\n\n'
            + 'The customer is frustrated, confused or anxious. The scale runs from 1 (very negative) to 5 (very positive).');
    });

    test('on a grade in a redesign: the grade of the same step today, for each persona, or of the steps it replaces', async ({ services }) => {
        const today = `${PERSONAS}journey Renew for Maria, Tomasz {
  stage S { touchpoint Form { owner Web emotion 1 emotion Tomasz 3 } touchpoint Upload { owner Web emotion 2 } touchpoint Letter { owner Web emotion Maria 4 } }
}`;
        const tomorrow = `journey RenewTomorrow for Maria, Tomasz redesigns Renew {
  stage S {
    touchpoint Form { owner Web emotion 4 }
    touchpoint Online { owner Web emotion Maria 5 emotion Tomasz 4 replaces Upload, Letter }
    touchpoint Chat { owner Web emotion 3 }
  }
}`;
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'today.journey': today, 'tomorrow.journey': tomorrow });
        const hover = (marker: string, offset: number) => hoverAt(services, documents['tomorrow.journey'], tomorrow, marker, offset);
        expect((await hover('emotion 4', 8))?.split('\n\n').at(-1)).toBe("Today in 'Renew': Maria 1 of 5, very negative; Tomasz 3 of 5, neutral.");
        expect((await hover('Maria 5', 6))?.split('\n\n').at(-1)).toBe("Today in 'Renew': Upload 2 of 5, negative; Letter 4 of 5, positive.");
        expect((await hover('Tomasz 4', 7))?.split('\n\n').at(-1)).toBe("Today in 'Renew': Upload 2 of 5, negative; Letter not graded.");
        expect((await hover('emotion 3', 8))?.split('\n\n').at(-1)).toBe("Today in 'Renew': a new step.");
    });

    test('on a journey, its name or a redesigns: its title, personas, size and redesigns; on a step replaced: that step\'s card', async ({ services }) => {
        const text = `${TRIP}journey RenewTomorrow "Renew, redesigned" for Maria redesigns Renew {
  stage Apply { touchpoint Online { owner Web emotion 4 replaces Form } }
}`;
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const renew = "**journey Renew** · Renew a passport\n\nFor Maria: 3 touchpoints in 2 stages. Redesigned by 1 journey in the workspace.";
        expect(await hoverAt(services, trip, text, 'Renew "')).toBe(renew);
        expect(await hoverAt(services, trip, text, 'redesigns Renew', 11)).toBe(renew);
        expect(await hoverAt(services, trip, text, 'RenewTomorrow')).toBe('**journey RenewTomorrow** · Renew, redesigned\n\nFor Maria: 1 touchpoint in 1 stage. Redesigns \'Renew\'.');
        const step = await hoverAt(services, trip, text, 'replaces Form', 10);
        expect(step?.split('\n').slice(0, 3)).toEqual(['**Fills in the form** · ★ moment of truth', '', '- Stage: Applying']);
        expect(step?.split('\n\n').at(-1)).toBe("A step of journey 'Renew'.");
    });

    test('on a persona: the journeys that name it, each once, its emotion lines included', async ({ services }) => {
        const text = 'journey A for Maria { stage S { touchpoint T { owner Web emotion Maria 2 } } }\njourney B for Maria { }';
        const { 'organisation.journey': organisation } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(await hoverAt(services, organisation, ORGANISATION, 'Maria')).toBe('**persona Maria** · Busy parent\n\nUsed by 2 journeys in the workspace.');
    });

    test('user text in a card is escaped Markdown', async ({ services }) => {
        const text = 'journey J { stage S { touchpoint T "*bold* [link](http://x)" { pain "<b>" } } }';
        const { 'j.journey': document } = await openWorkspace(services, { 'j.journey': text });
        const card = await hoverAt(services, document, text, 'T "');
        expect(card).toContain('**\\*bold\\* \\[link\\](http://x)**');
        expect(card).toContain('- \\<b\\>');
    });
});

describe('definition, references and highlights, across files', () => {
    test('go to definition of an owner in the same file', async ({ services }) => {
        await expectGoToDefinition(services.Journey)({
            text: 'owner <|Web|> "Team"\njourney J { stage S { touchpoint T { owner W<|>eb } } }', index: 0, rangeIndex: 0
        });
    });

    test('go to definition jumps to the file that declares the owner', async ({ services }) => {
        const { 'trip.journey': trip } = await workspace(services);
        const links = await services.Journey.lsp.DefinitionProvider!.getDefinition(trip, {
            textDocument: { uri: trip.uri.toString() }, position: position(TRIP, 'Courier')
        });
        expect(links?.map(link => [link.targetUri, rangeText(link.targetSelectionRange)])).toEqual([[uriOf('organisation.journey').toString(), '2:7-2:14']]);
    });

    test('find all references of a channel across the workspace, with its declaration', async ({ services }) => {
        const { 'organisation.journey': organisation } = await workspace(services);
        const references = await services.Journey.lsp.ReferencesProvider!.findReferences(organisation, {
            textDocument: { uri: organisation.uri.toString() }, position: position(ORGANISATION, 'Website'), context: { includeDeclaration: true }
        });
        expect(references.map(r => `${r.uri.split('/').pop()} ${rangeText(r.range)}`).sort()).toEqual([
            'organisation.journey 4:9-4:16', 'trip.journey 15:63-15:70', 'trip.journey 5:16-5:23'
        ]);
    });

    test('a redesign across files: definition of its redesigns and of the steps it replaces, references of the journey and of a step', async ({ services }) => {
        const tomorrow = 'journey RenewTomorrow for Maria redesigns Renew {\n  stage Apply { touchpoint Online { owner Web emotion 4 replaces Form, Post } }\n}\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'tomorrow.journey': tomorrow });
        const definition = async (marker: string, offset: number) => (await services.Journey.lsp.DefinitionProvider!.getDefinition(documents['tomorrow.journey'], {
            textDocument: { uri: documents['tomorrow.journey'].uri.toString() }, position: position(tomorrow, marker, offset)
        }))?.map(link => `${link.targetUri.split('/').pop()} ${rangeText(link.targetSelectionRange)}`);
        expect(await definition('Renew {', 0)).toEqual(['trip.journey 1:9-1:14']);
        expect(await definition('Form', 1)).toEqual(['trip.journey 3:16-3:20']);
        expect(await definition('Post', 0)).toEqual(['trip.journey 13:16-13:20']);
        const references = async (marker: string) => (await services.Journey.lsp.ReferencesProvider!.findReferences(documents['trip.journey'], {
            textDocument: { uri: documents['trip.journey'].uri.toString() }, position: position(TRIP, marker), context: { includeDeclaration: true }
        })).map(r => `${r.uri.split('/').pop()} ${rangeText(r.range)}`).sort();
        expect(await references('Renew')).toEqual(['tomorrow.journey 1:43-1:48', 'trip.journey 1:9-1:14']);
        expect(await references('Form')).toEqual(['tomorrow.journey 2:66-2:70', 'trip.journey 3:16-3:20']);
    });

    test('find references without the declaration, in one file (langium/test)', async ({ services }) => {
        await expectFindReferences(services.Journey)({
            text: 'owner <|Web|> "Team"\njourney J { stage S { touchpoint T { owner <|W<|>eb|> } touchpoint U { owner <|Web|> } } }',
            includeDeclaration: true
        });
    });

    test('document highlights: the declaration and its uses in the file', async ({ services }) => {
        await expectHighlight(services.Journey)({
            text: 'persona <|M<|>aria|>\njourney J for <|Maria|> { }\njourney K for <|Maria|> { }',
            index: 0, rangeIndex: [0, 1, 2]
        });
    });
});

describe('outline, breadcrumbs, workspace symbols and folding', () => {
    test('journeys > stages > touchpoints, with titles and grades in the detail', async ({ services }) => {
        const describeSymbol = (symbol: DocumentSymbol, depth = 0): string[] => [
            `${'  '.repeat(depth)}${symbol.name}${symbol.detail ? ` (${symbol.detail})` : ''}`,
            ...(symbol.children ?? []).flatMap(child => describeSymbol(child, depth + 1))
        ];
        await expectSymbols(services.Journey)({
            text: `${ORGANISATION}${TRIP}`,
            assert: symbols => expect(symbols.flatMap(symbol => describeSymbol(symbol))).toEqual([
                'Web (Digital services team)',
                'Courier (Parcel courier)',
                'Desk (Front desk)',
                'Website (Online service)',
                'Letter (Post)',
                'Maria (Busy parent)',
                'Renew (Renew a passport)',
                '  Apply (Applying)',
                '    Form (2 negative · confused · Fills in the form)',
                '    Post (4 positive)',
                '  Receive',
                '    Delivery (5 very positive)'
            ])
        });
    });

    test('a redesign names the journey it redesigns; a touchpoint of several personas gives each one\'s grade', async ({ services }) => {
        const names = (symbol: DocumentSymbol): string[] => [`${symbol.name} (${symbol.detail ?? ''})`, ...(symbol.children ?? []).flatMap(names)];
        await expectSymbols(services.Journey)({
            text: `persona Tomasz
persona Ana
journey Renew "Renew a passport" for Tomasz, Ana { stage S { touchpoint Form { emotion 2 emotion Ana 4 } touchpoint Post { emotion Tomasz 5 } } }
journey Later redesigns Renew { }
journey Soon "Renew, redesigned" redesigns Renew { }`,
            assert: symbols => expect(symbols.flatMap(names)).toEqual([
                'Tomasz ()',
                'Ana ()',
                'Renew (Renew a passport)',
                'S ()',
                'Form (Tomasz 2, Ana 4)',
                'Post (Tomasz 5, Ana not graded)',
                'Later (redesigns Renew)',
                'Soon (Renew, redesigned · redesigns Renew)'
            ])
        });
    });

    test('Ctrl+T finds touchpoints and owners of every file', async ({ services }) => {
        await workspace(services);
        const found = async (query: string) => (await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }))
            .map(symbol => [symbol.name, symbol.containerName, 'range' in symbol.location ? rangeText(symbol.location.range) : ''].filter(Boolean).join(' ')).sort();
        expect(await found('deliv')).toEqual(['Delivery Renew › Receive 15:30-15:38']);
        expect(await found('cour')).toEqual(['Courier 2:7-2:14']);
        expect(await found('apply')).toEqual(['Apply Renew 2:9-2:14']);
    });

    test('blocks and block comments fold', async ({ services }) => {
        await expectFoldings(services.Journey)({
            // A folded region keeps its last line (the closing brace or comment end) visible.
            text: '<|/* A long\n   comment|>\n   on three lines */\njourney J {<|\n  stage S {<|\n    touchpoint T {<|\n      emotion 3|>\n    }|>\n  }|>\n}'
        });
    });
});

describe('the organisation behind the touchpoints', () => {
    const PARTIES = `stakeholder Family "Relatives" {
  circle partner
  gives "Lifts to the office"
  gets  "News of the *application*"
  link  Desk "Calls"
}
owner Records "Records team" { link Family "Writes to" }
`;
    const VISIT = `journey Visit for Maria {
  stage S {
    touchpoint Call { owner Desk with Family, Records emotion 3 backstage Records "Finds the file" }
    touchpoint Letter { owner Web with Family emotion 4 support Records "Mail merge" }
  }
}
`;
    const open = (services: TestServices) => openWorkspace(services, { 'organisation.journey': ORGANISATION, 'parties.journey': PARTIES, 'visit.journey': VISIT });

    test('hover on a stakeholder, its declaration or a with or link naming it: its card and the touchpoints it takes part in', async ({ services }) => {
        const documents = await open(services);
        const card = [
            '**stakeholder Family** · Relatives',
            '',
            '- Circle: partner (delivers with the organisation: suppliers, couriers, agencies)',
            '- Gives: Lifts to the office',
            '- Gets: News of the \\*application\\*',
            '- Link to Desk: Calls',
            '',
            'Takes part in 2 touchpoints in the workspace.'
        ].join('\n');
        expect(await hoverAt(services, documents['parties.journey'], PARTIES, 'Family')).toBe(card);
        expect(await hoverAt(services, documents['visit.journey'], VISIT, 'Family')).toBe(card);
        expect(await hoverAt(services, documents['parties.journey'], PARTIES, 'link Family', 5)).toBe(card);
        expect(await hoverAt(services, documents['visit.journey'], VISIT, 'Records')).toBe('**owner Records** · Records team\n\nUsed by 3 touchpoints in the workspace.');
    });

    test('definition and references of a party through with, link and note owners, across files', async ({ services }) => {
        const documents = await open(services);
        const definition = async (marker: string, offset = 0) => (await services.Journey.lsp.DefinitionProvider!.getDefinition(documents['visit.journey'], {
            textDocument: { uri: documents['visit.journey'].uri.toString() }, position: position(VISIT, marker, offset)
        }))?.map(link => `${link.targetUri.split('/').pop()} ${rangeText(link.targetSelectionRange)}`);
        expect(await definition('Family')).toEqual(['parties.journey 1:13-1:19']);
        expect(await definition('backstage Records', 10)).toEqual(['parties.journey 7:7-7:14']);
        const references = (await services.Journey.lsp.ReferencesProvider!.findReferences(documents['parties.journey'], {
            textDocument: { uri: documents['parties.journey'].uri.toString() }, position: position(PARTIES, 'Family'), context: { includeDeclaration: true }
        })).map(r => `${r.uri.split('/').pop()} ${rangeText(r.range)}`).sort();
        expect(references).toEqual(['parties.journey 1:13-1:19', 'parties.journey 7:37-7:43', 'visit.journey 3:39-3:45', 'visit.journey 4:40-4:46']);
    });

    test('rename of a stakeholder, or of an owner from a note, follows in with, link and notes; a name another party has is refused', async ({ services }) => {
        const documents = await open(services);
        const rename = (file: string, text: string, marker: string, newName: string, offset = 0) => services.Journey.lsp.RenameProvider!.rename(documents[file], {
            textDocument: { uri: documents[file].uri.toString() }, position: position(text, marker, offset), newName
        });
        const family = applyWorkspaceEdit(documents, await rename('visit.journey', VISIT, 'Family', 'Relatives'));
        expect(family['parties.journey']).toBe(PARTIES.replace('stakeholder Family', 'stakeholder Relatives').replace('link Family', 'link Relatives'));
        expect(family['visit.journey']).toBe(VISIT.replaceAll('with Family', 'with Relatives'));
        const records = applyWorkspaceEdit(documents, await rename('visit.journey', VISIT, 'support Records', 'Archive', 8));
        expect(records['visit.journey']).toBe(VISIT.replaceAll('Records', 'Archive'));
        expect(records['parties.journey']).toBe(PARTIES.replace('owner Records', 'owner Archive'));
        await expect(rename('parties.journey', PARTIES, 'Family', 'Desk')).rejects.toThrow("A stakeholder named 'Desk' already exists (organisation.journey, line 3): choose another name.");
    });

    test('the outline: stakeholders beside the owners, with their titles', async ({ services }) => {
        await expectSymbols(services.Journey)({
            text: PARTIES,
            assert: symbols => expect(symbols.map(symbol => `${symbol.name} (${symbol.detail}) ${symbol.kind}`)).toEqual([
                `Family (Relatives) ${SymbolKind.TypeParameter}`, `Records (Records team) ${SymbolKind.Class}`
            ])
        });
    });
});
