import { DefaultLexer, EmptyFileSystem, type LangiumDocument, type LocalSymbols } from 'langium';
import { describe, expect, vi } from 'vitest';
import type { JourneyMapsAstType } from '../../src/language/generated/ast.js';
import { JourneyScopeComputation } from '../../src/language/fast/journey-scope-computation.js';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

/** What a part of the language that fails throws (the stack overflow of issue 10, for instance). */
function explode(): never {
    throw new RangeError('Maximum call stack size exceeded');
}

async function diagnose(services: TestServices, text: string): Promise<string[]> {
    const documents = await openWorkspace(services, { 'broken.journey': text });
    return summarise(documents['broken.journey']);
}

describe('a broken file still gets every diagnostic that can be recovered', () => {
    test('a syntax error in one touchpoint leaves the checks of the others', async ({ services }) => {
        const documents = await openWorkspace(services, { 'broken.journey': `journey J {
  stage S {
    touchpoint Broken { owner }
    touchpoint Unowned { emotion 3 }
  }
}` });
        expect(summarise(documents['broken.journey'])).toEqual([
            'missing-owner warning 4:16-4:23',
            'missing-persona warning 1:9-1:10',
            'parsing-error error 3:31-3:32',
            'unscored-touchpoint warning 3:16-3:22'
        ]);
        expect(documents['broken.journey'].diagnostics!.find(d => d.code === 'parsing-error')!.message).toBe('Expected a name but found `}`.');
    });

    test('an unterminated string is reported on its line and the next lines still parse', async ({ services }) => {
        const text = 'journey J {\n  stage S "Unclosed {\n    touchpoint T { emotion 3 }\n  }\n}\n';
        const documents = await openWorkspace(services, { 'broken.journey': text });
        const diagnostics = documents['broken.journey'].diagnostics!;
        expect(diagnostics.find(d => d.code === 'lexing-error')).toMatchObject({
            message: 'Unterminated string: close it with " on the same line.',
            range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }
        });
        expect(summarise(documents['broken.journey'])).toContain('missing-owner warning 3:16-3:17');
    });

    test('an unterminated block comment is reported', async ({ services }) => {
        const documents = await openWorkspace(services, { 'broken.journey': 'owner A "x"\n/* never closed\nowner B' });
        expect(documents['broken.journey'].diagnostics!.map(d => d.message)).toContain('Unterminated comment: close it with */.');
    });

    test('parser errors are in the words of the language', async ({ services }) => {
        const documents = await openWorkspace(services, { 'broken.journey': 'journey J { stage { } }\nstray' });
        expect(documents['broken.journey'].diagnostics!.filter(d => d.code === 'parsing-error').map(d => d.message)).toEqual([
            'Expected a name but found `{`.',
            'Expected a declaration (owner, channel, persona or journey) but found `stray`.'
        ]);
    });
});

describe('8,000 declarations of one name: every duplicate is reported, in messages of a bounded length', () => {
    // Before, the check compared every declaration with every other one: 4 s in the CLI at 8,000 names.
    test('in one file, each later declaration names the first', async ({ services }) => {
        const documents = await openWorkspace(services, { 'owners.journey': 'owner A\n'.repeat(8000) });
        const duplicates = documents['owners.journey'].diagnostics!.filter(d => d.code === 'duplicate-name');
        expect(duplicates).toHaveLength(7999);
        expect(duplicates.every(d => d.message === "Owner 'A' is declared more than once (also at line 1): give each owner its own name.")).toBe(true);
    });

    test('across files, every declaration names at most three others and counts the rest', async ({ services }) => {
        const documents = await openWorkspace(services, { 'a.journey': 'owner A\n'.repeat(4000), 'b.journey': 'owner A\n'.repeat(4000) });
        const inA = documents['a.journey'].diagnostics!.filter(d => d.code === 'duplicate-name');
        expect(inA).toHaveLength(4000);
        expect(inA[0].message).toBe("Owner 'A' is declared more than once (also at b.journey line 1, b.journey line 2, b.journey line 3 and 3,997 more): give each owner its own name.");
        expect(inA[1].message).toBe("Owner 'A' is declared more than once (also at line 1, b.journey line 1, b.journey line 2 and 3,998 more): give each owner its own name.");
    });
});

describe('a failure of the language on one file costs that file only', () => {
    // No input is known to make the language fail any more: these tests stand in a failing part (a lexer,
    // a scope computation, a check) to see what the rest of the services make of it.
    const files = {
        'boom.journey': 'owner Web // BOOM\n',
        'trip.journey': 'journey Trip { stage S { touchpoint A { owner Web emotion 3 } touchpoint B { emotion 2 } } }\n'
    };

    test('the parser: the file gets one diagnostic saying so, the other files their own', async () => {
        const failing = createJourneyServices(EmptyFileSystem, {
            parser: {
                Lexer: (s) => {
                    const lexer = new DefaultLexer(s);
                    const tokenize = lexer.tokenize.bind(lexer);
                    lexer.tokenize = (text, options) => text.includes('BOOM') ? explode() : tokenize(text, options);
                    return lexer;
                }
            }
        });
        const documents = await openWorkspace(failing, files);
        expect(summarise(documents['boom.journey'])).toEqual(['internal-error error 1:1-1:1']);
        expect(documents['boom.journey'].diagnostics![0].message).toBe('The journey language failed to read this file (RangeError: Maximum call stack size exceeded); ' +
            'nothing of it was read. Other files are not affected. Please report this, with the file if you can.');
        expect(summarise(documents['trip.journey'])).toEqual([
            'linking-error error 1:47-1:50', 'missing-owner warning 1:74-1:75', 'missing-persona warning 1:9-1:13'
        ]);
    });

    test('a later phase of the build: the file gets its diagnostics and one that says what failed', async () => {
        const failing = createJourneyServices(EmptyFileSystem, {
            references: {
                ScopeComputation: (s) => new class extends JourneyScopeComputation {
                    override collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
                        return document.textDocument.getText().includes('BOOM') ? explode() : super.collectLocalSymbols(document);
                    }
                }(s)
            }
        });
        const documents = await openWorkspace(failing, files);
        expect(summarise(documents['boom.journey'])).toEqual(['internal-error error 1:1-1:1']);
        expect(documents['boom.journey'].diagnostics!.find(d => d.code === 'internal-error')!.message).toBe('The journey language failed on this file while ' +
            'collecting its names (RangeError: Maximum call stack size exceeded): its diagnostics may be incomplete. Other files are not affected. ' +
            'Please report this, with the file if you can.');
        expect(summarise(documents['trip.journey'])).toEqual(['missing-owner warning 1:74-1:75', 'missing-persona warning 1:9-1:13']);
    });

    test('a check: a diagnostic on its node, the other checks still run, nothing on the console', async ({ services }) => {
        const errors: unknown[] = [];
        const console = vi.spyOn(globalThis.console, 'error').mockImplementation((...args) => errors.push(args));
        try {
            services.Journey.validation.ValidationRegistry.register<JourneyMapsAstType>({ Stage: () => explode() });
            const documents = await openWorkspace(services, { 'trip.journey': files['trip.journey'] });
            expect(summarise(documents['trip.journey'])).toEqual([
                'internal-error error 1:16-1:91', 'linking-error error 1:47-1:50', 'missing-owner warning 1:74-1:75', 'missing-persona warning 1:9-1:13'
            ]);
            expect(documents['trip.journey'].diagnostics!.find(d => d.code === 'internal-error')!.message).toBe('A check of the journey language failed here ' +
                '(RangeError: Maximum call stack size exceeded); the other checks ran. Please report this, with the file if you can.');
            expect(errors).toEqual([]);
        } finally {
            console.mockRestore();
        }
    });
});

describe('no input makes the services fail', () => {
    test('an empty file', async ({ services }) => {
        expect(await diagnose(services, '')).toEqual([]);
    });

    test('binary junk: one diagnostic that says the file is not text, at its first NUL byte', async ({ services }) => {
        const junk = 'owner A\n' + String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919 + 1) % 256));
        const documents = await openWorkspace(services, { 'junk.journey': junk });
        const [diagnostic, ...others] = documents['junk.journey'].diagnostics!;
        expect(others).toEqual([]);
        const nul = junk.indexOf('\0');
        const line = junk.slice(0, nul).split('\n').length;
        const column = nul - junk.lastIndexOf('\n', nul - 1);
        expect(diagnostic).toMatchObject({ code: 'not-text', severity: 1, range: { start: { line: line - 1, character: column - 1 } } });
        expect(diagnostic.message).toBe(`This file is not a journey: at line ${line}, column ${column} it holds a NUL byte, so it is binary, not text. ` +
            'Journey files are UTF-8 text; nothing of this file was read.');
    });

    test('a file that is not UTF-8 (read as U+FFFD): one diagnostic, and none of its declarations count', async ({ services }) => {
        const documents = await openWorkspace(services, {
            'latin1.journey': 'owner Caf\uFFFD "Caf\uFFFD"\nowner Desk\n',
            'trip.journey': 'journey T { stage S { touchpoint A { owner Desk emotion 3 } } }\n'
        });
        expect(summarise(documents['latin1.journey'])).toEqual(['not-text error 1:10-1:11']);
        expect(documents['latin1.journey'].diagnostics![0].message).toContain('U+FFFD, the character a byte that is not UTF-8 is read as');
        expect(summarise(documents['trip.journey'])).toContain('linking-error error 1:44-1:48');
    });

    test('a file of junk gets its first 100 syntax errors and one that counts the rest', async ({ services }) => {
        const documents = await openWorkspace(services, { 'stray.journey': Array.from({ length: 250 }, (_, i) => `owner A${i} foo\n`).join('') });
        const diagnostics = documents['stray.journey'].diagnostics!;
        const syntax = diagnostics.filter(d => d.code === 'parsing-error');
        expect(syntax).toHaveLength(100);
        expect(syntax.at(-1)!.range.start.line).toBe(99);
        const more = diagnostics.filter(d => d.code === 'more-syntax-errors');
        expect(more).toHaveLength(1);
        expect(more[0]).toMatchObject({ severity: 1, range: { start: { line: 100, character: 11 } } });
        expect(more[0].message).toBe('150 more syntax errors from here on are not shown, only the first 100: fix those first (or check that this is a journey file).');
    });

    test('a 5 MB journey', async ({ services }) => {
        const touchpoint = (i: number) => `    touchpoint T${i} "Touchpoint number ${i} of a very long journey" { owner O emotion ${i % 5 + 1} duration ${i} min pain "Waiting again" }\n`;
        const stages: string[] = [];
        let size = 0;
        for (let s = 0; size < 5_000_000; s++) {
            const body = Array.from({ length: 10 }, (_, i) => touchpoint(s * 10 + i)).join('');
            stages.push(`  stage S${s} {\n${body}  }\n`);
            size += body.length;
        }
        const text = `owner O "Team"\npersona P\njourney Big for P {\n${stages.join('')}}\n`;
        expect(text.length).toBeGreaterThan(5_000_000);
        expect(await diagnose(services, text)).toEqual([]);
    }, 120_000);

    test('5 MB of one unterminated string and one unterminated comment', async ({ services }) => {
        const diagnostics = await diagnose(services, `owner A "${'x'.repeat(2_500_000)}\n/*${'y'.repeat(2_500_000)}`);
        expect(diagnostics.filter(d => d.startsWith('lexing-error'))).toHaveLength(2);
    }, 120_000);
});
