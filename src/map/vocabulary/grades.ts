/**
 * The emotional grade scale, 1 (very negative) to 5 (very positive): the scale of Mermaid's journey
 * diagrams. The validator, completion, hovers, semantic tokens, the map, its legend and the reports all
 * describe grades from this one table, and every view draws them in its palette (see gradePaletteCss).
 *
 * No imports and nothing but erasable TypeScript: the build scripts run it as it is (esbuild.mjs).
 */
export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface Grade {
    readonly value: number;
    /** The scale's word for it. */
    readonly meaning: string;
    /** What it says about the customer, for a hover. */
    readonly advice: string;
    readonly sentiment: Sentiment;
    /**
     * The grade's mark in each palette: the fill of its dot. Red-orange for the low grades, grey in the
     * middle and blue for the high ones (no red-green pair), each neighbour told apart by readers with
     * protanopia, deuteranopia or tritanopia, and every fill at least 3:1 against its background.
     */
    readonly colour: Readonly<Record<PaletteTheme, string>>;
    /** What is written on its dot, so that no grade is told by colour alone. */
    readonly label: string;
}

/**
 * The palettes of the map: light and dark (VS Code's themes and the exports), and VS Code's high-contrast
 * themes, dark and light.
 */
export type PaletteTheme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The colour of a grade's label on its dot, in each palette: at least 4.5:1 against every grade's colour. */
export const GRADE_INK: Readonly<Record<PaletteTheme, string>> = {
    'light': '#ffffff', 'dark': '#000000', 'high-contrast': '#000000', 'high-contrast-light': '#ffffff'
};

export const GRADES: readonly Grade[] = [
    {
        value: 1, meaning: 'very negative', advice: 'a low point: the customer is upset, angry or gives up.', sentiment: 'negative', label: '1',
        colour: { 'light': '#99143a', 'dark': '#ff6b6b', 'high-contrast': '#ff7a7a', 'high-contrast-light': '#800a26' }
    },
    {
        value: 2, meaning: 'negative', advice: 'the customer is frustrated, confused or anxious.', sentiment: 'negative', label: '2',
        colour: { 'light': '#b9530b', 'dark': '#ffb347', 'high-contrast': '#ffc46b', 'high-contrast-light': '#a34d00' }
    },
    {
        value: 3, meaning: 'neutral', advice: 'neither good nor bad: the customer gets through it.', sentiment: 'neutral', label: '3',
        colour: { 'light': '#6b6b6b', 'dark': '#b0b0b0', 'high-contrast': '#c8c8c8', 'high-contrast-light': '#575757' }
    },
    {
        value: 4, meaning: 'positive', advice: 'the customer is pleased; it works as it should.', sentiment: 'positive', label: '4',
        colour: { 'light': '#2e6fd1', 'dark': '#5b9cf0', 'high-contrast': '#6aaeff', 'high-contrast-light': '#1d55b0' }
    },
    {
        value: 5, meaning: 'very positive', advice: 'a high point: the customer is delighted or relieved.', sentiment: 'positive', label: '5',
        colour: { 'light': '#1b3a80', 'dark': '#b4dcff', 'high-contrast': '#c4e4ff', 'high-contrast-light': '#0f2352' }
    }
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

/** Where each palette applies in map.css's conventions: the light one is the base, exports get `theme-dark`. */
const PALETTE_SELECTORS: Readonly<Record<PaletteTheme, string>> = {
    'light': '.journey-map',
    'dark': '.journey-map.theme-dark,\nbody.vscode-dark .journey-map',
    'high-contrast': 'body.vscode-high-contrast .journey-map',
    'high-contrast-light': 'body.vscode-high-contrast-light .journey-map'
};

/**
 * The grade palette as CSS custom properties (`--journey-grade-1` .. `--journey-grade-5` and
 * `--journey-grade-ink`), one rule per palette in the order map.css's cascade needs: the sheet that map.css
 * is bundled and flattened with, so that this table is the only place the grade colours are written.
 */
export function gradePaletteCss(): string {
    return (Object.keys(PALETTE_SELECTORS) as PaletteTheme[]).map(theme => {
        const declarations = GRADES.map(grade => `  --journey-grade-${grade.value}: ${grade.colour[theme]};`);
        return `${PALETTE_SELECTORS[theme]} {\n${declarations.join('\n')}\n  --journey-grade-ink: ${GRADE_INK[theme]};\n}\n`;
    }).join('\n');
}
