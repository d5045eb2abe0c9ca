import { htmlPage } from '../map/page/html-page.js';
import { escapeXml as escapeAttribute } from '../map/text.js';
import type { PreviewPageState } from './preview-messages.js';
import { VIEWS } from '../map/views/views.js';

export interface PreviewPageResources {
    /** The webview's `cspSource`: where the page may load its script and styles from. */
    cspSource: string;
    /** A fresh random nonce: the only inline-free script allowed to run carries it. */
    nonce: string;
    scriptUri: string;
    styleUri: string;
    state: PreviewPageState;
    /**
     * A script run before the page's own, with the same nonce: outside VS Code (`journey serve`) it
     * provides `acquireVsCodeApi` and delivers the messages VS Code would.
     */
    hostScriptUri?: string;
    /** Where the page may connect (`connect-src`), e.g. `'self'` for the host script's event stream. None by default. */
    connectSrc?: string;
}

/**
 * The page's Content-Security-Policy, as its `<meta>` says it (and `journey serve` as a header too): nothing
 * but the bundled styles and the scripts that carry the nonce, no base URL and no form.
 */
export function previewPageCsp({ cspSource, nonce, connectSrc }: PreviewPageResources): string {
    return [
        "default-src 'none'",
        `style-src ${cspSource}`,
        `img-src ${cspSource} data:`,
        `script-src 'nonce-${nonce}'`,
        ...(connectSrc ? [`connect-src ${connectSrc}`] : []),
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
}

/** The keys of the preview page (and `journey serve`'s), as its help overlay lists them. */
export const KEYBOARD_SHORTCUTS: readonly (readonly [string, string])[] = [
    ['Tab', 'reach the toolbar and the map'],
    ['→ ←', 'next or previous touchpoint (on the stakeholder map: party)'],
    ['↓ ↑', 'next or previous lane of the touchpoint: channel, owner, grades, notes'],
    ['Home End', 'first or last touchpoint'],
    ['Enter, Space', 'go to the source of what is marked'],
    ['] [', 'next or previous view: map, blueprint, stakeholders'],
    ['+ −', 'zoom in or out'],
    ['0', 'fit the map in the window'],
    ['1', 'actual size'],
    ['?', 'show or hide these shortcuts'],
    ['Escape', 'close this list']
];

/**
 * The preview page shell, set once per panel; maps arrive later as messages. Strict CSP: nothing but
 * the bundled styles and one script carrying the nonce; the initial state travels in a data attribute.
 * Free of `vscode` so the same page can be loaded in a plain browser by tests.
 */
export function previewPageHtml(resources: PreviewPageResources): string {
    const { nonce, scriptUri, styleUri, state, hostScriptUri } = resources;
    const csp = previewPageCsp(resources);
    const hostScript = hostScriptUri ? `<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(hostScriptUri)}"></script>\n` : '';
    return htmlPage({
        csp,
        title: 'Journey map',
        head: `<meta id="journey-preview-state" data-state="${escapeAttribute(JSON.stringify(state))}">
<link rel="stylesheet" href="${escapeAttribute(styleUri)}">`,
        body: `<header class="toolbar" role="toolbar" aria-label="Journey map">
  <nav class="journey-tabs" aria-label="Journeys in this file"></nav>
  <nav class="view-tabs" aria-label="Views">
${Object.values(VIEWS).filter(view => view.tab).map(view => `    <button type="button" class="view-tab" data-action="view" data-view="${view.id}" aria-pressed="${view.id === 'map'}">${escapeAttribute(view.label)}</button>`).join('\n')}
  </nav>
  <nav class="persona-toggle" aria-label="Personas shown" hidden></nav>
  <button type="button" class="compare-toggle" data-action="compare" aria-pressed="false" title="Draw today's journey behind this redesign: its curve, the steps gone, the figures today and tomorrow" hidden>Compare with today</button>
  <span class="toolbar-spacer"></span>
  <button type="button" data-action="zoom-out" title="Zoom out (-)" aria-label="Zoom out">&#8722;</button>
  <span class="zoom-level" aria-live="polite">100%</span>
  <button type="button" data-action="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button type="button" data-action="zoom-fit" title="Fit the map in the window (0)">Fit</button>
  <button type="button" data-action="zoom-reset" title="Actual size (1)">1:1</button>
  <button type="button" data-action="export-svg" title="Export the map as an SVG file">SVG</button>
  <button type="button" data-action="export-html" title="Export the map as a self-contained HTML file">HTML</button>
  <button type="button" data-action="help" title="Keyboard shortcuts (?)" aria-haspopup="dialog">?</button>
</header>
<div class="banner" role="alert" hidden></div>
<main class="viewport" tabindex="0" aria-label="Journey map: Tab here, then the arrow keys move between touchpoints; press ? for the keyboard shortcuts"><div class="map"><p class="placeholder">Loading the journey map…</p></div></main>
<div class="outline"></div>
<div class="announcer" aria-live="polite"></div>
<div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title" hidden>
  <h2 id="help-title">Keyboard shortcuts</h2>
  <dl>
${KEYBOARD_SHORTCUTS.map(([keys, what]) => `    <dt>${escapeAttribute(keys)}</dt><dd>${escapeAttribute(what)}</dd>`).join('\n')}
  </dl>
  <button type="button" data-action="close-help">Close</button>
</div>
${hostScript}<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(scriptUri)}"></script>`
    });
}
