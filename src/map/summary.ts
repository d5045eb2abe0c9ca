import type { JourneySummary, StageModel } from './model.js';

/** The figures of a journey's (or a stage's) touchpoints: shown in the map's summary strip and code lenses. */
export function summarise(stages: StageModel[]): JourneySummary {
    const touchpoints = stages.flatMap(stage => stage.touchpoints);
    const graded = touchpoints.filter(t => t.emotion !== undefined);
    const lowest = Math.min(...graded.map(t => t.emotion!.grade));
    const share = (count: number) => touchpoints.length > 0 ? count / touchpoints.length : undefined;
    return {
        touchpoints: touchpoints.length,
        stages: stages.length,
        averageEmotion: graded.length > 0 ? graded.reduce((sum, t) => sum + t.emotion!.grade, 0) / graded.length : undefined,
        lowestMoments: graded.filter(t => t.emotion!.grade === lowest)
            .map(t => ({ touchpoint: t.name, title: t.title, grade: lowest })),
        ownedShare: share(touchpoints.filter(t => t.owner !== undefined).length),
        gradedShare: share(graded.length),
        totalContacts: touchpoints.reduce((sum, t) => sum + (t.contacts !== undefined && t.contacts > 0 ? t.contacts : 0), 0),
        totalDurationMinutes: touchpoints.reduce((sum, t) => sum + (t.duration?.minutes !== undefined && t.duration.minutes > 0 ? t.duration.minutes : 0), 0)
    };
}
