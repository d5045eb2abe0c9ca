import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompletionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LanguageServerProcess } from '../helpers/language-server-process.js';
import { ORGANISATION } from '../helpers/organisation.js';

/** The bundled server (out/language/main.cjs) over stdio, on a workspace folder of two files. */
let server: LanguageServerProcess;
let organisationUri: string;
let tripUri: string;

const TRIP = `journey Trip for Maria {
  stage Apply {
    touchpoint Form "Fills in the form" {
      channel Website
      emotion 2
    }
  }
}
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();

beforeAll(async () => {
    server = await LanguageServerProcess.startInFolder({ 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
    organisationUri = server.uriOf('organisation.journey');
    tripUri = server.uriOf('trip.journey');
});

afterAll(async () => {
    await server?.stop();
});

describe('the language server over stdio', () => {
    test('publishes the diagnostics of an opened file, resolving owners declared in a file on disk', async () => {
        await server.open(tripUri, TRIP);
        const diagnostics = await server.waitForDiagnostics(tripUri, d => d.length > 0);
        expect(codes(diagnostics)).toEqual(['missing-owner 3:16']);
        expect(diagnostics[0]).toMatchObject({
            severity: 2,
            source: 'journey',
            message: "Touchpoint 'Form' has no owner: add `owner <name>` to say who delivers it.",
            range: { start: { line: 2, character: 15 }, end: { line: 2, character: 19 } }
        });
    });

    test('also publishes the workspace files it loaded itself', async () => {
        const diagnostics = await server.waitForDiagnostics(organisationUri, d => d.length > 0);
        expect(codes(diagnostics)).toEqual(['unused-declaration 1:7', 'unused-declaration 2:7', 'unused-declaration 3:7', 'unused-declaration 5:9']);
        expect(diagnostics.every(d => d.tags?.includes(1) && d.severity === 4)).toBe(true);
    });

    test('completes owners of the whole workspace after `owner `', async () => {
        const text = TRIP.replace('      emotion 2\n', '      emotion 2\n      owner \n');
        await server.change(tripUri, 2, text);
        const result = (await server.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: tripUri }, position: { line: 5, character: 12 }
        }))!;
        const items = Array.isArray(result) ? result : result.items;
        expect(items.map(i => [i.label, i.detail]).sort()).toEqual([
            ['Courier', 'Parcel courier (external)'], ['Desk', 'Front desk'], ['Web', 'Digital services team']
        ]);
    });

    test('an edit re-publishes the file and the other file whose diagnostics depend on it', async () => {
        await server.change(tripUri, 3, TRIP.replace('      emotion 2\n', '      emotion 2\n      owner Web\n'));
        expect(codes(await server.waitForDiagnostics(tripUri, d => d.length === 0))).toEqual([]);
        expect(codes(await server.waitForDiagnostics(organisationUri, d => d.length === 3))).toEqual(['unused-declaration 2:7', 'unused-declaration 3:7', 'unused-declaration 5:9']);
    });

    test('a changed setting changes severities without a restart', async () => {
        await server.change(tripUri, 4, TRIP);
        await server.waitForDiagnostics(tripUri, d => d.some(x => x.code === 'missing-owner' && x.severity === 2));
        await server.configure({ journey: { validation: { missingOwner: 'error' } } });
        await server.waitForDiagnostics(tripUri, d => d.some(x => x.code === 'missing-owner' && x.severity === 1));
        await server.configure({ journey: { validation: { missingOwner: 'off' } } });
        expect(codes(await server.waitForDiagnostics(tripUri, d => d.length === 0))).toEqual([]);
    });

    test('survives binary junk and keeps serving', async () => {
        const junkUri = server.uriOf('junk.journey');
        await server.open(junkUri, String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)));
        const diagnostics = await server.waitForDiagnostics(junkUri, d => d.length > 0);
        expect(diagnostics.map(d => d.code)).toEqual(['not-text']);
        await server.change(tripUri, 5, TRIP.replace('emotion 2', 'emotion 9'));
        expect(codes(await server.waitForDiagnostics(tripUri, d => d.some(x => x.code === 'emotion-out-of-range'))))
            .toEqual(['emotion-out-of-range 5:15']);
        expect(server.exitCode).toBeNull();
    });
});
