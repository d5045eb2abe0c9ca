import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DocumentFormattingRequest,
    DocumentHighlightRequest, DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest, ErrorCodes,
    FoldingRangeRequest, HoverRequest, LSPErrorCodes, PrepareRenameRequest, ReferencesRequest, RenameRequest, ResponseError, SemanticTokensRequest,
    WorkspaceSymbolRequest, type Diagnostic, type Position, type Range
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'langium';
import { diagnosticMessage } from '../../src/language/diagnostic-message.js';
import { DocumentModelRequest } from '../../src/shared/protocol.js';
import { EXAMPLES } from '../helpers/cli-process.js';
import { LanguageServerProcess } from '../helpers/language-server-process.js';

/**
 * An LSP storm: the bundled server over stdio gets a few hundred random incremental edits of an example,
 * interleaved with every kind of request at random positions (in and out of the text), none awaited before
 * the next is sent. No request may fail with anything but a cancellation, the server must stay up, and at
 * the end the diagnostics must be those a fresh server publishes for the same text. Seeded: a failure
 * prints the seed, and JOURNEY_STORM_SEED replays it.
 */
const SEED = Number(process.env.JOURNEY_STORM_SEED ?? 20261201);
const EDITS = 300;

const ORGANISATION = readFileSync(`${EXAMPLES}/organisation.journey`, 'utf-8');
const PASSPORT = readFileSync(`${EXAMPLES}/passport-renewal.journey`, 'utf-8');

/** Answers that say a request was overtaken by an edit: what a busy server may answer. */
const CANCELLED: ReadonlySet<number> = new Set([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]);

const TOKENS = ['owner ', 'channel ', 'emotion ', '3', ' 9 ', '{', '}', '"', '"text"', 'touchpoint X ', 'stage S { ', 'moment of truth', '\n', ' ',
    'Web', 'Maria', '//', '/*', '😀', 'duration 2 min', 'pain "x"', 'journey J for P {', '\t'];

const servers: LanguageServerProcess[] = [];

afterAll(async () => {
    await Promise.all(servers.map(server => server.stop()));
});

/** A sequence of what the storm does, drawn from the seed: edits, and requests at random places. */
const step = fc.oneof(
    {
        weight: 3, arbitrary: fc.record({
            kind: fc.constant('edit' as const),
            at: fc.nat(),
            length: fc.oneof(fc.constant(0), fc.nat({ max: 8 })),
            insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 3 }).map(tokens => tokens.join(''))
        })
    },
    {
        weight: 2, arbitrary: fc.record({
            kind: fc.constant('request' as const),
            request: fc.nat({ max: 16 }),
            line: fc.oneof(fc.nat({ max: 200 }), fc.constant(100_000)),
            character: fc.oneof(fc.nat({ max: 80 }), fc.constant(100_000))
        })
    }
);

function sortedDiagnostics(diagnostics: Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(d => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${diagnosticMessage(d)}`).sort();
}

describe(`an LSP storm of ${EDITS} edits and requests (seed ${SEED})`, () => {
    test('no request fails but by cancellation, the server stays up, and the diagnostics end as a fresh server\'s', async () => {
        const steps = fc.sample(fc.array(step, { minLength: EDITS * 2, maxLength: EDITS * 2 }), { seed: SEED, numRuns: 1 })[0];
        const server = await LanguageServerProcess.startInFolder({ 'organisation.journey': ORGANISATION, 'passport.journey': PASSPORT });
        servers.push(server);
        const uri = server.uriOf('passport.journey');
        let document = TextDocument.create(uri, 'journey', 1, PASSPORT);
        await server.open(uri, PASSPORT);
        const textDocument = { uri };
        const failures: string[] = [];
        const pending: Promise<unknown>[] = [];
        const send = (name: string, request: Promise<unknown>) => pending.push(request.catch((error: unknown) => {
            if (!(error instanceof ResponseError) || !CANCELLED.has(error.code)) {
                failures.push(`${name}: ${error instanceof ResponseError ? `${error.code} ${error.message}` : String(error)}`);
            }
        }));
        for (const s of steps) {
            if (s.kind === 'edit') {
                const text = document.getText();
                const start = document.positionAt(text.length === 0 ? 0 : s.at % (text.length + 1));
                const end = document.positionAt(document.offsetAt(start) + s.length);
                const change = { range: { start, end }, text: s.insert };
                document = TextDocument.update(document, [change], document.version + 1);
                void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
                continue;
            }
            const position: Position = { line: s.line, character: s.character };
            const range: Range = { start: position, end: { line: s.line + 3, character: 0 } };
            const options = { tabSize: 2, insertSpaces: true };
            const requests = [
                () => server.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
                () => server.connection.sendRequest(HoverRequest.type, { textDocument, position }),
                () => server.connection.sendRequest(DefinitionRequest.type, { textDocument, position }),
                () => server.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
                () => server.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position }),
                () => server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
                () => server.connection.sendRequest(CodeLensRequest.type, { textDocument }),
                () => server.connection.sendRequest(CodeActionRequest.type, {
                    textDocument, range, context: { diagnostics: server.diagnostics.get(uri)?.slice(0, 5) ?? [] }
                }),
                () => server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options }),
                () => server.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options }),
                () => server.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument, position, ch: '}', options }),
                () => server.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position }),
                () => server.connection.sendRequest(SemanticTokensRequest.type, { textDocument }),
                () => server.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
                () => server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Form' }),
                () => server.connection.sendRequest(DocumentModelRequest, { uri }),
                () => server.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'Renamed' }).catch((error: unknown) => {
                    // A rename the language refuses (a clash, a keyword) is an answer, not a failure.
                    if (!(error instanceof ResponseError && error.code === ErrorCodes.InvalidParams)) {
                        throw error;
                    }
                })
            ];
            send(`request ${s.request} at ${s.line}:${s.character}`, requests[s.request]());
        }
        await Promise.all(pending);
        expect(failures).toEqual([]);
        // The builds in progress end; their diagnostics are published before the server says so.
        await server.settle();
        expect(server.exitCode).toBeNull();

        const fresh = await LanguageServerProcess.startInFolder({ 'organisation.journey': ORGANISATION, 'passport.journey': PASSPORT });
        servers.push(fresh);
        await fresh.open(fresh.uriOf('passport.journey'), document.getText());
        await fresh.settle();
        const folderOf = (s: LanguageServerProcess) => s.uriOf('');
        const normalise = (s: LanguageServerProcess, diagnostics: Diagnostic[] | undefined) => sortedDiagnostics(diagnostics).map(d => d.replaceAll(folderOf(s), ''));
        expect(normalise(server, server.diagnostics.get(uri))).toEqual(normalise(fresh, fresh.diagnostics.get(fresh.uriOf('passport.journey'))));
        expect(normalise(server, server.diagnostics.get(server.uriOf('organisation.journey'))))
            .toEqual(normalise(fresh, fresh.diagnostics.get(fresh.uriOf('organisation.journey'))));
    }, 120_000);
});
