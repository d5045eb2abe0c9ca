import { readFileSync } from 'node:fs';
import { createLangiumParser, CstUtils, EmptyFileSystem, isAstNode, isLeafCstNode, isReference, type LangiumParser, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { isJourneyFile, type JourneyFile } from '../../src/language/generated/ast.js';
import { EXAMPLES } from '../helpers/cli-process.js';

const services = createJourneyServices(EmptyFileSystem).Journey;
const parser = services.parser.LangiumParser;
/** Langium's own parser for the grammar: Chevrotain's recovery as it comes, recursion and all. */
const reference: LangiumParser = createLangiumParser(services);

function declarations(result: ParseResult): JourneyFile['declarations'] {
    expect(isJourneyFile(result.value)).toBe(true);
    return (result.value as JourneyFile).declarations;
}

/** An AST as plain data: types, values, and references by their text. */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(plain);
    }
    if (isReference(value)) {
        return { ref: value.$refText };
    }
    if (isAstNode(value)) {
        return Object.fromEntries([['$type', value.$type], ...Object.entries(value).filter(([key]) => !key.startsWith('$')).map(([key, v]) => [key, plain(v)])]);
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

describe('error recovery does not recurse once per error', () => {
    // Before: RangeError: Maximum call stack size exceeded, and no diagnostics for any file of the build.
    test('2,000 declarations each followed by a stray token: every declaration is read, each stray token is one error', () => {
        const result = parser.parse('owner A foo\n'.repeat(2000));
        expect(declarations(result)).toHaveLength(2000);
        expect(result.parserErrors).toHaveLength(2000);
        expect(result.parserErrors[1999].message).toBe('Expected a declaration (owner, channel, persona or journey) but found `foo`.');
        expect(result.parserErrors[1999].token.startLine).toBe(2000);
    });

    test('1,500 declarations each followed by an unterminated string', () => {
        const result = parser.parse('owner A "unclosed\n'.repeat(1500));
        expect(declarations(result)).toHaveLength(1500);
        expect(result.lexerErrors).toHaveLength(1500);
    });

    test('5,000 touchpoints of one stage, each followed by a stray token and holding one', () => {
        const touchpoints = Array.from({ length: 5000 }, (_, i) => `    touchpoint T${i} { owner O junk emotion 3 } junk\n`).join('');
        const result = parser.parse(`journey J {\n  stage S {\n${touchpoints}  }\n}\n`);
        const journey = declarations(result)[0];
        expect(journey.$type).toBe('Journey');
        const stage = (journey as Extract<JourneyFile['declarations'][number], { $type: 'Journey' }>).stages[0];
        expect(stage.touchpoints).toHaveLength(5000);
        expect(stage.touchpoints.every(t => t.properties.length === 2)).toBe(true);
        expect(result.parserErrors).toHaveLength(10_000);
    });
});

describe('the same tree, the same leaves and the same errors as Langium\'s own parser', () => {
    const passport = readFileSync(`${EXAMPLES}/passport-renewal.journey`, 'utf-8');
    // Few enough errors for Chevrotain's recursion to cope: the two must agree on every one.
    const cases: Record<string, string> = {
        'stray tokens between declarations': 'owner A foo\nowner B "x" bar baz\nchannel C 42\npersona P { goal "g" } }\n'.repeat(40),
        'unterminated strings': 'owner A "unclosed\nchannel C "ok"\npersona P "also unclosed\n'.repeat(40),
        'stray tokens in stages and touchpoints': `journey J {\n${'  stage S { junk touchpoint T { owner O 7 emotion x 3 pain } }\n'.repeat(60)}}\n`,
        'missing braces': 'journey J {\n  stage S {\n    touchpoint T { owner O\n  stage R { touchpoint U }\n'.repeat(30),
        'an example with every tenth line cut short': passport.split('\n').map((line, i) => i % 10 === 3 ? line.slice(0, Math.floor(line.length / 2)) : line).join('\n'),
        'an example with stray tokens sprinkled in': passport.split('\n').map((line, i) => i % 7 === 2 ? `${line} ~ "x" 12` : line).join('\n'),
        'an example as it is, comments and all': passport,
        'comments everywhere': '/* a */ owner /* b */ A // c\n// d\nowner B /* e */ "t" /* f */\n/* g */'
    };
    for (const [name, text] of Object.entries(cases)) {
        test(name, () => {
            const ours = parser.parse(text);
            expect(observed(ours)).toEqual(observed(reference.parse(text)));
        });
    }
});
