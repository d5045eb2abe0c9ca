import type { JourneyModel, SourceRange } from '../src/map/model.js';

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

/**
 * On a stakeholder map, the parties of the touchpoint at the given line (its owner and those taking part),
 * and a party declared at that line in the same file.
 */
export function partiesAtLine(root: ParentNode, journey: JourneyModel, line: number): Element[] {
    const touchpoint = journey.stages.flatMap(stage => stage.touchpoints).find(({ source }) =>
        source.range.startLine <= line && line <= source.range.endLine);
    const names = new Set([touchpoint?.owner?.name, ...(touchpoint?.with ?? []).map(party => party.name)]);
    return [...root.querySelectorAll('.stakeholder')].filter(node => {
        const range = node.hasAttribute('data-uri') ? undefined : parseRange(node.getAttribute('data-range'));
        return names.has(node.getAttribute('data-stakeholder') ?? undefined) || (range !== undefined && range.startLine <= line && line <= range.endLine);
    });
}

/** The touchpoint columns whose source spans the given line (the editor's cursor). */
export function columnsAtLine(root: ParentNode, line: number): Element[] {
    return [...root.querySelectorAll('.column')].filter(column => {
        const cell = column.querySelector('[data-kind="touchpoint"]');
        const range = parseRange(cell?.getAttribute('data-range') ?? null);
        return range !== undefined && range.startLine <= line && line <= range.endLine;
    });
}
