import { afterEach, describe, expect, test } from 'vitest';
import {
    CompletionRequest, WorkspaceSymbolRequest, type Diagnostic, type LogMessageParams,
    type SymbolInformation, type WorkspaceSymbol
} from 'vscode-languageserver-protocol/node';
import { exampleFiles } from '../helpers/example-models.js';
import { LanguageServerProcess, type StartOptions } from '../helpers/language-server-process.js';

/**
 * Which files the bundled server (over stdio) holds: what an editor's close does to an unsaved file,
 * and which files beside an opened one it loads when the client names no workspace folder.
 */
let server: LanguageServerProcess | undefined;

afterEach(async () => {
    await server?.stop();
    server = undefined;
});

async function start(files: Record<string, string>, options?: StartOptions): Promise<LanguageServerProcess> {
    server = await LanguageServerProcess.startInFolder(files, options);
    return server;
}

const ORGANISATION = 'owner Web "Digital team"\nchannel Website "Online service"\npersona Maria "Parent"\n';
const TRIP = 'journey Trip for Maria {\n  stage Apply {\n    touchpoint Form {\n      owner   Web\n      channel Website\n      emotion 3\n    }\n  }\n}\n';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);
const linkingErrors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'linking-error').length;

/** The owners the server knows, from a workspace symbol search: the files it loaded. */
async function knownOwners(process: LanguageServerProcess): Promise<string[]> {
    const symbols = await process.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }) as (SymbolInformation | WorkspaceSymbol)[];
    return symbols.filter(symbol => symbol.kind === 5).map(symbol => symbol.name).sort();
}

describe('closing a file', () => {
    test('closing an edited file without saving goes back to the file on disk, and the files that use it follow', async () => {
        const process = await start({ 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const organisation = process.uriOf('organisation.journey');
        const trip = process.uriOf('trip.journey');
        await process.open(trip, TRIP);
        await process.waitForDiagnostics(trip, d => d.length === 0);
        await process.open(organisation, ORGANISATION);
        await process.change(organisation, 2, ORGANISATION.replace('owner Web', 'owner Webb'));
        expect(linkingErrors(await process.waitForDiagnostics(trip, d => linkingErrors(d) > 0))).toBe(1);
        await process.close(organisation);
        expect(await process.waitForDiagnostics(trip, d => d.length === 0)).toEqual([]);
        expect(await process.waitForDiagnostics(organisation, d => d.length === 0)).toEqual([]);
    });

    test('closing a file that is not on disk (untitled, or deleted) removes it from the workspace', async () => {
        const process = await start({ 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
        const organisation = process.uriOf('organisation.journey');
        const draft = process.uriOf('draft.journey');
        await process.open(draft, 'owner Web "Another team"\n');
        await process.waitForDiagnostics(organisation, d => codes(d).includes('duplicate-name'));
        await process.close(draft);
        expect(await process.waitForDiagnostics(draft, d => d.length === 0)).toEqual([]);
        expect(await process.waitForDiagnostics(organisation, d => d.length === 0)).toEqual([]);
    });
});

describe('a client that names no workspace folder', () => {
    test('`rootUri` only: the folder it names is the workspace', async () => {
        const process = await start({ 'shared/organisation.journey': ORGANISATION, 'trip.journey': TRIP },
            { workspace: folder => ({ rootUri: `file://${folder}` }) });
        await process.open(process.uriOf('trip.journey'), TRIP);
        expect(await process.waitForDiagnostics(process.uriOf('trip.journey'), d => linkingErrors(d) === 0)).toEqual([]);
    });

    test('`rootPath` only, and `workspaceFolders: null`: the folder it names is the workspace', async () => {
        const process = await start({ 'shared/organisation.journey': ORGANISATION, 'trip.journey': TRIP },
            { workspace: folder => ({ rootUri: null, rootPath: folder, workspaceFolders: null }) });
        await process.open(process.uriOf('trip.journey'), TRIP);
        expect(await process.waitForDiagnostics(process.uriOf('trip.journey'), d => linkingErrors(d) === 0)).toEqual([]);
    });

    test('no root at all: an opened example resolves its names from the files beside it, and completes owners', async () => {
        const examples = await exampleFiles();
        const process = await start({ ...examples, 'archive/old.journey': 'owner Archived "Old team"\n' },
            { workspace: () => ({ rootUri: null, workspaceFolders: null }) });
        const passport = process.uriOf('passport-renewal.journey');
        await process.open(passport, examples['passport-renewal.journey']);
        expect(linkingErrors(await process.waitForDiagnostics(passport, d => linkingErrors(d) === 0))).toBe(0);
        const text = examples['passport-renewal.journey'].replace('      owner    PassportComms\n', '      owner \n');
        await process.change(passport, 2, text);
        const line = text.split('\n').findIndex(l => l === '      owner ');
        const result = (await process.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: passport }, position: { line, character: 12 }
        }))!;
        const labels = (Array.isArray(result) ? result : result.items).map(item => item.label);
        expect(labels).toContain('PassportComms');
        expect(labels).toContain('Examiners');
        // Its siblings only, as the CLI does: not the folders below.
        expect(await knownOwners(process)).not.toContain('Archived');
    });

    test('a home folder named as the workspace is not searched to the bottom: the files beside an opened one are loaded', async () => {
        const process = await start({ 'organisation.journey': ORGANISATION, 'trip.journey': TRIP, 'projects/other.journey': 'owner Elsewhere "Far away"\n' }, {
            workspace: folder => ({ rootUri: `file://${folder}`, workspaceFolders: [{ uri: `file://${folder}`, name: 'home' }] }),
            env: folder => ({ HOME: folder })
        });
        const trip = process.uriOf('trip.journey');
        await process.open(trip, TRIP);
        expect(await process.waitForDiagnostics(trip, d => linkingErrors(d) === 0)).toEqual([]);
        expect(await knownOwners(process)).toEqual(['Web']);
    });

    test('the files beside an opened one are loaded up to a bound, and the log says so', async () => {
        const files: Record<string, string> = { 'trip.journey': TRIP.replace('owner   Web', 'owner   O000').replace('      channel Website\n', '') };
        for (let i = 0; i < 320; i++) {
            files[`o${String(i).padStart(3, '0')}.journey`] = `owner O${String(i).padStart(3, '0')} "Team ${i}"\n`;
        }
        files['o000.journey'] += 'persona Maria "Parent"\n';
        const process = await start(files, { workspace: () => ({ rootUri: null, workspaceFolders: null }) });
        const trip = process.uriOf('trip.journey');
        await process.open(trip, files['trip.journey']);
        const log = await process.waitForNotification('window/logMessage', params => (params as LogMessageParams).message.includes('.journey files')) as LogMessageParams;
        expect(log.message).toContain('300 of the 320');
        expect(await process.waitForDiagnostics(trip, d => linkingErrors(d) === 0)).toEqual([]);
        expect(await knownOwners(process)).toHaveLength(300);
    });
});
