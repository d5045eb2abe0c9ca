/**
 * User text in Markdown (the report, the pull-request summary, hover cards), shown as written and never
 * interpreted: one line, a backslash before each character that could start markup (emphasis, code, links
 * and images, HTML, headings, tables, strikethrough, entities, GitHub's @-mentions and `$` maths), before
 * the `:` of an emoji shortcode (`:name:`), and before a list marker at its start.
 */
export function markdownText(text: string): string {
    return String(text)
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        // Leading spaces and tabs do nothing inline; keep them from starting a code block.
        .replace(/\t/g, ' ')
        .replace(/[\\`*_[\]<>#|~&@$]/g, c => `\\${c}`)
        .replace(/:(?=[\w+\\-]+:)/g, '\\:')
        .replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/[-+.)]$/, c => `\\${c}`)}`);
}

/**
 * Markdown written with markdownText and `**bold**` only (the hover cards), as plain text for a client that
 * shows no Markdown: the marks go, the escaped characters stay as written.
 */
export function markdownToPlainText(markdown: string): string {
    return markdown.replace(/\\(.)|\*\*/gs, (_, escaped: string | undefined) => escaped ?? '');
}
