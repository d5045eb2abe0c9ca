import { replaceControlCharacters } from '../../map/control-characters.js';
import { figureChanges } from '../../map/compare/figure-changes.js';
import { plural } from '../../map/format.js';
import { changeList } from '../../map/exporters/markdown.js';
import { markdownText } from '../../map/markdown-text.js';
import type { JourneyDiff } from './journey-diffs.js';

/**
 * `journey diff --format markdown`, a pull-request comment: a table of the journeys with their status and
 * their figures before -> after, then the changes of each journey that changed, as a list. Every text
 * from a file is escaped (markdownText: no markup, no table break, no mention) and control characters
 * are replaced (U+FFFD), as in `journey export --format markdown`.
 */
export function diffMarkdown(diffs: JourneyDiff[]): string {
    const out = ['## Journey changes', ''];
    if (diffs.length === 0) {
        out.push('No journey to compare.', '');
        return out.join('\n');
    }
    out.push('| journey | file | status | average emotion | contacts | time |', '|---|---|---|---:|---:|---:|');
    for (const diff of diffs) {
        const cells = figureChanges(diff.before?.summary, diff.after?.summary).map(({ from, to }) => `${from} -> ${to}`);
        out.push(`| ${markdownText(diff.name)} | ${markdownText(diff.file)} | ${diff.status} | ${cells.join(' | ')} |`);
    }
    out.push('');
    for (const { name, comparison } of diffs) {
        if (comparison === undefined || comparison.changes.length === 0) {
            continue;
        }
        out.push(`### ${markdownText(name)}: ${plural(comparison.changes.length, 'change')}`, '');
        out.push(...changeList(comparison), '');
    }
    return replaceControlCharacters(out.join('\n'));
}
