import { readdirSync, readFileSync } from 'node:fs';
import {
    AstUtils, CstUtils, DefaultAstNodeLocator, DefaultDocumentValidator, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation,
    DefaultScopeProvider, DefaultTokenBuilder, DefaultValueConverter, EmptyFileSystem, TextDocument, ValueConverter, createLangiumParser, createParser,
    isAstNode, isLeafCstNode, isReference, isRootCstNode, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LangiumParser,
    type LexerResult, type Module, type ParseResult, type ReferenceDescription, type ReferenceInfo, type Scope, type ValidationAcceptor,
    type ValidationOptions
} from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type PartialLangiumServices } from 'langium/lsp';
import { CancellationToken, type Position } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { forEachReference } from '../../src/language/fast/ast-traversal.js';
import { convertString } from '../../src/language/fast/journey-value-converter.js';
import { LeanParser } from '../../src/language/fast/lean-parser.js';
import { textSharingConfiguration } from '../../src/language/fast/text-sharing-documents.js';
import { createJourneyServices, type JourneyServices } from '../../src/language/journey-module.js';
import { RedesignScopes } from '../../src/language/redesign-scope.js';
import { journeyText, organisationText, random } from '../../bench/generate.js';
import { EXAMPLES } from '../helpers/cli-process.js';
import { openWorkspace, uriOf, type TestServices } from '../helpers/journey-workspace.js';

/**
 * The performance overrides of src/language/fast (JourneyFastModule, and the fast paths the language's own
 * services build on) must change nothing: each is checked here against the Langium default it replaces,
 * on varied text (generated journeys, the examples, Unicode, broken, junk and random input, documents full
 * of problems, names declared twice).
 */

/** Langium's scope provider, asking first for the one scope the language defines itself, as the server's does. */
class LangiumScopeProvider extends DefaultScopeProvider {
    readonly #redesigns = new RedesignScopes(this.descriptions);

    override getScope(context: ReferenceInfo): Scope {
        return this.#redesigns.scopeFor(context) ?? super.getScope(context);
    }
}

/** JourneyFastModule undone: Langium's own service in the place of each override. */
const LANGIUM_DEFAULTS: Module<JourneyServices, PartialLangiumServices> = {
    parser: {
        TokenBuilder: () => new DefaultTokenBuilder(),
        ValueConverter: () => new DefaultValueConverter()
    },
    references: {
        ScopeComputation: services => new DefaultScopeComputation(services),
        ScopeProvider: services => new LangiumScopeProvider(services)
    },
    workspace: {
        AstNodeLocator: () => new DefaultAstNodeLocator(),
        ReferenceDescriptionProvider: services => new DefaultReferenceDescriptionProvider(services)
    }
};

const rnd = random(99);

/** Many diagnostics: owners and grades missing, grades and measures out of range, duplicates, empty stages. */
const withProblems = journeyText(150, 5).text.split('\n').map((line, i) => {
    const r = rnd();
    if (/^ {6}(owner|emotion) /.test(line) && r < 0.2) { return ''; }
    if (/^ {6}emotion /.test(line) && r < 0.3) { return line.replace(/emotion {2}\d/, 'emotion  9'); }
    if (/^ {6}contacts /.test(line) && r < 0.1) { return line.replace(/contacts \d/, 'contacts -2'); }
    if (/^ {6}duration /.test(line) && r < 0.1) { return line.replace(/ (min|h|d)$/, ' fortnights'); }
    if (/^ {6}channel /.test(line) && r < 0.1) { return `${line}\n      channel  Web`; }
    if (/^ {4}touchpoint /.test(line) && r < 0.05) { return line.replace(/touchpoint \w+/, 'touchpoint Duplicate'); }
    if (/^ {2}stage /.test(line) && r < 0.1) { return `  stage Empty${i} {}\n${line}`; }
    return line;
}).join('\n');

/** The files of one workspace, built together as the server builds them. */
const files: Record<string, string> = {
    'generated-organisation.journey': organisationText(),
    'journey-200.journey': journeyText(200, 3).text,
    'unicode.journey': 'owner Équipe "Équipe numérique" external\nchannel 窓口 "窓口"\npersona Zoë "Ζωή 🎒" { need "𝒜 need" }\n' +
        'journey Путь "Путь" for Zoë { stage Étape { touchpoint 𝒜bc "emoji 🎉 title" { owner Équipe channel 窓口 emotion 4 "😊" } touchpoint _x-1 { } } }\n',
    'broken.journey': journeyText(30, 4).text.replace(/owner {4}\w+/, 'owner ').replace('emotion  3', 'emotion  ').replace(/"[^"\n]*"\n/, '"unterminated\n'),
    'comments.journey': '/* block\ncomment */ owner A // line\n/* unterminated',
    'problems.journey': withProblems,
    // Names declared twice in a file, and again in other files (the generated organisation has Phone and Maria too).
    'shared.journey': 'owner Web "Digital"\nowner Desk\nchannel Phone\npersona Maria\n',
    'trip.journey': `owner Desk "Our own desk"
owner Desk "Declared twice"
channel Post
persona Maria "Here too"
journey Trip for Maria {
  stage S {
    touchpoint A { owner Desk channel Phone }
    touchpoint B { owner Web channel Post }
    touchpoint C { owner Nobody channel Nowhere }
  }
}
journey Other for Nobody { stage T { touchpoint D { owner Desk } } }
`,
    // Several personas, redesigns (of a journey in another file, of one declared nowhere, of none) and the steps they replace.
    'redesigns.journey': `persona Tomasz "Commuter"
journey TripTomorrow for Maria, Tomasz redesigns Trip {
  stage S {
    touchpoint AB { owner Desk emotion 4 emotion Tomasz 2 emotion Nobody 1 replaces A, B, Nowhere }
    touchpoint C { owner Desk emotion Maria 5 replaces C }
  }
}
journey Ghost for Tomasz redesigns Nothing { stage S { touchpoint X { emotion 3 emotion Maria 2 replaces A } } }
journey Plain for Maria { stage S { touchpoint Y { emotion 3 replaces A } } }
journey Loop for Maria redesigns Loop { stage S { touchpoint Z { emotion 3 replaces Z } } }
`
};
for (const name of readdirSync(EXAMPLES).filter(file => file.endsWith('.journey')).sort()) {
    files[`examples/${name}`] = readFileSync(`${EXAMPLES}/${name}`, 'utf-8');
}
const alphabet = 'owner channel journey stage touchpoint emotion { } " \' \n 1 2.5 -3 x_y Zoë 窓 🎉 /* */ // \\ moment of truth';

/** Text no editor would keep, for the lexer and the parser only: bytes and code points all over, random keywords and marks. */
const texts: Record<string, string> = {
    ...files,
    'line breaks of every kind': files['trip.journey'].replace(/\n/g, (_, i: number) => ['\r\n', '\r', '\n'][i % 3]) +
        '/* a comment\r\nover\rfour\nlines */ owner Z "z" // trailing\r\n\r\r\n\n/* last\r*/\r',
    junk: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)) +
        String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => 0x300 + ((i * 7919) % 0xfc00))),
    fuzz: Array.from({ length: 3000 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')
};

/** Texts with syntax errors of every kind, few enough for the recursion of Langium's own error recovery to cope. */
const recoveryCases: Record<string, string> = {
    'stray tokens between declarations': 'owner A foo\nowner B "x" bar baz\nchannel C 42\npersona P { goal "g" } }\n'.repeat(40),
    'unterminated strings': 'owner A "unclosed\nchannel C "ok"\npersona P "also unclosed\n'.repeat(40),
    'stray tokens in stages and touchpoints': `journey J {\n${'  stage S { junk touchpoint T { owner O 7 emotion x 3 pain } }\n'.repeat(60)}}\n`,
    'missing braces': 'journey J {\n  stage S {\n    touchpoint T { owner O\n  stage R { touchpoint U }\n'.repeat(30),
    'an example with every tenth line cut short': files['examples/passport-renewal.journey'].split('\n')
        .map((line, i) => i % 10 === 3 ? line.slice(0, Math.floor(line.length / 2)) : line).join('\n'),
    'an example with stray tokens sprinkled in': files['examples/passport-renewal.journey'].split('\n')
        .map((line, i) => i % 7 === 2 ? `${line} ~ "x" 12` : line).join('\n'),
    'an example as it is, comments and all': files['examples/passport-renewal.journey'],
    'comments everywhere': '/* a */ owner /* b */ A // c\n// d\nowner B /* e */ "t" /* f */\n/* g */'
};

/** The server's services, and the same with Langium's defaults, each with the workspace of `files` built. */
const fast: TestServices = createJourneyServices(EmptyFileSystem);
const langium: TestServices = createJourneyServices(EmptyFileSystem, LANGIUM_DEFAULTS);
let fastDocuments: Record<string, LangiumDocument>;
let langiumDocuments: Record<string, LangiumDocument>;

beforeAll(async () => {
    [fastDocuments, langiumDocuments] = await Promise.all([openWorkspace(fast, files), openWorkspace(langium, files)]);
}, 60_000);

/** `Type@offset`: where a node is, readable in a failure. */
function at(node: AstNode | undefined): string {
    return node ? `${node.$type}@${node.$cstNode?.offset}` : 'none';
}

function references(document: LangiumDocument): ReferenceInfo[] {
    return AstUtils.streamAst(document.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).toArray();
}

function describeReference(reference: ReferenceInfo): string {
    return `${at(reference.container)}.${reference.property}${reference.index === undefined ? '' : `[${reference.index}]`} ${reference.reference.$refText}`;
}

test('the workspace holds what the checks compare: references resolved and not, problems of every kind, syntax errors', () => {
    const codes = (name: string) => new Set(fastDocuments[name].diagnostics?.map(diagnostic => diagnostic.code));
    expect([...codes('problems.journey')]).toEqual(expect.arrayContaining(['missing-owner', 'unscored-touchpoint', 'emotion-out-of-range',
        'duplicate-name', 'duplicate-property', 'empty-stage', 'invalid-measure']));
    expect([...codes('trip.journey')]).toEqual(expect.arrayContaining(['duplicate-name', 'linking-error']));
    expect([...codes('redesigns.journey')]).toEqual(expect.arrayContaining(['linking-error', 'persona-not-in-journey', 'redesign-cycle',
        'redesign-personas-differ', 'replaces-without-redesign']));
    expect([...codes('broken.journey')]).toEqual(expect.arrayContaining(['parsing-error', 'lexing-error']));
    expect(references(fastDocuments['journey-200.journey']).length).toBeGreaterThan(400);
});

describe('the lexer (JourneyTokenBuilder) gives the tokens of Langium\'s DefaultTokenBuilder', () => {
    const show = (result: LexerResult) => ({
        tokens: result.tokens.map(t => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.startLine}.${t.startColumn}-${t.endLine}.${t.endColumn}`),
        hidden: result.hidden.map(t => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.startLine}.${t.startColumn}-${t.endLine}.${t.endColumn}`),
        errors: result.errors.map(e => `${e.offset}+${e.length} ${e.line}:${e.column} ${e.message}`)
    });

    test.each(Object.keys(texts))('the same tokens, comments and errors: %s', name => {
        expect(show(fast.Journey.parser.Lexer.tokenize(texts[name]))).toEqual(show(langium.Journey.parser.Lexer.tokenize(texts[name])));
    });
});

describe('STRING values (JourneyValueConverter) are Langium\'s', () => {
    test('the same string for 20,000 inputs, escapes and all, closed by either quote', () => {
        const samples = ['', '"', '""', "''", '"a"', '"\\"', '"\\\\"', '"ab\\"', '"\\n\\t\\0\\q\\"\\\'"', '"a long title without any escape at all"',
            '"escape at the end \\x"', '"\\\\\\\\"', '"🎉 \\u 😊"', 'x', 'xy'];
        const pieces = ['a', 'bc', ' ', '\\', '\\n', '\\"', "\\'", '\\0', '\\b', '\\f', '\\r', '\\t', '\\v', 'é', '🎉', '"', "'", 'long text part '];
        const strings = random(7);
        while (samples.length < 20_000) {
            const length = Math.floor(strings() * 12);
            samples.push('"' + Array.from({ length }, () => pieces[Math.floor(strings() * pieces.length)]).join('') + (strings() < 0.5 ? '"' : "'"));
        }
        expect(samples.filter(input => convertString(input) !== ValueConverter.convertString(input))).toEqual([]);
    });
});

/** An AST as plain data: types, values, references by their text, and where each node is in its container. */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(plain);
    }
    if (isReference(value)) {
        return { ref: value.$refText };
    }
    if (isAstNode(value)) {
        const place = { $container: at(value.$container), $containerProperty: value.$containerProperty, $containerIndex: value.$containerIndex };
        return Object.fromEntries([['$type', value.$type], ...Object.entries(place), ...Object.entries(value).filter(([key]) => !key.startsWith('$')).map(([key, v]) => [key, plain(v)])]);
    }
    return value;
}

/** What a parse gives users: the tree, its text's leaves (hidden ones marked), and each error's message and place. */
function observed(result: ParseResult): unknown {
    const leaves = CstUtils.streamCst(result.value.$cstNode!).filter(isLeafCstNode).map(leaf => `${leaf.offset}+${leaf.length}${leaf.hidden ? ' hidden' : ''}`);
    return {
        tree: plain(result.value),
        leaves: leaves.toArray(),
        parserErrors: result.parserErrors.map(error => `${error.token.startOffset}:${error.token.image} ${error.message}`),
        lexerErrors: result.lexerErrors.map(error => `${error.offset}+${error.length} ${error.message}`)
    };
}

/**
 * Every node of a parse's CST as its users read it: kind, place (offsets and range), text, hidden flag,
 * token type, grammar source, container and AST node.
 */
function cstNodes(result: ParseResult): string[] {
    const root = result.value.$cstNode!;
    const locator = new DefaultAstNodeLocator();
    const index = new Map<CstNode | undefined, number>();
    return CstUtils.streamCst(root).map(node => {
        index.set(node, index.size);
        const { start, end } = node.range;
        const kind = isLeafCstNode(node) ? `leaf ${node.tokenType.name}` : isRootCstNode(node) ? 'root' : 'composite';
        const grammar = node.grammarSource && locator.getAstNodePath(node.grammarSource);
        return `${kind} ${node.offset}-${node.end} (${node.length}) ${start.line}:${start.character}-${end.line}:${end.character}` +
            `${node.hidden ? ' hidden' : ''} ${JSON.stringify(node.text)} from ${grammar} in #${index.get(node.container)} of ${at(node.astNode)}`;
    }).toArray();
}

describe('the parsers give the tree, the leaves and the errors of Langium\'s own parser', () => {
    /** Langium's parser for the grammar, with Langium's token builder and value converter. */
    const reference: LangiumParser = createLangiumParser(langium.Journey);
    /** LeanParser alone, with the server's lexer and value converter (JourneyParser adds its own behaviour to it). */
    const lean = createParser(fast.Journey.Grammar, new LeanParser(fast.Journey), fast.Journey.parser.Lexer.definition);
    lean.finalize();

    test.each(Object.keys({ ...texts, ...recoveryCases }))('LeanParser: %s', name => {
        const text = texts[name] ?? recoveryCases[name];
        expect(observed(lean.parse(text))).toEqual(observed(reference.parse(text)));
    });

    test.each(Object.keys({ ...texts, ...recoveryCases }))('the CST of LeanCstNodeBuilder, node by node, is that of Langium\'s CstNodeBuilder: %s', name => {
        const text = texts[name] ?? recoveryCases[name];
        expect(cstNodes(fast.Journey.parser.LangiumParser.parse(text))).toEqual(cstNodes(reference.parse(text)));
    });

    test.each(Object.keys(recoveryCases))('the server\'s parser, its error recovery linear in the text: %s', name => {
        const text = recoveryCases[name];
        expect(observed(fast.Journey.parser.LangiumParser.parse(text))).toEqual(observed(reference.parse(text)));
    });
});

describe('linking and the reference index (ast-traversal.ts) are Langium\'s', () => {
    test.each(Object.keys(files))('every reference in the order of streamAst and streamReferences: %s', async name => {
        const document = fastDocuments[name];
        const walked: ReferenceInfo[] = [];
        await forEachReference(document.parseResult.value, CancellationToken.None, reference => walked.push(reference));
        const streamed = references(document);
        expect(walked.map(describeReference)).toEqual(streamed.map(describeReference));
        walked.forEach((reference, i) => expect(reference.reference).toBe(streamed[i].reference));
    });

    test.each(Object.keys(files))('the same index entries, each field, as with Langium\'s services: %s', async name => {
        const entries = async (services: TestServices, document: LangiumDocument) =>
            (await services.Journey.workspace.ReferenceDescriptionProvider.createDescriptions(document)).map((entry: ReferenceDescription) => ({
                ...entry, sourceUri: String(entry.sourceUri), sourcePath: entry.sourcePath, targetUri: String(entry.targetUri),
                segment: { offset: entry.segment.offset, end: entry.segment.end, length: entry.segment.length, range: entry.segment.range }
            }));
        expect(await entries(fast, fastDocuments[name])).toEqual(await entries(langium, langiumDocuments[name]));
    });

    test.each(Object.keys(files))('the node paths of DefaultAstNodeLocator (JourneyAstNodeLocator): %s', name => {
        const locator = fast.Journey.workspace.AstNodeLocator;
        const defaultLocator = new DefaultAstNodeLocator();
        const nodes = AstUtils.streamAst(fastDocuments[name].parseResult.value).toArray();
        expect(nodes.map(node => locator.getAstNodePath(node))).toEqual(nodes.map(node => defaultLocator.getAstNodePath(node)));
    });
});

describe('unlinking (ShapeKeepingLinker) reads as Langium\'s unlink: nothing resolved, then every reference resolved as before', () => {
    /** What a reference shows, its description, error and target read in that order (reading the target resolves it). */
    const read = (document: LangiumDocument) => references(document).map(({ reference }) => isReference(reference)
        ? `${reference.$refText} ${reference.$nodeDescription?.path} ${reference.error?.message} ${at(reference.ref)}`
        : `${reference.$refText} ${reference.error?.message} ${reference.items.map(item => at(item.ref)).join(',')}`);

    async function unlinkAndLink(services: TestServices, document: LangiumDocument, unlink: (document: LangiumDocument) => void): Promise<unknown> {
        const before = read(document);
        unlink(document);
        const unlinked = references(document).map(({ reference }) => [isReference(reference) ? reference.$nodeDescription : undefined, reference.error]);
        await services.Journey.references.Linker.link(document);
        return { before, unlinked, linked: document.references.length, after: read(document) };
    }

    test.each(Object.keys(files))('%s', async name => {
        const linker = fast.Journey.references.Linker;
        const ours = await unlinkAndLink(fast, fastDocuments[name], document => linker.unlink(document));
        const theirs = await unlinkAndLink(langium, langiumDocuments[name], document => DefaultLinker.prototype.unlink.call(langium.Journey.references.Linker, document));
        expect(ours).toEqual(theirs);
    });
});

describe('scopes (JourneyScopeComputation and JourneyScopeProvider) are Langium\'s', () => {
    /** A description as the linker sees it: which declaration, in which file. */
    const where = (description: AstNodeDescription | undefined) => description && `${description.type} ${description.name} ${description.documentUri.path} ${description.path}`;

    test.each(Object.keys(files))('every reference, through getElement, getElements and getAllElements: %s', name => {
        const ours = references(fastDocuments[name]);
        const theirs = references(langiumDocuments[name]);
        expect(ours.map(describeReference)).toEqual(theirs.map(describeReference));
        ours.forEach((reference, i) => {
            const text = reference.reference.$refText;
            const [a, b] = [fast.Journey.references.ScopeProvider.getScope(reference), langium.Journey.references.ScopeProvider.getScope(theirs[i])];
            expect(where(a.getElement(text)), describeReference(reference)).toBe(where(b.getElement(text)));
            expect(a.getElements(text).map(where).toArray(), describeReference(reference)).toEqual(b.getElements(text).map(where).toArray());
            expect(a.getAllElements().map(where).toArray(), describeReference(reference)).toEqual(b.getAllElements().map(where).toArray());
        });
    });

    test('a name declared in the file and elsewhere is the file\'s own, its first declaration', () => {
        const desk = references(fastDocuments['trip.journey']).find(reference => reference.reference.$refText === 'Desk')!;
        expect(where(fast.Journey.references.ScopeProvider.getScope(desk).getElement('Desk'))).toBe('Owner Desk /workspace/trip.journey /declarations@0');
    });
});

describe('the open documents (textSharingConfiguration) are Langium\'s TextDocuments', () => {
    const configuration = textSharingConfiguration(() => fast.shared.workspace.LangiumDocuments);
    const show = (document: TextDocument) => ({ uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText() });
    const parsed = files['journey-200.journey'];
    const opened = {
        'a parsed file opened unchanged': [uriOf('journey-200.journey').toString(), parsed.split('').join('')],
        'a parsed file opened changed': [uriOf('journey-200.journey').toString(), `${parsed}// more\n`],
        'a file not parsed': [uriOf('elsewhere.journey').toString(), parsed.split('').join('')]
    };

    test.each(Object.keys(opened))('the same document made, and edited: %s', name => {
        const [uri, text] = opened[name as keyof typeof opened];
        const edit = { range: { start: { line: 3, character: 2 }, end: { line: 5, character: 0 } }, text: 'x\r\n' };
        const ours = configuration.create(uri, 'journey', 7, text);
        const theirs = TextDocument.create(uri, 'journey', 7, text);
        expect(show(ours)).toEqual(show(theirs));
        expect(show(configuration.update(ours, [edit], 8))).toEqual(show(TextDocument.update(theirs, [edit], 8)));
    });
});

describe('validation (WalkingDocumentValidator) is Langium\'s', () => {
    type ValidateAstNodes = (root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken) => Promise<void>;

    test.each(Object.keys(files))('the same diagnostics in the same order as DefaultDocumentValidator\'s loop over the nodes: %s', async name => {
        const validator = fast.Journey.validation.DocumentValidator;
        const run = async (validate: ValidateAstNodes) => {
            const seen: string[] = [];
            await validate.call(validator, fastDocuments[name].parseResult.value, {}, (severity, message, info) => {
                seen.push(`${severity} ${info.code} ${at(info.node)}.${String(info.property)} ${message}`);
            }, CancellationToken.None);
            return seen;
        };
        const ours = await run((validator as unknown as { validateAstNodes: ValidateAstNodes }).validateAstNodes);
        const theirs = await run((DefaultDocumentValidator.prototype as unknown as { validateAstNodes: ValidateAstNodes }).validateAstNodes);
        expect(ours).toEqual(theirs);
    });

    test.each(Object.keys(files))('the document\'s diagnostics, as with Langium\'s services: %s', name => {
        expect(fastDocuments[name].diagnostics).toEqual(langiumDocuments[name].diagnostics);
    });
});

describe('completion (RestartingCompletionProvider) is Langium\'s', () => {
    interface Contexts { buildContexts(document: LangiumDocument, position: Position): Iterable<CompletionContext> }
    const ids = new Map<unknown, number>();
    const id = (value: unknown) => ids.get(value) ?? (ids.set(value, ids.size), ids.size - 1);
    /** Where, which AST node, and which grammar features may follow: what completion items are made of. */
    const describeContexts = (contexts: Iterable<CompletionContext>) => [...contexts].map(c => `${c.tokenOffset}-${c.tokenEndOffset} ${at(c.node)} #${id(c.node)}: ` +
        c.features.map(f => `${f.type ?? ''}|${f.property ?? ''}|${f.feature.$type}#${id(f.feature)}`).join(', '));

    /**
     * Offsets all through the text: two hundred spread evenly, and those around the start, the first token
     * and the end of stages and touchpoints, where the provider chooses where to start.
     */
    function offsets(document: LangiumDocument): number[] {
        const text = document.textDocument.getText();
        const chosen = new Set<number>([0, text.length]);
        const step = Math.max(1, Math.floor(text.length / 200));
        for (let offset = 0; offset <= text.length; offset += step) {
            chosen.add(offset);
        }
        const blocks = AstUtils.streamAst(document.parseResult.value).filter(node => node.$type === 'Stage' || node.$type === 'Touchpoint').toArray();
        for (const node of blocks.filter((_, i) => i % Math.max(1, Math.floor(blocks.length / 12)) === 0)) {
            const cst = node.$cstNode!;
            const first = CstUtils.streamCst(cst).find(leaf => isLeafCstNode(leaf) && !leaf.hidden)!;
            for (const around of [cst.offset, first.end, cst.end]) {
                [around - 1, around, around + 1].filter(offset => offset >= 0 && offset <= text.length).forEach(offset => chosen.add(offset));
            }
        }
        return [...chosen].sort((a, b) => a - b);
    }

    test.each(Object.keys(files))('the same contexts at offsets all through the text: %s', name => {
        const document = fastDocuments[name];
        const ours = fast.Journey.lsp.CompletionProvider as unknown as Contexts;
        const theirs = new DefaultCompletionProvider(fast.Journey) as unknown as Contexts;
        for (const offset of offsets(document)) {
            const position = document.textDocument.positionAt(offset);
            expect(describeContexts(ours.buildContexts(document, position)), `at offset ${offset}`).toEqual(describeContexts(theirs.buildContexts(document, position)));
        }
    });
});
