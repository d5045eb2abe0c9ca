import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, ReferencesRequest, RenameRequest, WorkspaceSymbolRequest,
    type Diagnostic, type Location, type Range, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { OWNERS, workspaceFiles } from '../../bench/generate.ts';
import { LanguageServerProcess } from '../helpers/language-server-process.ts';

/**
 * The server lets go of the syntax trees of closed files once they are validated, builds the closed files
 * a batch at a time, and parses a released file again whenever something reads it (ReleasedDocuments).
 * A workspace of more files than a batch, one journey open: what the editor shows of the closed files
 * (diagnostics, references, rename edits, workspace symbols, a file opened later) is what the files say,
 * whether their trees were held or parsed again, and the closed files follow edits of the shared file
 * and changes on disk.
 */

const OWNER = OWNERS[0].name;
const files: Record<string, string> = {
    ...workspaceFiles(150, 5),
    'strays.journey': [
        'journey Strays "A journey whose owner is declared nowhere yet" {',
        '  stage Only "Only" {',
        '    touchpoint Lost "Lost" {',
        '      owner    Ghost',
        '      emotion  3',
        '    }',
        '  }',
        '}',
        ''
    ].join('\n')
};

let server: LanguageServerProcess;

/** Whether a diagnostic says that this owner is declared nowhere. */
function undeclaredOwner(name: string): (diagnostic: Diagnostic) => boolean {
    return diagnostic => typeof diagnostic.message === 'string' && diagnostic.message.startsWith(`Owner '${name}' is not declared`);
}

const ghost = undeclaredOwner('Ghost');

/** Where `word` stands, as a whole word, in each of the files (the ranges a user sees it at). */
function occurrences(word: string): Location[] {
    const locations: Location[] = [];
    for (const [name, text] of Object.entries(files)) {
        text.split('\n').forEach((line, number) => {
            for (const match of line.matchAll(new RegExp(`\\b${word}\\b`, 'g'))) {
                locations.push({ uri: server.uriOf(name), range: rangeAt(number, match.index, word.length) });
            }
        });
    }
    return sorted(locations);
}

function rangeAt(line: number, character: number, length: number): Range {
    return { start: { line, character }, end: { line, character: character + length } };
}

function sorted(locations: Location[]): Location[] {
    return [...locations].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character);
}

/** The position of the first `owner <OWNER>` reference of the open journey. */
function ownerReference(): { line: number, character: number } {
    const lines = files['journey001.journey'].split('\n');
    const line = lines.findIndex(text => text.trim() === `owner    ${OWNER}`);
    return { line, character: lines[line].indexOf(OWNER) + 1 };
}

beforeAll(async () => {
    server = await LanguageServerProcess.startInFolder(files);
    await server.open(server.uriOf('journey001.journey'), files['journey001.journey']);
    await server.waitForDiagnostics(server.uriOf('journey001.journey'), () => true, 30_000);
    await server.settle();
}, 60_000);

afterAll(async () => {
    await server.stop();
});

describe('the closed files of a workspace larger than a batch, their trees released', () => {
    test('every closed file gets its diagnostics: the unresolved owner of a closed journey at its place', () => {
        const closedJourneys = Object.keys(files).filter(name => name !== 'journey001.journey');
        for (const name of closedJourneys) {
            expect(server.diagnostics.has(server.uriOf(name)), name).toBe(true);
        }
        const strays = server.diagnostics.get(server.uriOf('strays.journey'))!;
        expect(strays.filter(ghost).map(diagnostic => diagnostic.range)).toEqual([rangeAt(3, 15, 5)]);
    });

    test('find references of a shared owner lists every closed file\'s use at its exact range', async () => {
        const found = await server.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: server.uriOf('journey001.journey') }, position: ownerReference(), context: { includeDeclaration: true }
        });
        expect(sorted(found ?? [])).toEqual(occurrences(OWNER));
        expect(new Set(found?.map(location => location.uri)).size).toBeGreaterThan(100);
    });

    test('renaming it edits every closed file at the places it is written', async () => {
        const edit: WorkspaceEdit | null = await server.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri: server.uriOf('journey001.journey') }, position: ownerReference(), newName: `${OWNER}Team`
        });
        const edited = Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) => edits.map(({ range, newText }) => {
            expect(newText).toBe(`${OWNER}Team`);
            return { uri, range };
        }));
        expect(sorted(edited)).toEqual(occurrences(OWNER));
    });

    test('a touchpoint of a closed file is found by name from the whole workspace, at its name', async () => {
        const lines = files['journey120.journey'].split('\n');
        const line = lines.findIndex(text => text.trimStart().startsWith('touchpoint '));
        const name = /touchpoint (\S+)/.exec(lines[line])![1];
        const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: name });
        const symbol = symbols?.find(found => found.name === name && 'range' in found.location
            && found.location.uri === server.uriOf('journey120.journey'));
        expect(symbol?.location).toEqual({ uri: server.uriOf('journey120.journey'), range: rangeAt(line, lines[line].indexOf(name), name.length) });
    });

    test('a closed file opened later has the diagnostics it had closed, and hover on its owner answers', async () => {
        const uri = server.uriOf('journey100.journey');
        const closed = server.diagnostics.get(uri);
        await server.open(uri, files['journey100.journey']);
        await server.settle();
        expect(server.diagnostics.get(uri)).toEqual(closed);
        const lines = files['journey100.journey'].split('\n');
        const line = lines.findIndex(text => text.trimStart().startsWith('owner '));
        const owner = OWNERS.find(candidate => lines[line].endsWith(` ${candidate.name}`))!;
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].length - 1 } });
        expect(JSON.stringify(hover?.contents)).toContain(owner.title);
        await server.close(uri);
        await server.settle();
    });

    test('declaring the missing owner in the shared file clears the closed journey\'s error; a change on disk is read', { timeout: 60_000 }, async () => {
        const organisation = server.uriOf('organisation.journey');
        const declared = `${files['organisation.journey']}owner Ghost "Nobody knew"\n`;
        await server.open(organisation, declared);
        await server.waitForDiagnostics(server.uriOf('strays.journey'), diagnostics => !diagnostics.some(ghost), 30_000);
        await server.settle();

        const changed = files['journey077.journey'].replace(/owner {4}\w+/, 'owner    Nobody');
        await writeFile(path.join(server.folder, 'journey077.journey'), changed);
        await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: server.uriOf('journey077.journey'), type: FileChangeType.Changed }]
        });
        const diagnostics = await server.waitForDiagnostics(server.uriOf('journey077.journey'),
            published => published.some(undeclaredOwner('Nobody')), 30_000);
        const line = changed.split('\n').findIndex(text => text.includes('owner    Nobody'));
        expect(diagnostics.filter(undeclaredOwner('Nobody')).map(diagnostic => diagnostic.range)).toEqual([rangeAt(line, 15, 6)]);
    });
});
