/**
 * What the site's pages and the site's script agree on: the elements the script finds, by id, class or
 * attribute. The pages work without the script (every view shown, one under the other; no filter box); the
 * script adds the view tabs and the filter.
 */
export const SITE_MARKUP = {
    /** The index's filter box (hidden until the script shows it), its input and the line that says how many journeys match. */
    filterBox: 'journey-filter-box',
    filterInput: 'journey-filter',
    filterStatus: 'journey-filter-status',
    /** On each journey row of the index, and each file section: the text the filter looks in, lower case. */
    filterText: 'data-filter',
    /** A file section of the index. */
    fileSection: 'file',
    /** A journey page's links to its views, and each view's section (its id: `view-<view id>`). */
    viewTab: 'view-tab',
    view: 'view'
} as const;

/** The id of a view's section on a journey page, and so the fragment of its link. */
export function viewSectionId(view: string): string {
    return `view-${view}`;
}
