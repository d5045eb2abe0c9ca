import { describe, expect } from 'vitest';
import { AstUtils } from 'langium';
import { clearDocuments } from 'langium/test';
import { isReplacesProperty } from '../../src/language/generated/ast.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { editFile, marked, openWorkspace, summarise, test, uriOf, type TestServices } from '../helpers/services-fixture.js';

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

describe('several personas', () => {
    const PERSONAS = 'persona Tomasz "Commuter"\npersona Ana "Student"\n';

    test('unscored-touchpoint names the personas left without a grade', async ({ services }) => {
        const { text, ranges } = marked(`${PERSONAS}journey Trip for Maria, Tomasz, Ana {
  stage S {
    touchpoint «Form» { owner Web emotion Maria 2 }
    touchpoint «Call» { owner Web }
    touchpoint Post { owner Web emotion 3 emotion Maria 1 }
    touchpoint «Desk» { owner Web emotion Maria 2 emotion Ana 4 }
  }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const trip = documents['trip.journey'];
        expect(summarise(trip)).toEqual(ranges.map(range => `unscored-touchpoint warning ${range}`).sort());
        expect(trip.diagnostics!.map(d => d.message)).toEqual([
            "Touchpoint 'Form' has no emotion grade for Tomasz and Ana: add `emotion Tomasz <1-5>` (a line for each) to say how it feels to them.",
            "Touchpoint 'Call' has no emotion grade for Maria, Tomasz and Ana: add `emotion <1-5>` to say how it feels to them.",
            "Touchpoint 'Desk' has no emotion grade for Tomasz: add `emotion Tomasz <1-5>` to say how it feels to Tomasz."
        ]);
    });

    test('unscored-touchpoint in a journey of one persona names it; in a journey of none, says what it always said', async ({ services }) => {
        const documents = await openWorkspace(services, {
            'organisation.journey': ORGANISATION,
            'trip.journey': 'journey Trip for Maria { stage S { touchpoint Form { owner Web } } }\njourney Other { stage S { touchpoint Form { owner Web } } }'
        });
        expect(documents['trip.journey'].diagnostics!.filter(d => d.code === 'unscored-touchpoint').map(d => d.message)).toEqual([
            "Touchpoint 'Form' has no emotion grade for Maria: add `emotion <1-5>` to say how it feels to Maria.",
            "Touchpoint 'Form' has no emotion grade: add `emotion <1-5>` to say how it feels to the customer."
        ]);
    });

    test('persona-not-in-journey: an error on the persona graded, whether the journey has a for list or none', async ({ services }) => {
        const { text, ranges } = marked(`${PERSONAS}journey Trip for Maria, Tomasz {
  stage S { touchpoint A { owner Web emotion 3 emotion «Ana» 2 } }
}
journey Other {
  stage S { touchpoint A { owner Web emotion 3 emotion «Ana» 2 } }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const trip = documents['trip.journey'];
        expect(summarise(trip).filter(d => !d.startsWith('missing-persona'))).toEqual(ranges.map(range => `persona-not-in-journey error ${range}`));
        expect(trip.diagnostics!.filter(d => d.code === 'persona-not-in-journey').map(d => d.message)).toEqual([
            "Persona 'Ana' is not one of the personas of journey 'Trip' (Maria and Tomasz): add it to the journey's `for` list, or grade one of them.",
            "Persona 'Ana' is not a persona of journey 'Other', which names none: add `for Ana` to the journey."
        ]);
    });

    test('a persona declared nowhere is a linking error only', async ({ services }) => {
        const { text, ranges } = marked('journey Trip for Maria { stage S { touchpoint A { owner Web emotion 3 emotion «Nobody» 2 } } }');
        expect(await diagnosticsOf(services, text)).toEqual([`linking-error error ${ranges[0]}`]);
    });

    test('duplicate-property: the shared emotion line twice, or one persona graded twice; one line per persona is fine', async ({ services }) => {
        const { text, ranges } = marked(`${PERSONAS}journey Trip for Maria, Tomasz {
  stage S {
    touchpoint A {
      owner Web
      emotion Maria 2
      emotion 4
      emotion Tomasz 3
      «emotion Maria 3 "again"»
      «emotion 5»
    }
  }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const trip = documents['trip.journey'];
        expect(summarise(trip).filter(d => !d.startsWith('unused'))).toEqual(ranges.map(range => `duplicate-property error ${range}`));
        expect(trip.diagnostics!.filter(d => d.code === 'duplicate-property').map(d => d.message)).toEqual([
            "Touchpoint 'A' grades Maria more than once: keep one `emotion Maria` line.",
            "Touchpoint 'A' gives `emotion` more than once: keep one."
        ]);
    });
});

describe('redesigns', () => {
    const TODAY = `journey Renew "Renew a passport" for Maria {
  stage Apply {
    touchpoint Form { owner Web emotion 2 }
    touchpoint Upload { owner Web emotion 1 }
  }
}
`;

    test('a redesign of a journey in another file, its steps replacing steps of that journey: no diagnostic', async ({ services }) => {
        const tomorrow = 'journey RenewTomorrow for Maria redesigns Renew {\n  stage Apply { touchpoint Online { owner Web emotion 4 replaces Form, Upload } }\n}\n';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'today.journey': TODAY, 'tomorrow.journey': tomorrow });
        expect(summarise(documents['today.journey'])).toEqual([]);
        expect(summarise(documents['tomorrow.journey'])).toEqual([]);
        const [replaces] = AstUtils.streamAst(documents['tomorrow.journey'].parseResult.value).filter(isReplacesProperty);
        expect(replaces.steps.map(step => `${AstUtils.getDocument(step.ref!).uri.path} ${step.ref!.$container.$container.name}.${step.ref!.name}`))
            .toEqual(['/workspace/today.journey Renew.Form', '/workspace/today.journey Renew.Upload']);
    });

    test('replaces naming a step the journey of today does not have: a linking error that says so', async ({ services }) => {
        const { text, ranges } = marked(`${TODAY}journey RenewTomorrow for Maria redesigns Renew {
  stage Apply { touchpoint Online { owner Web emotion 4 replaces Form, «Frm» } }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual([`linking-error error ${ranges[0]}`]);
        expect(documents['trip.journey'].diagnostics![0].message)
            .toBe("Journey 'Renew' has no step 'Frm': `replaces` names touchpoints of the journey this one redesigns.");
    });

    test('replaces only knows the steps of the journey redesigned, not those of the redesign or of other journeys', async ({ services }) => {
        const { text, ranges } = marked(`${TODAY}journey Other for Maria { stage S { touchpoint Call { owner Web emotion 3 } } }
journey RenewTomorrow for Maria redesigns Renew {
  stage Apply { touchpoint Online { owner Web emotion 4 replaces «Call», «Online» } }
}`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `linking-error error ${range}`));
    });

    test('replaces-without-redesign: an error on `replaces`, and no linking error for its steps', async ({ services }) => {
        const { text, ranges } = marked(`${TODAY}journey Other for Maria {
  stage Apply { touchpoint Online { owner Web emotion 4 «replaces» Form, Nothing } }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual([`replaces-without-redesign error ${ranges[0]}`]);
        expect(documents['trip.journey'].diagnostics![0].message).toBe("Touchpoint 'Online' replaces steps of the journey of today, but journey 'Other' "
            + 'redesigns none: add `redesigns <journey>` to the journey, or remove `replaces`.');
    });

    test('a redesign of a journey declared nowhere: one linking error, on `redesigns`, none for the steps it replaces', async ({ services }) => {
        const { text, ranges } = marked(`journey RenewTomorrow for Maria redesigns «Renw» {
  stage Apply { touchpoint Online { owner Web emotion 4 replaces Form, Upload } }
}`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual([`linking-error error ${ranges[0]}`]);
        expect(documents['trip.journey'].diagnostics![0].message)
            .toBe("Journey 'Renw' is not declared in any .journey file of the workspace: `redesigns` names the journey of today that this one redesigns.");
    });

    test('redesign-cycle: a journey that redesigns itself, or two that redesign each other, across files', async ({ services }) => {
        const first = marked(`journey Itself for Maria redesigns «Itself» { stage S { touchpoint A { owner Web emotion 3 } } }
journey Renew for Maria redesigns «RenewTomorrow» { stage S { touchpoint A { owner Web emotion 3 } } }
journey Later for Maria redesigns Renew { stage S { touchpoint A { owner Web emotion 3 } } }`);
        const second = marked('journey RenewTomorrow for Maria redesigns «Renew» { stage S { touchpoint A { owner Web emotion 3 } } }');
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'first.journey': first.text, 'second.journey': second.text });
        expect(summarise(documents['first.journey'])).toEqual(first.ranges.map(range => `redesign-cycle error ${range}`));
        expect(summarise(documents['second.journey'])).toEqual(second.ranges.map(range => `redesign-cycle error ${range}`));
        expect([...documents['first.journey'].diagnostics!, ...documents['second.journey'].diagnostics!].map(d => d.message)).toEqual([
            "Journey 'Itself' redesigns itself: `redesigns` names the journey of today that this one changes.",
            'Renew redesigns RenewTomorrow, which redesigns Renew: redesigns cannot go round in a circle; remove one of these `redesigns`.',
            'RenewTomorrow redesigns Renew, which redesigns RenewTomorrow: redesigns cannot go round in a circle; remove one of these `redesigns`.'
        ]);
    });

    test('redesign-cycle goes away from both files when one of them no longer redesigns the other', async ({ services }) => {
        const first = 'journey Renew for Maria redesigns RenewTomorrow { stage S { touchpoint A { owner Web emotion 3 } } }';
        const second = 'journey RenewTomorrow for Maria redesigns Renew { stage S { touchpoint A { owner Web emotion 3 } } }';
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'first.journey': first, 'second.journey': second });
        expect(summarise(documents['second.journey'])).toEqual(['redesign-cycle error 1:43-1:48']);
        await editFile(services, 'first.journey', first.replace(' redesigns RenewTomorrow', ''));
        expect(summarise(services.shared.workspace.LangiumDocuments.getDocument(uriOf('first.journey'))!)).toEqual([]);
        expect(summarise(services.shared.workspace.LangiumDocuments.getDocument(uriOf('second.journey'))!)).toEqual([]);
    });

    test('redesign-personas-differ: a warning on the for list naming the difference, or on the name with no for list', async ({ services }) => {
        const { text, ranges } = marked(`persona Tomasz "Commuter"
persona Ana "Student"
journey Renew for Maria, Tomasz { stage S { touchpoint A { owner Web emotion 3 } } }
journey Same for Tomasz, Maria redesigns Renew { stage S { touchpoint A { owner Web emotion 3 } } }
journey Fewer for «Maria, Ana» redesigns Renew { stage S { touchpoint A { owner Web emotion 3 } } }
journey «None» redesigns Renew { stage S { touchpoint A { owner Web emotion 3 } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        const trip = documents['trip.journey'];
        expect(summarise(trip).filter(d => d.startsWith('redesign'))).toEqual(ranges.map(range => `redesign-personas-differ warning ${range}`));
        expect(trip.diagnostics!.filter(d => d.code === 'redesign-personas-differ').map(d => d.message)).toEqual([
            "Journey 'Fewer' is not for the personas of 'Renew', which it redesigns: Tomasz only in 'Renew'; Ana only in 'Fewer'. Their grades have nothing to compare with.",
            "Journey 'None' is not for the personas of 'Renew', which it redesigns: Maria and Tomasz only in 'Renew'. Their grades have nothing to compare with."
        ]);
    });
});

describe('the organisation behind the touchpoints', () => {
    test('redundant-with: a warning on a party of with that is the touchpoint\'s owner, or named twice', async ({ services }) => {
        const { text, ranges } = marked(`journey Trip for Maria { stage S {
  touchpoint A { owner Web with Desk, «Web» emotion 3 }
  touchpoint B { owner Web with Courier, Desk, «Courier» emotion 3 }
  touchpoint C { with «Desk», Courier emotion 3 owner Desk }
} }`);
        expect(await diagnosticsOf(services, text)).toEqual(ranges.map(range => `redundant-with warning ${range}`));
        await clearDocuments(services.shared);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(documents['trip.journey'].diagnostics!.map(d => d.message)).toEqual([
            "'Web' is the owner of touchpoint 'A' already: `with` names the others taking part; remove it.",
            "'Courier' is named more than once in the `with` of touchpoint 'B': remove it.",
            "'Desk' is the owner of touchpoint 'C' already: `with` names the others taking part; remove it."
        ]);
    });

    test('stakeholders and owners in with, link and note owners resolve across files; one set of names for both', async ({ services }) => {
        const organisation = `${ORGANISATION}stakeholder Family "Relatives" { circle wider link Desk "Calls" }
owner Records "Records team" { circle core gives "The file" gets "Requests" link Family "Writes to" }
`;
        const trip = `journey Trip for Maria { stage S { touchpoint A {
  owner Web with Family, Desk, Courier emotion 3 backstage Records "Finds the file" support Records "A database"
} } }`;
        const documents = await openWorkspace(services, { 'organisation.journey': organisation, 'trip.journey': trip });
        expect(summarise(documents['trip.journey'])).toEqual([]);
        expect(summarise(documents['organisation.journey'])).toEqual(['unused-declaration hint 4:9-4:16', 'unused-declaration hint 5:9-5:15']);
        const clash = await openWorkspace(services, { 'more.journey': 'stakeholder Desk "Another desk"' });
        expect(summarise(clash['more.journey'])).toEqual(['duplicate-name error 1:13-1:17', 'unused-declaration hint 1:13-1:17']);
    });

    test('linking-error: a party of with or link, or a note\'s owner, declared nowhere, saying how to declare it', async ({ services }) => {
        const { text, ranges } = marked(`stakeholder Family { link «Ghost» "Haunts" }
journey Trip for Maria { stage S { touchpoint A { owner Web with Family, «Nobody» emotion 3 backstage «Casework» "Checks" } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual(ranges.map(range => `linking-error error ${range}`).sort());
        expect(documents['trip.journey'].diagnostics!.map(d => d.message)).toEqual([
            "'Ghost' is not declared as an owner or a stakeholder in any .journey file of the workspace: declare it with `stakeholder Ghost \"<who>\"` "
                + '(or `owner Ghost "<team>"` if it delivers touchpoints) or use a declared one.',
            "'Nobody' is not declared as an owner or a stakeholder in any .journey file of the workspace: declare it with `stakeholder Nobody \"<who>\"` "
                + '(or `owner Nobody "<team>"` if it delivers touchpoints) or use a declared one.',
            "Owner 'Casework' is not declared in any .journey file of the workspace: declare it with `owner Casework \"<team>\"` or use a declared owner."
        ]);
    });

    test('self-link, unknown-circle and a second circle: errors at the party linked, the circle\'s word and the repeated line', async ({ services }) => {
        const { text, ranges } = marked(`owner Records {
  link Web "Sends files"
  link «Records» "Files itself"
}
stakeholder Family {
  circle «inner»
}
stakeholder Union {
  circle partner
  «circle wider»
}
journey Trip for Maria { stage S { touchpoint A { owner Records with Family, Union emotion 3 } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual([
            `self-link error ${ranges[0]}`, `unknown-circle error ${ranges[1]}`, `duplicate-property error ${ranges[2]}`
        ].sort());
        expect(documents['trip.journey'].diagnostics!.map(d => d.message)).toEqual([
            "Owner 'Records' links to itself: a `link` names another owner or stakeholder.",
            "Unknown circle 'inner': use one of core (delivers the service: the organisation's own teams), "
                + 'partner (delivers with the organisation: suppliers, couriers, agencies), wider (shapes the experience from outside: regulators, family, employers).',
            "Stakeholder 'Union' gives `circle` more than once: keep one."
        ]);
    });

    test('unused-declaration: a stakeholder no journey and no link names, as an owner', async ({ services }) => {
        const { text, ranges } = marked(`stakeholder «Regulator» "Policy unit"
stakeholder Family "Relatives" { link Press "Talks to" }
stakeholder Press "Local newspaper"
owner «Legal» "Legal team" { link Family "Advises" }
journey Trip for Maria { stage S { touchpoint A { owner Web with Family emotion 3 } } }`);
        const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'trip.journey': text });
        expect(summarise(documents['trip.journey'])).toEqual(ranges.map(range => `unused-declaration hint ${range}`));
        expect(documents['trip.journey'].diagnostics![0].message).toBe("Stakeholder 'Regulator' is not used by any journey or link in the workspace: use it or remove it.");
    });
});
