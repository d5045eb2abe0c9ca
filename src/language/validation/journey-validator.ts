import {
    AstUtils, GrammarUtils, MultiMap, UriUtils, type AstNode, type AstNodeDescription, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import { DiagnosticTag, type Range } from 'vscode-languageserver';
import {
    isChannel, isJourney, isOwner, isPersona, isStakeholder, type Channel, type ContactsProperty, type DurationProperty, type EmotionProperty, type Journey,
    type JourneyMapsAstType, type JourneyFile, type Owner, type Party, type PartyField, type Persona, type PersonaField, type ReplacesProperty,
    type Stage, type Stakeholder, type Touchpoint, type WithProperty
} from '../generated/ast.js';
import { CIRCLES, isCircle } from '../../map/vocabulary/circles.js';
import { describeScale, gradeOf, isValidGrade, MAX_GRADE, MIN_GRADE } from '../../map/vocabulary/grades.js';
import { DURATION_UNITS, isDurationUnit } from '../../map/vocabulary/durations.js';
import type { JourneyServices } from '../journey-module.js';
import { toValidationSeverity } from '../journey-settings.js';
import { gradesByPersona, personaNames, propertyOf, touchpointFacts, type TouchpointFacts } from '../touchpoint-properties.js';
import { defaultSeverity, IssueCodes, withCode } from './issue-codes.js';
import { firstControlCharacter, hasControlCharacter } from '../../map/control-characters.js';
import { formatCount, formatList } from '../../map/format.js';

/**
 * Register custom validation checks.
 */
export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    // The registry calls each check with `this` bound to the validator, register's second argument.
    /* eslint-disable @typescript-eslint/unbound-method */
    const checks: ValidationChecks<JourneyMapsAstType> = {
        JourneyFile: [validator.checkControlCharacters, validator.checkUniqueWorkspaceNames, validator.checkUsedDeclarations],
        Persona: validator.checkSingleValuedPersonaFields,
        Owner: validator.checkSingleCircle,
        Stakeholder: validator.checkSingleCircle,
        PartyField: [validator.checkCircle, validator.checkLinkToItself],
        WithProperty: validator.checkWithParties,
        Journey: [validator.checkPersona, validator.checkRedesign, validator.checkUniqueNamesInJourney, validator.checkSteepDrops],
        Stage: validator.checkStageNotEmpty,
        Touchpoint: [validator.checkOwnerAndGrade, validator.checkSingleValuedProperties, validator.checkLowMomentOfTruth],
        EmotionProperty: [validator.checkGradeRange, validator.checkPersonaInJourney],
        ReplacesProperty: validator.checkReplacesInRedesign,
        ContactsProperty: validator.checkContacts,
        DurationProperty: validator.checkDuration
    };
    /* eslint-enable @typescript-eslint/unbound-method */
    registry.register(checks, validator);
}

type WorkspaceDeclaration = Owner | Stakeholder | Channel | Persona | Journey;

const KIND_LABELS: Record<WorkspaceDeclaration['$type'], string> = {
    Owner: 'Owner',
    Stakeholder: 'Stakeholder',
    Channel: 'Channel',
    Persona: 'Persona',
    Journey: 'Journey'
};

const SINGLE_VALUED_PERSONA_FIELDS: ReadonlySet<PersonaField['kind']> = new Set(['goal', 'today', 'ideal']);

/**
 * Implementation of custom validations. Stateless: everything a check needs comes from the node,
 * the workspace index or the settings.
 */
export class JourneyValidator {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        this.#services = services;
    }

    /**
     * Owners, channels, personas and journeys are visible workspace-wide, so their names must be too. One
     * pass over the file's declarations, and the index's declarations of each of their names.
     */
    checkUniqueWorkspaceNames(file: JourneyFile, accept: ValidationAcceptor): void {
        const here = new MultiMap<string, WorkspaceDeclaration>();
        for (const declaration of file.declarations) {
            if (declaration.name) {
                here.add(declarationKey(declaration.$type, declaration.name), declaration);
            }
        }
        if (here.size === 0) {
            return;
        }
        const uri = AstUtils.getDocument(file).uri;
        const elsewhere = new MultiMap<string, AstNodeDescription>();
        const index = this.#services.shared.workspace.IndexManager;
        for (const name of new Set(here.values().map(declaration => declaration.name))) {
            for (const description of index.elementsNamed(name)) {
                const key = declarationKey(description.type, description.name);
                if (here.has(key) && !UriUtils.equals(description.documentUri, uri)) {
                    elsewhere.add(key, description);
                }
            }
        }
        for (const [key, declarations] of here.entriesGroupedByKey()) {
            const otherFiles = elsewhere.get(key).map(other =>
                `${UriUtils.basename(other.documentUri)}${other.nameSegment ? ` line ${other.nameSegment.range.start.line + 1}` : ''}`);
            declarations.forEach((declaration, i) => {
                // In one file only the later ones are flagged, each naming the first; every one names the other files.
                const where = i > 0 ? [`line ${lineOf(declarations[0])}`, ...otherFiles] : otherFiles;
                if (where.length === 0) {
                    return;
                }
                const kind = KIND_LABELS[declaration.$type];
                accept(defaultSeverity(IssueCodes.DuplicateName), `${kind} '${declaration.name}' is declared more than once (also at ${listSome(where)}): give each ${kind.toLowerCase()} its own name.`, {
                    node: declaration, property: 'name', ...withCode(IssueCodes.DuplicateName)
                });
            });
        }
    }

    /**
     * An owner, stakeholder, channel or persona that nothing uses (no journey, no `link` of another party)
     * is clutter on the map (or a forgotten reference). The workspace's references are read once for the
     * whole file.
     */
    checkUsedDeclarations(file: JourneyFile, accept: ValidationAcceptor): void {
        const declarations = file.declarations.filter((declaration): declaration is Owner | Stakeholder | Channel | Persona =>
            (isOwner(declaration) || isStakeholder(declaration) || isChannel(declaration) || isPersona(declaration)) && Boolean(declaration.name));
        if (declarations.length === 0) {
            return;
        }
        const referenced = this.#services.shared.workspace.IndexManager.referencedPaths(AstUtils.getDocument(file).uri);
        const locator = this.#services.workspace.AstNodeLocator;
        for (const declaration of declarations) {
            if (!referenced.has(locator.getAstNodePath(declaration))) {
                const kind = KIND_LABELS[declaration.$type];
                const by = isOwner(declaration) || isStakeholder(declaration) ? 'any journey or link' : 'any journey';
                accept(defaultSeverity(IssueCodes.UnusedDeclaration), `${kind} '${declaration.name}' is not used by ${by} in the workspace: use it or remove it.`, {
                    node: declaration, property: 'name', ...withCode(IssueCodes.UnusedDeclaration),
                    tags: [DiagnosticTag.Unnecessary]
                });
            }
        }
    }

    checkPersona(journey: Journey, accept: ValidationAcceptor): void {
        if (journey.personas.length === 0) {
            accept(defaultSeverity(IssueCodes.MissingPersona), `Journey '${journey.name}' has no persona: add \`for <persona>\` to say whose journey it is.`, {
                node: journey, property: 'name', ...withCode(IssueCodes.MissingPersona)
            });
        }
    }

    /**
     * A redesign names the journey of today it changes: never itself, nor a journey that (through others)
     * redesigns it; and it is for the same personas, whose grades it is compared by.
     */
    checkRedesign(journey: Journey, accept: ValidationAcceptor): void {
        const current = journey.redesigns?.ref;
        if (!current) {
            return;
        }
        const cycle = redesignCycle(journey);
        if (cycle) {
            const message = cycle.length === 1
                ? `Journey '${journey.name}' redesigns itself: \`redesigns\` names the journey of today that this one changes.`
                : `${cycle[0].name} redesigns ${cycle.slice(1).map(next => next.name).concat(journey.name).join(', which redesigns ')}: `
                    + 'redesigns cannot go round in a circle; remove one of these `redesigns`.';
            accept(defaultSeverity(IssueCodes.RedesignCycle), message, { node: journey, property: 'redesigns', ...withCode(IssueCodes.RedesignCycle) });
            return;
        }
        const mine = new Set(journey.personas.map(persona => persona.$refText));
        const theirs = new Set(current.personas.map(persona => persona.$refText));
        const onlyThere = [...theirs].filter(name => !mine.has(name));
        const onlyHere = [...mine].filter(name => !theirs.has(name));
        if (onlyThere.length === 0 && onlyHere.length === 0) {
            return;
        }
        const differences = [
            ...(onlyThere.length > 0 ? [`${formatList(onlyThere)} only in '${current.name}'`] : []),
            ...(onlyHere.length > 0 ? [`${formatList(onlyHere)} only in '${journey.name}'`] : [])
        ];
        accept(defaultSeverity(IssueCodes.RedesignPersonasDiffer), `Journey '${journey.name}' is not for the personas of '${current.name}', which it redesigns: `
            + `${differences.join('; ')}. Their grades have nothing to compare with.`, {
            node: journey, ...personaListOrName(journey), ...withCode(IssueCodes.RedesignPersonasDiffer)
        });
    }

    /** Stages and touchpoints are named per journey (one journey may reuse another's names). */
    checkUniqueNamesInJourney(journey: Journey, accept: ValidationAcceptor): void {
        this.#reportDuplicates(journey.stages, 'Stage', `journey '${journey.name}'`, accept);
        this.#reportDuplicates(journey.stages.flatMap(stage => stage.touchpoints), 'Touchpoint', `journey '${journey.name}'`, accept);
    }

    #reportDuplicates(nodes: (Stage | Touchpoint)[], kind: string, scope: string, accept: ValidationAcceptor): void {
        const byName = new MultiMap<string, Stage | Touchpoint>();
        for (const node of nodes) {
            if (node.name) {
                byName.add(node.name, node);
            }
        }
        for (const [name, sameName] of byName.entriesGroupedByKey()) {
            const [first, ...later] = sameName;
            for (const duplicate of later) {
                accept(defaultSeverity(IssueCodes.DuplicateName), `${kind} '${name}' is declared more than once in ${scope} (first at line ${lineOf(first)}): give each ${kind.toLowerCase()} its own name.`, {
                    node: duplicate, property: 'name', ...withCode(IssueCodes.DuplicateName)
                });
            }
        }
    }

    checkStageNotEmpty(stage: Stage, accept: ValidationAcceptor): void {
        if (stage.touchpoints.length === 0) {
            accept(defaultSeverity(IssueCodes.EmptyStage), `Stage '${stage.name}' has no touchpoints: add a \`touchpoint\` or remove the stage.`, {
                node: stage, property: 'name', ...withCode(IssueCodes.EmptyStage)
            });
        }
    }

    /** The two holes a journey map exists to expose: nobody delivers it, nobody knows how it feels. */
    async checkOwnerAndGrade(touchpoint: Touchpoint, accept: ValidationAcceptor): Promise<void> {
        const settings = await this.#services.settings.JourneySettings.validation();
        const facts = touchpointFacts(touchpoint);
        const ownerSeverity = toValidationSeverity(settings.missingOwner);
        if (!facts.owner && ownerSeverity) {
            accept(ownerSeverity, `Touchpoint '${touchpoint.name}' has no owner: add \`owner <name>\` to say who delivers it.`, {
                node: touchpoint, property: 'name', ...withCode(IssueCodes.MissingOwner)
            });
        }
        const gradeSeverity = toValidationSeverity(settings.unscoredTouchpoint);
        const message = gradeSeverity && unscoredMessage(touchpoint, facts);
        if (message) {
            accept(gradeSeverity, message, { node: touchpoint, property: 'name', ...withCode(IssueCodes.UnscoredTouchpoint) });
        }
    }

    /** A moment of truth graded 1 or 2 (for any persona) is a critical low point; without an `idea`, nothing is planned for it. */
    async checkLowMomentOfTruth(touchpoint: Touchpoint, accept: ValidationAcceptor): Promise<void> {
        const facts = touchpointFacts(touchpoint);
        if (!facts.momentOfTruth || facts.notes.some(note => note.kind === 'idea')) {
            return;
        }
        const personas = personaNames(touchpoint.$container.$container);
        const lows = [...gradesByPersona(facts, personas)].filter(([, { grade }]) => isValidGrade(grade) && gradeOf(grade).sentiment === 'negative');
        if (lows.length === 0 || !(await this.#services.settings.JourneySettings.insights()).diagnostics) {
            return;
        }
        const graded = lows.map(([persona, { grade }]) => `${grade} (${gradeOf(grade).meaning})${personas.length > 1 ? ` for ${persona}` : ''}`);
        accept(defaultSeverity(IssueCodes.LowMomentOfTruth), `Touchpoint '${touchpoint.name}' is a moment of truth graded ${formatList(graded)} with no \`idea\`: add one to say how to improve it.`, {
            node: touchpoint, property: 'name', ...withCode(IssueCodes.LowMomentOfTruth)
        });
    }

    /**
     * A fall of 3 or more grades from one touchpoint to the next (for any persona) deserves a `pain` saying
     * why. One diagnostic per `emotion` line fallen to, naming each persona whose grade falls there.
     */
    async checkSteepDrops(journey: Journey, accept: ValidationAcceptor): Promise<void> {
        const personas = personaNames(journey);
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints)
            .map(touchpoint => { const facts = touchpointFacts(touchpoint); return { touchpoint, facts, grades: gradesByPersona(facts, personas) }; });
        const drops: { touchpoint: Touchpoint, line: EmotionProperty, falls: string[] }[] = [];
        touchpoints.slice(1).forEach((next, i) => {
            if (next.facts.notes.some(note => note.kind === 'pain')) {
                return;
            }
            const falls = new MultiMap<EmotionProperty, string>();
            for (const [persona, line] of next.grades) {
                const before = touchpoints[i].grades.get(persona)?.grade;
                if (before !== undefined && isValidGrade(before) && isValidGrade(line.grade) && before - line.grade >= 3) {
                    falls.add(line, `from ${before} to ${line.grade}${personas.length > 1 ? ` for ${persona}` : ''}`);
                }
            }
            for (const [line, fall] of falls.entriesGroupedByKey()) {
                drops.push({ touchpoint: next.touchpoint, line, falls: fall });
            }
        });
        if (drops.length === 0 || !(await this.#services.settings.JourneySettings.insights()).diagnostics) {
            return;
        }
        for (const { touchpoint, line, falls } of drops) {
            accept(defaultSeverity(IssueCodes.SteepDrop), `The grade falls ${formatList(falls)} at touchpoint '${touchpoint.name}': add a \`pain\` saying what goes wrong.`, {
                node: line, property: 'grade', ...withCode(IssueCodes.SteepDrop)
            });
        }
    }

    /** A single-valued property given twice; for `emotion`, the shared line or the same persona's line given twice. */
    checkSingleValuedProperties(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const property of touchpoint.properties) {
            const { single, label } = propertyOf(property);
            const persona = property.$type === 'EmotionProperty' ? property.persona?.$refText : undefined;
            if (!single && property.$type !== 'EmotionProperty') {
                continue;
            }
            const key = persona === undefined ? property.$type : `${property.$type} ${persona}`;
            if (seen.has(key)) {
                const message = persona === undefined
                    ? `Touchpoint '${touchpoint.name}' gives \`${label}\` more than once: keep one.`
                    : `Touchpoint '${touchpoint.name}' grades ${persona} more than once: keep one \`emotion ${persona}\` line.`;
                accept(defaultSeverity(IssueCodes.DuplicateProperty), message, { node: property, ...withCode(IssueCodes.DuplicateProperty) });
            }
            seen.add(key);
        }
    }

    /**
     * A control character in a text (ESC, BEL, a form feed...) is a command on a terminal, not text: it is
     * escaped in messages and replaced in exports, so say so where it is written. Every text of the language
     * is a string property (names cannot hold one). The file's whole text is searched first: most hold
     * none, and a search of each node's texts was a tenth of the time of a file's checks.
     */
    checkControlCharacters(file: JourneyFile, accept: ValidationAcceptor): void {
        if (!hasControlCharacter(file.$cstNode?.root.fullText ?? '')) {
            return;
        }
        for (const node of AstUtils.streamAst(file)) {
            for (const [property, value] of Object.entries(node)) {
                const character = typeof value === 'string' && property.charCodeAt(0) !== 36 /* $ */ ? firstControlCharacter(value) : undefined;
                if (character) {
                    accept(defaultSeverity(IssueCodes.ControlCharacter), `This text holds the control character ${character}: remove it (on a terminal it would be a command; exports replace it).`, {
                        node, property, ...withCode(IssueCodes.ControlCharacter)
                    });
                }
            }
        }
    }

    checkSingleValuedPersonaFields(persona: Persona, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const field of persona.fields) {
            if (SINGLE_VALUED_PERSONA_FIELDS.has(field.kind) && seen.has(field.kind)) {
                accept(defaultSeverity(IssueCodes.DuplicateProperty), `Persona '${persona.name}' gives \`${field.kind}\` more than once: keep one.`, {
                    node: field, ...withCode(IssueCodes.DuplicateProperty)
                });
            }
            seen.add(field.kind);
        }
    }

    /** `with` names the others taking part: not the touchpoint's own owner, and each party once. */
    checkWithParties(withProperty: WithProperty, accept: ValidationAcceptor): void {
        const touchpoint = withProperty.$container;
        const owner = touchpointFacts(touchpoint).owner?.owner?.$refText;
        const seen = new Set<string>();
        withProperty.parties.forEach((party, index) => {
            const name = party.$refText;
            const message = name === owner
                ? `'${name}' is the owner of touchpoint '${touchpoint.name}' already: \`with\` names the others taking part; remove it.`
                : seen.has(name) ? `'${name}' is named more than once in the \`with\` of touchpoint '${touchpoint.name}': remove it.` : undefined;
            if (message) {
                accept(defaultSeverity(IssueCodes.RedundantWith), message, { node: withProperty, property: 'parties', index, ...withCode(IssueCodes.RedundantWith) });
            }
            seen.add(name);
        });
    }

    /** A party is on one circle of the stakeholder map. */
    checkSingleCircle(party: Party, accept: ValidationAcceptor): void {
        party.fields.filter(field => field.kind === 'circle').slice(1).forEach(field => {
            accept(defaultSeverity(IssueCodes.DuplicateProperty), `${KIND_LABELS[party.$type]} '${party.name}' gives \`circle\` more than once: keep one.`, {
                node: field, ...withCode(IssueCodes.DuplicateProperty)
            });
        });
    }

    checkCircle(field: PartyField, accept: ValidationAcceptor): void {
        if (field.kind === 'circle' && field.circle && !isCircle(field.circle)) {
            const circles = CIRCLES.map(({ circle, detail }) => `${circle} (${detail})`).join(', ');
            accept(defaultSeverity(IssueCodes.UnknownCircle), `Unknown circle '${field.circle}': use one of ${circles}.`, {
                node: field, property: 'circle', ...withCode(IssueCodes.UnknownCircle)
            });
        }
    }

    /** A `link` describes a relationship with another party. */
    checkLinkToItself(field: PartyField, accept: ValidationAcceptor): void {
        const party = field.$container;
        if (field.kind === 'link' && field.party?.$refText === party.name) {
            accept(defaultSeverity(IssueCodes.SelfLink), `${KIND_LABELS[party.$type]} '${party.name}' links to itself: a \`link\` names another owner or stakeholder.`, {
                node: field, property: 'party', ...withCode(IssueCodes.SelfLink)
            });
        }
    }

    // A missing value is a parsing error already; these checks judge only values that were written.
    checkGradeRange(emotion: EmotionProperty, accept: ValidationAcceptor): void {
        if (emotion.grade !== undefined && !isValidGrade(emotion.grade)) {
            accept(defaultSeverity(IssueCodes.EmotionOutOfRange), `Emotion grade ${emotion.grade} is outside the scale: use a whole number from ${MIN_GRADE} to ${MAX_GRADE} (${describeScale()}).`, {
                node: emotion, property: 'grade', ...withCode(IssueCodes.EmotionOutOfRange)
            });
        }
    }

    /** `emotion Ana 3` grades Ana in this journey: she must be one of its personas. */
    checkPersonaInJourney(emotion: EmotionProperty, accept: ValidationAcceptor): void {
        const persona = emotion.persona;
        const journey = persona?.ref && AstUtils.getContainerOfType(emotion, isJourney);
        if (!persona || !journey) {
            return;
        }
        const personas = journey.personas.map(reference => reference.$refText);
        if (personas.includes(persona.$refText)) {
            return;
        }
        const message = personas.length > 0
            ? `Persona '${persona.$refText}' is not one of the personas of journey '${journey.name}' (${formatList(personas)}): add it to the journey's \`for\` list, or grade one of them.`
            : `Persona '${persona.$refText}' is not a persona of journey '${journey.name}', which names none: add \`for ${persona.$refText}\` to the journey.`;
        accept(defaultSeverity(IssueCodes.PersonaNotInJourney), message, { node: emotion, property: 'persona', ...withCode(IssueCodes.PersonaNotInJourney) });
    }

    /** `replaces` names steps of the journey of today, which only a redesign has. */
    checkReplacesInRedesign(replaces: ReplacesProperty, accept: ValidationAcceptor): void {
        const journey = AstUtils.getContainerOfType(replaces, isJourney);
        if (journey && !journey.redesigns) {
            accept(defaultSeverity(IssueCodes.ReplacesWithoutRedesign), `Touchpoint '${replaces.$container.name}' replaces steps of the journey of today, but journey '${journey.name}' `
                + 'redesigns none: add `redesigns <journey>` to the journey, or remove `replaces`.', {
                node: replaces, keyword: 'replaces', ...withCode(IssueCodes.ReplacesWithoutRedesign)
            });
        }
    }

    checkContacts(contacts: ContactsProperty, accept: ValidationAcceptor): void {
        if (contacts.count !== undefined && (!Number.isInteger(contacts.count) || contacts.count < 0)) {
            accept(defaultSeverity(IssueCodes.InvalidMeasure), `Contacts must be a whole number of 0 or more, not ${contacts.count}.`, {
                node: contacts, property: 'count', ...withCode(IssueCodes.InvalidMeasure)
            });
        }
    }

    checkDuration(duration: DurationProperty, accept: ValidationAcceptor): void {
        if (duration.amount !== undefined && duration.amount < 0) {
            accept(defaultSeverity(IssueCodes.InvalidMeasure), `A duration cannot be negative (${duration.amount}).`, {
                node: duration, property: 'amount', ...withCode(IssueCodes.InvalidMeasure)
            });
        }
        if (duration.unit && !isDurationUnit(duration.unit)) {
            const units = Object.entries(DURATION_UNITS).map(([unit, { label }]) => `${unit} (${label})`).join(', ');
            accept(defaultSeverity(IssueCodes.InvalidMeasure), `Unknown duration unit '${duration.unit}': use one of ${units}.`, {
                node: duration, property: 'unit', ...withCode(IssueCodes.InvalidMeasure)
            });
        }
    }
}

/**
 * The journeys from this one round to the journey that redesigns it again (`[journey]` when it redesigns
 * itself); undefined when its redesigns end, or go round in a circle it is not part of.
 */
function redesignCycle(journey: Journey): Journey[] | undefined {
    const chain = [journey];
    const seen = new Set(chain);
    for (let next = journey.redesigns?.ref; next; next = next.redesigns?.ref) {
        if (next === journey) {
            return chain;
        }
        if (seen.has(next)) {
            return undefined;
        }
        chain.push(next);
        seen.add(next);
    }
    return undefined;
}

/** Where a diagnostic about a journey's personas goes: its `for` list, or its name when it has none. */
function personaListOrName(journey: Journey): { range: Range } | { property: 'name' } {
    const personas = GrammarUtils.findNodesForProperty(journey.$cstNode, 'personas');
    return personas.length > 0 ? { range: { start: personas[0].range.start, end: personas.at(-1)!.range.end } } : { property: 'name' };
}

/** What `unscored-touchpoint` says of a touchpoint: the personas it leaves without a grade; undefined when none. */
function unscoredMessage(touchpoint: Touchpoint, facts: TouchpointFacts): string | undefined {
    // A line for no persona in particular grades every persona (and a journey that names none).
    if (facts.emotions.some(emotion => !emotion.persona)) {
        return undefined;
    }
    const personas = [...new Set(personaNames(touchpoint.$container.$container))];
    const grades = gradesByPersona(facts, personas);
    const scale = `<${MIN_GRADE}-${MAX_GRADE}>`;
    if (personas.length === 0) {
        return grades.size === 0
            ? `Touchpoint '${touchpoint.name}' has no emotion grade: add \`emotion ${scale}\` to say how it feels to the customer.`
            : undefined;
    }
    const ungraded = personas.filter(persona => !grades.has(persona));
    if (ungraded.length === 0) {
        return undefined;
    }
    const whom = ungraded.length === 1 ? ungraded[0] : 'them';
    // With some personas graded by lines of their own, the others need theirs; otherwise one shared line grades all.
    const add = grades.size === 0 ? `emotion ${scale}` : `emotion ${ungraded[0]} ${scale}`;
    return `Touchpoint '${touchpoint.name}' has no emotion grade for ${formatList(ungraded)}: add \`${add}\`${grades.size > 0 && ungraded.length > 1 ? ' (a line for each)' : ''} `
        + `to say how it feels to ${whom}.`;
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Owners and stakeholders share one set of names: a `with` or a `link` names either. */
function declarationKey(type: string, name: string): string {
    return `${type === 'Stakeholder' ? 'Owner' : type} ${name}`;
}

/** Places named in a message: the first three, and how many more. */
function listSome(places: string[]): string {
    const shown = 3;
    return places.length <= shown ? places.join(', ') : `${places.slice(0, shown).join(', ')} and ${formatCount(places.length - shown)} more`;
}
