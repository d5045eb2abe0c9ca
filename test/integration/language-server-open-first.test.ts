import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { workspaceFiles } from '../../bench/generate.ts';
import { DocumentModelRequest, type DocumentModelResult } from '../../src/shared/protocol.ts';
import { LanguageServerProcess } from '../helpers/language-server-process.ts';

/**
 * The server builds the open files first and the rest of the workspace after them, and after an edit of
 * a shared declaration relinks the open files before the closed ones (OpenFirstDocumentBuilder). What it
 * publishes for the open files must not depend on that order: after each step of a sequence of edits to
 * the shared file and to journeys, every open file's diagnostics are those a fresh server gives for the
 * same files.
 */

const OPEN = ['organisation.journey', 'journey001.journey', 'journey002.journey'];

const servers: LanguageServerProcess[] = [];
afterEach(async () => {
    await Promise.all(servers.splice(0).map(server => server.stop()));
});

/** A server on `files` with the OPEN files open (at these texts), once it has built everything. */
async function openServer(files: Record<string, string>): Promise<LanguageServerProcess> {
    const server = await LanguageServerProcess.startInFolder(files);
    servers.push(server);
    for (const name of OPEN) {
        await server.open(server.uriOf(name), files[name]);
    }
    for (const name of OPEN) {
        await server.waitForDiagnostics(server.uriOf(name), () => true, 30_000);
    }
    await server.settle();
    return server;
}

function published(server: LanguageServerProcess): Record<string, Diagnostic[]> {
    const order = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character || JSON.stringify(a.message).localeCompare(JSON.stringify(b.message));
    return Object.fromEntries(OPEN.map(name => [name, [...server.diagnostics.get(server.uriOf(name)) ?? []].sort(order)]));
}

describe('the open files first', () => {
    test('after edits to the shared file and to journeys, the open files have the diagnostics of a fresh server', { timeout: 120_000 }, async () => {
        const files = workspaceFiles(40, 10);
        const server = await openServer(files);
        const texts = Object.fromEntries(OPEN.map(name => [name, files[name]]));
        const versions = new Map<string, number>();
        const edit = async (name: string, change: (text: string) => string) => {
            const text = change(texts[name]);
            expect(text).not.toBe(texts[name]);
            texts[name] = text;
            const version = (versions.get(name) ?? 1) + 1;
            versions.set(name, version);
            await server.change(server.uriOf(name), version, text);
        };
        const expectSameAsFresh = async () => {
            await server.settle();
            const fresh = await openServer({ ...files, ...texts });
            expect(published(server)).toEqual(published(fresh));
            await fresh.stop();
            servers.splice(servers.indexOf(fresh), 1);
        };

        // A shared owner renamed: every journey's references to it break, the closed ones' too.
        await edit('organisation.journey', text => text.replace('owner Comms ', 'owner CommsX '));
        // A journey declares the missing owner: the references of all journeys resolve to it.
        await edit('journey001.journey', text => `${text}owner Comms "Moved into a journey"\n`);
        await expectSameAsFresh();

        // A duplicate channel in the shared file, and an open journey renamed to the name of a closed one.
        await edit('organisation.journey', text => `${text}channel Web "Twice"\n`);
        await edit('journey002.journey', text => text.replace('journey Journey002 ', 'journey Journey003 '));
        await expectSameAsFresh();

        // The owner's name back in the shared file (now declared twice), then the journey's declaration removed.
        await edit('organisation.journey', text => text.replace('owner CommsX ', 'owner Comms '));
        await expectSameAsFresh();
        await edit('journey001.journey', text => text.replace('owner Comms "Moved into a journey"\n', ''));
        await edit('journey002.journey', text => text.replace(/ for \w+ \{/, ' for Nobody {'));
        await expectSameAsFresh();
    });

    test('the model of the open journey, for its preview, comes while the rest of the workspace is still being built, and is that of its latest text', { timeout: 60_000 }, async () => {
        const files = workspaceFiles(300, 20);
        const server = await LanguageServerProcess.startInFolder(files);
        servers.push(server);
        const journey = server.uriOf('journey001.journey');
        await server.open(journey, files['journey001.journey']);
        await server.waitForDiagnostics(journey, () => true, 30_000);

        const model = await server.connection.sendRequest<DocumentModelResult>(DocumentModelRequest, { uri: journey });
        const publishedWhenModelCame = server.diagnostics.size;
        const [, title] = /^journey Journey001 "([^"]+)"/m.exec(files['journey001.journey'])!;
        expect(model?.journeys.map(journey => [journey.name, journey.title])).toEqual([['Journey001', title]]);
        // The background build of the 300 closed files takes seconds; the model waited for all of them.
        expect(publishedWhenModelCame).toBeLessThan(Object.keys(files).length);

        // An edit while they are built: the model asked for right after it is that of the edited text (an
        // export after a keystroke draws it), not of the tree validated before it.
        const edited = files['journey001.journey'].replace(/^journey Journey001 "[^"]+"/m, 'journey Journey001 "Renamed a moment ago"');
        await server.change(journey, 2, edited);
        const afterEdit = await server.connection.sendRequest<DocumentModelResult>(DocumentModelRequest, { uri: journey });
        expect(afterEdit?.journeys.map(journey => journey.title)).toEqual(['Renamed a moment ago']);

        await server.settle();
        expect(server.diagnostics.size).toBe(Object.keys(files).length);
    });
});
