import { describe, expect } from 'vitest';
import { isReference } from 'langium';
import { highlightHelper } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { ORGANISATION } from '../helpers/organisation.js';
import type { JourneyFile } from '../../src/language/generated/ast.js';
import { marked, openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

const TRIP = `journey Trip "A trip" for Maria {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 5 duration 40 min }
    touchpoint Call "Calls the helpline" { owner Desk emotion 1 duration 20 min }
    touchpoint Visit "Visits the office" { owner Desk emotion 2 duration 1 h }
  }
  stage Receive {
    touchpoint Delivery "Gets the passport" { owner Courier emotion 5 duration 3 d }
  }
}
`;

describe('code lenses above journeys and stages', () => {
    test('touchpoints, average, lowest point, owners, total duration, and the journey\'s owner hand-offs', async ({ services }) => {
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const lenses = await services.Journey.lsp.CodeLensProvider!.provideCodeLens(trip, { textDocument: { uri: trip.uri.toString() } });
        expect(lenses?.map(lens => [lens.range.start.line + 1, lens.command?.title])).toEqual([
            [1, '4 touchpoints · average 3.3 (neutral) · lowest 1: Calls the helpline · 3 owners · 3 d 2 h · 2 owner hand-offs'],
            [2, '3 touchpoints · average 2.7 (neutral) · lowest 1: Calls the helpline · 2 owners · 2 h'],
            [7, '1 touchpoint · average 5.0 (very positive) · lowest 5: Gets the passport · 1 owner · 3 d']
        ]);
    });

    test('several personas: the counts, then each persona\'s grades, above the journey and each stage', async ({ services }) => {
        const text = `persona Tomasz "Commuter"
journey Trip "A trip" for Maria, Tomasz {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" { owner Web emotion 4 emotion Tomasz 1 duration 40 min }
    touchpoint Call "Calls the helpline" { owner Desk emotion 2 }
  }
  stage Receive { touchpoint Delivery "Gets the passport" { owner Courier emotion Maria 5 } }
}
`;
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const lenses = await services.Journey.lsp.CodeLensProvider!.provideCodeLens(trip, { textDocument: { uri: trip.uri.toString() } });
        expect(lenses?.map(lens => [lens.range.start.line + 1, lens.command?.title])).toEqual([
            [2, '3 touchpoints · 3 owners · 40 min · 2 owner hand-offs'],
            [2, 'Maria: average 3.7 (positive) · lowest 2: Calls the helpline'],
            [2, 'Tomasz: average 1.5 (negative) · lowest 1: Fills in the form'],
            [3, '2 touchpoints · 2 owners · 40 min'],
            [3, 'Maria: average 3.0 (neutral) · lowest 2: Calls the helpline'],
            [3, 'Tomasz: average 1.5 (negative) · lowest 1: Fills in the form'],
            [7, '1 touchpoint · 1 owner'],
            [7, 'Maria: average 5.0 (very positive) · lowest 5: Gets the passport'],
            [7, 'Tomasz: not graded']
        ]);
        expect(lenses![2].command!.arguments).toEqual(["Journey 'A trip' for Tomasz: Average grade 1.5 (negative). Lowest point: 1 (very negative) at 'Fills in the form'."]);
    });

    test('a redesign: its figures today -> tomorrow, in one line above the journey', async ({ services }) => {
        const tomorrow = `journey TripTomorrow "A trip, redesigned" for Maria redesigns Trip {
  stage Apply { touchpoint Form "Fills in the form online" { owner Web emotion 4 duration 10 min contacts 1 replaces Call, Visit } }
  stage Receive { touchpoint Delivery "Gets the passport" { owner Courier emotion 5 duration 1 d } }
}
`;
        const { 'tomorrow.journey': document } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'tomorrow.journey': tomorrow });
        const lenses = await services.Journey.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const today = lenses!.filter(lens => lens.command?.title.startsWith('today'));
        expect(today.map(lens => [lens.range.start.line + 1, lens.command?.title])).toEqual([
            [1, 'today -> tomorrow: average 3.3 -> 4.5, contacts 0 -> 1, time 3 d 2 h -> 1 d']
        ]);
        expect(today[0].command!.arguments).toEqual(["Journey 'A trip, redesigned' against the journey of today, 'A trip': average 3.3 -> 4.5, contacts 0 -> 1, time 3 d 2 h -> 1 d."]);
    });

    test('turned off by journey.insights.codeLens', async ({ services }) => {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { insights: { codeLens: false } } } });
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        expect(await services.Journey.lsp.CodeLensProvider!.provideCodeLens(trip, { textDocument: { uri: trip.uri.toString() } })).toEqual([]);
    });
});

describe('insight diagnostics', () => {
    test('low-moment-of-truth: a moment of truth graded 1 or 2 with no idea', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria { stage S {
  touchpoint «Low» { moment of truth owner Web emotion 2 }
  touchpoint Planned { moment of truth owner Web emotion 1 idea "Call back" }
  touchpoint Fine { moment of truth owner Web emotion 3 }
  touchpoint Ordinary { owner Web emotion 1 }
} }`);
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(trip).filter(d => d.startsWith('low-moment'))).toEqual([`low-moment-of-truth info ${ranges[0]}`]);
        expect(trip.diagnostics!.find(d => d.code === 'low-moment-of-truth')!.message)
            .toBe("Touchpoint 'Low' is a moment of truth graded 2 (negative) with no `idea`: add one to say how to improve it.");
    });

    test('steep-drop: a fall of 3 or more to the next touchpoint with no pain saying why, across stages', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage One { touchpoint A { owner Web emotion 5 } touchpoint B { owner Web emotion «2» } }
  stage Two { touchpoint C { owner Web emotion 5 } }
  stage Three { touchpoint D { owner Web emotion «1» } touchpoint E { owner Web emotion 4 } touchpoint F { owner Web emotion 1 pain "Lost" } }
  stage Four { touchpoint G { owner Web emotion 5 } touchpoint H { owner Web } touchpoint I { owner Web emotion 1 } }
}`);
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(trip).filter(d => d.startsWith('steep-drop'))).toEqual(ranges.map(range => `steep-drop info ${range}`));
    });

    test('per persona: a moment of truth low for one of them, a drop in one persona\'s grades, each naming whose', async ({ services }) => {
        const { text, ranges } = marked(`persona Tomasz "Commuter"
journey Trip for Maria, Tomasz { stage S {
  touchpoint «Low» { moment of truth owner Web emotion 4 emotion Tomasz 2 }
  touchpoint Fine { moment of truth owner Web emotion 3 }
  touchpoint A { owner Web emotion 5 }
  touchpoint B { owner Web emotion Maria 4 emotion Tomasz «1» }
  touchpoint C { owner Web emotion 5 }
  touchpoint D { owner Web emotion «1» }
  touchpoint E { owner Web emotion Maria 5 emotion Tomasz 4 }
  touchpoint F { owner Web emotion Maria 2 emotion Tomasz 3 pain "Lost" }
} }`);
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(trip).filter(d => /^(low-moment|steep-drop)/.test(d))).toEqual([
            `low-moment-of-truth info ${ranges[0]}`, `steep-drop info ${ranges[1]}`, `steep-drop info ${ranges[2]}`
        ]);
        expect(trip.diagnostics!.filter(d => /^(low-moment|steep-drop)/.test(String(d.code))).map(d => d.message)).toEqual([
            // The journey's checks (the drops) come before its touchpoints'.
            "The grade falls from 5 to 1 for Tomasz at touchpoint 'B': add a `pain` saying what goes wrong.",
            "The grade falls from 5 to 1 for Maria and from 5 to 1 for Tomasz at touchpoint 'D': add a `pain` saying what goes wrong.",
            "Touchpoint 'Low' is a moment of truth graded 2 (negative) for Tomasz with no `idea`: add one to say how to improve it."
        ]);
    });

    test('turned off by journey.insights.diagnostics', async ({ services }) => {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { insights: { diagnostics: false } } } });
        const text = 'journey Trip for Maria { stage S { touchpoint A { moment of truth owner Web emotion 5 } touchpoint B { moment of truth owner Web emotion 1 } } }';
        const { 'trip.journey': trip } = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(trip)).toEqual([]);
    });

    test('the bundled examples have no insight to report', async ({ services }) => {
        const { exampleFiles } = await import('../helpers/example-models.js');
        const documents = await openWorkspace(services, await exampleFiles());
        expect(Object.values(documents).flatMap(summarise)).toEqual([]);
    });
});

/** The token at each `<|...|>` of a text, as `text type`. */
async function highlighted(services: TestServices, text: string): Promise<string[]> {
    const { tokens, ranges } = await highlightHelper(services.Journey)(text);
    return ranges.map(([start, end]) => {
        const token = tokens.find(t => t.offset === start && t.offset + t.text.length === end);
        return `${token?.text} ${token?.tokenType}`;
    });
}

describe('semantic highlighting', () => {
    test('declarations, references, grades by sentiment and the moment of truth marker', async ({ services }) => {
        const { tokens, ranges } = await highlightHelper(services.Journey)(`owner <|Web|> "Team"
journey J for <|Maria|> { stage S { touchpoint T {
  <|moment|> of truth
  owner <|Web|>
  emotion <|1|>
} touchpoint U { emotion <|3|> } touchpoint V { emotion <|5|> duration 2 <|min|> } } }`);
        const modifiers = services.Journey.lsp.SemanticTokenProvider!.tokenModifiers;
        const shown = ranges.map(([start, end]) => {
            const token = tokens.find(t => t.offset === start && t.offset + t.text.length === end);
            const names = Object.entries(modifiers).filter(([, bit]) => (token!.tokenModifiers & bit) !== 0).map(([name]) => name);
            return [token?.text, token?.tokenType, ...names].join(' ');
        });
        expect(shown).toEqual([
            `Web ${SemanticTokenTypes.class} ${SemanticTokenModifiers.declaration}`,
            `Maria ${SemanticTokenTypes.struct}`,
            `moment ${SemanticTokenTypes.decorator}`,
            `Web ${SemanticTokenTypes.class}`,
            `1 ${SemanticTokenTypes.number} negative`,
            `3 ${SemanticTokenTypes.number} neutral`,
            `5 ${SemanticTokenTypes.number} positive`,
            `min ${SemanticTokenTypes.enumMember}`
        ]);
    });

    test('a persona graded, a journey redesigned and the steps replaced, as references of their kinds', async ({ services }) => {
        expect(await highlighted(services, `persona Tomasz
journey Today for Maria { stage S { touchpoint Form { } touchpoint Post { } } }
journey Tomorrow for <|Maria|>, <|Tomasz|> redesigns <|Today|> { stage S { touchpoint T {
  emotion <|Tomasz|> <|2|>
  replaces <|Form|>, <|Post|>
} } }`)).toEqual([
            `Maria ${SemanticTokenTypes.struct}`,
            `Tomasz ${SemanticTokenTypes.struct}`,
            `Today ${SemanticTokenTypes.namespace}`,
            `Tomasz ${SemanticTokenTypes.struct}`,
            `2 ${SemanticTokenTypes.number}`,
            `Form ${SemanticTokenTypes.event}`,
            `Post ${SemanticTokenTypes.event}`
        ]);
    });

    test('stakeholders and the parties of with, link and owned notes, as owners or stakeholders; circles as values', async ({ services }) => {
        expect(await highlighted(services, `owner <|Desk|> { link <|Family|> "Calls" }
stakeholder <|Family|> "Relatives" { circle <|wider|> link <|Desk|> "Asks" }
journey J { stage S { touchpoint T {
  owner Desk
  with <|Family|>, <|Desk|>
  backstage <|Desk|> "Checks"
  support <|Desk|> "A system"
} } }`)).toEqual([
            `Desk ${SemanticTokenTypes.class}`,
            `Family ${SemanticTokenTypes.type}`,
            `Family ${SemanticTokenTypes.type}`,
            `wider ${SemanticTokenTypes.enumMember}`,
            `Desk ${SemanticTokenTypes.class}`,
            `Family ${SemanticTokenTypes.type}`,
            `Desk ${SemanticTokenTypes.class}`,
            `Desk ${SemanticTokenTypes.class}`,
            `Desk ${SemanticTokenTypes.class}`
        ]);
    });

    test('every touchpoint, stage and owner reference of the bundled examples is highlighted', async ({ services }) => {
        const { exampleFiles } = await import('../helpers/example-models.js');
        const files = await exampleFiles();
        const documents = await openWorkspace(services, files);
        for (const [name, document] of Object.entries(documents)) {
            const result = await services.Journey.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
            const types = Object.keys(services.Journey.lsp.SemanticTokenProvider!.tokenTypes);
            const count = (type: string) => result.data.filter((value, i) => i % 5 === 3 && types[value] === type).length;
            const text = files[name];
            const replaced = [...text.matchAll(/^\s*replaces +(.*)$/gm)].flatMap(line => line[1].split(','));
            const declared = (type: string) => (document.parseResult.value as JourneyFile).declarations.filter(declaration => declaration.$type === type).length;
            const referencing = (type: string) => document.references.filter(isReference).filter(reference => reference.ref?.$type === type).length;
            expect(count(SemanticTokenTypes.event), name).toBe((text.match(/^\s*touchpoint /gm)?.length ?? 0) + replaced.length);
            expect(count(SemanticTokenTypes.class), name).toBe(declared('Owner') + referencing('Owner'));
            expect(count(SemanticTokenTypes.type), name).toBe(declared('Stakeholder') + referencing('Stakeholder'));
            expect(count(SemanticTokenTypes.number), name).toBe(text.match(/^\s*emotion /gm)?.length ?? 0);
            // Every reference has a token of its own at its name.
            const starts = new Set<number>();
            let line = 0;
            let character = 0;
            for (let i = 0; i < result.data.length; i += 5) {
                line += result.data[i];
                character = result.data[i] === 0 ? character + result.data[i + 1] : result.data[i + 1];
                starts.add(document.textDocument.offsetAt({ line, character }));
            }
            expect(document.references.filter(reference => !starts.has(reference.$refNode!.offset)).map(reference => reference.$refText), name).toEqual([]);
        }
    });
});
