/**
 * The bundled language server (out/language/main.cjs) over stdio, driven by the real LSP client of the
 * tests (test/helpers/language-server-process.ts): edit to diagnostics, completion, activation
 * (spawn + initialize) and the server's heap with a large document open.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    CompletionRequest, DidChangeTextDocumentNotification, type CompletionItem
} from 'vscode-languageserver-protocol/node';
import { folderParams, LanguageServerProcess } from '../test/helpers/language-server-process.ts';
import type { JourneyDocumentModel } from '../src/map/model.ts';
import { journeyText, organisationText, redesignText, type GeneratedJourney } from './generate.ts';
import { repeat, sleep, type Samples } from './stats.ts';

const DOCUMENT_MODEL = 'journey/documentModel';

/** A temporary workspace folder on disk: organisation.journey and one journey of `touchpoints`. */
export class Workspace {
    readonly folder: string;
    readonly journey: GeneratedJourney;
    readonly journeyUri: string;
    /** What journey.journey holds: the generated journey, or a redesign of it. */
    readonly journeyFileText: string;

    private constructor(folder: string, journey: GeneratedJourney, journeyFileText = journey.text) {
        this.folder = folder;
        this.journey = journey;
        this.journeyFileText = journeyFileText;
        this.journeyUri = pathToFileURL(path.join(folder, 'journey.journey')).toString();
    }

    static async create(touchpoints: number, seed = 1): Promise<Workspace> {
        const folder = await mkdtemp(path.join(tmpdir(), `journey-bench-${touchpoints}-`));
        const journey = journeyText(touchpoints, seed);
        await writeFile(path.join(folder, 'organisation.journey'), organisationText());
        await writeFile(path.join(folder, 'journey.journey'), journey.text);
        return new Workspace(folder, journey);
    }

    /**
     * A workspace whose journey file is a redesign (redesignText) of a journey of `touchpoints` in a file
     * beside it, today.journey: what "Compare with today" draws (`journey` is today's).
     */
    static async createRedesign(touchpoints: number, seed = 1): Promise<Workspace> {
        const today = await Workspace.create(touchpoints, seed);
        await writeFile(path.join(today.folder, 'today.journey'), today.journey.text);
        return Workspace.#reshape(today, redesignText(today.journey.text, 'Journey', 'JourneyTomorrow'));
    }

    /** A workspace whose journey file holds `text(journey)`: the generated journey of `touchpoints` reshaped. */
    static async createWith(touchpoints: number, text: (journey: GeneratedJourney) => string, seed = 1): Promise<Workspace> {
        const workspace = await Workspace.create(touchpoints, seed);
        return Workspace.#reshape(workspace, text(workspace.journey));
    }

    static async #reshape(workspace: Workspace, text: string): Promise<Workspace> {
        await writeFile(path.join(workspace.folder, 'journey.journey'), text);
        return new Workspace(workspace.folder, workspace.journey, text);
    }

    dispose(): Promise<void> {
        return rm(this.folder, { recursive: true, force: true });
    }
}

/** A started server on a workspace, with the journey file opened as the editor opens it. */
export class Session {
    readonly server: LanguageServerProcess;
    readonly workspace: Workspace;
    #version = 1;
    #flipped = false;

    private constructor(server: LanguageServerProcess, workspace: Workspace) {
        this.server = server;
        this.workspace = workspace;
    }

    static async start(workspace: Workspace, server = new LanguageServerProcess()): Promise<Session> {
        await server.initialize(folderParams(workspace.folder));
        const session = new Session(server, workspace);
        await server.open(workspace.journeyUri, workspace.journeyFileText);
        await server.waitForDiagnostics(workspace.journeyUri, () => true, 60_000);
        await session.settle();
        return session;
    }

    /** Waits until every build queued so far has finished and its diagnostics have arrived. */
    async settle(): Promise<void> {
        await this.server.settle();
    }

    /**
     * Replaces one character as VS Code sends a keystroke (an incremental change) and resolves with the
     * time in ms from sending it to the next publishDiagnostics of the file.
     */
    async typeOneCharacter(): Promise<number> {
        const uri = this.workspace.journeyUri;
        const { line, character } = this.workspace.journey.marks.titleChar;
        const original = this.workspace.journey.text.split('\n')[line][character];
        this.#flipped = !this.#flipped;
        const before = this.server.diagnostics.get(uri);
        const next = this.server.waitForDiagnostics(uri, diagnostics => diagnostics !== before, 60_000);
        const start = performance.now();
        await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: ++this.#version },
            contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: this.#flipped ? 'X' : original }]
        });
        await next;
        return performance.now() - start;
    }

    /** Sets the grade of the middle touchpoint (an incremental change) and waits for its diagnostics. */
    async setMiddleGrade(grade: number): Promise<void> {
        const uri = this.workspace.journeyUri;
        const { line, character } = this.workspace.journey.marks.grade;
        const before = this.server.diagnostics.get(uri);
        const next = this.server.waitForDiagnostics(uri, diagnostics => diagnostics !== before, 60_000);
        await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: ++this.#version },
            contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(grade) }]
        });
        await next;
        await this.settle();
    }

    /** The view model of the journey file, as the extension asks for it (the custom request). */
    documentModel(): Promise<JourneyDocumentModel> {
        return this.server.connection.sendRequest<JourneyDocumentModel>(DOCUMENT_MODEL, { uri: this.workspace.journeyUri });
    }

    async completeAfterOwner(): Promise<{ ms: number, items: CompletionItem[] }> {
        const start = performance.now();
        const result = await this.server.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: this.workspace.journeyUri },
            position: this.workspace.journey.marks.afterOwner
        });
        const ms = performance.now() - start;
        const items = Array.isArray(result) ? result : result?.items ?? [];
        return { ms, items };
    }

    stop(): Promise<void> {
        return this.server.stop();
    }
}

/** `didChange` of one character to the next `publishDiagnostics`, in a journey of `touchpoints`. */
export async function editToDiagnostics(touchpoints: number, warmup: number, runs: number): Promise<Samples> {
    const workspace = await Workspace.create(touchpoints);
    const session = await Session.start(workspace);
    try {
        return await repeat(warmup, runs, async () => {
            const ms = await session.typeOneCharacter();
            await session.settle();
            return ms;
        });
    } finally {
        await session.stop();
        await workspace.dispose();
    }
}

/** `textDocument/completion` just after `owner ` in a journey of `touchpoints` (the document built). */
export async function completion(touchpoints: number, warmup: number, runs: number): Promise<{ samples: Samples, items: number }> {
    const workspace = await Workspace.create(touchpoints);
    const session = await Session.start(workspace);
    let items = 0;
    try {
        const samples = await repeat(warmup, runs, async () => {
            const result = await session.completeAfterOwner();
            items = result.items.length;
            if (!result.items.some(item => item.label === 'Comms')) {
                throw new Error(`completion after 'owner ' did not offer the owners: ${result.items.map(i => i.label).join(', ')}`);
            }
            return result.ms;
        });
        return { samples, items };
    } finally {
        await session.stop();
        await workspace.dispose();
    }
}

/**
 * What `client.start()` waits for: spawning the bundled server and the initialize round trip (the
 * response to `initialize`; `initialized` is then sent without waiting). Outside VS Code.
 */
export async function activation(warmup: number, runs: number): Promise<Samples> {
    const workspace = await Workspace.create(100);
    try {
        return await repeat(warmup, runs, async () => {
            const start = performance.now();
            const server = new LanguageServerProcess();
            await server.initialize(folderParams(workspace.folder));
            const ms = performance.now() - start;
            // Let the server load the workspace before asking it to stop.
            await server.settle();
            await server.stop();
            return ms;
        });
    } finally {
        await workspace.dispose();
    }
}

const HEAP_PROBE = fileURLToPath(new URL('./heap-probe.ts', import.meta.url));

/**
 * The server's heap after a full GC. The bundled server is started unchanged, with two Node options
 * in its environment: `--expose-gc` and `--import bench/heap-probe.ts`, a preload that on SIGUSR2 runs
 * gc() and writes process.memoryUsage() to a file. Measured on an idle server (before anything is
 * opened) and with a journey of `touchpoints` open and validated.
 */
export async function serverHeap(touchpoints: number): Promise<{ idle: number, open: number, openRss: number }> {
    const workspace = await Workspace.create(touchpoints);
    const probeFile = path.join(workspace.folder, 'heap.json');
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = [saved, '--expose-gc', `--import=${pathToFileURL(HEAP_PROBE).href}`].filter(Boolean).join(' ');
    process.env.JOURNEY_BENCH_HEAP_FILE = probeFile;
    let server: LanguageServerProcess;
    try {
        server = new LanguageServerProcess();
    } finally {
        process.env.NODE_OPTIONS = saved;
        if (saved === undefined) {
            delete process.env.NODE_OPTIONS;
        }
        delete process.env.JOURNEY_BENCH_HEAP_FILE;
    }
    const probe = async (): Promise<{ heapUsed: number, rss: number }> => {
        const pid = await waitForProbe(probeFile, value => typeof value.pid === 'number');
        const before = await readProbe(probeFile);
        process.kill(pid.pid as number, 'SIGUSR2');
        const result = await waitForProbe(probeFile, value => value.seq !== before?.seq && typeof value.heapUsed === 'number');
        return { heapUsed: result.heapUsed as number, rss: result.rss as number };
    };
    try {
        // Idle: the server started (module loaded, connection listening), before `initialize`.
        await sleep(300);
        const idle = await probe();
        const session = await Session.start(workspace, server);
        const open = await probe();
        await session.stop();
        return { idle: idle.heapUsed, open: open.heapUsed, openRss: open.rss };
    } catch (error) {
        await server.stop().catch(() => undefined);
        throw error;
    } finally {
        await workspace.dispose();
    }
}

async function readProbe(file: string): Promise<Record<string, unknown> | undefined> {
    try {
        return JSON.parse(await readFile(file, 'utf-8')) as Record<string, unknown>;
    } catch {
        return undefined;
    }
}

async function waitForProbe(file: string, ready: (value: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (let i = 0; i < 300; i++) {
        const value = await readProbe(file);
        if (value && ready(value)) {
            return value;
        }
        await sleep(50);
    }
    throw new Error(`the heap probe did not answer in ${file} within 15 s`);
}
