/**
 * The `workspace` group: a folder of generated journey files (bench/generate.ts workspaceFiles) and the
 * bundled server over stdio, as an editor with one journey open meets it: the first diagnostics of the
 * open journey after start and its preview's model, completion and hover on it while the rest of the
 * folder is indexed, a shared owner renamed in the open organisation file to the open journey's
 * diagnostics, and the server's RSS once everything is indexed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { DocumentModelRequest } from '../src/shared/protocol.ts';
import { folderParams, LanguageServerProcess } from '../test/helpers/language-server-process.ts';
import { journeyText, OWNERS, workspaceFiles } from './generate.ts';
import { sleep, summarise, type Samples } from './stats.ts';

/** A folder of `files` journeys of `touchpoints` and organisation.journey; `dispose` removes it. */
export class JourneyFolder {
    readonly folder: string;
    readonly files: Record<string, string>;

    private constructor(folder: string, files: Record<string, string>) {
        this.folder = folder;
        this.files = files;
    }

    static async create(files: number, touchpoints: number): Promise<JourneyFolder> {
        const folder = await mkdtemp(path.join(tmpdir(), `journey-bench-workspace-${files}-`));
        const texts = workspaceFiles(files, touchpoints);
        for (const [name, text] of Object.entries(texts)) {
            await writeFile(path.join(folder, name), text);
        }
        return new JourneyFolder(folder, texts);
    }

    uriOf(name: string): string {
        return pathToFileURL(path.join(this.folder, name)).toString();
    }

    dispose(): Promise<void> {
        return rm(this.folder, { recursive: true, force: true });
    }
}

export interface WorkspaceFigures {
    /** Spawn of the server to the first publishDiagnostics of the open journey. */
    firstDiagnostics: number;
    /** Spawn to the open journey's view model, asked for (as its preview does) once its diagnostics came. */
    firstModel: number;
    /** Completion and hover on the open journey, sent one after another from its first diagnostics on. */
    completion: Samples;
    hover: Samples;
    /** How many of the completion and hover requests were answered before the whole folder was built. */
    duringIndexing: number;
    /** Spawn to the end of the whole folder's build (a read request queued behind it). */
    indexed: number;
    /** didChange of the owner's name in the open organisation file to the open journey's next diagnostics. */
    rename: Samples;
    /** The server's resident set (VmRSS), everything built, both files open. */
    rss: number;
}

/** Journey001 open, then organisation.journey; the first owner renamed back and forth `renames` times. */
export async function workspaceSession(folder: JourneyFolder, touchpoints: number, renames: number): Promise<WorkspaceFigures> {
    const journeyName = 'journey001.journey';
    const journeyUri = folder.uriOf(journeyName);
    const organisationUri = folder.uriOf('organisation.journey');
    const marks = journeyText(touchpoints, 1, 'Journey001').marks;
    const start = performance.now();
    const server = new LanguageServerProcess();
    try {
        await server.initialize(folderParams(folder.folder));
        await server.open(journeyUri, folder.files[journeyName]);
        await server.waitForDiagnostics(journeyUri, () => true, 120_000);
        const firstDiagnostics = performance.now() - start;
        await server.connection.sendRequest(DocumentModelRequest, { uri: journeyUri });
        const firstModel = performance.now() - start;

        let indexed: number | undefined;
        const built = server.settle().then(() => {
            indexed = performance.now() - start;
        });
        const textDocument = { uri: journeyUri };
        const completions: number[] = [];
        const hovers: number[] = [];
        let duringIndexing = 0;
        for (let i = 0; i < 10; i++) {
            const before = performance.now();
            await server.connection.sendRequest(CompletionRequest.type, { textDocument, position: marks.afterOwner });
            completions.push(performance.now() - before);
            const between = performance.now();
            await server.connection.sendRequest(HoverRequest.type, { textDocument, position: marks.afterOwner });
            hovers.push(performance.now() - between);
            duringIndexing += indexed === undefined ? 2 : 0;
            await sleep(20);
        }
        await built;

        const organisation = folder.files['organisation.journey'];
        await server.open(organisationUri, organisation);
        await server.settle();
        const owner = OWNERS[0].name;
        const line = organisation.split('\n').findIndex(text => text.startsWith(`owner ${owner} `));
        const range = { start: { line, character: 'owner '.length }, end: { line, character: 'owner '.length + owner.length } };
        const renamed: number[] = [];
        let version = 1;
        for (let i = 0; i < 2 * renames; i++) {
            const before = server.diagnostics.get(journeyUri);
            const next = server.waitForDiagnostics(journeyUri, diagnostics => diagnostics !== before, 60_000);
            const sent = performance.now();
            await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri: organisationUri, version: ++version },
                contentChanges: [{ range, text: i % 2 === 0 ? `${owner}X` : owner }]
            });
            const diagnostics = await next;
            renamed.push(performance.now() - sent);
            const unresolved = JSON.stringify(diagnostics).includes(owner);
            if (unresolved !== (i % 2 === 0)) {
                throw new Error(`after renaming ${owner} ${i % 2 === 0 ? 'away' : 'back'}, the journey's diagnostics were ${JSON.stringify(diagnostics.slice(0, 3))}`);
            }
            range.end.character = 'owner '.length + (i % 2 === 0 ? owner.length + 1 : owner.length);
            await server.settle();
        }
        return {
            firstDiagnostics, firstModel, completion: summarise(completions), hover: summarise(hovers), duringIndexing, indexed: indexed!,
            rename: summarise(renamed), rss: await residentSet(server.pid)
        };
    } finally {
        await server.stop().catch(() => undefined);
    }
}

/** VmRSS of a process, in bytes, from /proc. */
async function residentSet(pid: number): Promise<number> {
    const status = await readFile(`/proc/${pid}/status`, 'utf-8');
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status);
    if (!kilobytes) {
        throw new Error(`no VmRSS in /proc/${pid}/status`);
    }
    return Number(kilobytes[1]) * 1024;
}
