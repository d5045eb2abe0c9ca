/**
 * map.css resolved for one theme, for a self-contained file. SVG tools other than browsers (resvg for PNG,
 * Inkscape, design tools) ignore custom properties, so every `var()` is replaced by the theme's palette value
 * or its fallback, the palette declarations go, and so do the rules meant for the webview only (those
 * starting with `body`). See the conventions at the top of map.css.
 *
 * It runs when the bundles are built (esbuild.mjs, and vitest.config.ts for the tests), not when a map is
 * drawn: the bundles carry each theme's CSS ready (the module `journey:embedded-css`, see embedded-css.ts).
 * No imports, and nothing but erasable TypeScript, so that Node runs it from the build scripts as it is.
 */
export type Theme = 'light' | 'dark';

const BASE_SELECTOR = '.journey-map';
const DARK_SELECTOR = '.journey-map.theme-dark';

interface Rule {
    selectors: string[];
    declarations: [string, string][];
}

function parseRules(css: string): Rule[] {
    const rules: Rule[] = [];
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        const selectors = match[1].split(',').map(s => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
        const declarations: [string, string][] = [];
        for (const part of match[2].split(';')) {
            const colon = part.indexOf(':');
            if (colon > 0) {
                declarations.push([part.slice(0, colon).trim(), part.slice(colon + 1).trim().replace(/\s+/g, ' ')]);
            }
        }
        rules.push({ selectors, declarations });
    }
    return rules;
}

/** Replaces every `var(--name, fallback)` by the palette's value or the fallback; undefined if neither. */
function resolveVars(value: string, palette: ReadonlyMap<string, string>, depth = 0): string | undefined {
    if (depth > 16) {
        return undefined;
    }
    let out = '';
    let from = 0;
    for (;;) {
        const start = value.indexOf('var(', from);
        if (start < 0) {
            return out + value.slice(from);
        }
        out += value.slice(from, start);
        let level = 0;
        let end = start + 3;
        for (; end < value.length; end++) {
            if (value[end] === '(') {
                level++;
            } else if (value[end] === ')' && --level === 0) {
                break;
            }
        }
        if (end >= value.length) {
            return undefined;
        }
        const inner = value.slice(start + 4, end);
        const comma = inner.indexOf(',');
        const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
        const own = palette.get(name);
        let replacement = own === undefined ? undefined : resolveVars(own, palette, depth + 1);
        if (replacement === undefined && comma >= 0) {
            replacement = resolveVars(inner.slice(comma + 1).trim(), palette, depth + 1);
        }
        if (replacement === undefined) {
            return undefined;
        }
        out += replacement;
        from = end + 1;
    }
}

/** The custom properties the rules of these selectors declare, as written, later selectors overriding earlier ones. */
function declaredPalette(rules: Rule[], selectors: readonly string[]): Map<string, string> {
    const palette = new Map<string, string>();
    for (const selector of selectors) {
        for (const rule of rules) {
            if (rule.selectors.includes(selector)) {
                for (const [property, value] of rule.declarations) {
                    if (property.startsWith('--')) {
                        palette.set(property, value);
                    }
                }
            }
        }
    }
    return palette;
}

/**
 * The palette where these selectors apply (in cascade order, e.g. `.journey-map` then
 * `body.vscode-high-contrast .journey-map`), every value resolved with the fallbacks of VS Code's variables:
 * the colours a page without VS Code's variables shows. For the contrast checks.
 */
export function resolvedPalette(css: string, selectors: readonly string[]): Map<string, string> {
    const palette = declaredPalette(parseRules(css), selectors);
    const resolved = new Map<string, string>();
    for (const [property, value] of palette) {
        const colour = resolveVars(value, palette);
        if (colour !== undefined) {
            resolved.set(property, colour);
        }
    }
    return resolved;
}

/** map.css (or another sheet following its conventions) flattened for a theme, minified. */
export function flattenCss(css: string, theme: Theme): string {
    const rules = parseRules(css);
    const palette = declaredPalette(rules, theme === 'dark' ? [BASE_SELECTOR, DARK_SELECTOR] : [BASE_SELECTOR]);
    const out: string[] = [];
    for (const rule of rules) {
        const selectors = rule.selectors.filter(s => !s.startsWith('body') && !s.includes('.theme-'));
        if (selectors.length === 0) {
            continue;
        }
        const declarations: string[] = [];
        for (const [property, value] of rule.declarations) {
            if (property.startsWith('--')) {
                continue;
            }
            const resolved = resolveVars(value, palette);
            if (resolved !== undefined) {
                declarations.push(`${property}:${resolved}`);
            }
        }
        if (declarations.length > 0) {
            out.push(`${selectors.join(',')}{${declarations.join(';')}}`);
        }
    }
    // Text of a <style> element: the sheet has neither, but an SVG must never get a raw < or &.
    return out.join('').replace(/[<&]/g, '');
}

/** The module the build gives the name `journey:embedded-css`: each theme's flattened CSS, from map.css's text. */
export function embeddedCssModule(css: string): string {
    return `export const light = ${JSON.stringify(flattenCss(css, 'light'))};\nexport const dark = ${JSON.stringify(flattenCss(css, 'dark'))};\n`;
}
