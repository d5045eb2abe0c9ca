import type { LangiumDocument } from 'langium';
import type {
    EmotionModel, JourneyDocumentModel, JourneyModel, MapProblem, NoteModel, OwnerModel, PartyRefModel, PersonaModel, StageModel,
    TouchpointModel
} from '../map/model.js';
import { isJourney, isStakeholder, type Journey, type JourneyFile, type Owner, type Persona, type Stage, type Touchpoint } from './generated/ast.js';
import { gradeOf, isValidGrade } from '../map/vocabulary/grades.js';
import { durationInMinutes } from '../map/vocabulary/durations.js';
import { summarise } from '../map/summary.js';
import { diagnosticMessage } from './diagnostic-message.js';
import { gradesByPersona, touchpointFacts } from './touchpoint-properties.js';
import { journeyStakeholders } from './stakeholder-model-builder.js';
import { locate } from './source-location.js';

/**
 * The view model of a document's journeys, computed from its validated AST: the one model that the
 * preview, the exports and the CLI draw. Titles fall back to names; only valid grades count. Should the
 * model fail to build (a bug: the language tests it on random texts), it has no journeys and says so among
 * its problems, so that every view keeps its last good map under the error banner.
 */
export function buildDocumentModel(document: LangiumDocument): JourneyDocumentModel {
    const root = document.parseResult.value as JourneyFile;
    const problems: MapProblem[] = (document.diagnostics ?? [])
        .filter(diagnostic => diagnostic.severity === 1)
        .map(diagnostic => ({
            line: diagnostic.range.start.line,
            character: diagnostic.range.start.character,
            message: diagnosticMessage(diagnostic),
            code: diagnostic.code === undefined ? undefined : String(diagnostic.code)
        }));
    let journeys: JourneyModel[];
    try {
        journeys = root.declarations.filter(isJourney).map(journey => buildJourneyModel(journey, document));
    } catch (error) {
        journeys = [];
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        problems.push({ line: 0, character: 0, message: `The map cannot be drawn from this text (${reason}). Please report this, with the file if you can.` });
    }
    return { uri: document.uri.toString(), version: document.textDocument.version, journeys, problems };
}

/**
 * A journey's model. For a redesign, the model of the journey of today it redesigns comes with it
 * (`current`), one level deep: a redesign of a redesign compares with its own journey of today only.
 */
export function buildJourneyModel(journey: Journey, document: LangiumDocument, withCurrent = true): JourneyModel {
    const personas = journey.personas.map(persona => persona.ref).filter(persona => persona !== undefined);
    const names = personas.map(persona => persona.name);
    let index = 0;
    const stages: StageModel[] = journey.stages.map(stage => ({
        name: stage.name,
        title: stage.title ?? stage.name,
        touchpoints: stage.touchpoints.map(touchpoint => buildTouchpointModel(touchpoint, stage, index++, document, names)),
        source: locate(stage, document)
    }));
    const current = withCurrent ? journey.redesigns?.ref : undefined;
    return {
        name: journey.name,
        title: journey.title ?? journey.name,
        goal: journey.goal,
        description: journey.description,
        accessibleTitle: journey.accessibleTitle,
        personas: personas.map(persona => buildPersonaModel(persona, document)),
        redesigns: journey.redesigns?.$refText,
        current: current && current !== journey ? buildJourneyModel(current, document, false) : undefined,
        stages,
        summary: summarise(stages, names),
        stakeholders: journeyStakeholders(journey, document),
        source: locate(journey, document)
    };
}

function buildPersonaModel(persona: Persona, document: LangiumDocument): PersonaModel {
    const field = (kind: 'goal' | 'today' | 'ideal') => persona.fields.find(f => f.kind === kind)?.text;
    return {
        name: persona.name,
        title: persona.title ?? persona.name,
        goal: field('goal'),
        today: field('today'),
        ideal: field('ideal'),
        // While the user types, a `need` may have no text yet.
        needs: persona.fields.filter(f => f.kind === 'need' && f.text !== undefined).map(f => f.text),
        source: locate(persona, document)
    };
}

/** A touchpoint's model; `personas`: the names of the journey's personas, whose grades it carries. */
export function buildTouchpointModel(touchpoint: Touchpoint, stage: Stage, index: number, document: LangiumDocument,
    personas: readonly string[]): TouchpointModel {
    const facts = touchpointFacts(touchpoint);
    // While the user types, an `owner` may have no name yet: no reference at all.
    const owner = facts.owner?.owner?.ref;
    const channel = facts.channel?.channel?.ref;
    const duration = facts.duration;
    const emotions: EmotionModel[] = [];
    for (const [persona, { grade, feeling }] of gradesByPersona(facts, personas)) {
        if (isValidGrade(grade)) {
            emotions.push({ ...(persona === undefined ? {} : { persona }), grade, feeling, meaning: gradeOf(grade).meaning });
        }
    }
    return {
        name: touchpoint.name,
        title: touchpoint.title ?? touchpoint.name,
        index,
        stage: stage.name,
        momentOfTruth: facts.momentOfTruth !== undefined,
        owner: owner && ownerModel(owner),
        ownerSource: facts.owner && locate(facts.owner, document),
        channel: channel && { name: channel.name, title: channel.title ?? channel.name },
        channelSource: facts.channel && locate(facts.channel, document),
        with: (facts.with?.parties ?? []).map(party => party.ref).filter(party => party !== undefined).map((party): PartyRefModel => ({
            name: party.name, title: party.title ?? party.name, external: isStakeholder(party) ? false : party.external, kind: isStakeholder(party) ? 'stakeholder' : 'owner'
        })),
        emotions,
        contacts: facts.contacts?.count,
        duration: duration?.amount !== undefined && duration.unit
            ? { amount: duration.amount, unit: duration.unit, minutes: durationInMinutes(duration.amount, duration.unit) }
            : undefined,
        notes: facts.notes.map((note): NoteModel => {
            const by = note.owner?.ref;
            return { kind: note.kind, text: note.text ?? '', ...(by ? { owner: ownerModel(by) } : {}), source: locate(note, document) };
        }),
        replaces: facts.replaces?.steps.map(step => step.$refText) ?? [],
        source: locate(touchpoint, document)
    };
}

function ownerModel(owner: Owner): OwnerModel {
    return { name: owner.name, title: owner.title ?? owner.name, external: owner.external };
}
