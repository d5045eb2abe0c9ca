import type { Diagnostic } from 'vscode-languageserver';
import { displayPath } from './cli-util.js';
import { collectJourneyFiles, type JourneyFileSet } from './journey-files.js';
import { diagnosticsOf, fileSizes, loadWorkspace, type WorkspaceOptions } from './journey-workspace.js';
import { toSarif } from './sarif.js';
import { shareCount, validateInShares } from './validate/parallel-validation.js';
import { toRecord, type ValidationRecord } from './validation-record.js';
import { plural } from '../map/format.js';

export interface ValidateOptions {
    format: 'text' | 'json' | 'sarif';
    workspace?: string;
    /** Exit 1 when there are more warnings than this. */
    maxWarnings?: number;
    /** The tool's version, for SARIF. */
    version?: string;
    /** How many threads check the files (by default one per core, for a workspace large enough to gain from them). */
    jobs?: number;
}

/**
 * Checks the files and prints what it finds; resolves to the exit code: 1 when any error is found, or
 * more warnings than `maxWarnings` (said on `warn`). `progress` is told how far it has gone (a line the
 * next one replaces; `undefined` once done).
 */
export async function validate(paths: string[], options: ValidateOptions, print: (text: string) => void,
    warn: (text: string) => void = () => undefined, progress: (text: string | undefined) => void = () => undefined): Promise<number> {
    const files = await collectJourneyFiles(paths, options.workspace, warn);
    const diagnostics = await diagnosticsByFile(files, options.jobs,
        (step, done, total) => progress(`journey: ${step} ${done.toLocaleString('en')} of ${plural(total, 'file')}`));
    progress(undefined);
    const records = files.checked.flatMap(file =>
        diagnostics.get(file)!.map(diagnostic => toRecord(displayPath(file), diagnostic)));

    if (options.format === 'json') {
        print(JSON.stringify(records, undefined, 2));
    } else if (options.format === 'sarif') {
        print(JSON.stringify(toSarif(records, options.version ?? '0.0.0'), undefined, 2));
    } else {
        for (const r of records) {
            print(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}`);
        }
        print(summary(files.checked.length, records));
    }
    const warnings = records.filter(record => record.severity === 'warning').length;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        warn(`journey: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}`);
        return 1;
    }
    return records.some(record => record.severity === 'error') ? 1 : 0;
}

/** The diagnostics of each checked file, found by threads (parallel-validation.ts) or in this one. */
async function diagnosticsByFile(files: JourneyFileSet, jobs: number | undefined, progress: WorkspaceOptions['progress']): Promise<Map<string, Diagnostic[]>> {
    const all = [...files.checked, ...files.context];
    const sizes = await fileSizes(all);
    const shares = shareCount(sizes, jobs);
    if (shares > 1) {
        return validateInShares(all, sizes, new Set(files.checked), shares, progress);
    }
    const { documents } = await loadWorkspace(all, { progress });
    return new Map(files.checked.map(file => [file, diagnosticsOf(documents.get(file)!)]));
}

function summary(fileCount: number, records: ValidationRecord[]): string {
    const counts = (['error', 'warning', 'information', 'hint'] as const)
        .map(severity => [severity, records.filter(r => r.severity === severity).length] as const)
        .filter(([, n]) => n > 0)
        .map(([severity, n]) => plural(n, severity === 'information' ? 'info' : severity));
    return `${plural(fileCount, 'file')} checked: ${counts.length > 0 ? counts.join(', ') : 'no problems'}`;
}

