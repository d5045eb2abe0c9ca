import { AstUtils, diagnosticData, type LangiumDocument, type ParseResult, type ReferenceInfo, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { WalkingDocumentValidator } from '../fast/walking-document-validator.js';
import { isJourney, isReplacesProperty } from '../generated/ast.js';
import { IssueCodes, withCode } from './issue-codes.js';
import { plural } from '../../map/format.js';

/** Syntax errors shown per file; the rest are counted in one more diagnostic. */
export const MAX_SYNTAX_ERRORS = 100;

const SYNTAX_ERROR_CODES: ReadonlySet<unknown> = new Set([IssueCodes.LexingError, IssueCodes.ParsingError]);

/**
 * Langium's document validator, with:
 * - a `code` on every diagnostic: Langium puts the code of its own (lexing, parsing, linking errors) only in
 *   `data`, and the editor's Problems panel and `journey validate` show `code`;
 * - the code of the parser's own problems (a file that is not text, a failure: see JourneyParser);
 * - at most MAX_SYNTAX_ERRORS syntax errors per file, the earliest, and one more diagnostic that counts the
 *   rest: a junk file would otherwise give one per character (hundreds of megabytes of diagnostics), and
 *   nobody reads past the first errors of a file anyway;
 * - no linking error for the steps `replaces` names in a journey whose redesign is missing or not declared:
 *   there are no steps to name, and the journey's own diagnostic says why (`replaces-without-redesign`, or
 *   the linking error on `redesigns`), once instead of once per step.
 */
export class JourneyDocumentValidator extends WalkingDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const data: unknown = diagnostic.data;
            if (diagnostic.code === undefined && typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') {
                diagnostic.code = data.code;
            }
        }
        return capSyntaxErrors(diagnostics);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const linking: Diagnostic[] = [];
        super.processLinkingErrors(document, linking, options);
        const unnamed = new Set<number>();
        if (linking.length > 0) {
            for (const reference of document.references) {
                if (reference.error && reference.$refNode && hasNoStepsToName(reference.error.info)) {
                    unnamed.add(reference.$refNode.offset);
                }
            }
        }
        for (const diagnostic of linking) {
            if (unnamed.size === 0 || !unnamed.has(document.textDocument.offsetAt(diagnostic.range.start))) {
                diagnostics.push(diagnostic);
            }
        }
    }

    /** Langium's, then the code each of the parser's own problems carries (they come last, in their order). */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processLexingErrors(parseResult, diagnostics, options);
        const reported = parseResult.lexerReport?.diagnostics ?? [];
        reported.forEach((problem, i) => {
            if ('code' in problem && typeof problem.code === 'string') {
                diagnostics[diagnostics.length - reported.length + i].data = diagnosticData(problem.code);
            }
        });
    }

}

/** A step of `replaces` in a journey that redesigns no declared journey. */
function hasNoStepsToName(reference: ReferenceInfo): boolean {
    return isReplacesProperty(reference.container) && !AstUtils.getContainerOfType(reference.container, isJourney)?.redesigns?.ref;
}

/** The diagnostics with only the earliest MAX_SYNTAX_ERRORS syntax errors, and one that counts the others. */
function capSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
    const syntax = diagnostics.filter(diagnostic => SYNTAX_ERROR_CODES.has(diagnostic.code));
    if (syntax.length <= MAX_SYNTAX_ERRORS) {
        return diagnostics;
    }
    syntax.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const shown = new Set(syntax.slice(0, MAX_SYNTAX_ERRORS));
    const firstLeftOut = syntax[MAX_SYNTAX_ERRORS];
    const leftOut = syntax.length - MAX_SYNTAX_ERRORS;
    const more: Diagnostic = {
        severity: DiagnosticSeverity.Error,
        range: firstLeftOut.range,
        message: `${plural(leftOut, 'more syntax error')} from here on are not shown, ` +
            `only the first ${MAX_SYNTAX_ERRORS}: fix those first (or check that this is a journey file).`,
        ...withCode(IssueCodes.MoreSyntaxErrors)
    };
    return [...diagnostics.filter(diagnostic => !SYNTAX_ERROR_CODES.has(diagnostic.code) || shown.has(diagnostic)), more];
}
