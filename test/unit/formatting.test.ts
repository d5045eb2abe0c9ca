import { describe, expect } from 'vitest';
import { expectFormatting } from 'langium/test';
import { TextDocument } from 'langium';
import { exampleFiles } from '../helpers/example-models.js';
import { openWorkspace, test, type TestServices } from '../helpers/services-fixture.js';

/** As VS Code sends it for .journey files (the extension sets tabSize 2 for the language). */
const OPTIONS = { tabSize: 2, insertSpaces: true };

function format(services: TestServices, input: { before: string, after: string, range?: { start: { line: number, character: number }, end: { line: number, character: number } } }) {
    return expectFormatting(services.Journey)({ ...input, options: OPTIONS });
}

const MESSY = `// Shared owners
owner Comms "Communications team"
owner   Courier    "Parcel courier"   external
channel Letter "Post"
channel Website   "Online service"
persona Maria "Parent" { goal "Renew" today "Worried"
need "Time" }
journey Renew "Renew a passport" for Maria { goal "A passport"
stage Apply "Applying" { touchpoint Form "Fills in the form" { moment   of truth
channel Website owner Comms emotion 2 "confused"
duration 40 min
pain "Photo rejected" /* ask why */ idea "Check photos in the browser" } touchpoint Wait { }

touchpoint Delivery {   owner Courier emotion 5 contacts 1 }
}
}`;

const CANONICAL = `// Shared owners
owner Comms   "Communications team"
owner Courier "Parcel courier" external
channel Letter  "Post"
channel Website "Online service"
persona Maria "Parent" {
  goal  "Renew"
  today "Worried"
  need  "Time"
}
journey Renew "Renew a passport" for Maria {
  goal "A passport"
  stage Apply "Applying" {
    touchpoint Form "Fills in the form" {
      moment of truth
      channel  Website
      owner    Comms
      emotion  2 "confused"
      duration 40 min
      pain "Photo rejected" /* ask why */
      idea "Check photos in the browser"
    }
    touchpoint Wait { }

    touchpoint Delivery {
      owner    Courier
      emotion  5
      contacts 1
    }
  }
}`;

describe('formatting', () => {
    test('one canonical layout: indentation, one property per line, aligned values and titles, comments kept', async ({ services }) => {
        await format(services, { before: MESSY, after: CANONICAL });
    });

    test('is idempotent', async ({ services }) => {
        await format(services, { before: CANONICAL, after: CANONICAL });
    });

    test('several personas and a redesign: ", " in lists, persona lines aligned with the other values', async ({ services }) => {
        const before = `journey RenewTomorrow "Renew, redesigned"   for Maria ,Tomasz   redesigns   Renew {
stage Apply { touchpoint Online { owner Web emotion   Maria 2 "confused" emotion 4 emotion Tomasz    3
replaces Form ,Upload,  Photo duration 10 min } }
}`;
        const after = `journey RenewTomorrow "Renew, redesigned" for Maria, Tomasz redesigns Renew {
  stage Apply {
    touchpoint Online {
      owner    Web
      emotion  Maria 2 "confused"
      emotion  4
      emotion  Tomasz 3
      replaces Form, Upload, Photo
      duration 10 min
    }
  }
}`;
        await format(services, { before, after });
        await format(services, { before: after, after });
    });

    test('the organisation behind a step: party bodies, with lists, owned notes and evidence, each lined up like the rest', async ({ services }) => {
        const before = `owner Courier   "Parcel courier"   external {circle partner
gives "Delivers"   gets    "A fee" link   Comms    "Sends status" }
owner Comms "Communications" { }
stakeholder   Regulator    "Policy unit" { circle wider  gives "The rules" }
journey J { stage S { touchpoint T { owner Comms with Courier ,Regulator
evidence   "A letter" support   Comms    "Mail merge" backstage    Courier   "Scans it" support "A tracker" } } }`;
        const after = `owner Courier "Parcel courier" external {
  circle partner
  gives "Delivers"
  gets  "A fee"
  link  Comms "Sends status"
}
owner Comms   "Communications" { }
stakeholder Regulator "Policy unit" {
  circle wider
  gives "The rules"
}
journey J {
  stage S {
    touchpoint T {
      owner    Comms
      with     Courier, Regulator
      evidence "A letter"
      support  Comms "Mail merge"
      backstage Courier "Scans it"
      support  "A tracker"
    }
  }
}`;
        await format(services, { before, after });
        await format(services, { before: after, after });
    });

    test('a range formats only the touchpoint inside it', async ({ services }) => {
        const before = 'journey J {\n  stage S {\n    touchpoint A {owner   X}\n    touchpoint B {owner   X}\n  }\n}';
        const after = 'journey J {\n  stage S {\n    touchpoint A {\n      owner X\n    }\n    touchpoint B {owner   X}\n  }\n}';
        await format(services, { before, after, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 30 } } });
    });

    test.for([['\n'], ['\r\n']])('a range formats its lines exactly as a full format does, and no other line (line ends %j)', async ([eol], { services }) => {
        // The canonical layout with every line's indentation and trailing spaces spoilt, blank lines included.
        const spoilt = CANONICAL.split('\n').map((line, i) => `${['', '\t', ' ', '      '][i % 4]}${line.trim()}${i % 3 === 0 ? '   ' : ''}`);
        const [document] = Object.values(await openWorkspace(services, { 'messy.journey': spoilt.join(eol) }));
        const formatted = TextDocument.applyEdits(document.textDocument, await services.Journey.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: OPTIONS
        })).split(/\r?\n/);
        expect(formatted).toHaveLength(spoilt.length);
        const formatRange = async (first: number, last: number) => {
            const edits = await services.Journey.lsp.Formatter!.formatDocumentRange(document, {
                textDocument: { uri: document.uri.toString() }, options: OPTIONS,
                range: { start: { line: first, character: 0 }, end: { line: last, character: spoilt[last].length } }
            });
            return TextDocument.applyEdits(document.textDocument, edits).split(/\r?\n/);
        };
        for (let first = 0; first < spoilt.length; first++) {
            for (const last of [first, Math.min(first + 4, spoilt.length - 1)]) {
                const expected = spoilt.map((line, i) => first <= i && i <= last ? formatted[i] : line);
                expect(await formatRange(first, last), `lines ${first + 1} to ${last + 1}`).toEqual(expected);
            }
        }
    });

    test('the layout is two spaces whatever indentation options the client sends, comments on their own lines included', async ({ services }) => {
        const withComments = (indent: string) => `journey J {\n${indent}// before the stage\n${indent}stage S {\n`
            + `${indent}${indent}/* a block comment\n${indent}${indent}   on two lines */\n${indent}${indent}touchpoint T {\n`
            + `${indent}${indent}${indent}emotion 3\n${indent}${indent}}\n${indent}}\n}\n`;
        const documents = await openWorkspace(services, { 'messy.journey': MESSY, 'tabs.journey': withComments('\t') });
        for (const options of [{ tabSize: 8, insertSpaces: false }, { tabSize: 4, insertSpaces: true }]) {
            for (const [name, expected] of [['messy.journey', CANONICAL], ['tabs.journey', withComments('  ')]]) {
                const document = documents[name];
                const edits = await services.Journey.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
                expect(TextDocument.applyEdits(document.textDocument, edits), `${name} with ${JSON.stringify(options)}`).toBe(expected);
            }
        }
    });

    test('formatting every bundled example changes nothing', async ({ services }) => {
        const files = await exampleFiles();
        const documents = await openWorkspace(services, files);
        for (const [name, document] of Object.entries(documents)) {
            const edits = await services.Journey.lsp.Formatter!.formatDocument(document, {
                textDocument: { uri: document.uri.toString() }, options: OPTIONS
            });
            expect(TextDocument.applyEdits(document.textDocument, edits), name).toBe(files[name]);
        }
    });
});
