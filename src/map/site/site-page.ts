import { htmlPage } from '../page/html-page.js';
import { escapeXml as escapeAttribute } from '../text.js';
import { SITE_STYLE } from './site-style.js';

export interface SitePageContent {
    /** Plain text; escaped by the shell. */
    title: string;
    /** The page's markup, every user text already escaped; the maps' SVG carry `<style>` elements of their own. */
    body: string;
    /** The site's script (out/webview/site.js), written inline at the end of the body. */
    script: string;
    /** With `--base`: the page's own absolute URL. */
    canonical?: string;
}

/** The CSP source of a text: its SHA-256, in base64 (WebCrypto: the same in Node and in a browser). */
async function hashSource(text: string): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

/** The text of every `<style>` element in some markup (the renderers write them without attributes). */
function styleTexts(markup: string): string[] {
    return [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(match => match[1]);
}

/**
 * A page of the static site. Its Content-Security-Policy allows exactly the page's own inline styles and
 * script, by their hashes: a hash does not depend on where the page is opened (a `file://` page has an
 * opaque origin, which `'self'` does not match in every browser) and is the same at every build (a nonce is
 * meant to change at every response, which a file cannot do). Nothing else may load or run: no other script,
 * style, image, font, frame or connection, no `<base>` and no form. The only request a page could make, for
 * a favicon, is answered by an empty icon in the page.
 */
export async function sitePage({ title, body, script, canonical }: SitePageContent): Promise<string> {
    if (/<\/script/i.test(script)) {
        throw new Error('The site script holds </script and cannot be written inline');
    }
    const styles = [...new Set([SITE_STYLE, ...styleTexts(body)])];
    const styleHashes = await Promise.all(styles.map(hashSource));
    const csp = [
        "default-src 'none'",
        `style-src ${styleHashes.join(' ')}`,
        `script-src ${await hashSource(script)}`,
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
    return htmlPage({
        csp,
        title,
        head: [
            '<meta name="generator" content="Journey Maps">',
            '<meta name="referrer" content="no-referrer">',
            '<link rel="icon" href="data:,">',
            ...(canonical === undefined ? [] : [`<link rel="canonical" href="${escapeAttribute(canonical)}">`]),
            `<style>${SITE_STYLE}</style>`
        ].join('\n'),
        body: `${body}\n<script>${script}</script>`
    });
}
