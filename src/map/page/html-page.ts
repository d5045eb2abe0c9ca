import { escapeXml } from '../text.js';

export interface HtmlPage {
    /** The page's Content-Security-Policy: every page the project makes has one. Written as is (see below). */
    csp: string;
    /** Plain text; escaped here. */
    title: string;
    /** Further head elements (styles, scripts, data), already escaped by the caller. */
    head?: string;
    /** The body's markup, already escaped by the caller. */
    body: string;
}

/** The one HTML page shell of the project: the preview page, the exported page and `journey serve`'s index. */
export function htmlPage({ csp, title, head, body }: HtmlPage): string {
    // A policy is made of source keywords (quoted with '), hosts, nonces and hashes: never a character that
    // would end the attribute or start markup; one that has one is a bug, not something to escape.
    if (/["<>&]/.test(csp)) {
        throw new Error(`Not a Content-Security-Policy: ${csp}`);
    }
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(title)}</title>
${head ? `${head}\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
}
