import { describe, expect } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, test as servicesTest } from '../helpers/services-fixture.js';

/** Items in the order the editor shows them (by sortText, then label), as `label — detail`. */
function shown(list: CompletionList): string[] {
    return [...list.items]
        .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label))
        .map((item: CompletionItem) => item.detail ? `${item.label} — ${item.detail}` : item.label);
}

/**
 * `itemsAt(text)`: the items completed at the `<|>` of a text, in a workspace where a second file declares
 * what the journey under test uses.
 */
const test = servicesTest.extend('itemsAt', async ({ services }) => {
    await openWorkspace(services, { 'organisation.journey': ORGANISATION });
    const complete = expectCompletion(services.Journey);
    return async (text: string): Promise<string[]> => {
        let items: string[] = [];
        await complete({ text, index: 0, assert: list => { items = shown(list); } });
        return items;
    };
});

const PERSONAS = 'persona Tomasz "Commuter"\npersona Ana "Student"\n';

const TODAY = `journey Renew "Renew a passport" for Maria {
  stage Apply "Applying" { touchpoint Form "Fills in the form" touchpoint Upload }
  stage Receive { touchpoint Letter "Gets a letter" }
}
`;

describe('inside a touchpoint', () => {
    test('every property, the ones a map most needs first', async ({ itemsAt }) => {
        const items = await itemsAt('journey J for Maria { stage S { touchpoint T { <|> } } }');
        expect(items.map(i => i.split(' — ')[0])).toEqual([
            'owner', 'with', 'emotion', 'channel', 'duration', 'contacts', 'pain', 'idea', 'backstage', 'quote', 'support', 'evidence', 'moment of truth'
        ]);
        expect(items[0]).toBe('owner — who delivers this touchpoint');
    });

    test('only the single-valued properties it does not have yet; notes always', async ({ itemsAt }) => {
        const items = await itemsAt(`journey J for Maria { stage S { touchpoint T {
  owner Web
  emotion 3
  moment of truth
  pain "x"
  <|>
} } }`);
        expect(items.map(i => i.split(' — ')[0])).toEqual(['with', 'channel', 'duration', 'contacts', 'pain', 'idea', 'backstage', 'quote', 'support', 'evidence']);
    });

    test('emotion again while a persona of the journey has no line of its own', async ({ itemsAt }) => {
        const names = async (body: string) => (await itemsAt(`${PERSONAS}journey J for Maria, Tomasz { stage S { touchpoint T { ${body} <|> } } }`))
            .map(i => i.split(' — ')[0]).filter(name => name === 'emotion');
        expect(await names('emotion 3')).toEqual(['emotion']);
        expect(await names('emotion 3 emotion Maria 2')).toEqual(['emotion']);
        expect(await names('emotion Tomasz 3 emotion Maria 2')).toEqual([]);
    });

    test('replaces, in a redesign only', async ({ itemsAt }) => {
        const items = await itemsAt(`${TODAY}journey J for Maria redesigns Renew { stage S { touchpoint T { owner Web <|> } } }`);
        expect(items.map(i => i.split(' — ')[0])).toEqual([
            'with', 'emotion', 'channel', 'duration', 'contacts', 'pain', 'idea', 'backstage', 'quote', 'support', 'evidence', 'moment of truth', 'replaces'
        ]);
        expect(items.at(-1)).toBe('replaces — in a redesign: the steps of today it takes the place of');
    });
});

describe('after a keyword that takes a reference', () => {
    test('owner: every owner of the workspace, with its title', async ({ itemsAt }) => {
        expect(await itemsAt('journey J for Maria { stage S { touchpoint T { owner <|> } } }'))
            .toEqual(['Courier — Parcel courier (external)', 'Desk — Front desk', 'Web — Digital services team']);
    });

    test('channel: every channel of the workspace, with its title', async ({ itemsAt }) => {
        expect(await itemsAt('journey J for Maria { stage S { touchpoint T { channel <|> } } }'))
            .toEqual(['Letter — Post', 'Website — Online service']);
    });

    test('for: every persona, including one declared in the same file', async ({ itemsAt }) => {
        expect(await itemsAt('persona Ana "Student"\njourney J for <|>'))
            .toEqual(['Ana — Student', 'Maria — Busy parent']);
    });

    test('for, after a comma: every persona', async ({ itemsAt }) => {
        expect(await itemsAt(`${PERSONAS}journey J for Maria, <|>`)).toEqual(['Ana — Student', 'Maria — Busy parent', 'Tomasz — Commuter']);
    });

    test('redesigns: every other journey of the workspace, with its title', async ({ itemsAt }) => {
        expect(await itemsAt(`${TODAY}journey Other "Another one" for Maria { }\njourney J "Tomorrow" for Maria redesigns <|>`))
            .toEqual(['Other — Another one', 'Renew — Renew a passport']);
    });

    test('replaces: the steps of the journey redesigned (not its own), with their titles and stages', async ({ itemsAt }) => {
        const steps = ['Form — Fills in the form (stage Applying)', 'Letter — Gets a letter (stage Receive)', 'Upload — Upload (stage Applying)'];
        expect(await itemsAt(`journey J for Maria redesigns Renew { stage S { touchpoint T { replaces <|> } } }\n${TODAY}`)).toEqual(steps);
        expect(await itemsAt(`journey J for Maria redesigns Renew { stage S { touchpoint T { replaces Form, <|> } } }\n${TODAY}`)).toEqual(steps);
    });

    test('a prefix narrows the owners', async ({ itemsAt }) => {
        const items = await itemsAt('journey J for Maria { stage S { touchpoint T { owner We<|> } } }');
        expect(items).toEqual(['Web — Digital services team']);
    });
});

describe('the organisation behind the touchpoints', () => {
    const FAMILY = 'stakeholder Family "Relatives"\n';

    test('with: the owners and stakeholders of the workspace, not the touchpoint\'s owner nor those listed already', async ({ itemsAt }) => {
        expect(await itemsAt(`${FAMILY}journey J for Maria { stage S { touchpoint T { with <|> } } }`))
            .toEqual(['Courier — Parcel courier (external)', 'Desk — Front desk', 'Family — Relatives', 'Web — Digital services team']);
        expect(await itemsAt(`${FAMILY}journey J for Maria { stage S { touchpoint T { owner Web with Desk, <|> } } }`))
            .toEqual(['Courier — Parcel courier (external)', 'Family — Relatives']);
    });

    test('the owner of a backstage or support note: the owners; link: every other owner and stakeholder', async ({ itemsAt }) => {
        const owners = ['Courier — Parcel courier (external)', 'Desk — Front desk', 'Web — Digital services team'];
        expect(await itemsAt(`${FAMILY}journey J for Maria { stage S { touchpoint T { backstage <|> } } }`)).toEqual(owners);
        expect(await itemsAt(`${FAMILY}journey J for Maria { stage S { touchpoint T { support W<|> } } }`)).toEqual(['Web — Digital services team']);
        expect(await itemsAt(`${FAMILY}owner Records "Records team" { link <|> }`))
            .toEqual(['Courier — Parcel courier (external)', 'Desk — Front desk', 'Family — Relatives', 'Web — Digital services team']);
    });

    test('in an owner\'s or a stakeholder\'s body: its fields, circle once; after circle, the circles with their meaning', async ({ itemsAt }) => {
        const fields = [
            'circle — its circle on the stakeholder map: core, partner, wider',
            'gives — what it does for the customer (may repeat)',
            'gets — what it gets in return (may repeat)',
            'link — a relationship with another owner or stakeholder (may repeat)'
        ];
        expect(await itemsAt('owner Records { <|> }')).toEqual(fields);
        expect(await itemsAt('stakeholder Family { gives "Lifts" <|> }')).toEqual(fields);
        expect(await itemsAt('stakeholder Family { circle wider <|> }')).toEqual(fields.slice(1));
        expect(await itemsAt('stakeholder Family { circle <|> }')).toEqual([
            "core — delivers the service: the organisation's own teams",
            'partner — delivers with the organisation: suppliers, couriers, agencies',
            'wider — shapes the experience from outside: regulators, family, employers'
        ]);
    });
});

describe('values', () => {
    test('emotion: the journey\'s persona, then the grades 1 to 5 with their meaning', async ({ itemsAt }) => {
        expect(await itemsAt('journey J for Maria { stage S { touchpoint T { emotion <|> } } }')).toEqual([
            'Maria — Busy parent', '1 — very negative', '2 — negative', '3 — neutral', '4 — positive', '5 — very positive'
        ]);
    });

    test('emotion in a journey of several personas: those of its for list only, not every persona declared', async ({ itemsAt }) => {
        const items = await itemsAt(`${PERSONAS}journey J for Maria, Tomasz { stage S { touchpoint T { emotion <|> } } }`);
        expect(items).toEqual(['Maria — Busy parent', 'Tomasz — Commuter', '1 — very negative', '2 — negative', '3 — neutral', '4 — positive', '5 — very positive']);
    });

    test('after a persona\'s name: the grades', async ({ itemsAt }) => {
        expect(await itemsAt(`${PERSONAS}journey J for Maria, Tomasz { stage S { touchpoint T { emotion Tomasz <|> } } }`)).toEqual([
            '1 — very negative', '2 — negative', '3 — neutral', '4 — positive', '5 — very positive'
        ]);
    });

    test('after a duration number: the units', async ({ itemsAt }) => {
        expect(await itemsAt('journey J for Maria { stage S { touchpoint T { duration 5 <|> } } }')).toEqual([
            's — seconds', 'min — minutes', 'h — hours', 'd — days', 'w — weeks'
        ]);
    });
});

describe('keywords only where the grammar allows them', () => {
    test('at the top level: the five declarations', async ({ itemsAt }) => {
        expect((await itemsAt('<|>')).map(i => i.split(' — ')[0]).sort()).toEqual(['channel', 'journey', 'owner', 'persona', 'stakeholder']);
    });

    test('in a journey: goal, description and stage; in a stage: touchpoint', async ({ itemsAt }) => {
        expect((await itemsAt('journey J for Maria { <|> }')).map(i => i.split(' — ')[0]).sort()).toEqual(['description', 'goal', 'stage']);
        expect((await itemsAt('journey J for Maria { stage S { <|> } }')).map(i => i.split(' — ')[0])).toEqual(['touchpoint']);
    });

    test('in a persona: its fields', async ({ itemsAt }) => {
        expect((await itemsAt('persona P { <|> }')).map(i => i.split(' — ')[0]).sort()).toEqual(['goal', 'ideal', 'need', 'today']);
    });
});
