/** Units a touchpoint's `duration` may use, with their length in minutes (for totals and averages). */
export const DURATION_UNITS = {
    s: { label: 'seconds', minutes: 1 / 60 },
    min: { label: 'minutes', minutes: 1 },
    h: { label: 'hours', minutes: 60 },
    d: { label: 'days', minutes: 24 * 60 },
    w: { label: 'weeks', minutes: 7 * 24 * 60 }
} as const;

export type DurationUnit = keyof typeof DURATION_UNITS;

export function isDurationUnit(unit: string): unit is DurationUnit {
    return Object.hasOwn(DURATION_UNITS, unit);
}

export function durationInMinutes(amount: number, unit: string): number | undefined {
    return isDurationUnit(unit) ? amount * DURATION_UNITS[unit].minutes : undefined;
}
