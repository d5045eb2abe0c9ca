import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { clearDocuments } from 'langium/test';
import { createServices, openWorkspace, summarise, type TestServices } from '../helpers/journey-workspace.js';

let services: TestServices;

beforeEach(() => {
    services = createServices();
});

afterEach(async () => {
    await clearDocuments(services.shared);
});

async function diagnose(text: string): Promise<string[]> {
    const documents = await openWorkspace(services, { 'broken.journey': text });
    return summarise(documents['broken.journey']);
}

describe('a broken file still gets every diagnostic that can be recovered', () => {
    test('a syntax error in one touchpoint leaves the checks of the others', async () => {
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

    test('an unterminated string is reported on its line and the next lines still parse', async () => {
        const text = 'journey J {\n  stage S "Unclosed {\n    touchpoint T { emotion 3 }\n  }\n}\n';
        const documents = await openWorkspace(services, { 'broken.journey': text });
        const diagnostics = documents['broken.journey'].diagnostics!;
        expect(diagnostics.find(d => d.code === 'lexing-error')).toMatchObject({
            message: 'Unterminated string: close it with " on the same line.',
            range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }
        });
        expect(summarise(documents['broken.journey'])).toContain('missing-owner warning 3:16-3:17');
    });

    test('an unterminated block comment is reported', async () => {
        const documents = await openWorkspace(services, { 'broken.journey': 'owner A "x"\n/* never closed\nowner B' });
        expect(documents['broken.journey'].diagnostics!.map(d => d.message)).toContain('Unterminated comment: close it with */.');
    });

    test('parser errors are in the words of the language', async () => {
        const documents = await openWorkspace(services, { 'broken.journey': 'journey J { stage { } }\nstray' });
        expect(documents['broken.journey'].diagnostics!.filter(d => d.code === 'parsing-error').map(d => d.message)).toEqual([
            'Expected a name but found `{`.',
            'Expected a declaration (owner, channel, persona or journey) but found `stray`.'
        ]);
    });
});

describe('no input makes the services fail', () => {
    test('an empty file', async () => {
        expect(await diagnose('')).toEqual([]);
    });

    test('binary junk', async () => {
        const junk = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
        const diagnostics = await diagnose(junk);
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(diagnostics.every(d => /^(lexing|parsing)-error error/.test(d))).toBe(true);
    });

    test('a 5 MB journey', async () => {
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
        expect(await diagnose(text)).toEqual([]);
    }, 120_000);

    test('5 MB of one unterminated string and one unterminated comment', async () => {
        const diagnostics = await diagnose(`owner A "${'x'.repeat(2_500_000)}\n/*${'y'.repeat(2_500_000)}`);
        expect(diagnostics.filter(d => d.startsWith('lexing-error'))).toHaveLength(2);
    }, 120_000);
});
