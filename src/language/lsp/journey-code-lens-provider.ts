import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { JourneySummary, PersonaSummary, StageModel, TouchpointModel } from '../../map/model.js';
import { figureChangesLine } from '../../map/compare/figure-changes.js';
import { isJourneyFile, isJourney } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { summarise } from '../../map/summary.js';
import { buildJourneyModel } from '../map-model-builder.js';
import { formatAverage, formatMinutes, gradeMeaning, plural } from '../../map/format.js';
import { gradeOf } from '../../map/vocabulary/grades.js';
import { SHOW_FIGURES_COMMAND } from './journey-execute-command-handler.js';

/**
 * A line of figures above every journey and stage: touchpoints, average grade, lowest point, owners
 * involved, total duration, and for a journey the owner hand-offs (each one a risk to the service). In a
 * journey of several personas the grades are each persona's, a lens of their own beside the counts; a
 * redesign adds its figures today -> tomorrow. The figures come from the same model the map draws.
 */
export class JourneyCodeLensProvider implements CodeLensProvider {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        this.#services = services;
    }

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[]> {
        const root = document.parseResult.value;
        if (!isJourneyFile(root) || !(await this.#services.settings.JourneySettings.insights()).codeLens) {
            return [];
        }
        const lenses: CodeLens[] = [];
        for (const journey of root.declarations.filter(isJourney)) {
            const model = buildJourneyModel(journey, document);
            const touchpoints = model.stages.flatMap(stage => stage.touchpoints);
            const handoffs = countHandoffs(touchpoints);
            const line = model.source.selection.startLine;
            lenses.push(lens(line, `${describe(model.stages, model.summary)} · ${plural(handoffs, 'owner hand-off')}`,
                `Journey '${model.title}': ${plural(touchpoints.length, 'touchpoint')} in ${plural(model.stages.length, 'stage')}. `
                + `${inWords(model.stages, model.summary)} ${plural(handoffs, 'owner hand-off')}.`));
            lenses.push(...personaLenses(line, `Journey '${model.title}'`, model.summary));
            if (model.current) {
                const figures = figureChangesLine(model.current.summary, model.summary);
                lenses.push(lens(line, `today -> tomorrow: ${figures}`,
                    `Journey '${model.title}' against the journey of today, '${model.current.title}': ${figures}.`));
            }
            for (const stage of model.stages) {
                const summary = summarise([stage], model.personas.map(persona => persona.name));
                lenses.push(lens(stage.source.selection.startLine, describe([stage], summary),
                    `Stage '${stage.title}': ${plural(summary.touchpoints, 'touchpoint')}. ${inWords([stage], summary)}`));
                lenses.push(...personaLenses(stage.source.selection.startLine, `Stage '${stage.title}'`, summary));
            }
        }
        return lenses;
    }
}

/** Consecutive touchpoints delivered by different owners (touchpoints without an owner are skipped). */
export function countHandoffs(touchpoints: TouchpointModel[]): number {
    const owners = touchpoints.map(t => t.owner?.name).filter((owner): owner is string => owner !== undefined);
    return owners.slice(1).filter((owner, i) => owner !== owners[i]).length;
}

function ownerTitles(stages: StageModel[]): string[] {
    const titles = new Map(stages.flatMap(stage => stage.touchpoints).flatMap(t => t.owner ? [[t.owner.name, t.owner.title] as const] : []));
    return [...titles.values()];
}

/** The grades of every persona together, or of one: the journey's or a stage's summary, or one persona's. */
type Grades = Pick<PersonaSummary, 'averageEmotion' | 'lowestMoments'>;

/** Grades are given persona by persona (personaLenses) in a journey of several. */
function bySeveral(summary: JourneySummary): boolean {
    return summary.personas.length > 1;
}

/** The lens: the figures at a glance. */
function describe(stages: StageModel[], summary: JourneySummary): string {
    const parts = [plural(summary.touchpoints, 'touchpoint')];
    if (!bySeveral(summary)) {
        parts.push(...gradesAtAGlance(summary, summary.touchpoints));
    }
    parts.push(plural(ownerTitles(stages).length, 'owner'));
    if (summary.totalDurationMinutes > 0) {
        parts.push(formatMinutes(summary.totalDurationMinutes));
    }
    return parts.join(' · ');
}

/** What running the lens shows: the grades, owners and time in sentences, with every lowest point and owner named. */
function inWords(stages: StageModel[], summary: JourneySummary): string {
    const sentences = bySeveral(summary) ? [] : gradesInWords(summary, summary.touchpoints);
    const owners = ownerTitles(stages);
    sentences.push(owners.length === 0 ? 'No owner takes part' : `Owners: ${owners.join(', ')}`);
    if (summary.totalDurationMinutes > 0) {
        sentences.push(`Total duration: ${formatMinutes(summary.totalDurationMinutes)}`);
    }
    return sentences.map(sentence => `${sentence}.`).join(' ');
}

/** In a journey of several personas, a lens for each: "Maria: average 2.5 (negative) · lowest 1: Form". */
function personaLenses(line: number, what: string, summary: JourneySummary): CodeLens[] {
    if (!bySeveral(summary) || summary.touchpoints === 0) {
        return [];
    }
    return summary.personas.map(grades => lens(line, `${grades.persona}: ${gradesAtAGlance(grades, summary.touchpoints).join(' · ')}`,
        `${what} for ${grades.persona}: ${gradesInWords(grades, summary.touchpoints).map(sentence => `${sentence}.`).join(' ')}`));
}

function gradesAtAGlance(grades: Grades, touchpoints: number): string[] {
    if (grades.averageEmotion === undefined) {
        return touchpoints > 0 ? ['not graded'] : [];
    }
    const [lowest] = grades.lowestMoments;
    return [
        `average ${formatAverage(grades.averageEmotion)} (${gradeMeaning(grades.averageEmotion)})`,
        `lowest ${lowest.grade}: ${lowest.title}${grades.lowestMoments.length > 1 ? ` and ${grades.lowestMoments.length - 1} more` : ''}`
    ];
}

function gradesInWords(grades: Grades, touchpoints: number): string[] {
    if (grades.averageEmotion === undefined) {
        return touchpoints > 0 ? ['No touchpoint is graded'] : [];
    }
    const [lowest] = grades.lowestMoments;
    return [`Average grade ${formatAverage(grades.averageEmotion)} (${gradeMeaning(grades.averageEmotion)})`,
        `Lowest point: ${lowest.grade} (${gradeOf(lowest.grade).meaning}) at ${grades.lowestMoments.map(moment => `'${moment.title}'`).join(', ')}`];
}

function lens(line: number, title: string, words: string): CodeLens {
    return {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: { title, command: SHOW_FIGURES_COMMAND, arguments: [words] }
    };
}
