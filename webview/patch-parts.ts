import morphdom from 'morphdom';
import type { MarkupParts } from '../src/map/views/markup-parts.js';

/** The markup each element put in by patchParts was parsed from. */
const parsedFrom = new WeakMap<Node, string>();

/** The markup drawn last into a container around its parts: an equal one is not diffed again. */
const drawnAround = new WeakMap<Element, string>();

/**
 * Draws `markup` into `container` (which keeps its own tag and attributes), patching the DOM in place: the
 * markup around the parts with morphdom, which leaves every element equal to its new version as it is; the
 * parts, in the element `partsIn` finds, by patchParts.
 */
export function drawInPlace(container: Element, { head, parts, tail }: MarkupParts, partsIn: string,
    beforeUpdate: (from: Element, to: Element) => void = () => undefined): void {
    const around = head + tail;
    if (around !== drawnAround.get(container)) {
        drawnAround.set(container, around);
        const shell = container.cloneNode(false) as Element;
        shell.innerHTML = around;
        morphdom(container, shell, {
            onBeforeElUpdated: (from, to) => {
                beforeUpdate(from, to);
                return !from.isEqualNode(to);
            },
            // The parts come apart, below.
            onBeforeElChildrenUpdated: (_from, to) => !to.matches(partsIn)
        });
    }
    const parent = container.querySelector(partsIn);
    if (parent) {
        patchParts(parent, parts);
    }
}

/**
 * Makes the children of `parent` the elements of `parts` (the markup of each, in order), touching only those
 * that changed: an element whose markup is the one it was parsed from stays as it is, so the browser does
 * not parse, style, lay out or paint it again (after an edit, all but a column or two of the map); the
 * others are parsed together, in the parent's namespace, and put in their places.
 */
function patchParts(parent: Element, parts: readonly string[]): void {
    const unchanged = new Map<string, Node>();
    for (const child of parent.childNodes) {
        const markup = parsedFrom.get(child);
        if (markup !== undefined && !unchanged.has(markup)) {
            unchanged.set(markup, child);
        }
    }
    const kept = parts.map(markup => {
        const element = unchanged.get(markup);
        unchanged.delete(markup);
        return element;
    });
    const changed = parts.filter((_, i) => kept[i] === undefined);
    const range = document.createRange();
    range.selectNodeContents(parent);
    const parsed = [...range.createContextualFragment(changed.join('')).children];
    changed.forEach((markup, i) => parsedFrom.set(parsed[i], markup));
    const wanted = kept.map(element => element ?? parsed.shift()!);
    // The elements no longer wanted go first, so that those kept are already in order (after scrolling too).
    const keep = new Set(wanted);
    for (const child of [...parent.childNodes]) {
        if (!keep.has(child)) {
            child.remove();
        }
    }
    let next = parent.firstChild;
    for (const element of wanted) {
        if (element === next) {
            next = next.nextSibling;
        } else {
            parent.insertBefore(element, next);
        }
    }
}
