import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, test } from 'vitest';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { exampleFiles } from '../helpers/example-models.js';

/**
 * The TextMate grammar on its own (no language server), tokenized with the same engine as VS Code
 * (vscode-textmate + Oniguruma): what the first paint and TextMate-only viewers show.
 */
let grammar: IGrammar;

beforeAll(async () => {
    const require = createRequire(import.meta.url);
    await loadWASM((await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'))).buffer);
    const registry = new Registry({
        onigLib: Promise.resolve({ createOnigScanner: patterns => new OnigScanner(patterns), createOnigString: text => new OnigString(text) }),
        loadGrammar: async () => JSON.parse(await readFile(new URL('../../syntaxes/journey.tmLanguage.json', import.meta.url), 'utf-8')) as IRawGrammar
    });
    grammar = (await registry.loadGrammar('source.journey'))!;
});

/** Each token of a text as `text: innermost scope`, with the rule stack left at the end. */
function tokenize(text: string) {
    let stack = INITIAL;
    const tokens: { text: string, scope: string, line: number }[] = [];
    text.split('\n').forEach((line, index) => {
        const result = grammar.tokenizeLine(line, stack);
        for (const token of result.tokens) {
            const part = line.slice(token.startIndex, token.endIndex);
            if (part.trim()) {
                tokens.push({ text: part.trim(), scope: token.scopes.at(-1)!, line: index + 1 });
            }
        }
        stack = result.ruleStack;
    });
    return { tokens, endStack: stack };
}

function scopeOf(text: string, word: string, nth = 0): string | undefined {
    return tokenize(text).tokens.filter(t => t.text === word)[nth]?.scope;
}

describe('the TextMate grammar', () => {
    const SAMPLE = `// A comment
owner Web "Digital team" external
stakeholder Regulator "Policy unit" {
  circle wider
  gives  "The rules"
  gets   "Reports"
  link   Web "Sets the rules for"
}
persona Maria "Parent" { goal "Renew" need "Time" }
journey Trip "A trip" for Maria, Tomasz redesigns Old {
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" {
      moment of truth
      owner    Web
      with     Courier, Regulator
      channel  Site
      emotion  2 "confused"
      emotion  Tomasz 4
      replaces Form, Upload
      contacts 1
      duration 40 min
      pain "Photo \\"rejected\\""
      evidence "A receipt"
      backstage Casework "Checks the photo"
      support  Identity "Identity service"
    }
  }
}
/* done */`;

    test.each([
        ['A comment', 0, 'comment.line.double-slash.journey'],
        ['owner', 0, 'storage.type.owner.journey'],
        ['Web', 0, 'entity.name.type.owner.journey'],
        ['external', 0, 'storage.modifier.external.journey'],
        ['stakeholder', 0, 'storage.type.stakeholder.journey'],
        ['Regulator', 0, 'entity.name.type.stakeholder.journey'],
        ['circle', 0, 'keyword.other.property.journey'],
        ['wider', 0, 'constant.language.circle.journey'],
        ['gives', 0, 'keyword.other.property.journey'],
        ['gets', 0, 'keyword.other.property.journey'],
        ['link', 0, 'keyword.other.property.journey'],
        ['Web', 1, 'variable.other.party.journey'],
        ['persona', 0, 'storage.type.persona.journey'],
        ['goal', 0, 'keyword.other.property.journey'],
        ['journey', 0, 'storage.type.journey.journey'],
        ['Trip', 0, 'entity.name.type.journey.journey'],
        ['for', 0, 'keyword.other.for.journey'],
        ['Maria', 1, 'variable.other.persona.journey'],
        [',', 0, 'punctuation.separator.comma.journey'],
        ['Tomasz', 0, 'variable.other.persona.journey'],
        ['redesigns', 0, 'keyword.other.redesigns.journey'],
        ['Old', 0, 'variable.other.journey.journey'],
        ['stage', 0, 'storage.type.stage.journey'],
        ['Apply', 0, 'entity.name.type.stage.journey'],
        ['touchpoint', 0, 'storage.type.touchpoint.journey'],
        ['Form', 0, 'entity.name.type.touchpoint.journey'],
        ['moment of truth', 0, 'storage.modifier.moment-of-truth.journey'],
        ['owner', 1, 'keyword.other.property.journey'],
        ['Web', 2, 'variable.other.owner.journey'],
        ['with', 0, 'keyword.other.property.journey'],
        ['Courier', 0, 'variable.other.party.journey'],
        [',', 1, 'punctuation.separator.comma.journey'],
        ['Regulator', 1, 'variable.other.party.journey'],
        ['Site', 0, 'variable.other.channel.journey'],
        ['2', 0, 'constant.numeric.grade.journey'],
        ['Tomasz', 1, 'variable.other.persona.journey'],
        ['4', 0, 'constant.numeric.grade.journey'],
        ['replaces', 0, 'keyword.other.property.journey'],
        ['Form', 1, 'variable.other.touchpoint.journey'],
        ['Upload', 0, 'variable.other.touchpoint.journey'],
        ['1', 0, 'constant.numeric.journey'],
        ['min', 0, 'keyword.other.unit.journey'],
        ['\\"', 0, 'constant.character.escape.journey'],
        ['evidence', 0, 'keyword.other.property.journey'],
        ['backstage', 0, 'keyword.other.property.journey'],
        ['Casework', 0, 'variable.other.owner.journey'],
        ['support', 0, 'keyword.other.property.journey'],
        ['Identity', 0, 'variable.other.owner.journey'],
        ['done', 0, 'comment.block.journey']
    ])('%s (#%i) is %s', (word, nth, scope) => {
        expect(scopeOf(SAMPLE, word, nth)).toBe(scope);
    });

    test('an unclosed block leaves the stack deeper (what the check on the examples relies on)', () => {
        expect(tokenize('journey J {\n  stage S {').endStack.depth).toBe(INITIAL.depth + 2);
    });

    test('an unterminated string ends with its line', () => {
        const { tokens } = tokenize('owner Web "unclosed\nowner Desk "Desk"');
        expect(tokens.find(t => t.text === 'Desk')?.scope).toBe('entity.name.type.owner.journey');
    });

    test('every bundled example tokenizes back to the top level, with every keyword and name scoped', async () => {
        for (const [name, text] of Object.entries(await exampleFiles())) {
            const { tokens, endStack } = tokenize(text);
            expect(endStack.depth, `${name} ends inside a block, string or comment`).toBe(INITIAL.depth);
            const unscoped = tokens.filter(t => t.scope === 'source.journey' && !/^[{}]+$/.test(t.text));
            expect(unscoped, name).toEqual([]);
            expect(tokens.filter(t => t.scope.startsWith('invalid')), name).toEqual([]);
        }
    });
});
