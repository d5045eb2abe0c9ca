/**
 * The emotional grade scale, 1 (very negative) to 5 (very positive): the scale of Mermaid's journey
 * diagrams. The validator, completion, hovers, semantic tokens, the map, its legend and the reports all
 * describe grades from this one table.
 */
export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface Grade {
    readonly value: number;
    /** The scale's word for it. */
    readonly meaning: string;
    /** What it says about the customer, for a hover. */
    readonly advice: string;
    readonly sentiment: Sentiment;
}

export const GRADES: readonly Grade[] = [
    { value: 1, meaning: 'very negative', advice: 'a low point: the customer is upset, angry or gives up.', sentiment: 'negative' },
    { value: 2, meaning: 'negative', advice: 'the customer is frustrated, confused or anxious.', sentiment: 'negative' },
    { value: 3, meaning: 'neutral', advice: 'neither good nor bad: the customer gets through it.', sentiment: 'neutral' },
    { value: 4, meaning: 'positive', advice: 'the customer is pleased; it works as it should.', sentiment: 'positive' },
    { value: 5, meaning: 'very positive', advice: 'a high point: the customer is delighted or relieved.', sentiment: 'positive' }
];

export const MIN_GRADE = GRADES[0].value;
export const MAX_GRADE = GRADES[GRADES.length - 1].value;
/** The middle of the scale: where the map puts the "not graded" mark, and what stands in for a missing grade. */
export const NEUTRAL_GRADE = 3;

/** A whole number on the scale. */
export function isValidGrade(grade: number): boolean {
    return Number.isInteger(grade) && grade >= MIN_GRADE && grade <= MAX_GRADE;
}

/** The grade of a valid value (see isValidGrade). */
export function gradeOf(value: number): Grade {
    return GRADES[value - MIN_GRADE];
}

/** The scale in words: "1 = very negative, 2 = negative, ...". */
export function describeScale(): string {
    return GRADES.map(grade => `${grade.value} = ${grade.meaning}`).join(', ');
}
