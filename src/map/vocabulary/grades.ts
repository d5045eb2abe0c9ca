/**
 * The emotional grade scale, 1 (very negative) to 5 (very positive): the scale of Mermaid's journey
 * diagrams. Completion, hovers, the preview and reports all describe grades from this one table.
 */
export const MIN_GRADE = 1;
export const MAX_GRADE = 5;

export const GRADE_MEANINGS: Readonly<Record<number, string>> = {
    1: 'very negative',
    2: 'negative',
    3: 'neutral',
    4: 'positive',
    5: 'very positive'
};

export function isValidGrade(grade: number): boolean {
    return Number.isInteger(grade) && grade >= MIN_GRADE && grade <= MAX_GRADE;
}
