/**
 * The optimisations of src/language must not change behaviour. This checks them against Langium's
 * defaults on varied text (generated journeys, the examples, Unicode, broken and junk input):
 *
 * - the lexer (JourneyTokenBuilder's start-character hint): the same tokens (type, offsets, lines,
 *   columns) and the same lexing errors as with Langium's DefaultTokenBuilder;
 * - STRING values (JourneyValueConverter): the same strings as Langium's ValueConverter.convertString;
 * - linking and the reference index (ast-traversal.ts): the same references in the same order as
 *   streamAst + streamReferences, and the same index entries as DefaultReferenceDescriptionProvider;
 *   the same node paths as DefaultAstNodeLocator (JourneyAstNodeLocator);
 * - validation (JourneyDocumentValidator.validateAstNodes): the same diagnostics in the same order as
 *   Langium's DefaultDocumentValidator loop, on documents full of problems;
 * - the renderer's column windows: a window of a map has exactly the full map's columns in it, and the
 *   same header, summary, gutter and legend.
 * - completion (JourneyCompletionProvider's large-file shortcut): the same completion contexts (offsets,
 *   AST node, next grammar features) as Langium's DefaultCompletionProvider at offsets all through
 *   documents with and without errors.
 *
 *   node bench/check-equivalence.ts
 */
import { readdir, readFile } from 'node:fs/promises';
import { BUNDLES, bundle } from './bundle.ts';
import { journeyText, organisationText, random } from './generate.ts';
import type * as InProcess from './in-process.ts';

await bundle();
const m = await import(BUNDLES.inProcess) as typeof InProcess;
const services = m.createJourneyServices(m.EmptyFileSystem);
const grammar = services.Journey.Grammar;

const texts: Record<string, string> = {
    organisation: organisationText(),
    journey200: journeyText(200, 3).text,
    unicode: 'owner Équipe "Équipe numérique" external\nchannel 窓口 "窓口"\npersona Zoë "Ζωή 🎒" { need "𝒜 need" }\n' +
        'journey Путь "Путь" for Zoë { stage Étape { touchpoint 𝒜bc "emoji 🎉 title" { owner Équipe channel 窓口 emotion 4 "😊" } touchpoint _x-1 { } } }\n',
    broken: journeyText(30, 4).text.replace(/owner {4}\w+/, 'owner ').replace('emotion  3', 'emotion  ').replace(/"[^"\n]*"\n/, '"unterminated\n'),
    comments: '/* block\ncomment */ owner A // line\n/* unterminated',
    junk: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)) + String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => 0x300 + ((i * 7919) % 0xfc00)))
};
for (const name of (await readdir(new URL('../examples/', import.meta.url))).filter(f => f.endsWith('.journey'))) {
    texts[name] = await readFile(new URL(`../examples/${name}`, import.meta.url), 'utf-8');
}
const rnd = random(99);
// Many diagnostics: owners and grades missing, grades and measures out of range, duplicates, empty stages.
texts.diagnostics = journeyText(300, 5).text.split('\n').map((line, i) => {
    const r = rnd();
    if (/^ {6}owner /.test(line) && r < 0.2) return '';
    if (/^ {6}emotion /.test(line) && r < 0.2) return '';
    if (/^ {6}emotion /.test(line) && r < 0.3) return line.replace(/emotion {2}\d/, 'emotion  9');
    if (/^ {6}contacts /.test(line) && r < 0.1) return line.replace(/contacts \d/, 'contacts -2');
    if (/^ {6}duration /.test(line) && r < 0.1) return line.replace(/ (min|h|d)$/, ' fortnights');
    if (/^ {6}channel /.test(line) && r < 0.1) return `${line}\n      channel  Web`;
    if (/^ {4}touchpoint /.test(line) && r < 0.05) return line.replace(/touchpoint \w+/, 'touchpoint Duplicate');
    if (/^ {2}stage /.test(line) && r < 0.1) return `  stage Empty${i} {}\n${line}`;
    return line;
}).join('\n');
const alphabet = 'owner channel journey stage touchpoint emotion { } " \' \n 1 2.5 -3 x_y Zoë 窓 🎉 /* */ // \\ moment of truth';
texts.fuzz = Array.from({ length: 3000 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');

// --- The lexer ---------------------------------------------------------------------------------------
const optimised = services.Journey.parser.Lexer;
const defaultTokens = new m.DefaultTokenBuilder().buildTokens(grammar, { caseInsensitive: false });
const reference = new m.ChevrotainLexer(defaultTokens as never, { positionTracking: 'full', skipValidations: true });
let failures = 0;
for (const [name, text] of Object.entries(texts)) {
    const a = optimised.tokenize(text);
    const b = reference.tokenize(text);
    const show = (tokens: typeof b.tokens) => tokens.map(t => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.startLine}.${t.startColumn}-${t.endLine}.${t.endColumn}`).join(' ');
    const hidden = (groups: Record<string, typeof b.tokens> | typeof b.tokens) => show(Object.values(groups).flat());
    const same = show(a.tokens) === show(b.tokens) && hidden(a.hidden ?? {}) === hidden(b.groups) &&
        JSON.stringify(a.errors.map(e => [e.offset, e.length, e.line, e.column])) === JSON.stringify(b.errors.map(e => [e.offset, e.length, e.line, e.column]));
    console.log(`lexer ${same ? 'same' : 'DIFFERENT'}: ${name} (${a.tokens.length} tokens, ${a.errors.length} errors)`);
    failures += same ? 0 : 1;
}

// --- STRING values ---------------------------------------------------------------------------------
{
    const samples = ['', '"', '""', "''", '"a"', '"\\"', '"\\\\"', '"ab\\"', '"\\n\\t\\0\\q\\"\\\'"', '"a long title without any escape at all"',
        '"escape at the end \\x"', '"\\\\\\\\"', '"🎉 \\u 😊"', 'x', 'xy'];
    const pieces = ['a', 'bc', ' ', '\\', '\\n', '\\"', "\\'", '\\0', '\\b', 'é', '🎉', '"', "'", 'long text part '];
    for (let i = 0; i < 20000; i++) {
        const length = Math.floor(rnd() * 12);
        samples.push('"' + Array.from({ length }, () => pieces[Math.floor(rnd() * pieces.length)]).join('') + (rnd() < 0.5 ? '"' : "'"));
    }
    const different = samples.filter(input => m.convertString(input) !== m.ValueConverter.convertString(input));
    console.log(`STRING values ${different.length === 0 ? 'same' : 'DIFFERENT'}: ${samples.length} inputs${different.length ? `, e.g. ${JSON.stringify(different.slice(0, 3))}` : ''}`);
    failures += different.length === 0 ? 0 : 1;
}

// --- Completion ----------------------------------------------------------------------------------------
interface Context { node?: unknown, tokenOffset: number, tokenEndOffset: number, features: Array<{ feature: unknown, type?: string, property?: string }> }
type Contexts = { buildContexts(document: unknown, position: unknown): Iterable<Context> };
const provider = services.Journey.lsp.CompletionProvider as unknown as Contexts;
const defaultProvider = new m.DefaultCompletionProvider(services.Journey) as unknown as Contexts;
const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
const documents = [];
for (const [name, text] of Object.entries(texts)) {
    if (name === 'junk' || name === 'fuzz') {
        continue;
    }
    const textDocument = m.TextDocument.create(`file:///workspace/${name}`, 'journey', 1, text);
    m.setTextDocument(services.Journey, textDocument);
    const document = LangiumDocumentFactory.fromTextDocument(textDocument);
    LangiumDocuments.addDocument(document);
    documents.push(document);
}
await DocumentBuilder.build(documents, { validation: true });
const describe = (contexts: Context[]) => contexts.map(c => `[${c.tokenOffset}-${c.tokenEndOffset} ${(c.node as { $type?: string } | undefined)?.$type} ` +
    c.features.map(f => `${f.type ?? ''}|${f.property ?? ''}|${(f.feature as { $type: string }).$type}:${(f.feature as { value?: string }).value ?? ''}`).join(',') + ']').join(' ');
for (const document of documents) {
    const text = document.textDocument.getText();
    let checked = 0;
    let different = 0;
    const step = Math.max(1, Math.floor(text.length / 3000));
    for (let offset = 0; offset <= text.length; offset += step) {
        const position = document.textDocument.positionAt(offset);
        // The contexts a completion is computed from: where, which AST node, and which grammar features may follow.
        const a = [...provider.buildContexts(document, position)];
        const b = [...defaultProvider.buildContexts(document, position)];
        const same = a.length === b.length && a.every((x, i) => x.node === b[i].node && x.tokenOffset === b[i].tokenOffset &&
            x.tokenEndOffset === b[i].tokenEndOffset && x.features.length === b[i].features.length &&
            x.features.every((f, j) => f.feature === b[i].features[j].feature && f.type === b[i].features[j].type && f.property === b[i].features[j].property));
        checked++;
        if (!same) {
            different++;
            if (different <= 3) {
                console.log(`  offset ${offset}: ${describe(a)}\n    vs default ${describe(b)}`);
            }
        }
    }
    console.log(`completion ${different === 0 ? 'same' : 'DIFFERENT'}: ${document.uri.path} (${checked} offsets, ${different} different, parse errors ${document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length})`);
    failures += different === 0 ? 0 : 1;
}
// --- Linking and the reference index: the traversal ------------------------------------------------
for (const document of documents) {
    const root = document.parseResult.value;
    const expected: string[] = [];
    const seen = new Map<unknown, number>();
    const id = (value: unknown) => seen.get(value) ?? (seen.set(value, seen.size), seen.size - 1);
    for (const node of m.AstUtils.streamAst(root)) {
        m.AstUtils.streamReferences(node).forEach(ref => expected.push(`${id(ref.reference)} ${id(ref.container)} ${ref.property} ${ref.index}`));
    }
    const actual: string[] = [];
    await m.forEachReference(root, m.CancellationToken.None, ref => actual.push(`${id(ref.reference)} ${id(ref.container)} ${ref.property} ${ref.index}`));
    const locator = services.Journey.workspace.AstNodeLocator;
    const defaultLocator = new m.DefaultAstNodeLocator();
    const paths = [...m.AstUtils.streamAst(root)].filter(node => locator.getAstNodePath(node) !== defaultLocator.getAstNodePath(node));
    if (paths.length > 0) {
        console.log(`paths DIFFERENT: ${document.uri.path}, e.g. ${locator.getAstNodePath(paths[0])} vs ${defaultLocator.getAstNodePath(paths[0])}`);
        failures++;
    }
    // Every field, the segment's range included (JourneyReferenceDescriptionProvider computes it on read).
    type Description = { sourceUri: unknown, sourcePath: string, targetUri: unknown, targetPath: string, local: boolean, segment: { offset: number, end: number, length: number, range: unknown } };
    const descriptions = async (provider: { createDescriptions(d: typeof document): Promise<unknown[]> }) => JSON.stringify((await provider.createDescriptions(document) as Description[])
        .map(d => [String(d.sourceUri), d.sourcePath, String(d.targetUri), d.targetPath, d.local, d.segment.offset, d.segment.end, d.segment.length, d.segment.range]));
    const sameDescriptions = await descriptions(services.Journey.workspace.ReferenceDescriptionProvider) === await descriptions(new m.DefaultReferenceDescriptionProvider(services.Journey));
    const same = JSON.stringify(actual) === JSON.stringify(expected) && sameDescriptions;
    console.log(`references ${same ? 'same' : 'DIFFERENT'}: ${document.uri.path} (${expected.length} references in order${sameDescriptions ? ', same index entries' : ', DIFFERENT index entries'})`);
    failures += same ? 0 : 1;
}

// --- Validation: the same diagnostics in the same order ----------------------------------------------
{
    const validator = services.Journey.validation.DocumentValidator as unknown as {
        validateAstNodes(root: unknown, options: object, accept: unknown, token: unknown): Promise<void>
    };
    const defaultValidateAstNodes = m.DefaultDocumentValidator.prototype['validateAstNodes' as keyof typeof m.DefaultDocumentValidator.prototype] as unknown as typeof validator.validateAstNodes;
    for (const document of documents) {
        const run = async (validate: typeof validator.validateAstNodes) => {
            const seen: string[] = [];
            await validate.call(validator, document.parseResult.value, {}, (severity: string, message: string, info: { node: { $type: string, $cstNode?: { offset: number } }, property?: string, code?: string }) => {
                seen.push(`${severity} ${info.code} ${info.node.$type}@${info.node.$cstNode?.offset}.${info.property} ${message}`);
            }, m.CancellationToken.None);
            return seen;
        };
        const ours = await run(validator.validateAstNodes);
        const theirs = await run(defaultValidateAstNodes);
        const same = JSON.stringify(ours) === JSON.stringify(theirs);
        console.log(`validation ${same ? 'same' : 'DIFFERENT'}: ${document.uri.path} (${theirs.length} diagnostics in order)`);
        failures += same ? 0 : 1;
    }
}

// --- The renderer's column windows -------------------------------------------------------------------
{
    const { renderJourneyMap } = await import(BUNDLES.renderMap) as typeof import('../src/map/views/journey-map/render.ts');
    const { computeLayout, visibleColumns } = await import(BUNDLES.renderLayout) as typeof import('../src/map/views/journey-map/layout.ts');
    const journey = m.buildDocumentModel(documents.find(d => d.uri.path.endsWith('journey200'))!).journeys[0];
    const full = renderJourneyMap(journey);
    const columnsOf = (svg: string) => {
        const part = svg.slice(svg.indexOf('<g class="columns">') + '<g class="columns">'.length, svg.indexOf('<g class="gutter">'));
        // Without the `</g>` that closes the columns group.
        return part.slice(0, part.lastIndexOf('</g>')).split('<g class="column" ').slice(1);
    };
    const fullColumns = columnsOf(full);
    const layout = computeLayout(journey);
    let bad = 0;
    const windows = [[0, 200], [0, 1], [199, 200], [37, 61], [100, 100], [-5, 3], [150, 500], [0, 0]];
    for (const [from, to] of windows) {
        const svg = renderJourneyMap(journey, { layout, columns: { from, to } });
        const shown = columnsOf(svg);
        const expected = fullColumns.slice(Math.max(0, from), Math.max(0, Math.min(200, to)));
        const sameStart = svg.slice(0, svg.indexOf('<g class="grid">')) === full.slice(0, full.indexOf('<g class="grid">'));
        const sameEnd = svg.slice(svg.indexOf('<g class="gutter">')) === full.slice(full.indexOf('<g class="gutter">'));
        if (JSON.stringify(shown) !== JSON.stringify(expected) || !sameStart || !sameEnd) {
            bad++;
            console.log(`  window ${from}-${to}: ${shown.length} columns (expected ${expected.length}), header ${sameStart}, gutter and legend ${sameEnd}`);
        }
    }
    const all = renderJourneyMap(journey, { layout, columns: { from: 0, to: 200 } }) === full && fullColumns.length === 200;
    const visible = visibleColumns(layout, 0, 1280);
    const seen = JSON.stringify(visible) === JSON.stringify({ from: 0, to: Math.ceil((1280 - layout.grid!.left) / 200) });
    console.log(`renderer windows ${bad === 0 && all && seen ? 'same' : 'DIFFERENT'}: ${windows.length} windows of ${fullColumns.length} columns are the full map's columns, header and legend`);
    failures += bad === 0 && all && seen ? 0 : 1;
}

console.log(failures === 0 ? 'all the same' : `${failures} DIFFERENT`);
process.exitCode = failures === 0 ? 0 : 1;
