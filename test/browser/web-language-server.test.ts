import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
    CompletionRequest, DidChangeWatchedFilesNotification, RegistrationRequest, WorkspaceSymbolRequest,
    type CompletionItem, type CompletionList, type SymbolInformation, type WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { DocumentModelRequest, FindFilesRequest, ReadFileRequest, type DocumentModelParams } from '../../src/shared/protocol.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { launchChromium } from '../helpers/preview-page.js';
import { WorkerServerPages, type WorkerServerPage } from '../helpers/worker-server-page.js';

/**
 * The language server of the extension in the browser: its Web Worker bundle (out/language/main-browser.js)
 * in Debian's headless Chromium, with no file system but the editor's, spoken to by a real LSP client in the
 * page that also answers, as the extension does, the server's requests for the workspace's files.
 */
let browser: Browser;
let pages: WorkerServerPages;
let server: WorkerServerPage | undefined;

beforeAll(async () => {
    [browser, pages] = await Promise.all([launchChromium(), WorkerServerPages.start()]);
});

afterEach(async () => {
    expect(server?.problems ?? []).toEqual([]);
    await server?.page.close();
    server = undefined;
});

afterAll(async () => {
    await browser?.close();
    await pages?.close();
});

// A GitHub repository in github.dev: the workspace folder and its files have the scheme vscode-vfs.
const FOLDER = 'vscode-vfs://github/acme/service-maps';
const uri = (name: string) => `${FOLDER}/${name}`;

const TRIP = `journey Trip "Renew a passport" for Maria {
  stage Apply {
    touchpoint Form "Fills in the form" {
      channel Website
      emotion 2
    }
    touchpoint Pay "Pays the fee" {
      owner   Web
      channel Website
      emotion 3
    }
  }
}
`;

/** A workspace of the organisation file, the trip that uses it, and files the desktop server would skip. */
const WORKSPACE = {
    [uri('shared/organisation.journey')]: ORGANISATION,
    [uri('trip.journey')]: TRIP,
    [uri('node_modules/some-package/old.journey')]: 'owner Web "Another team"\n',
    [uri('notes.md')]: '# Not a journey\n'
};

async function startIn(files: Record<string, string>): Promise<WorkerServerPage> {
    server = await pages.open(browser);
    await server.store(files);
    await server.initialize([{ uri: FOLDER, name: 'service-maps' }]);
    return server;
}

async function ownersKnown(page: WorkerServerPage): Promise<string[]> {
    const symbols = await page.request<(SymbolInformation | WorkspaceSymbol)[]>(WorkspaceSymbolRequest.method, { query: '' });
    return symbols.filter(symbol => symbol.kind === 5).map(symbol => symbol.name).sort();
}

describe('the language server in a Web Worker', () => {
    test('initializes with the features of the desktop server', async () => {
        server = await pages.open(browser);
        const { capabilities } = await server.initialize([{ uri: FOLDER, name: 'service-maps' }]);
        expect(capabilities.completionProvider).toBeDefined();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.codeActionProvider).toBeTruthy();
        expect(capabilities.codeLensProvider).toBeDefined();
        expect(capabilities.semanticTokensProvider).toBeDefined();
    });

    test('asks the editor for the workspace\'s .journey files and reads each once, files it never opened included', async () => {
        const page = await startIn(WORKSPACE);
        expect(await ownersKnown(page)).toEqual(['Courier', 'Desk', 'Web']);
        const received = await page.received();
        expect(received.filter(m => m.method === FindFilesRequest)).toEqual([{ method: FindFilesRequest, params: { folder: FOLDER } }]);
        expect(received.filter(m => m.method === ReadFileRequest).map(m => (m.params as { uri: string }).uri).sort())
            .toEqual([uri('shared/organisation.journey'), uri('trip.journey')]);
    });

    test('diagnostics across files: names declared in another file resolve, and that file reports what no journey uses', async () => {
        const page = await startIn(WORKSPACE);
        await page.open(uri('trip.journey'), TRIP);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.length > 0)).toEqual(['missing-owner']);
        // Courier, Desk and the channel Letter.
        expect(await page.waitForDiagnostics(uri('shared/organisation.journey'), codes => codes.length > 0))
            .toEqual(['unused-declaration', 'unused-declaration', 'unused-declaration']);
        await page.change(uri('trip.journey'), 2, TRIP.replace('owner   Web', 'owner   Nobody'));
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.includes('linking-error'))).toEqual(['linking-error', 'missing-owner']);
    });

    test('completion after `owner ` lists the owners of the whole workspace', async () => {
        const page = await startIn(WORKSPACE);
        const text = TRIP.replace('      channel Website\n      emotion 2\n', '      owner \n      channel Website\n      emotion 2\n');
        await page.open(uri('trip.journey'), text);
        const line = text.split('\n').indexOf('      owner ');
        const result = await page.request<CompletionList | CompletionItem[]>(CompletionRequest.method, { textDocument: { uri: uri('trip.journey') }, position: { line, character: 12 } });
        // In VS Code's order: by sortText, else by label.
        const key = (item: CompletionItem) => `${item.sortText ?? item.label} ${item.label}`;
        const labels = (Array.isArray(result) ? result : result.items).sort((a, b) => key(a).localeCompare(key(b))).map(item => item.label);
        expect(labels).toEqual(['Courier', 'Desk', 'Web']);
    });

    test('the view model of a document, for the preview: owners and channels titled from the other file', async () => {
        const page = await startIn(WORKSPACE);
        await page.open(uri('trip.journey'), TRIP);
        await page.waitForDiagnostics(uri('trip.journey'), codes => codes.length > 0);
        const params: DocumentModelParams = { uri: uri('trip.journey') };
        const model = await page.request<JourneyDocumentModel | null>(DocumentModelRequest, params);
        const [journey] = model!.journeys;
        expect(journey.title).toBe('Renew a passport');
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints);
        expect(touchpoints.map(t => [t.title, t.owner?.title, t.channel?.title])).toEqual([
            ['Fills in the form', undefined, 'Online service'],
            ['Pays the fee', 'Digital services team', 'Online service']
        ]);
    });

    test('a stored file changed, added or deleted (the file watcher\'s events) is read again through the editor', async () => {
        const page = await startIn(WORKSPACE);
        // The server registers its watcher once initialized; VS Code's client then forwards the watcher's events.
        const registrations = async () => (await page.received()).filter(m => m.method === RegistrationRequest.method).map(m => m.params);
        await expect.poll(registrations).toContainEqual({
            registrations: [expect.objectContaining({ method: DidChangeWatchedFilesNotification.method, registerOptions: { watchers: [{ globPattern: '**/*' }] } })]
        });
        await page.open(uri('trip.journey'), TRIP);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.length > 0)).toEqual(['missing-owner']);
        await page.store({ [uri('shared/organisation.journey')]: ORGANISATION.replace('owner Web ', 'owner Webb ') });
        await page.filesChanged([{ uri: uri('shared/organisation.journey'), type: 'changed' }]);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.includes('linking-error'))).toEqual(['linking-error', 'missing-owner']);
        await page.store({ [uri('shared/web.journey')]: 'owner Web "Digital services team"\n' });
        await page.filesChanged([{ uri: uri('shared/web.journey'), type: 'created' }]);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => !codes.includes('linking-error'))).toEqual(['missing-owner']);
        await page.store({ [uri('shared/web.journey')]: null });
        await page.filesChanged([{ uri: uri('shared/web.journey'), type: 'deleted' }]);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.includes('linking-error'))).toEqual(['linking-error', 'missing-owner']);
    });

    test('closing an edited file without saving goes back to its stored text', async () => {
        const page = await startIn(WORKSPACE);
        const organisation = uri('shared/organisation.journey');
        await page.open(uri('trip.journey'), TRIP);
        await page.open(organisation, ORGANISATION);
        await page.change(organisation, 2, ORGANISATION.replace('owner Web ', 'owner Webb '));
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => codes.includes('linking-error'))).toEqual(['linking-error', 'missing-owner']);
        await page.close(organisation);
        expect(await page.waitForDiagnostics(uri('trip.journey'), codes => !codes.includes('linking-error'))).toEqual(['missing-owner']);
        expect(await ownersKnown(page)).toEqual(['Courier', 'Desk', 'Web']);
    });

    test('with no workspace folder, a file of the user\'s disk brings the .journey files beside it, listed through the editor', async () => {
        server = await pages.open(browser);
        const folder = 'file:///home/maria/maps';
        await server.store({ [`${folder}/organisation.journey`]: ORGANISATION, [`${folder}/old/archive.journey`]: 'owner Archived "Old team"\n' });
        await server.initialize(null);
        await server.open(`${folder}/trip.journey`, TRIP);
        expect(await server.waitForDiagnostics(`${folder}/trip.journey`, codes => !codes.includes('linking-error'))).toEqual(['missing-owner']);
        expect(await ownersKnown(server)).toEqual(['Courier', 'Desk', 'Web']);
    });
});
