/** Escapes user text for Markdown (hovers, reports): it is shown as written, never interpreted. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, char => `\\${char}`);
}
