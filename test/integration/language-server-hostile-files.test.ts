import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LanguageServerProcess } from '../helpers/language-server-process.js';
import { ORGANISATION } from '../helpers/organisation.js';

/**
 * The bundled server over stdio on a workspace that holds a file which once overflowed the parser's stack:
 * the server's start failed and it published no diagnostics for any file; opening the file made it exit.
 */
let server: LanguageServerProcess;

const TRIP = 'journey Trip for Maria {\n  stage S {\n    touchpoint Form { owner Web }\n  }\n}\n';
const STRAY = Array.from({ length: 2000 }, (_, i) => `owner A${i} foo\n`).join('');

beforeAll(async () => {
    server = await LanguageServerProcess.startInFolder({ 'organisation.journey': ORGANISATION, 'stray.journey': STRAY, 'trip.journey': TRIP });
});

afterAll(async () => {
    await server?.stop();
});

describe('a file of 2,000 syntax errors in the workspace', () => {
    test('the other files are loaded and get their diagnostics', async () => {
        const trip = server.uriOf('trip.journey');
        await server.open(trip, TRIP);
        const diagnostics = await server.waitForDiagnostics(trip, d => d.length > 0);
        expect(diagnostics.map(d => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual(['unscored-touchpoint 3:16']);
    });

    test('opened, it gets its first 100 syntax errors and one that counts the rest, and the server keeps serving', async () => {
        const stray = server.uriOf('stray.journey');
        await server.open(stray, STRAY);
        const diagnostics = await server.waitForDiagnostics(stray, d => d.some(x => x.code === 'more-syntax-errors'));
        expect(diagnostics.filter(d => d.code === 'parsing-error')).toHaveLength(100);
        expect(diagnostics.find(d => d.code === 'more-syntax-errors')!.message).toBe('1,900 more syntax errors from here on are not shown, only the first 100: ' +
            'fix those first (or check that this is a journey file).');
        const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uriOf('trip.journey') }, position: { line: 2, character: 30 } }))!;
        expect(JSON.stringify(hover.contents)).toContain('Digital services team');
        expect(server.exitCode).toBeNull();
    });
});
