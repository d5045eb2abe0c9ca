/** Summaries of a V8 .cpuprofile: self and inclusive time by function, for the profiling drivers. */

interface ProfileNode {
    id: number;
    callFrame: { functionName: string, url: string, lineNumber: number };
    hitCount?: number;
    children?: number[];
}

export interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples?: number[];
    timeDeltas?: number[];
}

function label(node: ProfileNode): string {
    const file = node.callFrame.url.split('/').pop() ?? '';
    return `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${node.callFrame.lineNumber + 1}` : ''}`;
}

/** Self and inclusive ms by function (inclusive counts a function once per sample, recursion or not). */
export function summariseProfile(profile: CpuProfile, top = 25, exclude = /^\((idle|program|garbage collector|root)\)/): string {
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parent.set(child, node.id);
        }
    }
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let busy = 0;
    for (let i = 0; i < samples.length; i++) {
        const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
        const leaf = byId.get(samples[i])!;
        const leafLabel = label(leaf);
        self.set(leafLabel, (self.get(leafLabel) ?? 0) + ms);
        if (!exclude.test(leafLabel)) {
            busy += ms;
        }
        const seen = new Set<string>();
        for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
            const name = label(byId.get(id)!);
            if (!seen.has(name)) {
                seen.add(name);
                inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
            }
        }
    }
    const rows = (map: Map<string, number>) => [...map].filter(([name]) => !exclude.test(name))
        .sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${name}`).join('\n');
    return `busy (not idle) ${busy.toFixed(0)} ms; idle/program/gc: ${[...self].filter(([n]) => exclude.test(n)).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}\n` +
        `self time:\n${rows(self)}\ninclusive time:\n${rows(inclusive)}`;
}
