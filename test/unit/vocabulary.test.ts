import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { TOUCHPOINT_PROPERTIES } from '../../src/language/touchpoint-properties.js';
import { NOTE_KINDS } from '../../src/map/vocabulary/notes.js';

/** The vocabulary tables say what the grammar says: the same rules, keywords and properties. */
const grammar = createJourneyServices(EmptyFileSystem).Journey.Grammar;

function rule(name: string): GrammarAST.ParserRule {
    const found = grammar.rules.find(r => r.name === name);
    if (!GrammarAST.isParserRule(found)) {
        throw new Error(`no parser rule ${name}`);
    }
    return found;
}

const keywordsOf = (node: GrammarAST.AbstractElement) => AstUtils.streamAst(node).filter(GrammarAST.isKeyword).map(k => k.value).toArray();

describe('the vocabulary and the grammar agree', () => {
    test('the note kinds are the keywords of the Note rule; those that may name an owner, of its alternative with an owner', () => {
        const definition = rule('Note').definition;
        expect(new Set(NOTE_KINDS.map(note => note.kind))).toEqual(new Set(keywordsOf(definition)));
        const owned = AstUtils.streamAst(definition).filter(GrammarAST.isGroup)
            .filter(group => group.elements.some(element => GrammarAST.isAssignment(element) && element.feature === 'owner'))
            .flatMap(group => keywordsOf(group)).toArray();
        expect(NOTE_KINDS.filter(note => note.owned).map(note => note.kind)).toEqual(owned);
    });

    test('the touchpoint properties are the alternatives of Touchpoint\'s properties, each starting with its keyword, its value a property of its rule', () => {
        const properties = AstUtils.streamAst(rule('Touchpoint').definition).filter(GrammarAST.isAssignment).find(a => a.feature === 'properties')!;
        const alternatives = AstUtils.streamAst(properties.terminal).filter(GrammarAST.isRuleCall).map(call => call.rule.ref!.name).toArray();
        expect(new Set(TOUCHPOINT_PROPERTIES.map(property => property.type))).toEqual(new Set(alternatives));
        for (const property of TOUCHPOINT_PROPERTIES) {
            const definition = rule(property.type).definition;
            expect(keywordsOf(definition)).toContain(property.keyword);
            if (property.value) {
                const assigned = AstUtils.streamAst(definition).filter(GrammarAST.isAssignment).map(a => a.feature).toArray();
                expect(assigned).toContain(property.value);
            }
        }
    });
});
