import type { Theme } from '../styles/embedded-css.js';
import { htmlPage } from './html-page.js';

const PAGE_COLOURS: Record<Theme, { background: string, text: string }> = {
    light: { background: '#ffffff', text: '#1f2328' },
    dark: { background: '#1e1e1e', text: '#cccccc' }
};

/** Hidden from sight but read by screen readers (the outline the map shows as a picture). */
const VISUALLY_HIDDEN_CSS = 'position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;';

/**
 * A map (its SVG, styles inside) as one self-contained HTML page: nothing to load, and a CSP that lets no
 * script run, so the file can be mailed, attached or opened anywhere. `outline`: the journey in words for
 * screen readers (journeyOutline), after the picture.
 */
export function mapPage(title: string, svg: string, theme: Theme, outline = ''): string {
    const { background, text } = PAGE_COLOURS[theme];
    return htmlPage({
        csp: "default-src 'none'; style-src 'unsafe-inline'",
        title,
        head: '<meta name="generator" content="Journey Maps">\n'
            + `<style>html, body { margin: 0; background: ${background}; color: ${text}; } body { padding: 16px; } svg { display: block; }`
            + ` .journey-outline { ${VISUALLY_HIDDEN_CSS} }</style>`,
        body: `<main>\n${svg}\n${outline}\n</main>`
    });
}
