import type { ChangeKind, JourneyChange } from '../../map/compare/compare-journeys.js';
import type { JourneySummary } from '../../map/model.js';
import type { JourneyDiff } from './journey-diffs.js';

/** The kinds whose change has no value before (a step or a note that is new), and those with none after. */
const NOTHING_BEFORE: ReadonlySet<ChangeKind> = new Set(['step-added', 'note-added']);
const NOTHING_AFTER: ReadonlySet<ChangeKind> = new Set(['step-removed', 'note-removed']);

/**
 * `journey diff --format json`: `{"journeys": [{name, status, file, figures: {before, after}, changes}]}`.
 * Every change has `kind`, `stage` and `touchpoint` (null for the journey's own title; `touchpoint` null
 * for a stage's title too), `from` and `to` where the kind has them (null where a value was not given:
 * an owner added), `persona` for a grade (null in a journey that names none), and the engine's `note`,
 * `replaces` and `replacedBy` where it has them. JSON escapes every control character (`\u001b`).
 */
export function diffJson(diffs: JourneyDiff[]): string {
    return JSON.stringify({
        journeys: diffs.map(diff => ({
            name: diff.name,
            status: diff.status,
            file: diff.file,
            figures: { before: figures(diff.before?.summary), after: figures(diff.after?.summary) },
            changes: diff.comparison?.changes.map(changeJson) ?? []
        }))
    }, undefined, 2);
}

function changeJson(change: JourneyChange): Record<string, unknown> {
    const json: Record<string, unknown> = { kind: change.kind, stage: change.stage === '' ? null : change.stage, touchpoint: change.touchpoint ?? null };
    if (change.kind === 'emotion') {
        json.persona = change.persona ?? null;
    }
    if (change.note !== undefined) {
        json.note = change.note;
    }
    if (!NOTHING_BEFORE.has(change.kind)) {
        json.from = change.from ?? null;
    }
    if (!NOTHING_AFTER.has(change.kind)) {
        json.to = change.to ?? null;
    }
    if (change.replaces !== undefined) {
        json.replaces = change.replaces;
    }
    if (change.replacedBy !== undefined) {
        json.replacedBy = change.replacedBy;
    }
    return json;
}

/** The figures of a side; null on the side a journey is not on. */
function figures(summary: JourneySummary | undefined) {
    return summary === undefined ? null : {
        touchpoints: summary.touchpoints,
        stages: summary.stages,
        averageEmotion: summary.averageEmotion ?? null,
        totalContacts: summary.totalContacts,
        totalDurationMinutes: summary.totalDurationMinutes
    };
}
