import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import {
    ApplyWorkspaceEditRequest, CodeActionRequest, CodeLensRefreshRequest, CodeLensRequest, CompletionRequest, DocumentFormattingRequest,
    DocumentOnTypeFormattingRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest, ExecuteCommandRequest, HoverRequest,
    PrepareRenameRequest, RegistrationRequest, WorkspaceSymbolRequest,
    type ApplyWorkspaceEditParams, type ClientCapabilities, type CodeAction, type Command,
    type Diagnostic, type DocumentSymbol, type FormattingOptions, type MarkupContent, type ShowMessageParams,
    type SymbolInformation, type TextEdit, type WorkspaceSymbol
} from 'vscode-languageserver-protocol/node';
import { exampleFiles } from '../helpers/example-models.js';
import { LanguageServerProcess, SERVER, type StartOptions } from '../helpers/language-server-process.js';

/**
 * The bundled server over stdio with clients other than VS Code: what each one declared is all it gets,
 * and what it sends back (byte columns, its own indentation options) does not change the answers.
 */
let server: LanguageServerProcess | undefined;

afterEach(async () => {
    await server?.stop();
    server = undefined;
});

const ORGANISATION = 'owner Web "Digital team"\nowner Desk "Front desk"\nchannel Nopf "Nopf line"\npersona Maria "Parent"\n';
const TRIP = 'journey Trip for Maria {\n  stage S {\n    touchpoint Form "🙂 Fills in the form" { channel Nopg emotion 2 }\n  }\n}\n';

async function start(options?: StartOptions, files: Record<string, string> = { 'organisation.journey': ORGANISATION, 'trip.journey': TRIP }) {
    server = await LanguageServerProcess.startInFolder(files, options);
    const trip = server.uriOf('trip.journey');
    await server.open(trip, files['trip.journey']);
    await server.waitForDiagnostics(trip, () => true);
    return { process: server, trip, organisation: server.uriOf('organisation.journey') };
}

function applied(text: string, edits: TextEdit[] | null | undefined): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'journey', 1, text), edits ?? []);
}

const TEXT_DOCUMENT = (uri: string) => ({ textDocument: { uri } });

describe('quick fixes', () => {
    test('a client that sends back byte columns (Neovim 0.7) gets the edit the server computed, not one at its columns', async () => {
        const { process, trip } = await start();
        const diagnostic = process.diagnostics.get(trip)!.find(d => d.code === 'linking-error')!;
        // The emoji before the name is 4 bytes in UTF-8, 2 code units in UTF-16: the client's columns are 2 further right.
        const line = TRIP.split('\n')[diagnostic.range.start.line];
        const bytes = (character: number) => Buffer.byteLength(line.slice(0, character));
        const sent: Diagnostic = {
            ...diagnostic,
            range: {
                start: { line: diagnostic.range.start.line, character: bytes(diagnostic.range.start.character) },
                end: { line: diagnostic.range.end.line, character: bytes(diagnostic.range.end.character) }
            }
        };
        expect(sent.range.start.character).toBe(diagnostic.range.start.character + 2);
        const actions = await process.connection.sendRequest(CodeActionRequest.type, {
            ...TEXT_DOCUMENT(trip), range: sent.range, context: { diagnostics: [sent] }
        }) as CodeAction[];
        const change = actions.find(action => action.title === "Change to 'Nopf'")!;
        expect(applied(TRIP, change.edit?.changes?.[trip])).toBe(TRIP.replace('channel Nopg', 'channel Nopf'));
        expect(change.diagnostics).toEqual([sent]);
    });
});

describe('formatting', () => {
    const FORMATTED = 'journey Trip for Maria {\n  stage S {\n    touchpoint Form {\n      owner   Web\n      emotion 2\n    }\n'
        + '    touchpoint Visit {\n      owner   Desk\n      emotion 4\n    }\n  }\n}\n';
    const TWO_SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

    test('a range formats its lines as a full format does, inside a block that starts before it, and nothing else', async () => {
        const lines = FORMATTED.split('\n');
        // Lines 3 to 8 (and line 9, outside the range) lost their indentation.
        const mangled = lines.map((line, i) => i >= 2 && i <= 8 ? line.trim() : line).join('\n');
        const { process, trip } = await start(undefined, { 'organisation.journey': ORGANISATION, 'trip.journey': mangled });
        const edits = await process.connection.sendRequest(DocumentRangeFormattingRequest.type, {
            ...TEXT_DOCUMENT(trip), options: TWO_SPACES, range: { start: { line: 2, character: 0 }, end: { line: 7, character: lines[7].trim().length } }
        });
        expect(applied(mangled, edits)).toBe(lines.map((line, i) => i === 8 ? line.trim() : line).join('\n'));
    });

    test('range and on-type formatting of a file that does not parse answer with no edits, not an internal error', async () => {
        const { process, trip } = await start(undefined, { 'trip.journey': 'channel}' });
        const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } };
        expect(await process.connection.sendRequest(DocumentRangeFormattingRequest.type, { ...TEXT_DOCUMENT(trip), options: TWO_SPACES, range: whole }))
            .toEqual([]);
        expect(await process.connection.sendRequest(DocumentOnTypeFormattingRequest.type, {
            ...TEXT_DOCUMENT(trip), options: TWO_SPACES, position: { line: 0, character: 8 }, ch: '}'
        })).toEqual([]);
    });

    test("the layout is the language's own: two spaces, whatever indentation options the client sends", async () => {
        const examples = await exampleFiles();
        const { process, trip } = await start(undefined, { ...examples, 'trip.journey': FORMATTED.replaceAll('  ', '\t') });
        // Neovim's and Emacs's defaults, and a four-space editor.
        for (const options of [{ tabSize: 8, insertSpaces: false }, { tabSize: 4, insertSpaces: true }]) {
            for (const name of Object.keys(examples)) {
                const uri = process.uriOf(name);
                await process.open(uri, examples[name]);
                const edits = await process.connection.sendRequest(DocumentFormattingRequest.type, { ...TEXT_DOCUMENT(uri), options });
                expect(edits, `${name} with ${JSON.stringify(options)}`).toEqual([]);
            }
            const edits = await process.connection.sendRequest(DocumentFormattingRequest.type, { ...TEXT_DOCUMENT(trip), options });
            expect(applied(FORMATTED.replaceAll('  ', '\t'), edits)).toBe(FORMATTED);
        }
    });
});

/** Completion, symbol and hover answers for the trip file, as a client would ask for them. */
async function answers(process: LanguageServerProcess, trip: string) {
    const hover = (await process.connection.sendRequest(HoverRequest.type, { ...TEXT_DOCUMENT(trip), position: { line: 2, character: 16 } }))!;
    const symbols = await process.connection.sendRequest(DocumentSymbolRequest.type, TEXT_DOCUMENT(trip)) as (DocumentSymbol | SymbolInformation)[];
    const workspaceSymbols = await process.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }) as (SymbolInformation | WorkspaceSymbol)[];
    const completion = (await process.connection.sendRequest(CompletionRequest.type, {
        ...TEXT_DOCUMENT(trip), position: { line: 2, character: 45 }
    }))!;
    return { hover, symbols, workspaceSymbols, completion: Array.isArray(completion) ? completion : completion.items };
}

describe('a minimal client that declares no optional capability', () => {
    test('every answer and every message is valid for what it declared', async () => {
        const { process, trip, organisation } = await start({ capabilities: {}, workspace: folder => ({ rootUri: `file://${folder}` }) });
        const capabilities = process.initializeResult!.capabilities;
        expect(capabilities.renameProvider).toBe(true);

        const published = [...process.diagnostics.values()].flat();
        const unused = (await process.waitForDiagnostics(organisation, d => d.some(x => x.code === 'unused-declaration')))
            .find(d => d.code === 'unused-declaration')!;
        for (const diagnostic of [...published, unused]) {
            expect(Object.keys(diagnostic).sort()).toEqual(['code', 'message', 'range', 'severity', 'source']);
        }

        const { hover, symbols, workspaceSymbols, completion } = await answers(process, trip);
        expect((hover.contents as MarkupContent).kind).toBe('plaintext');
        expect((hover.contents as MarkupContent).value).toContain('Fills in the form');
        expect((hover.contents as MarkupContent).value).not.toMatch(/\*\*|\\/);
        expect(symbols.map(s => [s.name, 'location' in s, 'children' in s, s.kind <= 18])).toEqual([
            ['Trip', true, false, true], ['S', true, false, true], ['Form', true, false, true]
        ]);
        expect((symbols as SymbolInformation[]).map(s => s.containerName)).toEqual([undefined, 'Trip', 'S']);
        expect(workspaceSymbols.length).toBeGreaterThan(0);
        expect(workspaceSymbols.every(s => s.kind <= 18)).toBe(true);
        expect(completion.map(item => item.label)).toContain('owner');
        for (const item of completion) {
            expect(item.kind === undefined || item.kind <= 18, item.label).toBe(true);
            expect(item.insertTextFormat ?? 1).toBe(1);
            expect(typeof item.documentation === 'object' ? item.documentation.kind : 'plaintext').toBe('plaintext');
            expect(item.textEdit === undefined || 'range' in item.textEdit).toBe(true);
        }

        // It cannot apply a workspace edit: no quick fix is offered.
        const linking = process.diagnostics.get(trip)!.find(d => d.code === 'linking-error')!;
        expect(await process.connection.sendRequest(CodeActionRequest.type, { ...TEXT_DOCUMENT(trip), range: linking.range, context: { diagnostics: [linking] } }))
            .toEqual([]);

        // A code lens runs a command the server declared and handles: the figures in words.
        const lenses = await process.connection.sendRequest(CodeLensRequest.type, TEXT_DOCUMENT(trip));
        expect(lenses?.length).toBe(2);
        for (const lens of lenses!) {
            expect(capabilities.executeCommandProvider?.commands).toContain(lens.command!.command);
            await process.connection.sendRequest(ExecuteCommandRequest.type, { command: lens.command!.command, arguments: lens.command!.arguments });
        }
        const shown = process.notifications.filter(n => n.method === 'window/showMessage').map(n => (n.params as ShowMessageParams).message);
        expect(shown).toEqual([
            "Journey 'Trip': 1 touchpoint in 1 stage. Average grade 2.0 (negative). Lowest point: 2 (negative) at '🙂 Fills in the form'. No owner takes part. 0 owner hand-offs.",
            "Stage 'S': 1 touchpoint. Average grade 2.0 (negative). Lowest point: 2 (negative) at '🙂 Fills in the form'. No owner takes part."
        ]);

        // A setting pushed by the client applies, with no refresh request it did not declare.
        await process.configure({ journey: { validation: { unscoredTouchpoint: 'off', missingOwner: 'off' } } });
        await process.waitForDiagnostics(trip, d => !d.some(x => x.code === 'missing-owner'));
        expect(process.requests.map(r => r.method)).toEqual([]);
        expect(process.exitCode).toBeNull();
    });
});

describe('what a client declares is what it gets', () => {
    test('without code action literals but with applyEdit, a quick fix is a command the server runs through workspace/applyEdit', async () => {
        const { process, trip } = await start({ capabilities: { workspace: { applyEdit: true } } });
        const linking = process.diagnostics.get(trip)!.find(d => d.code === 'linking-error')!;
        const commands = await process.connection.sendRequest(CodeActionRequest.type, {
            ...TEXT_DOCUMENT(trip), range: linking.range, context: { diagnostics: [linking] }
        }) as Command[];
        const change = commands.find(command => command.title === "Change to 'Nopf'")!;
        expect(Object.keys(change).sort()).toEqual(['arguments', 'command', 'title']);
        expect(process.initializeResult!.capabilities.executeCommandProvider?.commands).toContain(change.command);
        await process.connection.sendRequest(ExecuteCommandRequest.type, { command: change.command, arguments: change.arguments });
        const request = process.requests.find(r => r.method === ApplyWorkspaceEditRequest.method)!;
        expect(applied(TRIP, (request.params as ApplyWorkspaceEditParams).edit.changes?.[trip])).toBe(TRIP.replace('channel Nopg', 'channel Nopf'));
    });

    test('prepareRename on a keyword answers null: nothing to rename there', async () => {
        const { process, trip } = await start();
        expect(await process.connection.sendRequest(PrepareRenameRequest.type, { ...TEXT_DOCUMENT(trip), position: { line: 1, character: 3 } })).toBeNull();
    });

    test('a client that reads settings but registers nothing dynamically (Eglot) gets no registration request', async () => {
        const capabilities: ClientCapabilities = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } };
        const { process } = await start({ capabilities });
        expect(process.requests.map(r => r.method)).toEqual(['workspace/configuration']);
    });

    test('a client that declares everything (VS Code) gets markdown, the outline tree, tags, literals, registration and refresh', async () => {
        const { process, trip, organisation } = await start();
        expect(process.initializeResult!.capabilities.renameProvider).toEqual({ prepareProvider: true });
        const unused = await process.waitForDiagnostics(organisation, d => d.some(x => x.code === 'unused-declaration'));
        expect(unused.every(d => d.tags?.includes(1))).toBe(true);
        const { hover, symbols } = await answers(process, trip);
        expect((hover.contents as MarkupContent).kind).toBe('markdown');
        expect((symbols as DocumentSymbol[])[0].children?.[0].children?.[0].name).toBe('Form');
        const linking = process.diagnostics.get(trip)!.find(d => d.code === 'linking-error')!;
        const actions = await process.connection.sendRequest(CodeActionRequest.type, {
            ...TEXT_DOCUMENT(trip), range: linking.range, context: { diagnostics: [linking] }
        }) as CodeAction[];
        expect(actions.every(action => action.edit !== undefined && action.kind === 'quickfix')).toBe(true);
        await process.configure({ journey: { insights: { codeLens: false } } });
        await process.waitForDiagnostics(trip, d => d.length > 0 && process.requests.some(r => r.method === CodeLensRefreshRequest.method));
        expect(process.requests.map(r => r.method).filter(m => m !== 'workspace/configuration'))
            .toEqual([RegistrationRequest.method, CodeLensRefreshRequest.method]);
    });
});

describe('the commands the server declares', () => {
    test('are none of the extension\'s own, so that VS Code\'s client can register them beside those', async () => {
        const { process } = await start();
        const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf-8')) as {
            contributes: { commands: { command: string }[] }
        };
        const declared = process.initializeResult!.capabilities.executeCommandProvider?.commands ?? [];
        expect(declared.length).toBeGreaterThan(0);
        expect(declared.filter(command => manifest.contributes.commands.some(c => c.command === command))).toEqual([]);
    });
});

describe('the journey-language-server command', () => {
    test('is the bundled server, declared as a bin of the package', async () => {
        const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf-8')) as { bin: Record<string, string> };
        expect(manifest.bin['journey-language-server']).toBe('./out/language/main.cjs');
        expect((await readFile(SERVER, 'utf-8')).split('\n')[0]).toBe('#!/usr/bin/env node');
    });

    test('--help says what it is and how editors start it', () => {
        const result = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf-8' });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('journey-language-server');
        expect(result.stdout).toContain('--stdio');
        expect(result.stderr).toBe('');
    });

    test('talks over stdio when no transport is given', async () => {
        const { process } = await start({ args: [] });
        expect(process.initializeResult!.capabilities.hoverProvider).toBe(true);
        expect(process.diagnostics.get(process.uriOf('trip.journey'))?.length).toBeGreaterThan(0);
    });
});
