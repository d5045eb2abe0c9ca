import type { EmotionModel, JourneyModel, TouchpointModel } from '../model.js';
import { formatDuration, plural } from '../format.js';
import { accessibleTitle, mapDescription, summarySentence } from '../journey-description.js';
import { escapeXml } from '../text.js';
import { joinParts, type MarkupParts } from '../views/markup-parts.js';
import { MAX_GRADE } from '../vocabulary/grades.js';
import { noteKind } from '../vocabulary/notes.js';

/**
 * A journey in words, for screen readers: its description and summary sentence, then its stages and their
 * touchpoints in journey order, as nested lists, each touchpoint with its channel, owner, grade for each
 * persona, measures and notes. HTML (escaped here), beside the map's SVG on the preview page and in the
 * exported page: the SVG is one picture (role="img") to assistive technology, this is what it shows.
 */
export function journeyOutline(journey: JourneyModel): string {
    return joinParts(journeyOutlineParts(journey));
}

/** The outline as journeyOutline writes it, with its stages apart (the preview rewrites only those that changed). */
export function journeyOutlineParts(journey: JourneyModel): MarkupParts {
    const title = accessibleTitle(journey);
    const description = mapDescription(journey);
    const summary = summarySentence(journey);
    const stages = journey.stages.map(stage => `<li><h3>Stage: ${escapeXml(stage.title || stage.name)}, ${plural(stage.touchpoints.length, 'touchpoint')}</h3>`
        + (stage.touchpoints.length > 0 ? `<ol>${stage.touchpoints.map(t => `<li data-index="${Number(t.index) || 0}">${escapeXml(touchpointText(t, journey))}</li>`).join('')}</ol>` : '')
        + '</li>');
    const head = `<section class="journey-outline" aria-label="${escapeXml(`The journey in words: ${title}`)}">`
        + `<h2>${escapeXml(title)}: the journey in words</h2>`
        + `<p>${escapeXml(description)}</p>`
        + (description === summary ? '' : `<p>${escapeXml(summary)}</p>`);
    return stages.length > 0
        ? { head: `${head}<ol class="outline-stages">`, parts: stages, tail: '</ol></section>' }
        : { head: `${head}</section>`, parts: [], tail: '' };
}

function grade(emotion: EmotionModel | undefined): string {
    return emotion ? `grade ${emotion.grade} of ${MAX_GRADE}, ${emotion.meaning}${emotion.feeling ? `, "${emotion.feeling}"` : ''}` : 'not graded';
}

/** "Calls the advice line, moment of truth. Channel: Phone. Owner: Contact centre. Grade 1 of 5, very negative. ..." */
function touchpointText(touchpoint: TouchpointModel, journey: JourneyModel): string {
    const sentences = [`${touchpoint.title || touchpoint.name}${touchpoint.momentOfTruth ? ', moment of truth' : ''}`];
    sentences.push(`Channel: ${touchpoint.channel ? touchpoint.channel.title : 'none'}`);
    sentences.push(touchpoint.owner ? `Owner: ${touchpoint.owner.title}${touchpoint.owner.external ? ' (external)' : ''}` : 'No owner');
    if (touchpoint.with.length > 0) {
        sentences.push(`With: ${touchpoint.with.map(party => party.title).join(', ')}`);
    }
    if (journey.personas.length > 0) {
        sentences.push(journey.personas.map(persona => `${persona.name}: ${grade(touchpoint.emotions.find(e => e.persona === persona.name))}`).join('; '));
    } else {
        const only = grade(touchpoint.emotions[0]);
        sentences.push(only.charAt(0).toUpperCase() + only.slice(1));
    }
    const measures = [
        ...(touchpoint.contacts !== undefined ? [plural(touchpoint.contacts, 'contact')] : []),
        ...(touchpoint.duration ? [`time ${formatDuration(touchpoint.duration)}`] : [])
    ];
    if (measures.length > 0) {
        sentences.push(`Measures: ${measures.join(', ')}`);
    }
    for (const note of touchpoint.notes) {
        sentences.push(`${noteKind(note.kind).lane}: ${note.owner ? `${note.owner.title}: ` : ''}${note.text}`);
    }
    return `${sentences.join('. ')}.`;
}
