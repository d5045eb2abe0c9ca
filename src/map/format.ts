/**
 * How the map writes numbers: counts, measures, durations, shares and the average emotion. Every
 * function returns "—" for a value that is missing or not a finite number.
 */
import type { DurationModel } from './model.js';
import { DURATION_UNITS } from './vocabulary/durations.js';
import { gradeOf, MAX_GRADE, MIN_GRADE } from './vocabulary/grades.js';

export const MISSING = '—';

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

/** A whole number with thousands separators: 1,234. */
export function formatCount(value: number | undefined): string {
    if (!isNumber(value)) {
        return MISSING;
    }
    const sign = value < 0 ? '-' : '';
    return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A number with at most two decimals and no trailing zeros: 1.5, 0.25, 3. */
export function formatDecimal(value: number | undefined): string {
    if (!isNumber(value)) {
        return MISSING;
    }
    const rounded = Math.round(value * 100) / 100;
    return Number.isInteger(rounded) ? formatCount(rounded) : String(rounded);
}

/** A count and its noun, in the plural unless the count is one: "1 touchpoint", "1,204 touchpoints", "1.5 contacts". */
export function plural(count: number, word: string): string {
    return `${formatDecimal(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** A duration as written in the source: "40 min", "1.5 h", "2 w". */
export function formatDuration(duration: DurationModel | undefined): string {
    if (!duration || !isNumber(duration.amount)) {
        return MISSING;
    }
    return `${formatDecimal(duration.amount)} ${String(duration.unit)}`;
}

/** The duration units, largest first, as [name, minutes]. */
const UNITS: readonly (readonly [string, number])[] = Object.entries(DURATION_UNITS)
    .map(([name, { minutes }]) => [name, minutes] as const)
    .sort((a, b) => b[1] - a[1]);

/**
 * A number of minutes in its two largest units, the smaller rounded: "1 d 2 h", "3 h", "1 min 30 s",
 * "2 w 3 d". Zero is "0 min".
 */
export function formatMinutes(minutes: number | undefined): string {
    if (!isNumber(minutes) || minutes < 0) {
        return MISSING;
    }
    if (minutes === 0) {
        return '0 min';
    }
    let i = UNITS.findIndex(([, size]) => minutes >= size);
    if (i < 0) {
        i = UNITS.length - 1;
    }
    const [name, size] = UNITS[i];
    if (i === UNITS.length - 1) {
        const seconds = Math.round(minutes / size);
        return seconds === 0 ? '< 1 s' : `${formatCount(seconds)} s`;
    }
    let whole = Math.floor(minutes / size);
    const [smallName, smallSize] = UNITS[i + 1];
    let small = Math.round((minutes - whole * size) / smallSize);
    if (small * smallSize >= size) {
        // Rounded up to a whole unit, which may itself make a larger one: 59 min 59.7 s is 1 h.
        whole += 1;
        small = 0;
        if (i > 0 && whole * size >= UNITS[i - 1][1]) {
            return formatMinutes(whole * size);
        }
    }
    return small === 0 ? `${formatCount(whole)} ${name}` : `${formatCount(whole)} ${name} ${small} ${smallName}`;
}

/**
 * A share (0..1) as a percentage: whole percents, except that a share that is neither none nor all is
 * never shown as 0% or 100% (it gets a decimal, or "< 0.1%" / "> 99.9%").
 */
export function formatPercent(share: number | undefined): string {
    if (!isNumber(share)) {
        return MISSING;
    }
    const percent = share * 100;
    const whole = Math.round(percent);
    if ((whole === 0 && percent > 0) || (whole === 100 && percent < 100)) {
        const tenth = Math.round(percent * 10) / 10;
        if (tenth <= 0) {
            return '< 0.1%';
        }
        if (tenth >= 100) {
            return '> 99.9%';
        }
        return `${tenth}%`;
    }
    return `${whole}%`;
}

/** An average grade with one decimal: "2.9". */
export function formatAverage(average: number | undefined): string {
    return isNumber(average) ? average.toFixed(1) : MISSING;
}

/** The scale's word for the grade nearest to an average: 2.6 → "neutral". */
export function gradeMeaning(average: number | undefined): string | undefined {
    if (!isNumber(average)) {
        return undefined;
    }
    return gradeOf(Math.min(MAX_GRADE, Math.max(MIN_GRADE, Math.round(average)))).meaning;
}

/** Names in a sentence: "Maria", "Maria and Tomasz", "Maria, Tomasz and Ana". */
export function formatList(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
