import { AstUtils, DefaultScopeProvider, type AstNodeDescription, type ReferenceInfo } from 'langium';
import { describe, expect } from 'vitest';
import { openWorkspace, test } from '../helpers/services-fixture.js';

/** A description as the linker sees it: which declaration, in which file. */
function where(description: AstNodeDescription | undefined): string | undefined {
    return description && `${description.type} ${description.name} ${description.documentUri.path} ${description.path}`;
}

describe('scopes by name are Langium\'s scopes', () => {
    test('every reference, through getElement, getElements and getAllElements, with names declared twice here and elsewhere', async ({ services }) => {
        const documents = await openWorkspace(services, {
            'organisation.journey': 'owner Web "Digital"\nowner Desk\nchannel Phone\npersona Maria\n',
            'trip.journey': `owner Desk "Our own desk"
owner Desk "Declared twice"
channel Post
persona Maria "Here too"
journey Trip for Maria {
  stage S {
    touchpoint A { owner Desk channel Phone }
    touchpoint B { owner Web channel Post }
    touchpoint C { owner Nobody channel Nowhere }
  }
}
journey Other for Nobody { stage T { touchpoint D { owner Desk } } }
`
        });
        const ours = services.Journey.references.ScopeProvider;
        const langium = new DefaultScopeProvider(services.Journey);
        const references: ReferenceInfo[] = [];
        for (const node of AstUtils.streamAst(documents['trip.journey'].parseResult.value)) {
            references.push(...AstUtils.streamReferences(node));
        }
        expect(references).toHaveLength(9);
        for (const reference of references) {
            const name = reference.reference.$refText;
            const [a, b] = [ours.getScope(reference), langium.getScope(reference)];
            expect(where(a.getElement(name))).toBe(where(b.getElement(name)));
            expect(a.getElements(name).map(where).toArray()).toEqual(b.getElements(name).map(where).toArray());
            expect(a.getAllElements().map(where).toArray()).toEqual(b.getAllElements().map(where).toArray());
        }
        // The file's own declaration comes first: the Desk of trip.journey, its first.
        const desk = references.find(r => r.reference.$refText === 'Desk')!;
        expect(where(ours.getScope(desk).getElement('Desk'))).toBe('Owner Desk /workspace/trip.journey /declarations@0');
    });
});
