import type { SourceRange } from '../src/map/model.js';

/** Reads the source of a clicked map element, as the renderer wrote it in `data-range`/`data-selection`. */
export function sourceOf(element: Element): { range: SourceRange, selection: SourceRange, uri?: string } | undefined {
    const range = parseRange(element.getAttribute('data-range'));
    if (!range) {
        return undefined;
    }
    return {
        range,
        selection: parseRange(element.getAttribute('data-selection')) ?? range,
        uri: element.getAttribute('data-uri') ?? undefined
    };
}

export function parseRange(text: string | null): SourceRange | undefined {
    const parts = text?.split(':').map(Number);
    if (parts?.length !== 4 || parts.some(n => !Number.isInteger(n) || n < 0)) {
        return undefined;
    }
    const [startLine, startCharacter, endLine, endCharacter] = parts;
    return { startLine, startCharacter, endLine, endCharacter };
}

/** The touchpoint columns whose source spans the given line (the editor's cursor). */
export function columnsAtLine(root: ParentNode, line: number): Element[] {
    return [...root.querySelectorAll('.column')].filter(column => {
        const cell = column.querySelector('[data-kind="touchpoint"]');
        const range = parseRange(cell?.getAttribute('data-range') ?? null);
        return range !== undefined && range.startLine <= line && line <= range.endLine;
    });
}
