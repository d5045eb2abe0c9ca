/**
 * The language server's work for one keystroke, phase by phase, in-process (the same services as the
 * server, bundled by bundle.ts): open a generated journey, then edit one character a few times, timing
 * each phase of Langium's document builder; then completions after `owner `, profiled (self and
 * inclusive time by function). Run it under `node --cpu-prof --cpu-prof-dir=out/bench` for a profile of
 * the whole.
 *
 *   node bench/profile-build.ts [touchpoints=10000] [edits=5] [--profile-edits]
 */
import { Session } from 'node:inspector/promises';
import { BUNDLES, bundle } from './bundle.ts';
import { summariseProfile, type CpuProfile } from './cpuprofile.ts';
import { journeyText, organisationText } from './generate.ts';
import type * as InProcess from './in-process.ts';

const [touchpoints = 10000, edits = 5] = process.argv.slice(2).filter(a => !a.startsWith('--')).map(Number);
await bundle();
const { createJourneyServices, EmptyFileSystem, URI, DocumentState, TextDocument, setTextDocument } = await import(BUNDLES.inProcess) as typeof InProcess;
const services = createJourneyServices(EmptyFileSystem);
const { DocumentBuilder, LangiumDocuments, LangiumDocumentFactory } = services.shared.workspace;

const journey = journeyText(touchpoints);
const files = { 'organisation.journey': organisationText(), 'journey.journey': journey.text };
const uri = (name: string) => URI.parse(`file:///workspace/${name}`);

let mark = 0;
const phases: Record<string, number> = {};
const names = ['Changed', 'Parsed', 'IndexedContent', 'ComputedScopes', 'Linked', 'IndexedReferences', 'Validated'];
for (let state = DocumentState.Parsed; state <= DocumentState.Validated; state++) {
    DocumentBuilder.onBuildPhase(state, () => {
        const now = performance.now();
        phases[names[state]] = (phases[names[state]] ?? 0) + now - mark;
        mark = now;
    });
}

let start = performance.now();
const documents = Object.entries(files).map(([name, text]) => {
    const textDocument = TextDocument.create(uri(name).toString(), 'journey', 1, text);
    setTextDocument(services.Journey, textDocument);
    const document = LangiumDocumentFactory.fromTextDocument(textDocument);
    LangiumDocuments.addDocument(document);
    return document;
});
mark = performance.now();
await DocumentBuilder.build(documents, { validation: true });
console.log(`open: ${(performance.now() - start).toFixed(0)} ms, ${journey.text.length} characters, ${documents[1].diagnostics?.length} diagnostics`);

const lexer = services.Journey.parser.Lexer;
for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const tokens = lexer.tokenize(journey.text).tokens.length;
    console.log(`lexer alone: ${(performance.now() - t).toFixed(0)} ms for ${tokens} tokens`);
}

// --profile-edits: profile the edits below with the inspector (self and inclusive time by function).
const profileEdits = process.argv.includes('--profile-edits');
const editInspector = new Session();
if (profileEdits) {
    editInspector.connect();
    await editInspector.post('Profiler.enable');
    await editInspector.post('Profiler.setSamplingInterval', { interval: 200 });
    await editInspector.post('Profiler.start');
}
const lines = journey.text.split('\n');
const { line, character } = journey.marks.titleChar;
for (let i = 1; i <= edits; i++) {
    lines[line] = lines[line].slice(0, character) + (i % 2 === 1 ? 'X' : journey.text.split('\n')[line][character]) + lines[line].slice(character + 1);
    setTextDocument(services.Journey, TextDocument.create(uri('journey.journey').toString(), 'journey', i + 1, lines.join('\n')));
    for (const key of Object.keys(phases)) {
        delete phases[key];
    }
    start = mark = performance.now();
    await DocumentBuilder.update([uri('journey.journey')], []);
    const total = performance.now() - start;
    console.log(`edit ${i}: ${total.toFixed(0)} ms = ${Object.entries(phases).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}, rest ${(total - Object.values(phases).reduce((a, b) => a + b, 0)).toFixed(0)}`);
}

if (profileEdits) {
    const { profile } = await editInspector.post('Profiler.stop');
    console.log(`edits, profiled:\n${summariseProfile(profile as CpuProfile, 40)}`);
    editInspector.disconnect();
}

const completion = services.Journey.lsp.CompletionProvider!;
const document = LangiumDocuments.getDocument(uri('journey.journey'))!;
// The completions alone, profiled with the inspector.
const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
await inspector.post('Profiler.start');
for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const result = await completion.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: journey.marks.afterOwner });
    console.log(`completion: ${(performance.now() - t).toFixed(0)} ms, ${result?.items.length} items`);
}
const { profile } = await inspector.post('Profiler.stop');
console.log(`completions, profiled:\n${summariseProfile(profile as CpuProfile, 25)}`);
