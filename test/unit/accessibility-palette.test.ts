import { describe, expect, test } from 'vitest';
import mapCss from '../../src/map/styles/map.css';
import { resolvedPalette } from '../../src/map/styles/flatten-css.js';
import { GRADE_INK, GRADES, gradePaletteCss, type PaletteTheme } from '../../src/map/vocabulary/grades.js';
import { contrast, perceivedDifference, type Deficiency } from '../helpers/colour.js';

/**
 * The map's colours, computed from its palettes (map.css with the grade table's palette, every VS Code variable
 * at its fallback, as exports and `journey serve` show them): WCAG AA text contrast in every theme, and grades
 * that readers with a colour-vision deficiency tell apart.
 */
const SELECTORS: Record<PaletteTheme, string[]> = {
    'light': ['.journey-map'],
    'dark': ['.journey-map', '.journey-map.theme-dark'],
    'high-contrast': ['.journey-map', 'body.vscode-high-contrast .journey-map'],
    'high-contrast-light': ['.journey-map', 'body.vscode-high-contrast .journey-map', 'body.vscode-high-contrast-light .journey-map']
};
const THEMES = Object.keys(SELECTORS) as PaletteTheme[];

/** Neighbouring grades differ by at least this CIEDE2000 difference, with normal vision and under each simulation. */
const NEIGHBOUR_DELTA_E = 10;
const DEFICIENCIES: Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

/** A colour with alpha (#rrggbbaa) laid over a solid one. */
function over(colour: string, base: string): string {
    if (colour.length !== 9) {
        return colour;
    }
    const alpha = parseInt(colour.slice(7), 16) / 255;
    const channel = (i: number) => Math.round(parseInt(colour.slice(i, i + 2), 16) * alpha + parseInt(base.slice(i, i + 2), 16) * (1 - alpha));
    return `#${[1, 3, 5].map(i => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

function palette(theme: PaletteTheme): (name: string) => string {
    const colours = resolvedPalette(mapCss + gradePaletteCss(), SELECTORS[theme]);
    return name => {
        const colour = colours.get(name);
        expect(colour, `${theme} ${name}`).toMatch(/^#[0-9a-f]{6}([0-9a-f]{2})?$/);
        return colour!;
    };
}

/** The colours text is written in: the body, muted labels, moment-of-truth and comparison tags, warnings. */
const TEXT_COLOURS = ['--jm-fg', '--jm-muted', '--jm-mot', '--jm-warn-fg', '--jm-accent', '--jm-pain', '--journey-grade-5'];

/** What text is written on: the map, boxes, the gutter, stage heads, warning boxes, lane bands, a highlighted column. */
function backgrounds(colour: (name: string) => string): Record<string, string> {
    const bg = colour('--jm-bg');
    const band = `${colour('--jm-fg')}08`;
    return {
        '--jm-bg': bg, '--jm-surface': colour('--jm-surface'), '--jm-gutter': colour('--jm-gutter'), '--jm-stage': colour('--jm-stage'),
        '--jm-warn-bg': colour('--jm-warn-bg'), 'lane band': over(band, bg), 'highlighted column': over(colour('--jm-highlight'), bg)
    };
}

describe('the palettes', () => {
    test.each(THEMES)('text contrast is at least 4.5:1 in the %s theme', theme => {
        const colour = palette(theme);
        const ratios: string[] = [];
        let least = Infinity;
        for (const text of TEXT_COLOURS) {
            for (const [surface, background] of Object.entries(backgrounds(colour))) {
                const ratio = contrast(colour(text), background);
                least = Math.min(least, ratio);
                if (ratio < 4.5) {
                    ratios.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
                }
            }
        }
        for (const grade of GRADES) {
            const ratio = contrast(GRADE_INK[theme], colour(`--journey-grade-${grade.value}`));
            least = Math.min(least, ratio);
            if (ratio < 4.5) {
                ratios.push(`label of grade ${grade.value}: ${ratio.toFixed(2)}`);
            }
        }
        expect(ratios).toEqual([]);
        console.info(`${theme}: least text contrast ${least.toFixed(2)}:1`);
    });

    test.each(THEMES)('every grade mark stands out from the %s map at 3:1 or more', theme => {
        const colour = palette(theme);
        for (const grade of GRADES) {
            expect(contrast(colour(`--journey-grade-${grade.value}`), colour('--jm-bg')), `grade ${grade.value}`).toBeGreaterThanOrEqual(3);
        }
    });

    test.each(THEMES)('neighbouring grades stay apart in the %s palette, with normal vision and each colour-vision deficiency', theme => {
        const figures: string[] = [];
        for (const deficiency of [undefined, ...DEFICIENCIES]) {
            let least = Infinity;
            for (let i = 1; i < GRADES.length; i++) {
                const difference = perceivedDifference(GRADES[i - 1].colour[theme], GRADES[i].colour[theme], deficiency);
                expect(difference, `${deficiency ?? 'normal vision'}: grades ${i} and ${i + 1}`).toBeGreaterThanOrEqual(NEIGHBOUR_DELTA_E);
                least = Math.min(least, difference);
            }
            figures.push(`${deficiency ?? 'normal'} ${least.toFixed(1)}`);
        }
        console.info(`${theme}: least ΔE2000 between neighbouring grades: ${figures.join(', ')}`);
    });

    test('the grades the map draws are the grade table\'s, and each has a label of its own', () => {
        expect(new Set(GRADES.map(grade => grade.label)).size).toBe(GRADES.length);
        const light = palette('light');
        const dark = palette('dark');
        for (const grade of GRADES) {
            expect(light(`--journey-grade-${grade.value}`)).toBe(grade.colour.light);
            expect(dark(`--journey-grade-${grade.value}`)).toBe(grade.colour.dark);
        }
    });
});
