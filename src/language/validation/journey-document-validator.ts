import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';

/**
 * Langium puts the code of its own diagnostics (lexing, parsing, linking errors) only in `data`; the
 * editor's Problems panel and `journey validate` show `code`, so every diagnostic gets one.
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
        return diagnostics;
    }
}
