import type { JourneyModel } from '../../src/shared/journey-model.js';
import { renderJourneyMap } from './render-map.js';
import type { Theme } from './styles.js';
import { escapeXml } from './text.js';

const PAGE_BACKGROUND: Record<Theme, string> = { light: '#ffffff', dark: '#1e1e1e' };

/**
 * A journey map as one self-contained HTML page: the SVG with its styles inside, nothing to load, and
 * a CSP that lets no script run, so the file can be mailed, attached or opened anywhere.
 */
export function renderJourneyPage(journey: JourneyModel, options: { theme?: Theme } = {}): string {
    const theme = options.theme ?? 'light';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Journey Maps">
<title>${escapeXml(journey.title)}: journey map</title>
<style>html, body { margin: 0; background: ${PAGE_BACKGROUND[theme]}; } body { padding: 16px; } svg { display: block; }</style>
</head>
<body>
${renderJourneyMap(journey, { styles: 'embedded', theme })}
</body>
</html>
`;
}
