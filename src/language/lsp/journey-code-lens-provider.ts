import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { JourneySummary, StageModel, TouchpointModel } from '../../shared/journey-model.js';
import { isModel, isJourney } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { buildJourneyModel, summarise } from '../preview/journey-view-model.js';
import { formatAverage, formatMinutes, gradeMeaning } from '../../../webview/render/format.js';

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
        if (!isModel(root) || !(await this.#services.settings.JourneySettings.insights()).codeLens) {
            return [];
        }
        const lenses: CodeLens[] = [];
        for (const journey of root.declarations.filter(isJourney)) {
            const model = buildJourneyModel(journey, document);
            const touchpoints = model.stages.flatMap(stage => stage.touchpoints);
            const handoffs = countHandoffs(touchpoints);
            lenses.push(lens(model.source.selection.startLine,
                `${describe(model.stages, model.summary)} · ${handoffs} owner hand-off${handoffs === 1 ? '' : 's'}`));
            for (const stage of model.stages) {
                lenses.push(lens(stage.source.selection.startLine, describe([stage], summarise([stage]))));
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

function describe(stages: StageModel[], summary: JourneySummary): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const parts = [plural(summary.touchpoints, 'touchpoint')];
    if (summary.averageEmotion !== undefined) {
        parts.push(`average ${formatAverage(summary.averageEmotion)} (${gradeMeaning(summary.averageEmotion)})`);
        const [lowest] = summary.lowestMoments;
        parts.push(`lowest ${lowest.grade}: ${lowest.title}${summary.lowestMoments.length > 1 ? ` and ${summary.lowestMoments.length - 1} more` : ''}`);
    } else if (summary.touchpoints > 0) {
        parts.push('not graded');
    }
    const owners = new Set(stages.flatMap(stage => stage.touchpoints).map(t => t.owner?.name).filter(Boolean));
    parts.push(plural(owners.size, 'owner'));
    if (summary.totalDurationMinutes > 0) {
        parts.push(formatMinutes(summary.totalDurationMinutes));
    }
    return parts.join(' · ');
}

function lens(line: number, title: string): CodeLens {
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } };
}
