/**
 * The circles of a stakeholder map, from the customer outwards: the grammar's `circle` takes these words
 * (checked by the validator), the stakeholder map draws a ring for each, completion and hovers name them.
 */
export const CIRCLES = [
    { circle: 'core', label: 'Core', detail: 'delivers the service: the organisation\'s own teams' },
    { circle: 'partner', label: 'Partners', detail: 'delivers with the organisation: suppliers, couriers, agencies' },
    { circle: 'wider', label: 'Wider', detail: 'shapes the experience from outside: regulators, family, employers' }
] as const;

export type Circle = typeof CIRCLES[number]['circle'];

export function isCircle(word: string): word is Circle {
    return CIRCLES.some(entry => entry.circle === word);
}

/** The circle a party is on when it declares none. */
export function defaultCircle(kind: 'owner' | 'stakeholder', external: boolean): Circle {
    return kind === 'stakeholder' ? 'wider' : external ? 'partner' : 'core';
}
