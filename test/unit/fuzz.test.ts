import { readdirSync, readFileSync } from 'node:fs';
import { AstUtils, GrammarAST, TextDocument, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { buildDocumentModel } from '../../src/language/map-model-builder.js';
import { EXAMPLES } from '../helpers/cli-process.js';
import { createServices } from '../helpers/journey-workspace.js';
import { openWorkspace, test, type TestServices } from '../helpers/services-fixture.js';

/**
 * Property-based tests of the language over texts nobody would write: random token sequences from the
 * grammar's vocabulary, and random mutations of the examples. Whatever the text, the services build it and
 * give it diagnostics within its bounds, the view model builds, and on what parses the formatter is
 * idempotent. Seeded and short here (JOURNEY_FUZZ_RUNS, default 150 per property); `npm run fuzz` runs
 * thousands with a new seed, printed on failure with the shrunk counterexample.
 */
const RUNS = Number(process.env.JOURNEY_FUZZ_RUNS ?? 150);
const SEED = process.env.JOURNEY_FUZZ_SEED === undefined ? (process.env.JOURNEY_FUZZ_RUNS ? Date.now() : 20261201) : Number(process.env.JOURNEY_FUZZ_SEED);
const TIMEOUT = Math.max(60_000, RUNS * 400);

const KEYWORDS = [...new Set(AstUtils.streamAllContents(createServices().Journey.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value))];

const EXAMPLE_TEXTS = readdirSync(EXAMPLES).filter(name => name.endsWith('.journey')).map(name => readFileSync(`${EXAMPLES}/${name}`, 'utf-8'));

/** One token of the journey language, or something close to one. */
const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 3, arbitrary: fc.constantFrom('Web', 'Maria', 'Form', 'S', 'T', 'Größe', '_x', 'a-b', 'Ω') },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map(text => `"${text.replace(/["\\\n\r]/g, '')}"`) },
    { weight: 1, arbitrary: fc.constantFrom('"unclosed', "'single'", '"esc \\n \\u \\"', '"\u001b[2J"') },
    { weight: 2, arbitrary: fc.constantFrom('0', '1', '3', '5', '9', '-2', '2.5', '1e3', '007') },
    { weight: 1, arbitrary: fc.constantFrom('// note', '/* block */', '/* unclosed', '*/', '/') },
    { weight: 1, arbitrary: fc.constantFrom('@', '#', '%%{', '<svg>', '\t', '\u00a0', '😀', '\uFFFF', '\u2028') }
);

const separator = fc.constantFrom(' ', ' ', '\n', '\n  ', '', '\r\n', '\t');

/** A text of up to 120 tokens. */
const tokenText = fc.array(fc.tuple(token, separator), { maxLength: 120 }).map(parts => parts.map(([t, s]) => t + s).join(''));

/** One change to a text: a range deleted, duplicated or replaced by a token, or the text cut short. */
const mutation = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('delete', 'duplicate', 'insert', 'truncate'), token);

function mutate(text: string, [at, length, kind, inserted]: [number, number, string, string]): string {
    const start = text.length === 0 ? 0 : at % text.length;
    const end = Math.min(text.length, start + length);
    switch (kind) {
        case 'delete': return text.slice(0, start) + text.slice(end);
        case 'duplicate': return text.slice(0, end) + text.slice(start, end) + text.slice(end);
        case 'insert': return `${text.slice(0, start)} ${inserted} ${text.slice(start)}`;
        default: return text.slice(0, start);
    }
}

/** An example with 1 to 8 random changes. */
const mutatedExample = fc.tuple(fc.constantFrom(...EXAMPLE_TEXTS), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([text, mutations]) => mutations.reduce(mutate, text));

/** White space as people write it, or do not. */
const gap = fc.constantFrom(' ', '  ', '\n', '\n\n', '\n    ', '\t', ' // a comment\n', ' /* c */ ');
const name = fc.constantFrom('Web', 'Counter', 'Post', 'Maria', 'A', 'B', 'Größe', 'step_2');
const title = fc.option(fc.constantFrom('"Title"', '"A longer title, with words"', "'single'", '"😀 emoji"', '""'), { nil: undefined });
const property = fc.oneof(
    fc.constantFrom('owner Web', 'owner Counter', 'channel Website', 'channel Phone', 'moment of truth', 'contacts 2', 'duration 40 min', 'duration 1.5 h'),
    fc.tuple(fc.integer({ min: 1, max: 5 }), fc.option(fc.constantFrom('"fine"', '"confused"'), { nil: undefined }))
        .map(([grade, feeling]) => `emotion ${grade}${feeling ? ` ${feeling}` : ''}`),
    fc.tuple(fc.constantFrom('pain', 'idea', 'backstage', 'quote'), fc.constantFrom('"It takes long"', '"Call back"', '"x"')).map(([kind, text]) => `${kind} ${text}`)
);
const touchpoint = fc.tuple(name, title, fc.option(fc.array(fc.tuple(gap, property), { maxLength: 6 }), { nil: undefined }), gap)
    .map(([n, t, properties, g]) => `touchpoint ${n}${t ? ` ${t}` : ''}${properties ? ` {${properties.map(([pg, p]) => pg + p).join('')}${g}}` : ''}`);
const stage = fc.tuple(name, title, fc.array(fc.tuple(gap, touchpoint), { maxLength: 4 }), gap)
    .map(([n, t, touchpoints, g]) => `stage ${n}${t ? ` ${t}` : ''} {${touchpoints.map(([tg, tp]) => tg + tp).join('')}${g}}`);
const journey = fc.tuple(name, title, fc.boolean(), fc.option(fc.constantFrom('goal "Get home"'), { nil: undefined }), fc.array(fc.tuple(gap, stage), { maxLength: 4 }), gap)
    .map(([n, t, persona, goal, stages, g]) => `journey ${n}${t ? ` ${t}` : ''}${persona ? ' for Maria' : ''} {${goal ? ` ${goal}` : ''}${stages.map(([sg, st]) => sg + st).join('')}${g}}`);
const declaration = fc.oneof(
    fc.tuple(name, title, fc.boolean()).map(([n, t, external]) => `owner ${n}${t ? ` ${t}` : ''}${external ? ' external' : ''}`),
    fc.tuple(name, title).map(([n, t]) => `channel ${n}${t ? ` ${t}` : ''}`),
    fc.tuple(name, title, fc.array(fc.constantFrom('goal "g"', 'today "t"', 'ideal "i"', 'need "n"'), { maxLength: 4 }))
        .map(([n, t, fields]) => `persona ${n}${t ? ` ${t}` : ''}${fields.length > 0 ? ` { ${fields.join('\n')} }` : ''}`),
    journey
);
/** A text the grammar accepts (names may clash and references dangle: that is for the validator), laid out at random. */
const grammatical = fc.array(fc.tuple(declaration, gap), { maxLength: 6 }).map(parts => parts.map(([d, g]) => d + g).join('\n'));

const anyText = fc.oneof(tokenText, mutatedExample, grammatical);

/**
 * Builds the text beside the organisation example (so that its references resolve), as the editor does;
 * the services of a test are kept from run to run, their documents are not.
 */
async function build(services: TestServices, text: string): Promise<LangiumDocument> {
    await clearDocuments(services.shared);
    const documents = await openWorkspace(services, { 'organisation.journey': EXAMPLE_TEXTS.find(t => t.includes('owner '))!, 'fuzz.journey': text });
    return documents['fuzz.journey'];
}

async function format(services: TestServices, document: LangiumDocument): Promise<string> {
    const edits = await services.Journey.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

function parses(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

const parameters = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

describe(`any text (${RUNS} runs per property, seed ${SEED})`, () => {
    test('gets diagnostics within the text, no exception, and a view model that survives JSON', async ({ services }) => {
        await fc.assert(fc.asyncProperty(anyText, async text => {
            const document = await build(services, text);
            const lines = document.textDocument.lineCount;
            expect(document.diagnostics).toBeDefined();
            for (const diagnostic of document.diagnostics!) {
                expect(diagnostic.range.start.line).toBeLessThan(lines);
                expect(diagnostic.range.end.line).toBeLessThan(lines);
                expect(diagnostic.code).toEqual(expect.any(String));
                expect(diagnostic.code).not.toBe('internal-error');
            }
            const model = buildDocumentModel(document);
            expect(JSON.parse(JSON.stringify(model))).toEqual(model);
        }), parameters);
    }, TIMEOUT);

    test('that parses, formats to a text that parses and formats to itself', async ({ services }) => {
        await fc.assert(fc.asyncProperty(fc.oneof(grammatical, mutatedExample), async text => {
            const document = await build(services, text);
            fc.pre(parses(document));
            const once = await format(services, document);
            const formatted = await build(services, once);
            expect(parses(formatted)).toBe(true);
            expect(await format(services, formatted)).toBe(once);
        }), parameters);
    }, TIMEOUT);
});
