import { DefaultLexerErrorMessageProvider } from 'langium';

/** Lexer errors that name the likely mistake (an unclosed string or comment) instead of a bare offset. */
export class JourneyLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, _line?: number, _column?: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"') || text.startsWith("'")) {
            return `Unterminated string: close it with ${text[0]} on the same line.`;
        }
        if (text.startsWith('/*')) {
            return 'Unterminated comment: close it with */.';
        }
        const shown = [...text].slice(0, 10).map(char => /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? char : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join('');
        return length === 1
            ? `Unexpected character '${shown}': not part of the journey language.`
            : `Unexpected characters '${shown}${length > 10 ? '…' : ''}': not part of the journey language.`;
    }
}
