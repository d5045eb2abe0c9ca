/**
 * Before/after of the language services, in-process and interleaved so that both see the same load
 * on a shared machine: each round runs A, then B, each in a fresh `node --expose-gc` child that opens a
 * generated journey, edits one character `edits` times, asks for completion after `owner ` 20 times and
 * measures the heap after GC. A and B are ESM bundles exporting what bench/in-process.ts exports
 * (createJourneyServices, EmptyFileSystem, URI, TextDocument, setTextDocument); build one from another
 * commit with esbuild (see the report of issue 7 for the commands).
 *
 *   node bench/ab-services.ts <A.mjs> <B.mjs> [touchpoints=10000] [rounds=3] [edits=6]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { journeyText, organisationText } from './generate.ts';
import { summarise } from './stats.ts';

interface Services {
    createJourneyServices(context: unknown): any;
    EmptyFileSystem: unknown;
    URI: { parse(uri: string): unknown };
    TextDocument: { create(uri: string, languageId: string, version: number, text: string): unknown };
    setTextDocument(services: unknown, document: unknown): void;
}

const [role] = process.argv.slice(2);
if (role === '--child') {
    const [, bundle, touchpointsText, editsText] = process.argv.slice(2);
    const m = await import(pathToFileURL(bundle).href) as Services;
    const gc = (globalThis as { gc?: () => void }).gc!;
    gc();
    const base = process.memoryUsage().heapUsed;
    const services = m.createJourneyServices(m.EmptyFileSystem);
    const { DocumentBuilder, LangiumDocuments, LangiumDocumentFactory } = services.shared.workspace;
    const journey = journeyText(Number(touchpointsText));
    const uri = (name: string) => `file:///workspace/${name}`;
    const files: Record<string, string> = { 'organisation.journey': organisationText(), 'journey.journey': journey.text };
    let start = performance.now();
    const documents = Object.entries(files).map(([name, text]) => {
        const textDocument = m.TextDocument.create(uri(name), 'journey', 1, text);
        m.setTextDocument(services.Journey, textDocument);
        const document = LangiumDocumentFactory.fromTextDocument(textDocument);
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    const open = performance.now() - start;
    gc();
    gc();
    const heap = process.memoryUsage().heapUsed - base;
    const lines = journey.text.split('\n');
    const original = lines[journey.marks.titleChar.line];
    const edits: number[] = [];
    for (let i = 1; i <= Number(editsText); i++) {
        const { character } = journey.marks.titleChar;
        lines[journey.marks.titleChar.line] = original.slice(0, character) + (i % 2 === 1 ? 'X' : original[character]) + original.slice(character + 1);
        m.setTextDocument(services.Journey, m.TextDocument.create(uri('journey.journey'), 'journey', i + 1, lines.join('\n')));
        start = performance.now();
        await DocumentBuilder.update([m.URI.parse(uri('journey.journey'))], []);
        edits.push(performance.now() - start);
    }
    const document = LangiumDocuments.getDocument(m.URI.parse(uri('journey.journey')));
    const completions: number[] = [];
    for (let i = 0; i < 20; i++) {
        start = performance.now();
        await services.Journey.lsp.CompletionProvider.getCompletion(document, { textDocument: { uri: uri('journey.journey') }, position: journey.marks.afterOwner });
        completions.push(performance.now() - start);
    }
    console.log(JSON.stringify({ open, heap, edits, completions }));
} else {
    const [a, b, touchpoints = '10000', rounds = '3', edits = '6'] = process.argv.slice(2);
    const self = fileURLToPath(import.meta.url);
    const results: Record<string, { open: number[], heap: number[], edits: number[], completions: number[] }> = {};
    for (let round = 0; round < Number(rounds); round++) {
        for (const [name, bundle] of [['A', a], ['B', b]] as const) {
            const output = execFileSync(process.execPath, ['--expose-gc', self, '--child', bundle, touchpoints, edits], { encoding: 'utf-8', maxBuffer: 1 << 24 });
            const run = JSON.parse(output.trim().split('\n').at(-1)!) as { open: number, heap: number, edits: number[], completions: number[] };
            const entry = results[name] ??= { open: [], heap: [], edits: [], completions: [] };
            entry.open.push(run.open);
            entry.heap.push(run.heap / 2 ** 20);
            entry.edits.push(...run.edits.slice(1));
            entry.completions.push(...run.completions.slice(1));
        }
    }
    console.log(`${touchpoints} touchpoints, ${rounds} rounds of A then B (fresh processes), in-process; A = ${a}, B = ${b}`);
    for (const [name, entry] of Object.entries(results)) {
        const fmt = (values: number[], unit: string) => {
            const s = summarise(values);
            return `median ${s.median.toFixed(1)} ${unit} (${s.min.toFixed(1)}–${s.max.toFixed(1)}, p95 ${s.p95.toFixed(1)}, n=${values.length})`;
        };
        console.log(`${name}: open ${fmt(entry.open, 'ms')}\n   edit → validated ${fmt(entry.edits, 'ms')}\n   completion ${fmt(entry.completions, 'ms')}\n   heap of the open workspace after GC ${fmt(entry.heap, 'MB')}`);
    }
}
