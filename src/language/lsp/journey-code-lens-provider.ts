import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { JourneySummary, StageModel, TouchpointModel } from '../../map/model.js';
import { isJourneyFile, isJourney } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { summarise } from '../../map/summary.js';
import { buildJourneyModel } from '../map-model-builder.js';
import { formatAverage, formatMinutes, gradeMeaning, plural } from '../../map/format.js';
import { gradeOf } from '../../map/vocabulary/grades.js';
import { SHOW_FIGURES_COMMAND } from './journey-execute-command-handler.js';

/**
 * A line of figures above every journey and stage: touchpoints, average grade, lowest point, owners
 * involved, total duration, and for a journey the owner hand-offs (each one a risk to the service).
 * The figures come from the same model the map draws.
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
            lenses.push(lens(model.source.selection.startLine,
                `${describe(model.stages, model.summary)} · ${plural(handoffs, 'owner hand-off')}`,
                `Journey '${model.title}': ${plural(touchpoints.length, 'touchpoint')} in ${plural(model.stages.length, 'stage')}. `
                + `${inWords(model.stages, model.summary)} ${plural(handoffs, 'owner hand-off')}.`));
            for (const stage of model.stages) {
                const summary = summarise([stage], model.personas.map(persona => persona.name));
                lenses.push(lens(stage.source.selection.startLine, describe([stage], summary),
                    `Stage '${stage.title}': ${plural(summary.touchpoints, 'touchpoint')}. ${inWords([stage], summary)}`));
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

/** The lens: the figures at a glance. */
function describe(stages: StageModel[], summary: JourneySummary): string {
    const parts = [plural(summary.touchpoints, 'touchpoint')];
    if (summary.averageEmotion !== undefined) {
        parts.push(`average ${formatAverage(summary.averageEmotion)} (${gradeMeaning(summary.averageEmotion)})`);
        const [lowest] = summary.lowestMoments;
        parts.push(`lowest ${lowest.grade}: ${lowest.title}${summary.lowestMoments.length > 1 ? ` and ${summary.lowestMoments.length - 1} more` : ''}`);
    } else if (summary.touchpoints > 0) {
        parts.push('not graded');
    }
    parts.push(plural(ownerTitles(stages).length, 'owner'));
    if (summary.totalDurationMinutes > 0) {
        parts.push(formatMinutes(summary.totalDurationMinutes));
    }
    return parts.join(' · ');
}

/** What running the lens shows: the grades, owners and time in sentences, with every lowest point and owner named. */
function inWords(stages: StageModel[], summary: JourneySummary): string {
    const sentences: string[] = [];
    if (summary.averageEmotion !== undefined) {
        const [lowest] = summary.lowestMoments;
        sentences.push(`Average grade ${formatAverage(summary.averageEmotion)} (${gradeMeaning(summary.averageEmotion)})`,
            `Lowest point: ${lowest.grade} (${gradeOf(lowest.grade).meaning}) at ${summary.lowestMoments.map(moment => `'${moment.title}'`).join(', ')}`);
    } else if (summary.touchpoints > 0) {
        sentences.push('No touchpoint is graded');
    }
    const owners = ownerTitles(stages);
    sentences.push(owners.length === 0 ? 'No owner takes part' : `Owners: ${owners.join(', ')}`);
    if (summary.totalDurationMinutes > 0) {
        sentences.push(`Total duration: ${formatMinutes(summary.totalDurationMinutes)}`);
    }
    return sentences.map(sentence => `${sentence}.`).join(' ');
}

function lens(line: number, title: string, words: string): CodeLens {
    return {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: { title, command: SHOW_FIGURES_COMMAND, arguments: [words] }
    };
}
