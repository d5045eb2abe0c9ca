/**
 * Markup with one run of sibling elements apart, the parts (the touchpoint columns of the map and of the
 * blueprint, the stages of the journey in words): joined, the markup as one string (the exports, the CLI);
 * apart, they let the preview parse and replace only the parts that changed since it last drew.
 */
export interface MarkupParts {
    /** Everything before the parts, up to the opening tag of the element around them. */
    readonly head: string;
    /** Each part's markup, one element each, in order. */
    readonly parts: readonly string[];
    /** Everything after the parts, from the closing tag of the element around them. */
    readonly tail: string;
}

export function joinParts({ head, parts, tail }: MarkupParts): string {
    return head + parts.join('') + tail;
}

/** What a renderer wrote in order into `out`, with the parts it wrote apart to go at index `at` of it. */
export function splitAt(out: readonly string[], { at, parts }: { at: number, parts: readonly string[] }): MarkupParts {
    return { head: out.slice(0, at).join(''), parts, tail: out.slice(at).join('') };
}

/** The markup `write` pushes, as one string. */
export function written(write: (out: string[]) => void): string {
    const out: string[] = [];
    write(out);
    return out.join('');
}
