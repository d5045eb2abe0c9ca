import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { JourneyModel, JourneySummary, TouchpointModel } from '../../map/model.js';
import { VIEWS, type ViewId } from '../../map/views/views.js';
import { UsageError } from '../cli-util.js';
import { diffFile, type FileComparison } from '../diff-command.js';
import { diffJson } from '../diff/diff-json.js';
import { diffMarkdown } from '../diff/diff-markdown.js';
import type { JourneyFolder } from '../journey-folder.js';
import { toRecord, type ValidationRecord } from '../validation-record.js';

/**
 * What `journey mcp`'s tools do, on the folder it serves, without the protocol (mcp-server.ts registers
 * them). Read-only: nothing here writes a file. Every path an assistant gives is resolved against the folder
 * and refused outside it; every failure is a `UsageError` whose message says what to ask instead.
 */
export class WorkspaceTools {
    #realRoot: Promise<string>;

    constructor(readonly folder: JourneyFolder) {
        this.#realRoot = realpath(folder.root);
    }

    /** The folder as it is on disk now: files saved, added or deleted since the last call are read again. */
    async refresh(): Promise<void> {
        await this.folder.refresh();
    }

    /**
     * A `.journey` file of the folder, by its path relative to the folder (or absolute, inside it): refused
     * when it is outside the folder (`..`, another absolute path, a link that leads out) or is no file loaded.
     */
    async file(given: string): Promise<string> {
        const root = this.folder.root;
        const absolute = path.resolve(root, given);
        const outside = (inside: string) => inside.startsWith('..') || path.isAbsolute(inside);
        const real = await realpath(absolute).catch(() => absolute);
        if (outside(path.relative(root, absolute)) || outside(path.relative(await this.#realRoot, real))) {
            throw new UsageError(`${given}: outside the workspace folder ${root}: name a .journey file under it (list_journeys lists them)`);
        }
        const relative = this.folder.relative(absolute);
        if (this.folder.absolute(relative) === undefined) {
            throw new UsageError(`${given}: no such .journey file in the workspace folder (list_journeys lists them)`);
        }
        return relative;
    }

    /** Every journey of the folder, with the file it is in. */
    #journeys(): { file: string, journey: JourneyModel }[] {
        return this.folder.files.flatMap(file => (this.folder.model(file)?.journeys ?? []).map(journey => ({ file, journey })));
    }

    /** A journey by name (in `file` only, when given). */
    async journey(name: string, file?: string): Promise<{ file: string, journey: JourneyModel }> {
        const inFile = file === undefined ? undefined : await this.file(file);
        const all = this.#journeys();
        const found = all.find(entry => entry.journey.name === name && (inFile === undefined || entry.file === inFile));
        if (!found) {
            const names = all.filter(entry => inFile === undefined || entry.file === inFile).map(entry => entry.journey.name);
            throw new UsageError(`no journey '${name}'${inFile === undefined ? '' : ` in ${inFile}`}: ` +
                (names.length === 0 ? 'there are none' : `the journeys are ${names.join(', ')}`));
        }
        return found;
    }

    listJourneys() {
        return {
            files: this.folder.files.map(file => {
                const records = this.#records(file);
                return {
                    file,
                    errors: records.filter(record => record.severity === 'error').length,
                    warnings: records.filter(record => record.severity === 'warning').length,
                    journeys: (this.folder.model(file)?.journeys ?? []).map(journey => ({
                        name: journey.name,
                        title: journey.title,
                        ...journey.goal === undefined ? {} : { goal: journey.goal },
                        personas: journey.personas.map(persona => ({ name: persona.name, title: persona.title })),
                        ...journey.redesigns === undefined ? {} : { redesigns: journey.redesigns },
                        figures: figures(journey.summary)
                    }))
                };
            })
        };
    }

    /**
     * A journey's model as the views draw it, without what only an editor needs (the absolute `file://`
     * addresses of shared declarations) and without the journey of today a redesign carries (read_journey of
     * its name gives it).
     */
    async readJourney(name: string, file?: string): Promise<Record<string, unknown>> {
        const found = await this.journey(name, file);
        const model = JSON.parse(JSON.stringify(found.journey, (key, value: unknown) => key === 'uri' || key === 'current' ? undefined : value)) as Record<string, unknown>;
        return { file: found.file, ...model };
    }

    #records(file: string): ValidationRecord[] {
        return this.folder.diagnostics(file).map(diagnostic => toRecord(file, diagnostic));
    }

    async validate(file?: string) {
        const files = file === undefined ? this.folder.files : [await this.file(file)];
        const diagnostics = files.flatMap(name => this.#records(name));
        const count = (severity: string) => diagnostics.filter(record => record.severity === severity).length;
        return { files: files.length, errors: count('error'), warnings: count('warning'), diagnostics };
    }

    async render(name: string, view: ViewId, options: { file?: string, persona?: string, theme: 'light' | 'dark' }): Promise<string> {
        const { journey } = await this.journey(name, options.file);
        const why = VIEWS[view].unavailable(journey);
        if (why !== undefined) {
            throw new UsageError(`view '${view}': ${why}`);
        }
        if (options.persona !== undefined && !journey.personas.some(persona => persona.name === options.persona)) {
            throw new UsageError(`journey '${name}' is not for '${options.persona}': ` +
                (journey.personas.length === 0 ? 'it names no persona' : `its personas are ${journey.personas.map(persona => persona.name).join(', ')}`));
        }
        return VIEWS[view].render(journey, { theme: options.theme, persona: options.persona });
    }

    async diff(file: string, against: FileComparison): Promise<{ markdown: string, json: unknown }> {
        const absolute = this.folder.absolute(await this.file(file))!;
        const other = 'otherFile' in against ? { otherFile: this.folder.absolute(await this.file(against.otherFile))! } : against;
        const diffs = (await diffFile(absolute, other, { workspace: this.folder.root }))
            .map(entry => ({ ...entry, file: this.folder.relative(path.resolve(entry.file)) }));
        return { markdown: diffMarkdown(diffs), json: JSON.parse(diffJson(diffs)) };
    }

    findTouchpoints(condition: TouchpointCondition) {
        const touchpoints = this.#journeys()
            .filter(({ journey }) => condition.journey === undefined || journey.name === condition.journey)
            .flatMap(({ file, journey }) => journey.stages.flatMap(stage => stage.touchpoints
                .filter(touchpoint => matches(touchpoint, journey, condition))
                .map(touchpoint => ({
                    file,
                    journey: journey.name,
                    stage: stage.name,
                    touchpoint: touchpoint.name,
                    title: touchpoint.title,
                    ...touchpoint.owner === undefined ? {} : { owner: touchpoint.owner.name },
                    ...touchpoint.channel === undefined ? {} : { channel: touchpoint.channel.name },
                    grades: touchpoint.emotions.map(emotion => ({ ...emotion.persona === undefined ? {} : { persona: emotion.persona }, grade: emotion.grade })),
                    momentOfTruth: touchpoint.momentOfTruth,
                    line: touchpoint.source.range.startLine + 1
                }))));
        return { count: touchpoints.length, touchpoints };
    }
}

/** What find_touchpoints looks for, in every journey or one. */
export type TouchpointCondition = { journey?: string, persona?: string } & (
    | { kind: 'no-owner' }
    | { kind: 'ungraded' }
    | { kind: 'grade-at-most', grade: number }
    | { kind: 'owned-by', owner: string }
);

function matches(touchpoint: TouchpointModel, journey: JourneyModel, condition: TouchpointCondition): boolean {
    const personas = condition.persona === undefined ? journey.personas.map(persona => persona.name) : [condition.persona];
    const grades = touchpoint.emotions.filter(emotion => condition.persona === undefined || emotion.persona === condition.persona);
    switch (condition.kind) {
        case 'no-owner':
            return touchpoint.owner === undefined;
        case 'ungraded':
            return personas.length === 0 ? touchpoint.emotions.length === 0
                : personas.some(persona => !touchpoint.emotions.some(emotion => emotion.persona === persona));
        case 'grade-at-most':
            return grades.some(emotion => emotion.grade <= condition.grade);
        case 'owned-by':
            return touchpoint.owner?.name === condition.owner;
    }
}

/** A journey's summary figures, named as `journey diff --format json` names them. */
function figures(summary: JourneySummary) {
    return {
        touchpoints: summary.touchpoints,
        stages: summary.stages,
        averageEmotion: summary.averageEmotion ?? null,
        ownedShare: summary.ownedShare ?? null,
        gradedShare: summary.gradedShare ?? null,
        totalContacts: summary.totalContacts,
        totalDurationMinutes: summary.totalDurationMinutes,
        lowestMoments: summary.lowestMoments
    };
}
