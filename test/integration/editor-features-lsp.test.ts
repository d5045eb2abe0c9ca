import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import {
    CodeActionRequest, DocumentFormattingRequest, PrepareRenameRequest, RenameRequest, type CodeAction, type TextEdit
} from 'vscode-languageserver-protocol/node';
import { LanguageServerProcess } from '../helpers/language-server-process.js';
import { ORGANISATION } from '../helpers/organisation.js';

/**
 * Rename, quick fixes and formatting travel as edits that the client applies: checked here through the
 * bundled server over stdio, applying what comes back as an editor would.
 */
let server: LanguageServerProcess;
let organisationUri: string;
let tripUri: string;

const TRIP = 'journey Trip for Maria {\n  stage S {\n    touchpoint Form { emotion 2 }\n    touchpoint Visit {owner   Desk   emotion 4}\n  }\n}\n';

beforeAll(async () => {
    server = await LanguageServerProcess.startInFolder({ 'organisation.journey': ORGANISATION, 'trip.journey': TRIP });
    organisationUri = server.uriOf('organisation.journey');
    tripUri = server.uriOf('trip.journey');
    await server.open(tripUri, TRIP);
    await server.waitForDiagnostics(tripUri, d => d.some(x => x.code === 'missing-owner'));
});

afterAll(async () => {
    await server?.stop();
});

function applied(text: string, edits: TextEdit[] | undefined): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'journey', 1, text), edits ?? []);
}

describe('edits over the language server protocol', () => {
    test('rename an owner from its use: the edit covers both files', async () => {
        const position = { line: 3, character: 30 };
        const range = await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: tripUri }, position });
        expect(range).toEqual({ start: { line: 3, character: 30 }, end: { line: 3, character: 34 } });
        const edit = (await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: tripUri }, position, newName: 'FrontDesk' }))!;
        expect(applied(ORGANISATION, edit.changes?.[organisationUri])).toBe(ORGANISATION.replace('owner Desk', 'owner FrontDesk'));
        expect(applied(TRIP, edit.changes?.[tripUri])).toBe(TRIP.replace('owner   Desk', 'owner   FrontDesk'));
    });

    test('a refused rename answers with an error message the editor shows', async () => {
        await expect(server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: tripUri }, position: { line: 3, character: 30 }, newName: 'Web' }))
            .rejects.toThrow("An owner named 'Web' already exists (organisation.journey, line 1): choose another name.");
    });

    test('the quick fixes of missing-owner, and the text after applying one', async () => {
        const diagnostic = server.diagnostics.get(tripUri)!.find(d => d.code === 'missing-owner')!;
        const actions = await server.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: tripUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual([
            'Add owner Courier (Parcel courier)', 'Add owner Desk (Front desk)', 'Add owner Web (Digital services team)',
            "Declare a new owner 'NewOwner' in organisation.journey and add it"
        ]);
        expect(applied(TRIP, actions[2].edit?.changes?.[tripUri])).toBe(TRIP.replace('touchpoint Form { emotion 2 }', 'touchpoint Form { owner Web emotion 2 }'));
    });

    test('format the document', async () => {
        const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: tripUri }, options: { tabSize: 2, insertSpaces: true }
        });
        expect(applied(TRIP, edits ?? [])).toBe(
            'journey Trip for Maria {\n  stage S {\n    touchpoint Form {\n      emotion 2\n    }\n    touchpoint Visit {\n      owner   Desk\n      emotion 4\n    }\n  }\n}\n');
    });
});
