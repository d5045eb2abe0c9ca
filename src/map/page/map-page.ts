import type { Theme } from '../styles/embedded-css.js';
import { htmlPage } from './html-page.js';

const PAGE_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#1e1e1e' };

/**
 * A map (its SVG, styles inside) as one self-contained HTML page: nothing to load, and a CSP that lets no
 * script run, so the file can be mailed, attached or opened anywhere.
 */
export function mapPage(title: string, svg: string, theme: Theme): string {
    return htmlPage({
        csp: "default-src 'none'; style-src 'unsafe-inline'",
        title,
        head: '<meta name="generator" content="Journey Maps">\n'
            + `<style>html, body { margin: 0; background: ${PAGE_BACKGROUND[theme]}; } body { padding: 16px; } svg { display: block; }</style>`,
        body: svg
    });
}
