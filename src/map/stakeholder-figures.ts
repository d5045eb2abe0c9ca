import type { JourneyModel } from './model.js';

/** What a party does in a journey: the touchpoints it delivers, the grade the customer gives them, those it takes part in. */
export interface StakeholderFigures {
    /** Touchpoints it owns. */
    delivers: number;
    /** Mean of every persona's grades at the touchpoints it owns; undefined when none is graded. */
    averageEmotion?: number;
    /** Touchpoints it takes part in (`with`) without owning them. */
    takesPart: number;
}

/** The figures of every party of a journey, by name (those that deliver or take part in nothing: zeros). */
export function stakeholderFigures(journey: JourneyModel): Map<string, StakeholderFigures> {
    const figures = new Map<string, { delivers: number, grades: number[], takesPart: number }>();
    const entry = (name: string) => {
        let found = figures.get(name);
        if (!found) {
            found = { delivers: 0, grades: [], takesPart: 0 };
            figures.set(name, found);
        }
        return found;
    };
    for (const party of journey.stakeholders) {
        entry(party.name);
    }
    for (const touchpoint of journey.stages.flatMap(stage => stage.touchpoints)) {
        if (touchpoint.owner) {
            const owner = entry(touchpoint.owner.name);
            owner.delivers++;
            owner.grades.push(...touchpoint.emotions.map(emotion => emotion.grade));
        }
        for (const party of touchpoint.with) {
            if (party.name !== touchpoint.owner?.name) {
                entry(party.name).takesPart++;
            }
        }
    }
    return new Map([...figures].map(([name, { delivers, grades, takesPart }]) => [name, {
        delivers,
        averageEmotion: grades.length > 0 ? grades.reduce((sum, grade) => sum + grade, 0) / grades.length : undefined,
        takesPart
    }]));
}
