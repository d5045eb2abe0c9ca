/**
 * The styles of a page that lists journeys (`journey serve`'s index, the static site's pages around the maps):
 * light, or dark when the system prefers it; the table of journeys and their figures (journey-table.ts).
 */
export const INDEX_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --accent: #0b63c5; --warn: #9a6700; --err: #c62828; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #1e1e1e; --accent: #58a6ff; --warn: #d29922; --err: #f47067; } }
body { margin: 0; padding: 24px 32px; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 8px; }
a { color: var(--accent); }
table { border-collapse: collapse; min-width: 640px; }
th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.journey-name { color: var(--muted); font-size: 12px; }
.errors { color: var(--err); font-weight: 600; margin-left: 8px; font-size: 13px; }
.warn { color: var(--warn); }
.none { color: var(--muted); }
`;
