import { dark, light } from 'journey:embedded-css';
import type { Theme } from './flatten-css.js';

export type { Theme };

/** The CSS an embedded-styles map carries for a theme: map.css flattened when the bundle was built (flatten-css.ts). */
export function embeddedCss(theme: Theme): string {
    return theme === 'dark' ? dark : light;
}
