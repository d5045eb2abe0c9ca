import {
    DefaultDocumentValidator, diagnosticData, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions
} from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { AstWalk } from '../fast/ast-traversal.js';
import { IssueCodes } from './issue-codes.js';
import { formatCount } from '../../map/format.js';

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
 * - Langium's loop over the nodes, faster (validateAstNodes).
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
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

    /**
     * Langium's loop over every node, unchanged in what it does (each node's checks in registration
     * order, one at a time, awaited, nodes in `streamAst` order, children pruned as
     * validateSingleNodeOptions says), walked by AstWalk, with each type's checks looked up once per
     * document instead of once per node, and no await for a node that has no checks.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        const walk = new AstWalk(rootNode, cancelToken);
        for (let node = walk.next(); node; node = walk.next()) {
            const pause = walk.pause();
            if (pause) {
                await pause;
            }
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksByType.set(node.$type, checks);
                }
                for (const check of checks) {
                    await check(node, acceptor, cancelToken);
                }
            }
            if (nodeOptions.validateChildren) {
                walk.descend(node);
            }
        }
    }
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
        message: `${formatCount(leftOut)} more syntax error${leftOut === 1 ? '' : 's'} from here on are not shown, ` +
            `only the first ${MAX_SYNTAX_ERRORS}: fix those first (or check that this is a journey file).`,
        code: IssueCodes.MoreSyntaxErrors,
        data: diagnosticData(IssueCodes.MoreSyntaxErrors)
    };
    return [...diagnostics.filter(diagnostic => !SYNTAX_ERROR_CODES.has(diagnostic.code) || shown.has(diagnostic)), more];
}
