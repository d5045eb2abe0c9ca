import type { JourneySummary, LowMomentModel, PersonaSummary, StageModel, TouchpointModel } from './model.js';

/**
 * The figures of a journey's (or a stage's) touchpoints, for the journey's personas (by name, in its order;
 * none for a journey that names none): shown in the map's summary strip, code lenses, reports and indexes.
 */
export function summarise(stages: StageModel[], personas: readonly string[]): JourneySummary {
    const touchpoints = stages.flatMap(stage => stage.touchpoints);
    const share = (count: number) => touchpoints.length > 0 ? count / touchpoints.length : undefined;
    const every = touchpoints.map(t => ({ touchpoint: t, grades: t.emotions.map(e => e.grade) }));
    const grades = every.flatMap(entry => entry.grades);
    return {
        touchpoints: touchpoints.length,
        stages: stages.length,
        averageEmotion: mean(grades),
        lowestMoments: lowest(every.map(({ touchpoint, grades: g }) => ({ touchpoint, grade: g.length > 0 ? Math.min(...g) : undefined }))),
        ownedShare: share(touchpoints.filter(t => t.owner !== undefined).length),
        gradedShare: share(touchpoints.filter(t => t.emotions.length >= Math.max(1, personas.length)).length),
        personas: personas.map(persona => personaSummary(touchpoints, persona)),
        totalContacts: touchpoints.reduce((sum, t) => sum + (t.contacts !== undefined && t.contacts > 0 ? t.contacts : 0), 0),
        totalDurationMinutes: touchpoints.reduce((sum, t) => sum + (t.duration?.minutes !== undefined && t.duration.minutes > 0 ? t.duration.minutes : 0), 0)
    };
}

function personaSummary(touchpoints: TouchpointModel[], persona: string): PersonaSummary {
    const graded = touchpoints.map(touchpoint => ({ touchpoint, grade: touchpoint.emotions.find(e => e.persona === persona)?.grade }));
    const grades = graded.map(entry => entry.grade).filter(grade => grade !== undefined);
    return {
        persona,
        averageEmotion: mean(grades),
        lowestMoments: lowest(graded),
        gradedShare: touchpoints.length > 0 ? grades.length / touchpoints.length : undefined
    };
}

function mean(values: number[]): number | undefined {
    return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : undefined;
}

/** The touchpoints with the lowest grade (all of them when tied), in journey order. */
function lowest(graded: { touchpoint: TouchpointModel, grade: number | undefined }[]): LowMomentModel[] {
    const grades = graded.map(entry => entry.grade).filter(grade => grade !== undefined);
    if (grades.length === 0) {
        return [];
    }
    const least = Math.min(...grades);
    return graded.filter(entry => entry.grade === least).map(({ touchpoint }) => ({ touchpoint: touchpoint.name, title: touchpoint.title, grade: least }));
}
