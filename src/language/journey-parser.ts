import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * Langium's parser, letting go of the tokens of the text it parsed last. Chevrotain keeps the token
 * vector of the last parse until the next one: with a large journey open, some 24 tokens per touchpoint
 * (and their text), a sixth of the server's heap, for nothing. The parse itself is Langium's.
 */
export class JourneyParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** Langium's createLangiumParser, with the class above. */
export function createJourneyParser(services: LangiumCoreServices): JourneyParser {
    const parser = createParser(services.Grammar, new JourneyParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
