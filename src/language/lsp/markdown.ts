/** Escapes user text for Markdown (hovers, reports): it is shown as written, never interpreted. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, char => `\\${char}`);
}

/**
 * The text of Markdown written with escapeMarkdown and `**bold**` only (the hover cards), as plain text:
 * the marks go, escaped characters stay as written.
 */
export function markdownToPlainText(markdown: string): string {
    return markdown.replace(/\\(.)|\*\*/gs, (_, escaped: string | undefined) => escaped ?? '');
}
