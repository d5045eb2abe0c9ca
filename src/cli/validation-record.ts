import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { diagnosticMessage } from '../language/diagnostic-message.js';
import type { IssueSeverity } from '../language/validation/issue-codes.js';

/** One diagnostic as `journey validate --format json` prints it: 1-based lines and columns. */
export interface ValidationRecord {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: IssueSeverity;
    code: string;
    message: string;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, IssueSeverity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** A diagnostic of a file as a record. */
export function toRecord(file: string, diagnostic: Diagnostic): ValidationRecord {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? 'unknown'),
        message: diagnosticMessage(diagnostic)
    };
}
