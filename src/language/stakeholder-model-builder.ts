import type { LangiumDocument } from 'langium';
import type { LinkModel, StakeholderModel } from '../map/model.js';
import { defaultCircle, isCircle } from '../map/vocabulary/circles.js';
import { isStakeholder, type Journey, type Owner, type Stakeholder } from './generated/ast.js';
import { locate } from './source-location.js';
import { touchpointFacts } from './touchpoint-properties.js';

type Party = Owner | Stakeholder;

/**
 * The parties of a journey's stakeholder map: every owner and stakeholder its touchpoints name (the owner,
 * `with`, the owner of a backstage or support note), in the order of first mention, then the parties they
 * link to that the journey does not name (one step out: a link names who matters to a party of the journey,
 * not the whole organisation).
 */
export function journeyStakeholders(journey: Journey, document: LangiumDocument): StakeholderModel[] {
    const parties: Party[] = [];
    const seen = new Set<Party>();
    const add = (party: Party | undefined): void => {
        if (party && !seen.has(party)) {
            seen.add(party);
            parties.push(party);
        }
    };
    for (const stage of journey.stages) {
        for (const touchpoint of stage.touchpoints) {
            const facts = touchpointFacts(touchpoint);
            add(facts.owner?.owner?.ref);
            facts.with?.parties.forEach(party => add(party.ref));
            facts.notes.forEach(note => add(note.owner?.ref));
        }
    }
    for (const party of [...parties]) {
        for (const field of party.fields) {
            if (field.kind === 'link') {
                add(field.party?.ref);
            }
        }
    }
    return parties.map(party => stakeholderModel(party, document));
}

/** A party as the stakeholder map draws it: its circle (declared or by default), gives, gets and links. */
export function stakeholderModel(party: Party, document: LangiumDocument): StakeholderModel {
    const kind = isStakeholder(party) ? 'stakeholder' : 'owner';
    const external = !isStakeholder(party) && party.external;
    const declared = party.fields.find(field => field.kind === 'circle' && isCircle(field.circle ?? ''))?.circle;
    const texts = (wanted: 'gives' | 'gets') => party.fields.filter(field => field.kind === wanted && field.text !== undefined).map(field => field.text!);
    const links = party.fields.flatMap((field): LinkModel[] => {
        const to = field.kind === 'link' ? field.party?.ref : undefined;
        return to && field.text !== undefined ? [{ to: to.name, text: field.text, source: locate(field, document) }] : [];
    });
    return {
        name: party.name,
        title: party.title ?? party.name,
        kind,
        external,
        circle: declared !== undefined && isCircle(declared) ? declared : defaultCircle(kind, external),
        gives: texts('gives'),
        gets: texts('gets'),
        links,
        source: locate(party, document)
    };
}
