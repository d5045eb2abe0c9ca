import {
    createParser, isOperationCancelled, type AstNode, type LangiumCoreServices, type LexingDiagnostic, type ParseResult, type ParserOptions
} from 'langium';
import { LeanParser } from '../fast/lean-parser.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { iterativeRepetitionRecovery, rememberedResyncPoints, type ChevrotainRecovery } from './linear-error-recovery.js';

/** A diagnostic of the parse that is not a syntax error of the text: its issue code says what it is. */
export interface ParseProblem extends LexingDiagnostic {
    code: string;
}

/**
 * Langium's parser, with what a file of any content needs:
 *
 * - A file that is not text (a NUL byte, or U+FFFD, which a decoder writes for bytes that are not UTF-8) is
 *   not parsed at all: it gets one diagnostic, instead of one per junk character (a 20 MB binary file gave
 *   284 MB of them).
 * - A failure inside the parser costs the file its content and gets a diagnostic that says so; it never
 *   reaches the document builder, which would give up on every other file of the build.
 * - Its error recovery costs time in proportion to the text, however many errors it holds (see
 *   linear-error-recovery.ts).
 * - Faster and lighter than Langium's (LeanParser).
 */
export class JourneyParser extends LeanParser {
    /** Forgets the resync points remembered during the last parse (they hold its tokens). */
    #forgetResyncPoints = (): void => undefined;

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const notText = notTextProblem(input);
        if (notText) {
            return this.#withoutContent<T>(notText, options);
        }
        try {
            return super.parse<T>(input, options);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            return this.#withoutContent<T>(failureProblem(error), options);
        } finally {
            this.#forgetResyncPoints();
        }
    }

    override finalize(): void {
        super.finalize();
        const recovery = this.wrapper as unknown as ChevrotainRecovery;
        iterativeRepetitionRecovery(recovery);
        this.#forgetResyncPoints = rememberedResyncPoints(recovery);
    }

    /** The parse of an empty file, with the problem that stands for the content. */
    #withoutContent<T extends AstNode>(problem: ParseProblem, options: ParserOptions | undefined): ParseResult<T> {
        const empty = super.parse<T>('', options);
        return { ...empty, lexerReport: { diagnostics: [problem] } };
    }
}

/** Langium's createLangiumParser, with the class above. */
export function createJourneyParser(services: LangiumCoreServices): JourneyParser {
    const parser = createParser(services.Grammar, new JourneyParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

function notTextProblem(text: string): ParseProblem | undefined {
    const nul = text.indexOf('\0');
    const replacement = text.indexOf('\uFFFD');
    const offset = nul < 0 ? replacement : replacement < 0 ? nul : Math.min(nul, replacement);
    if (offset < 0) {
        return undefined;
    }
    const { line, column } = lineAndColumn(text, offset);
    const what = text[offset] === '\0'
        ? 'a NUL byte, so it is binary, not text'
        : 'U+FFFD, the character a byte that is not UTF-8 is read as';
    return {
        code: IssueCodes.NotText,
        severity: 'error',
        message: `This file is not a journey: at line ${line}, column ${column} it holds ${what}. Journey files are UTF-8 text; nothing of this file was read.`,
        offset,
        length: 1,
        line,
        column
    };
}

function failureProblem(error: unknown): ParseProblem {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        code: IssueCodes.InternalError,
        severity: 'error',
        message: `The journey language failed to read this file (${reason}); nothing of it was read. Other files are not affected. Please report this, with the file if you can.`,
        offset: 0,
        length: 0,
        line: 1,
        column: 1
    };
}

/** 1-based line and column (in UTF-16 code units, as Langium's lexer counts them) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number, column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
