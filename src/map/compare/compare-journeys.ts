/**
 * The comparison of two journey models: today's (`before`) and tomorrow's, or a file's two versions
 * (`after`). Pure and host-free: the comparison view of the map, the Markdown report, the code lens of a
 * redesign and `journey diff` all read this one result.
 *
 * Steps are the same when their names are (wherever their stages are: a step in another stage is moved);
 * a step of `after` whose `replaces` names steps of `before` takes their place; every other step of
 * `before` is removed and every other of `after` added.
 */
import type { JourneyModel, JourneySummary, NoteModel, StageModel, TouchpointModel } from '../model.js';
import { summarise } from '../summary.js';
import { formatDuration } from '../format.js';

export const CHANGE_KINDS = [
    'step-added', 'step-removed', 'step-moved', 'title', 'owner', 'channel', 'emotion', 'contacts', 'duration',
    'moment-of-truth', 'note-added', 'note-removed'
] as const;

export type ChangeKind = typeof CHANGE_KINDS[number];

/** A value before or after a change: a name, a title, a grade, a count, a duration as written ("40 min"), a flag, a note's text. */
export type ChangeValue = string | number | boolean;

export interface JourneyChange {
    kind: ChangeKind;
    /** The stage of the step: in `after`, or in `before` for a step removed (for `step-moved`, the new one). */
    stage: string;
    /**
     * The step changed; absent for a change of a stage's title (`title` of the stage `stage`), and for a
     * change of the journey's own title (then `stage` is '').
     */
    touchpoint?: string;
    /** For `emotion`: whose grade; absent in journeys that name no persona. */
    persona?: string;
    /** The value before; absent when there was none (a grade given where there was none). */
    from?: ChangeValue;
    /** The value after; absent when there is none any more. */
    to?: ChangeValue;
    /** For `note-added` and `note-removed`: the kind of note (pain, idea, backstage, quote). */
    note?: string;
    /** For `step-added`: the steps of `before` it takes the place of (`replaces`). */
    replaces?: string[];
    /** For `step-removed`: the step of `after` that takes its place. */
    replacedBy?: string;
}

export type StepStatus = 'kept' | 'changed' | 'added' | 'removed' | 'replaced';

/** A step of either journey, in the order the comparison view draws them. */
export interface ComparedStep {
    status: StepStatus;
    /** The stage it is drawn in: its stage in `after`; for a step gone, its stage in `before` (or, replaced, the stage of the step that replaces it). */
    stage: string;
    /** The step of `before`: for kept, changed, removed and replaced steps. */
    before?: TouchpointModel;
    /** The step of `after`: for kept, changed and added steps. */
    after?: TouchpointModel;
    /** For a replaced step: the name of the step of `after` that takes its place. */
    replacedBy?: string;
    /** The changes of this step (for a step added or gone, the one change that says so). */
    changes: JourneyChange[];
}

export interface ComparedStage {
    name: string;
    /** Its title in `after`, else in `before`. */
    title: string;
    status: 'kept' | 'added' | 'removed';
    /** The figures of the stage's steps: absent on the side the stage is not on. */
    before?: JourneySummary;
    after?: JourneySummary;
}

export interface JourneyComparison {
    before: JourneyModel;
    after: JourneyModel;
    /** Every change, in the order of `steps` (the journey's and the stages' titles first). */
    changes: JourneyChange[];
    /**
     * The steps of both journeys in one sequence: those of `after` in their order; a step replaced just
     * before the step that replaces it; a step removed after the step that came before it in `before`
     * and is still there in the same stage (else first in its stage; a stage removed whole after the
     * stage of the step that came before it).
     */
    steps: ComparedStep[];
    /** The stages of `after` in order, then those only in `before`. */
    stages: ComparedStage[];
}

export function compareJourneys(before: JourneyModel, after: JourneyModel): JourneyComparison {
    const oldSteps = stepsOf(before);
    const newSteps = stepsOf(after);
    const oldByName = firstByName(oldSteps);
    const newByName = firstByName(newSteps);
    const replacer = new Map<string, string>();
    for (const { touchpoint } of newSteps) {
        for (const name of touchpoint.replaces) {
            if (oldByName.has(name) && !newByName.has(name) && !replacer.has(name)) {
                replacer.set(name, touchpoint.name);
            }
        }
    }

    const steps: ComparedStep[] = newSteps.map(({ touchpoint, stage }) => {
        const old = oldByName.get(touchpoint.name);
        if (!old) {
            const replaces = touchpoint.replaces.filter(name => replacer.get(name) === touchpoint.name);
            const change: JourneyChange = { kind: 'step-added', stage: stage.name, touchpoint: touchpoint.name, to: touchpoint.title };
            return { status: 'added', stage: stage.name, after: touchpoint, changes: [replaces.length > 0 ? { ...change, replaces } : change] };
        }
        const changes = stepChanges(old.touchpoint, old.stage, touchpoint, stage, before, after);
        return { status: changes.length > 0 ? 'changed' : 'kept', stage: stage.name, before: old.touchpoint, after: touchpoint, changes };
    });

    const stageOrder = new Map(after.stages.map((stage, index) => [stage.name, index]));
    const oldIndexes = new Map(oldSteps.map(({ touchpoint }, index) => [touchpoint, index]));
    oldSteps.forEach(({ touchpoint, stage }, oldIndex) => {
        if (newByName.has(touchpoint.name)) {
            return;
        }
        const by = replacer.get(touchpoint.name);
        const removed: JourneyChange = { kind: 'step-removed', stage: stage.name, touchpoint: touchpoint.name, from: touchpoint.title };
        if (by !== undefined) {
            const at = steps.findIndex(step => step.after?.name === by);
            steps.splice(at, 0, { status: 'replaced', stage: steps[at].stage, before: touchpoint, replacedBy: by, changes: [{ ...removed, replacedBy: by }] });
            return;
        }
        const ghost: ComparedStep = { status: 'removed', stage: stage.name, before: touchpoint, changes: [removed] };
        const earlier = (step: ComparedStep): boolean => step.before !== undefined && oldIndexes.get(step.before)! < oldIndex;
        const position = stageOrder.get(stage.name);
        if (position !== undefined) {
            const anchor = findLastIndex(steps, step => step.stage === stage.name && earlier(step));
            // Else first in its stage; a stage left with no step of its own is where it is in `after`,
            // before the first step of the stages after it (not at the end of the journey).
            const at = anchor >= 0 ? anchor + 1 : steps.findIndex(step => (stageOrder.get(step.stage) ?? -1) >= position);
            steps.splice(at >= 0 ? at : steps.length, 0, ghost);
            return;
        }
        // Its whole stage is gone: after the stage of the step before it (not inside another stage).
        let at = findLastIndex(steps, earlier);
        if (at >= 0) {
            const anchorStage = steps[at].stage;
            while (at + 1 < steps.length && steps[at + 1].stage === anchorStage) {
                at++;
            }
        }
        steps.splice(at + 1, 0, ghost);
    });

    return {
        before,
        after,
        changes: [...titleChanges(before, after), ...steps.flatMap(step => step.changes)],
        steps,
        stages: compareStages(before, after)
    };
}

interface Step {
    touchpoint: TouchpointModel;
    stage: StageModel;
}

function stepsOf(journey: JourneyModel): Step[] {
    return journey.stages.flatMap(stage => stage.touchpoints.map(touchpoint => ({ touchpoint, stage })));
}

/** By name: the first of a repeated name counts (the validator flags the others). */
function firstByName(steps: Step[]): Map<string, Step> {
    const map = new Map<string, Step>();
    for (const step of steps) {
        if (!map.has(step.touchpoint.name)) {
            map.set(step.touchpoint.name, step);
        }
    }
    return map;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) {
        if (predicate(items[i])) {
            return i;
        }
    }
    return -1;
}

function titleChanges(before: JourneyModel, after: JourneyModel): JourneyChange[] {
    const changes: JourneyChange[] = [];
    if (before.title !== after.title) {
        changes.push({ kind: 'title', stage: '', from: before.title, to: after.title });
    }
    for (const stage of after.stages) {
        const old = before.stages.find(candidate => candidate.name === stage.name);
        if (old && old.title !== stage.title) {
            changes.push({ kind: 'title', stage: stage.name, from: old.title, to: stage.title });
        }
    }
    return changes;
}

function stepChanges(old: TouchpointModel, oldStage: StageModel, now: TouchpointModel, stage: StageModel,
    before: JourneyModel, after: JourneyModel): JourneyChange[] {
    const at = { stage: stage.name, touchpoint: now.name };
    const changes: JourneyChange[] = [];
    const value = (kind: ChangeKind, from: ChangeValue | undefined, to: ChangeValue | undefined): void => {
        if (from !== to) {
            changes.push({ kind, ...at, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
        }
    };
    if (oldStage.name !== stage.name) {
        changes.push({ kind: 'step-moved', ...at, from: oldStage.name, to: stage.name });
    }
    value('title', old.title, now.title);
    value('owner', old.owner?.name, now.owner?.name);
    value('channel', old.channel?.name, now.channel?.name);
    for (const persona of personasOf(before, after)) {
        const from = gradeFor(old, before, persona);
        const to = gradeFor(now, after, persona);
        if (from !== to) {
            changes.push({
                kind: 'emotion', ...at, ...(persona === undefined ? {} : { persona }),
                ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to })
            });
        }
    }
    value('contacts', old.contacts, now.contacts);
    value('duration', old.duration && formatDuration(old.duration), now.duration && formatDuration(now.duration));
    value('moment-of-truth', old.momentOfTruth, now.momentOfTruth);
    const oldNotes = noteCounts(old.notes);
    for (const note of now.notes) {
        const key = noteKey(note);
        const left = oldNotes.get(key) ?? 0;
        if (left > 0) {
            oldNotes.set(key, left - 1);
        } else {
            changes.push({ kind: 'note-added', ...at, note: note.kind, to: note.text });
        }
    }
    const newNotes = noteCounts(now.notes);
    for (const note of old.notes) {
        const key = noteKey(note);
        const left = newNotes.get(key) ?? 0;
        if (left > 0) {
            newNotes.set(key, left - 1);
        } else {
            changes.push({ kind: 'note-removed', ...at, note: note.kind, from: note.text });
        }
    }
    return changes;
}

/**
 * Whose grades to compare: the personas of both journeys (those of `after` first), or the one grade of
 * journeys that name none (`undefined`).
 */
function personasOf(before: JourneyModel, after: JourneyModel): (string | undefined)[] {
    const names = [...after.personas, ...before.personas].map(persona => persona.name);
    const unique = [...new Set(names)];
    return unique.length > 0 ? unique : [undefined];
}

/**
 * A persona's grade of a step. In a journey that names no persona the one grade there is stands for
 * every persona: giving a journey its `for` changes no grade.
 */
function gradeFor(touchpoint: TouchpointModel, journey: JourneyModel, persona: string | undefined): number | undefined {
    const emotion = journey.personas.length > 0 ? touchpoint.emotions.find(candidate => candidate.persona === persona) : touchpoint.emotions[0];
    return emotion?.grade;
}

function noteKey(note: NoteModel): string {
    return `${note.kind}\u0000${note.text}`;
}

function noteCounts(notes: NoteModel[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const note of notes) {
        counts.set(noteKey(note), (counts.get(noteKey(note)) ?? 0) + 1);
    }
    return counts;
}

function compareStages(before: JourneyModel, after: JourneyModel): ComparedStage[] {
    const figures = (journey: JourneyModel, stage: StageModel): JourneySummary => summarise([stage], journey.personas.map(persona => persona.name));
    const stages: ComparedStage[] = after.stages.map(stage => {
        const old = before.stages.find(candidate => candidate.name === stage.name);
        return old
            ? { name: stage.name, title: stage.title, status: 'kept', before: figures(before, old), after: figures(after, stage) }
            : { name: stage.name, title: stage.title, status: 'added', after: figures(after, stage) };
    });
    for (const stage of before.stages) {
        if (!after.stages.some(candidate => candidate.name === stage.name)) {
            stages.push({ name: stage.name, title: stage.title, status: 'removed', before: figures(before, stage) });
        }
    }
    return stages;
}
