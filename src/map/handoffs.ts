import type { JourneyModel, TouchpointModel } from './model.js';

/** The owner changing from one touchpoint to the next: the customer is passed from one party to another. */
export interface Handoff {
    /** The touchpoint before and the one after, consecutive in the journey. */
    from: TouchpointModel;
    to: TouchpointModel;
    /** Their owners, by name. */
    fromOwner: string;
    toOwner: string;
}

/**
 * Every hand-off of a journey, in order: consecutive touchpoints (across stages too) with owners that
 * differ. A touchpoint without an owner hands nothing off and receives nothing (the validator flags it).
 */
export function handoffs(journey: JourneyModel): Handoff[] {
    const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
    const result: Handoff[] = [];
    for (let i = 1; i < touchpoints.length; i++) {
        const from = touchpoints[i - 1];
        const to = touchpoints[i];
        if (from.owner && to.owner && from.owner.name !== to.owner.name) {
            result.push({ from, to, fromOwner: from.owner.name, toOwner: to.owner.name });
        }
    }
    return result;
}
