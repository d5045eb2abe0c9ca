import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Langium's STRING conversion appends the text one character at a time: every title, feeling and note
 * becomes a chain of V8 "cons strings", one 32-byte object per character after the twelfth, which are
 * allocated on every parse and kept in the AST (a third of the heap of a large journey). This one
 * gives the same value as one flat slice of the text, escapes converted exactly as Langium does.
 */
export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name.toUpperCase() === 'STRING' ? convertString(input) : super.runConverter(rule, input, cstNode);
    }
}

/**
 * `ValueConverter.convertString` of Langium, without the per-character appends: the text between the
 * first and the last character, each backslash and the character after it replaced by that character
 * (b, f, n, r, t, v and 0 by their control characters).
 */
export function convertString(input: string): string {
    const end = input.length - 1;
    if (end < 1) {
        return '';
    }
    let backslash = input.indexOf('\\', 1);
    if (backslash < 0 || backslash >= end) {
        return input.substring(1, end);
    }
    const parts: string[] = [];
    let from = 1;
    while (backslash >= 0 && backslash < end) {
        parts.push(input.substring(from, backslash), escaped(input.charAt(backslash + 1)));
        from = backslash + 2;
        backslash = input.indexOf('\\', from);
    }
    if (from < end) {
        parts.push(input.substring(from, end));
    }
    return parts.join('');
}

function escaped(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}
