/** Repetition, statistics and the results table of the benchmarks. */

export interface Samples {
    /** Raw values in measuring order (ms, or bytes for sizes and memory). */
    values: number[];
    median: number;
    min: number;
    max: number;
    p95: number;
}

export function summarise(values: number[]): Samples {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { values, median, min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95) };
}

/** Runs `once` `warmup` times unmeasured, then `runs` times; `once` returns its own measurement in ms. */
export async function repeat(warmup: number, runs: number, once: (i: number) => Promise<number>): Promise<Samples> {
    for (let i = 0; i < warmup; i++) {
        await once(-1 - i);
    }
    const values: number[] = [];
    for (let i = 0; i < runs; i++) {
        values.push(await once(i));
    }
    return summarise(values);
}

export type Unit = 'ms' | 'bytes' | 'MB' | 'ratio';

/** One row of the results table. */
export interface Row {
    group: string;
    what: string;
    /** How it was measured, and any caveat (e.g. "outside VS Code"). */
    how: string;
    unit: Unit;
    samples?: Samples;
    /** Which statistic the budget applies to. */
    stat?: 'median' | 'p95';
    /** A single figure (sizes, ratios). */
    value?: number;
    budget?: { max: number, text: string };
    note?: string;
}

export function figure(row: Row): number | undefined {
    if (row.value !== undefined) {
        return row.value;
    }
    if (!row.samples) {
        return undefined;
    }
    return row.stat === 'p95' ? row.samples.p95 : row.samples.median;
}

export function verdict(row: Row): 'met' | 'MISSED' | '' {
    const value = figure(row);
    if (!row.budget || value === undefined) {
        return '';
    }
    return value <= row.budget.max ? 'met' : 'MISSED';
}

export function format(value: number | undefined, unit: Unit): string {
    if (value === undefined || !Number.isFinite(value)) {
        return '—';
    }
    switch (unit) {
        case 'ms': return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
        case 'MB': return `${value.toFixed(1)} MB`;
        case 'bytes': return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
        case 'ratio': return value.toFixed(3);
    }
}

function range(row: Row): string {
    if (!row.samples) {
        return '';
    }
    const { min, max, values } = row.samples;
    return `${format(min, row.unit)} – ${format(max, row.unit)} (n=${values.length})`;
}

/** The printed table: one line per row, columns padded. */
export function table(rows: Row[]): string {
    const header = ['what', 'figure', 'min – max', 'budget', '', 'how / notes'];
    const body = rows.map(row => {
        const value = figure(row);
        const label = row.stat === 'p95' ? 'p95 ' : '';
        return [
            row.what,
            `${label}${format(value, row.unit)}`,
            range(row),
            row.budget?.text ?? '',
            verdict(row),
            [row.how, row.note].filter(Boolean).join('; ')
        ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...body.map(cells => cells[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join('  ').trimEnd();
    return [line(header), widths.map(w => '-'.repeat(Math.min(w, 60))).join('  '), ...body.map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
