/**
 * `journey validate --format sarif`: SARIF 2.1.0, the format code-scanning tools read (GitHub code
 * scanning, Azure DevOps, IDE viewers). One run; the driver lists a rule for each code that occurs, and
 * each result points at its file (relative to the working directory, with `%SRCROOT%` as its base) and
 * 1-based region. Severity maps to level: error -> error, warning -> warning, information and hint -> note.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeverityName, ValidationRecord } from './validate-command.js';

/** What each code means, as the README's table of diagnostics says it. */
const RULES: Record<string, string> = {
    'missing-owner': 'A touchpoint has no owner: who delivers this service?',
    'unscored-touchpoint': 'A touchpoint has no emotion grade: a hole in the emotional curve.',
    'emotion-out-of-range': 'An emotion grade that is not a whole number from 1 to 5.',
    'invalid-measure': 'Negative or fractional contacts, a negative duration, or an unknown duration unit.',
    'linking-error': 'An owner, channel or persona declared in no .journey file of the workspace.',
    'duplicate-name': 'Two declarations of one kind with one name.',
    'duplicate-property': 'A single-valued property given twice.',
    'empty-stage': 'A stage with no touchpoints.',
    'missing-persona': 'A journey with no `for <persona>`.',
    'unused-declaration': 'An owner, channel or persona that no journey in the workspace uses.',
    'low-moment-of-truth': 'A moment of truth graded 1 or 2 with no idea: a critical low point with no improvement planned.',
    'steep-drop': 'The grade falls by 3 or more from one touchpoint to the next with no pain saying why.',
    'control-character': 'A text holds a control character: on a terminal it would be a command.',
    'lexing-error': 'Text that is not the journey language (an unterminated string or comment, say).',
    'parsing-error': 'Text that is not the journey language (a missing brace, say).',
    'more-syntax-errors': 'The syntax errors of a file past its first 100, counted in one.',
    'not-text': 'The file holds a NUL byte or bytes that are not UTF-8: it is not read.',
    'internal-error': 'The journey language failed on this file (a bug); the other files are not affected.'
};

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<SeverityName, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(records: ValidationRecord[], version: string): object {
    const ruleIds = [...new Set(records.map(r => r.code))].sort();
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'journey',
                    fullName: 'Journey Maps validator',
                    version,
                    semanticVersion: version,
                    rules: ruleIds.map(id => ({
                        id,
                        name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
                        shortDescription: { text: RULES[id] ?? id },
                        defaultConfiguration: { level: defaultLevel(id, records) }
                    }))
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
            results: records.map(record => ({
                ruleId: record.code,
                ruleIndex: ruleIds.indexOf(record.code),
                level: LEVELS[record.severity],
                message: { text: record.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: artifactLocation(record.file),
                        region: {
                            startLine: record.line,
                            startColumn: record.column,
                            endLine: record.endLine,
                            endColumn: record.endColumn
                        }
                    }
                }]
            }))
        }]
    };
}

function defaultLevel(id: string, records: ValidationRecord[]): Level {
    return LEVELS[records.find(r => r.code === id)!.severity];
}

/** A path relative to the working directory (with forward slashes) is relative to %SRCROOT%; others are file URIs. */
function artifactLocation(file: string): { uri: string, uriBaseId?: string } {
    if (path.isAbsolute(file)) {
        return { uri: pathToFileURL(file).href };
    }
    return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
