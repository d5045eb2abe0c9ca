/**
 * A journey as a Mermaid `journey` diagram, for the comparison with Mermaid's renderer: the title, a
 * section per stage and a task per touchpoint, `Title: grade: owner`. Mermaid's grammar ends a title,
 * section or task at `#`, `:`, `;` or a line break, so those become spaces. (A stand-in until the CLI
 * has a Mermaid exporter of its own.)
 */
import type { JourneyModel } from '../src/map/model.ts';

const clean = (text: string): string => text.replace(/[#:;\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();

export function toMermaidJourney(journey: JourneyModel): string {
    const lines = ['journey', `  title ${clean(journey.title)}`];
    for (const stage of journey.stages) {
        lines.push(`  section ${clean(stage.title)}`);
        for (const touchpoint of stage.touchpoints) {
            // Mermaid needs a score; an ungraded touchpoint (none in the generated journeys) counts as neutral.
            const grade = touchpoint.emotion?.grade ?? 3;
            const actor = touchpoint.owner ? clean(touchpoint.owner.name) : 'Nobody';
            lines.push(`    ${clean(touchpoint.title)}: ${grade}: ${actor}`);
        }
    }
    return lines.join('\n') + '\n';
}
