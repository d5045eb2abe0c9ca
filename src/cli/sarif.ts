/**
 * `journey validate --format sarif`: SARIF 2.1.0, the format code-scanning tools read (GitHub code
 * scanning, Azure DevOps, IDE viewers). One run; the driver lists a rule for each code that occurs, and
 * each result points at its file (relative to the working directory, with `%SRCROOT%` as its base) and
 * 1-based region. Severity maps to level: error -> error, warning -> warning, information and hint -> note.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { issueOf, type IssueSeverity } from '../language/validation/issue-codes.js';
import type { ValidationRecord } from './validation-record.js';

type Level = 'error' | 'warning' | 'note';

const LEVELS: Record<IssueSeverity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

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
                        shortDescription: { text: sentence(issueOf(id)?.description ?? id) },
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

/** The code's severity unless a setting changes it; for a code the language does not have, as found. */
function defaultLevel(id: string, records: ValidationRecord[]): Level {
    return LEVELS[issueOf(id)?.severity ?? records.find(r => r.code === id)!.severity];
}

/** The table's phrase as a sentence: "a touchpoint has no owner" → "A touchpoint has no owner." */
function sentence(phrase: string): string {
    return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}${/[.?!]$/.test(phrase) ? '' : '.'}`;
}

/** A path relative to the working directory (with forward slashes) is relative to %SRCROOT%; others are file URIs. */
function artifactLocation(file: string): { uri: string, uriBaseId?: string } {
    if (path.isAbsolute(file)) {
        return { uri: pathToFileURL(file).href };
    }
    return { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
