import { describe, expect, test } from 'vitest';
import { csvField } from '../../src/map/exporters/csv.js';
import { markdownText } from '../../src/map/markdown-text.js';
import { mermaidLabel } from '../../src/map/exporters/mermaid.js';
import { identifier, stringLiteral } from '../../src/cli/import/mermaid-import.js';
import { readMermaidJourneys } from '../../src/cli/import/mermaid-parser.js';

/** The small text functions behind `journey export` and `journey import`. */
describe('names made from titles', () => {
    test.each([
        ['Make tea', 'MakeTea'],
        ['my-working day', 'MyWorkingDay'],
        ['1st step', '_1stStep'],
        ['Café au lait', 'CaféAuLait'],
        ['去上班', '去上班'],
        ['☕ & 🍰', 'Fallback'],
        ['', 'Fallback'],
        ['for', 'For'],
        ['A very long task title that goes on and on and on', 'AVeryLongTaskTitleThatGoesOnAnd']
    ])('%j -> %s', (title, name) => {
        expect(identifier(title, 'Fallback')).toBe(name);
        expect(name).toMatch(/^[_\p{L}][\p{L}\p{N}_-]*$/u);
    });

    test('string literals escape quotes and backslashes and stay on one line', () => {
        expect(stringLiteral('Say "hi" \\ bye\nnow')).toBe('"Say \\"hi\\" \\\\ bye now"');
    });
});

describe('Mermaid labels', () => {
    test('syntax characters become entity codes; a task never starts with a statement', () => {
        expect(mermaidLabel('a: b; c # d %% e <f>')).toBe('a#58; b#59; c #35; d #37;#37; e #60;f#62;');
        expect(mermaidLabel('one\ntwo')).toBe('one two');
        expect(mermaidLabel('A, B', { commas: true })).toBe('A#44; B');
        expect(mermaidLabel('Section 8 form', { task: true })).toBe('#83;ection 8 form');
        expect(mermaidLabel('Section 8 form')).toBe('Section 8 form');
        expect(mermaidLabel('Journeys', { task: true })).toBe('Journeys');
    });

    test('the reader decodes them back', () => {
        const [journey] = readMermaidJourneys(`journey\ntitle ${mermaidLabel('a: b; c # d %% e <f>')}\nsection S\n${mermaidLabel('Title: x', { task: true })}: 4: ${mermaidLabel('A, B', { commas: true })}\n`, false);
        expect(journey.title).toBe('a: b; c # d %% e <f>');
        expect(journey.sections[0].tasks).toEqual([{ title: 'Title: x', score: 4, scoreText: '4', actors: ['A, B'], comments: [], ungraded: false }]);
    });
});

describe('CSV fields', () => {
    test.each([
        ['plain', 'plain'],
        ['a,b', '"a,b"'],
        ['say "hi"', '"say ""hi"""'],
        ['two\nlines', '"two\nlines"'],
        ['=SUM(A1)', "'=SUM(A1)"],
        ['+1', "'+1"],
        ['-cmd', "'-cmd"],
        ['@import', "'@import"],
        ['\tTAB', "'\tTAB"],
        ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
        [3, '3'],
        [undefined, ''],
        // Control characters (here CSI 2 J, OSC 52, a carriage return) replaced: printing the file runs nothing.
        ['\u001b[2J clear', '\uFFFD[2J clear'],
        ['\u001b]52;c;eA==\u0007', '\uFFFD]52;c;eA==\uFFFD'],
        ['a\rb', 'a\uFFFDb']
    ])('%j -> %s', (value, field) => {
        expect(csvField(value)).toBe(field);
    });
});

describe('Markdown text', () => {
    test('escapes what would be markup, a table cell border, a mention or a shortcode', () => {
        expect(markdownText('a | b *c* _d_ [e](f) <img> `g` @h #1 :smile: 10:30 x\ny')).toBe(
            'a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<img\\> \\`g\\` \\@h \\#1 \\:smile: 10:30 x y');
    });
});
