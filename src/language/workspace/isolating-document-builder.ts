import {
    DefaultDocumentBuilder, DocumentState, isOperationCancelled, type AstNode, type LangiumDocument, type MaybePromise
} from 'langium';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { IssueCodes, withCode } from '../validation/issue-codes.js';

/** What a document was being brought to when the language failed on it, in the words of the diagnostic. */
const PHASES: Partial<Record<DocumentState, string>> = {
    [DocumentState.Parsed]: 'reading it',
    [DocumentState.IndexedContent]: 'indexing its declarations',
    [DocumentState.ComputedScopes]: 'collecting its names',
    [DocumentState.Linked]: 'resolving its references',
    [DocumentState.IndexedReferences]: 'indexing its references',
    [DocumentState.Validated]: 'checking it'
};

interface Failure {
    state: DocumentState;
    reason: string;
}

/**
 * Langium's document builder, where a failure while building one document costs that document only.
 * Langium runs each phase (parse, index, link, validate...) over every document of a build, and an
 * exception from one document ends the whole build: no document of the workspace (or of a `journey
 * validate` run) got its diagnostics, and a server whose workspace held such a file published none.
 *
 * Here the document that failed goes on to the next phases as far as it can, and its diagnostics say what
 * happened (`internal-error`); the other documents are built as usual. Cancellation still ends the build.
 */
export class IsolatingDocumentBuilder extends DefaultDocumentBuilder {
    /** The first failure of each document, until the document is reset to before the phase that failed. */
    readonly #failures = new WeakMap<LangiumDocument, Failure>();

    protected override runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) {
                    throw error;
                }
                if (!this.#failures.has(document)) {
                    this.#failures.set(document, { state: targetState, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
                }
                if (targetState === DocumentState.Validated) {
                    document.diagnostics = [failureDiagnostic(this.#failures.get(document)!)];
                    this.markAsCompleted(document);
                }
            }
        });
    }

    /** Langium's validation, and the diagnostic of a failure in an earlier phase. */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        await super.validate(document, cancelToken);
        const failure = this.#failures.get(document);
        if (failure) {
            (document.diagnostics ??= []).push(failureDiagnostic(failure));
        }
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        super.resetToState(document, state);
        const failure = this.#failures.get(document);
        if (failure && failure.state > state) {
            this.#failures.delete(document);
        }
    }
}

function failureDiagnostic(failure: Failure): Diagnostic {
    return {
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `The journey language failed on this file while ${PHASES[failure.state] ?? 'building it'} (${failure.reason}): ` +
            'its diagnostics may be incomplete. Other files are not affected. Please report this, with the file if you can.',
        ...withCode(IssueCodes.InternalError)
    };
}
