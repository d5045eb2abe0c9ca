/**
 * What the server's heap holds with a large journey open: the same services in-process (bundle.ts), the
 * document built as the server builds it, then a heap snapshot summarised by object type (self sizes).
 *
 *   node --expose-gc bench/profile-heap.ts [touchpoints=2000]
 */
import { readFileSync, rmSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { BUNDLES, bundle } from './bundle.ts';
import { journeyText, organisationText } from './generate.ts';
import type * as InProcess from './in-process.ts';

const touchpoints = Number(process.argv[2] ?? 2000);
await bundle();
const m = await import(BUNDLES.inProcess) as typeof InProcess;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => { throw new Error('run with --expose-gc'); });
gc();
const base = process.memoryUsage().heapUsed;
const services = m.createJourneyServices(m.EmptyFileSystem);
const files = { 'organisation.journey': organisationText(), 'journey.journey': journeyText(touchpoints).text };
const documents = Object.entries(files).map(([name, text]) => {
    const textDocument = m.TextDocument.create(`file:///workspace/${name}`, 'journey', 1, text);
    m.setTextDocument(services.Journey, textDocument);
    const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
gc();
gc();
const used = process.memoryUsage().heapUsed;
console.log(`${touchpoints} touchpoints, ${files['journey.journey'].length} characters: heap +${((used - base) / 2 ** 20).toFixed(1)} MB (${((used - base) / touchpoints / 1024).toFixed(1)} KB per touchpoint)`);

const file = writeHeapSnapshot('out/bench/server.heapsnapshot');
const snapshot = JSON.parse(readFileSync(file, 'utf-8')) as {
    snapshot: { meta: { node_fields: string[], node_types: [string[]], edge_fields: string[], edge_types: [string[]] } },
    nodes: number[], edges: number[], strings: string[]
};
rmSync(file);
const fields = snapshot.snapshot.meta.node_fields;
const types = snapshot.snapshot.meta.node_types[0];
const width = fields.length;
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map(f => fields.indexOf(f));
const edgeWidth = snapshot.snapshot.meta.edge_fields.length;
const edgeTypes = snapshot.snapshot.meta.edge_types[0];
const edgeCountAt = fields.indexOf('edge_count');
const byKind = new Map<string, { count: number, size: number }>();
let edge = 0;
for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    let name = type === 'object' || type === 'closure' || type === 'hidden' || type === 'array' ? snapshot.strings[snapshot.nodes[i + nameAt]] : '';
    const edges = snapshot.nodes[i + edgeCountAt];
    if (name === 'Object') {
        // Plain objects: by their property names (AST nodes by $type), to tell AST nodes, tokens, ranges... apart.
        const names: string[] = [];
        for (let e = 0; e < edges; e++) {
            const at = (edge + e) * edgeWidth;
            if (edgeTypes[snapshot.edges[at]] === 'property') {
                names.push(snapshot.strings[snapshot.edges[at + 1]]);
            }
        }
        name = `{${names.slice(0, 5).join(',')}${names.length > 5 ? ',…' : ''}}`;
    }
    edge += edges;
    const key = name ? `${type} ${name}` : type;
    const entry = byKind.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snapshot.nodes[i + sizeAt];
    byKind.set(key, entry);
}
console.log('self size by object type (whole heap, incl. the ~base):');
for (const [key, { count, size }] of [...byKind].sort((a, b) => b[1].size - a[1].size).slice(0, 30)) {
    console.log(`  ${(size / 2 ** 20).toFixed(1).padStart(7)} MB  ${String(count).padStart(8)}  ${key}`);
}
void documents;
