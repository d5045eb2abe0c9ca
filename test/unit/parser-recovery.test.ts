import { EmptyFileSystem, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { isJourneyFile, type JourneyFile } from '../../src/language/generated/ast.js';

const services = createJourneyServices(EmptyFileSystem).Journey;
const parser = services.parser.LangiumParser;

function declarations(result: ParseResult): JourneyFile['declarations'] {
    expect(isJourneyFile(result.value)).toBe(true);
    return (result.value as JourneyFile).declarations;
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
