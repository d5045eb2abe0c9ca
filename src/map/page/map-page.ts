import type { JourneyModel } from '../model.js';
import { renderJourneyMap } from '../views/journey-map/render.js';
import type { Theme } from '../styles/embedded-css.js';
import { htmlPage } from './html-page.js';

const PAGE_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#1e1e1e' };

/**
 * A journey map as one self-contained HTML page: the SVG with its styles inside, nothing to load, and
 * a CSP that lets no script run, so the file can be mailed, attached or opened anywhere.
 */
export function renderJourneyPage(journey: JourneyModel, options: { theme?: Theme } = {}): string {
    const theme = options.theme ?? 'light';
    return htmlPage({
        csp: "default-src 'none'; style-src 'unsafe-inline'",
        title: `${journey.title}: journey map`,
        head: '<meta name="generator" content="Journey Maps">\n'
            + `<style>html, body { margin: 0; background: ${PAGE_BACKGROUND[theme]}; } body { padding: 16px; } svg { display: block; }</style>`,
        body: renderJourneyMap(journey, { styles: 'embedded', theme })
    });
}
