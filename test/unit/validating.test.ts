import { describe, expect } from 'vitest';
import { ORGANISATION } from '../helpers/organisation.js';
import { marked, openWorkspace, summarise, test, type TestServices } from '../helpers/services-fixture.js';

/** Diagnostics of one journey file, next to an organisation file that declares what it uses. */
async function diagnosticsOf(services: TestServices, journey: string): Promise<string[]> {
    const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': journey });
    return summarise(documents['trip.journey']);
}

describe('touchpoint completeness', () => {
    test('missing-owner: a warning on the touchpoint name', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint «Form» "Fills in the form" {
      channel Website
      emotion 2
    }
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual([`missing-owner warning ${ranges[0]}`]);
    });

    test('unscored-touchpoint: a warning on the touchpoint name', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint «Form» { owner Web channel Website }
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual([`unscored-touchpoint warning ${ranges[0]}`]);
    });

    test('a touchpoint without a body misses both owner and grade', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint «Call» "Calls the helpline"
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual([
            `missing-owner warning ${ranges[0]}`,
            `unscored-touchpoint warning ${ranges[0]}`
        ]);
    });

    test('the message names the touchpoint and says what to add', async ({ services }) => {
        const documents = await openWorkspace(services, { 'trip.journey': 'journey T { stage S { touchpoint Form { emotion 3 } } }' });
        const message = documents['trip.journey'].diagnostics!.find(d => d.code === 'missing-owner')!.message;
        expect(message).toBe("Touchpoint 'Form' has no owner: add `owner <name>` to say who delivers it.");
    });
});

describe('values', () => {
    test('emotion-out-of-range: an error on the grade, for 0, 6, -1 and 2.5', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint A { owner Web emotion «0» }
    touchpoint B { owner Web emotion «6» "ecstatic" }
    touchpoint C { owner Web emotion «-1» }
    touchpoint D { owner Web emotion «2.5» }
    touchpoint E { owner Web emotion 1 }
    touchpoint F { owner Web emotion 5 }
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `emotion-out-of-range error ${range}`));
    });

    test('invalid-measure: negative or fractional contacts, negative durations, unknown units', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint A { owner Web emotion 3 contacts «-1» }
    touchpoint B { owner Web emotion 3 contacts «1.5» }
    touchpoint C { owner Web emotion 3 duration «-2» min }
    touchpoint D { owner Web emotion 3 duration 2 «hours» }
    touchpoint E { owner Web emotion 3 duration 1.5 h contacts 0 }
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `invalid-measure error ${range}`));
    });

    test('duplicate-property: an error on each repeated single-valued property', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S {
    touchpoint A {
      owner Web
      «owner Desk»
      emotion 3
      «emotion 4 "better"»
      channel Website
      «channel Website»
      contacts 1
      «contacts 2»
      duration 1 h
      «duration 2 h»
      moment of truth
      «moment of truth»
      pain "one"
      pain "two"
      idea "one"
      idea "two"
      backstage "one"
      backstage "two"
    }
  }
}`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `duplicate-property error ${range}`).sort());
    });

    test('duplicate-property also covers persona goal, today and ideal, but not need', async ({ services }) => {
        const { text, ranges } = marked(`persona Ana "Student" {
  goal "Pass"
  «goal "Graduate"»
  need "Money"
  need "Time"
}
journey Trip for Ana { stage S { touchpoint A { owner Web emotion 3 } } }`);
        expect(await diagnosticsOf(services, text)).toEqual([`duplicate-property error ${ranges[0]}`]);
    });

    test('control-character: a warning on every text that holds one, raw or escaped; tab and line break are text', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip «"Title \u001b]0;pwned\u0007"» for Maria {
  stage S «"Stage \\f"» {
    touchpoint A "Tab\\there, a new\\nline, and a raw\ttab" {
      owner Web
      emotion 3 «"fine\u009b2J"»
      pain «"\\0 NUL"»
    }
  }
}`);
        const diagnostics = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const warnings = diagnostics['trip.journey'].diagnostics!.filter(d => d.code === 'control-character');
        expect(summarise(diagnostics['trip.journey'])).toEqual(ranges.map(range => `control-character warning ${range}`).sort());
        expect(warnings.map(d => d.message)).toEqual(['U+001B', 'U+000C', 'U+009B', 'U+0000'].map(character =>
            `This text holds the control character ${character}: remove it (on a terminal it would be a command; exports replace it).`));
    });
});

describe('structure', () => {
    test('empty-stage: a warning on the stage name', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage «Aware» "Becoming aware" { }
  stage Use { touchpoint A { owner Web emotion 3 } }
}`);
        expect(await diagnosticsOf(services, text)).toEqual([`empty-stage warning ${ranges[0]}`]);
    });

    test('missing-persona: a warning on the journey name', async ({ services }) => {
        const { text, ranges } = marked(`journey «Trip» "A trip" {
  stage Use { touchpoint A { owner Web emotion 3 } }
}`);
        expect(await diagnosticsOf(services, text)).toEqual([`missing-persona warning ${ranges[0]}`]);
    });
});

describe('names', () => {
    test('duplicate-name: stages and touchpoints are unique per journey, not across journeys', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria {
  stage S { touchpoint A { owner Web emotion 3 } }
  stage «S» { touchpoint «A» { owner Web emotion 3 } }
}
journey Other for Maria {
  stage S { touchpoint A { owner Web emotion 3 } }
}`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `duplicate-name error ${range}`).sort());
    });

    test('duplicate-name: owners, channels, personas and journeys are unique across the workspace', async ({ services }) => {
        const organisation = marked(`owner «Web» "Digital team"
channel «Website» "Online"
persona «Maria» "Parent"
journey «Trip» for Maria { stage S { touchpoint A { owner Web channel Website emotion 3 } } }`);
        const trip = marked(`owner «Web» "Another web team"
channel «Website» "Another site"
persona «Maria» "Another Maria"
journey «Trip» for Maria { stage S { touchpoint A { owner Web channel Website emotion 3 } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': organisation.text, 'trip.journey': trip.text });
        const duplicates = (name: string) => summarise(documents[name]).filter(d => d.startsWith('duplicate-name'));
        expect(duplicates('organisation.journey')).toEqual(organisation.ranges.map(range => `duplicate-name error ${range}`));
        expect(duplicates('trip.journey')).toEqual(trip.ranges.map(range => `duplicate-name error ${range}`));
        const message = documents['trip.journey'].diagnostics!.find(d => d.code === 'duplicate-name')!.message;
        expect(message).toBe("Owner 'Web' is declared more than once (also at organisation.journey line 1): give each owner its own name.");
    });

    test('duplicate-name in one file: the later declaration is flagged, the first is not', async ({ services }) => {
        const { text, ranges } = marked(`owner Legal "Legal team"
owner «Legal» "Again"
journey Trip for Maria { stage S { touchpoint A { owner Legal emotion 3 } } }`);
        const diagnostics = await diagnosticsOf(services, text);
        expect(diagnostics.filter(d => d.startsWith('duplicate-name'))).toEqual([`duplicate-name error ${ranges[0]}`]);
    });

    test('a same name in different kinds is fine', async ({ services }) => {
        const text = `owner Support "Support team"
channel Support "Support line"
journey Trip for Maria { stage S { touchpoint A { owner Support channel Support emotion 3 } } }`;
        expect(await diagnosticsOf(services, text)).toEqual([]);
    });

    test('unused-declaration: a hint tagged unnecessary on each declaration no journey uses', async ({ services }) => {
        const { text, ranges } = marked(`owner «Legal» "Legal team"
channel «Fax» "Fax machine"
persona «Bob» "Retired"
journey Trip for Maria { stage S { touchpoint A { owner Web emotion 3 } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual(ranges.map(range => `unused-declaration hint ${range}`));
        expect(documents['trip.journey'].diagnostics!.every(d => d.tags?.includes(1))).toBe(true);
        // Courier, Desk, Website and Letter in the organisation file are used by no journey either.
        expect(summarise(documents['organisation.journey'])).toEqual([
            'unused-declaration hint 2:7-2:14',
            'unused-declaration hint 3:7-3:11',
            'unused-declaration hint 4:9-4:16',
            'unused-declaration hint 5:9-5:15'
        ]);
    });
});

describe('linking', () => {
    test('linking-error: an owner, channel or persona declared nowhere, at the reference', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for «Ghost» {
  stage S { touchpoint A { owner «Nobody» channel «Pigeon» emotion 3 } }
}`);
        const documents = await openWorkspace(services, { 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual(ranges.map(range => `linking-error error ${range}`));
        expect(documents['trip.journey'].diagnostics!.map(d => d.message)).toContain(
            "Owner 'Nobody' is not declared in any .journey file of the workspace: declare it with `owner Nobody \"<team>\"` or use a declared owner.");
    });

    test('references resolve across files of the workspace', async ({ services }) => {
        const text = `journey Trip for Maria {
  stage S { touchpoint A { owner Web channel Website emotion 3 } touchpoint B { owner Desk emotion 4 } }
}`;
        expect(await diagnosticsOf(services, text)).toEqual([]);
    });
});

describe('the sample of the language issue', () => {
    test('has no error or warning; the one insight is its low moment of truth with no idea', async ({ services }) => {
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(new URL('../fixtures/renew-passport.journey', import.meta.url), 'utf-8');
        const documents = await openWorkspace(services, { 'renew-passport.journey': text });
        expect(summarise(documents['renew-passport.journey'])).toEqual(['low-moment-of-truth info 32:16-32:20']);
    });
});
