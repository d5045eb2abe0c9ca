import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';

const TERMINAL_LABELS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted text',
    NUMBER: 'a number'
};

/** What a token type looks like to someone writing a journey: `'{'`, `a name`, `a quoted text`. */
function describe(type: TokenType): string {
    const name = type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
    return TERMINAL_LABELS[name] ?? `'${name}'`;
}

/** Only declarations may follow a declaration at the top of a file, and the end of the file. */
const TOP_LEVEL = 'a declaration (owner, channel, persona or journey)';

function oneOf(types: TokenType[]): string {
    const labels = [...new Set(types.map(describe))];
    return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

function found(token: IToken | undefined): string {
    return token?.image ? `\`${token.image}\`` : 'the end of the file';
}

/**
 * Parser errors in the words of the journey language ("Expected a name but found `}`") instead of
 * chevrotain's token type names and alternative lists.
 */
export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType, actual: IToken }): string {
        // The end of the file (Chevrotain's EOF) is what recovery at the top level expects after a declaration.
        return `Expected ${expected.name === 'EOF' ? TOP_LEVEL : describe(expected)} but found ${found(actual)}.`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return `Expected ${TOP_LEVEL} but found ${found(firstRedundant)}.`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][], actual: IToken[] }): string {
        const firstTokens = expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0])).filter(Boolean);
        return `Expected ${oneOf(firstTokens)} but found ${found(actual[0])}.`;
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][], actual: IToken[] }): string {
        const firstTokens = expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `Expected at least one ${oneOf(firstTokens)} but found ${found(actual[0])}.`;
    }
}
