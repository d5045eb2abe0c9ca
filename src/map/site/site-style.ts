import { INDEX_STYLE } from '../page/index-style.js';

/**
 * The styles of the site's pages around the maps: those of a list of journeys (the index's table, light or
 * dark as the system prefers), the filter box, a journey page's header, error banner and view tabs, and a
 * view's map in a box that scrolls sideways. The maps carry their own styles (the light palette of exports).
 */
export const SITE_STYLE = `${INDEX_STYLE}
.crumbs { font-size: 13px; color: var(--muted); margin: 0 0 12px; }
.crumbs a { text-decoration: none; } .crumbs a:hover { text-decoration: underline; }
.filter { margin: 16px 0 0; } .filter input { font: inherit; padding: 4px 8px; min-width: 320px; }
.filter-status { color: var(--muted); margin-left: 8px; }
.about { color: var(--muted); margin: 0 0 4px; }
.related { margin: 4px 0 0; }
.banner { margin: 16px 0; padding: 8px 12px; border: 1px solid var(--err); border-radius: 4px; }
.banner p { margin: 0 0 4px; font-weight: 600; color: var(--err); } .banner ul { margin: 0; padding-left: 20px; }
.banner code, .problems code { color: var(--muted); }
.problems { margin: 4px 0 0; padding-left: 20px; }
.view-tabs { display: flex; gap: 4px; margin: 16px 0 0; border-bottom: 1px solid var(--line); }
.view-tab { padding: 6px 12px; text-decoration: none; border: 1px solid transparent; border-bottom: none; border-radius: 4px 4px 0 0; }
.view-tab[aria-current="page"] { border-color: var(--line); background: var(--bg); color: var(--fg); font-weight: 600; margin-bottom: -1px; }
.view h2 { margin: 20px 0 8px; }
.view-tabs-on .view h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.map-box { overflow-x: auto; margin: 12px 0 0; }
.map-box svg { display: block; }
`;
