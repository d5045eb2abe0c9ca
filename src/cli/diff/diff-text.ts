import { describeChange } from '../../map/compare/describe-change.js';
import { figureChangesLine } from '../../map/compare/figure-changes.js';
import { plural } from '../../map/format.js';
import type { DiffStatus, JourneyDiff } from './journey-diffs.js';

const STATUSES: readonly DiffStatus[] = ['changed', 'added', 'removed', 'unchanged'];

/**
 * `journey diff --format text`: per journey a line with its file, its status and its figures before and
 * after, then a line per change (indented), and a last line that counts them:
 *
 *     renew.journey: journey Renew changed: average 2.0 -> 4.0, contacts 3 -> 1, time 1 h -> 15 min
 *       Renew > Applying > Form: emotion (Maria) 2 -> 4
 *     1 journey compared: 1 changed; 1 change
 *
 * Lines of text from the files: the terminal escapes their control characters.
 */
export function diffText(diffs: JourneyDiff[]): string {
    const lines: string[] = [];
    for (const diff of diffs) {
        lines.push(`${diff.file}: journey ${diff.name} ${diff.status}: ${figureChangesLine(diff.before?.summary, diff.after?.summary)}`);
        const { comparison } = diff;
        comparison?.changes.forEach(change => lines.push(`  ${describeChange(change, comparison)}`));
    }
    const counts = STATUSES.map(status => [status, diffs.filter(diff => diff.status === status).length] as const)
        .filter(([, count]) => count > 0)
        .map(([status, count]) => `${count} ${status}`);
    const changes = diffs.reduce((sum, diff) => sum + (diff.comparison?.changes.length ?? 0), 0);
    lines.push(`${plural(diffs.length, 'journey')} compared${counts.length > 0 ? `: ${counts.join(', ')}; ${plural(changes, 'change')}` : ''}`);
    return lines.join('\n');
}
