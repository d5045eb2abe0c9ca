import { describe, expect } from 'vitest';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectHover, expectSymbols } from 'langium/test';
import type { LangiumDocument } from 'langium';
import type { DocumentSymbol } from 'vscode-languageserver';
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
