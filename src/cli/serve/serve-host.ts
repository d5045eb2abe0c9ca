/**
 * The host side of the preview page when `journey serve` shows it in a browser: what VS Code provides
 * to the page in a webview. Loaded before the page's own script (with the same nonce), it defines
 * `acquireVsCodeApi` (state in sessionStorage; messages from the page to the server) and, once the page
 * says it is ready, forwards the server's event stream of view models to the page as VS Code's
 * `update` messages. Clicks that would reveal a line in the editor are posted to the server, which
 * prints `file:line:column`; the SVG and HTML buttons download the export from the server.
 */
import type { FromWebviewMessage, PreviewPageState, ToWebviewMessage } from '../../shared/preview-messages.js';

interface HostApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): PreviewPageState | undefined;
    setState(state: PreviewPageState): void;
}

const stateElement = document.getElementById('journey-preview-state')!;
const source = (JSON.parse(stateElement.dataset.state!) as PreviewPageState).source;
const storageKey = `journey-serve-state:${location.pathname}${location.search}`;
let connected = false;

function connect(): void {
    if (connected) {
        return;
    }
    connected = true;
    const events = new EventSource(`/events?file=${encodeURIComponent(source)}`);
    events.addEventListener('message', event => {
        const message = JSON.parse((event as MessageEvent<string>).data) as ToWebviewMessage;
        if (message.type === 'update' && message.source === source) {
            window.postMessage(message, location.origin);
        }
    });
}

function exportMap(message: Extract<FromWebviewMessage, { type: 'export' }>): void {
    const link = document.createElement('a');
    const query = new URLSearchParams({ file: source, journey: message.journey, format: message.format, view: message.view, ...(message.persona ? { persona: message.persona } : {}) });
    link.href = `/export?${query}`;
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
}

const api: HostApi = {
    postMessage(message) {
        switch (message.type) {
            case 'ready':
                connect();
                break;
            case 'reveal':
                void fetch('/reveal', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) })
                    .catch(() => undefined);
                break;
            case 'export':
                exportMap(message);
                break;
            case 'rendered':
                document.documentElement.dataset.rendered = String(Number(document.documentElement.dataset.rendered ?? 0) + 1);
                break;
        }
    },
    getState() {
        const saved = sessionStorage.getItem(storageKey);
        return saved ? JSON.parse(saved) as PreviewPageState : undefined;
    },
    setState(state) {
        sessionStorage.setItem(storageKey, JSON.stringify(state));
    }
};

let acquired = false;
(window as unknown as { acquireVsCodeApi: () => HostApi }).acquireVsCodeApi = () => {
    if (acquired) {
        throw new Error('acquireVsCodeApi can be called only once');
    }
    acquired = true;
    return api;
};

// What VS Code gives the page: its theme's colours (a stylesheet of defaults here) and the theme kind.
const themeStyles = document.createElement('link');
themeStyles.rel = 'stylesheet';
themeStyles.href = '/assets/serve-host.css';
document.head.prepend(themeStyles);
const dark = window.matchMedia('(prefers-color-scheme: dark)');
// More contrast asked for by the system: VS Code's high-contrast theme classes (both for the light one).
const moreContrast = window.matchMedia('(prefers-contrast: more), (forced-colors: active)');
const applyThemeKind = () => {
    const contrast = moreContrast.matches;
    document.body.classList.toggle('vscode-dark', dark.matches && !contrast);
    document.body.classList.toggle('vscode-light', !dark.matches && !contrast);
    document.body.classList.toggle('vscode-high-contrast', contrast);
    document.body.classList.toggle('vscode-high-contrast-light', contrast && !dark.matches);
};
applyThemeKind();
dark.addEventListener('change', applyThemeKind);
moreContrast.addEventListener('change', applyThemeKind);

// Outside an editor the page needs a way back to the list of journeys, and a title naming its file.
document.title = `${source}: journey map`;
const toolbar = document.querySelector('.toolbar');
if (toolbar) {
    const back = document.createElement('a');
    back.href = '/';
    back.className = 'serve-index-link';
    back.textContent = 'All journeys';
    back.title = 'The journeys of this folder';
    toolbar.prepend(back);
}
