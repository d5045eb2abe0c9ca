import {
    AstUtils, MultiMap, UriUtils, type AstNode, type AstNodeDescription, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import {
    isChannel, isOwner, isPersona, type Channel, type ContactsProperty, type DurationProperty, type EmotionProperty, type Journey,
    type JourneyMapsAstType, type JourneyFile, type Owner, type Persona, type Stakeholder, type PersonaField, type Stage, type Touchpoint
} from '../generated/ast.js';
import { describeScale, gradeOf, isValidGrade, MAX_GRADE, MIN_GRADE } from '../../map/vocabulary/grades.js';
import { DURATION_UNITS, isDurationUnit } from '../../map/vocabulary/durations.js';
import type { JourneyServices } from '../journey-module.js';
import { toValidationSeverity } from '../journey-settings.js';
import { propertyOf, touchpointFacts } from '../touchpoint-properties.js';
import { defaultSeverity, IssueCodes, withCode } from './issue-codes.js';
import { firstControlCharacter } from '../../map/control-characters.js';
import { formatCount } from '../../map/format.js';

/**
 * Register custom validation checks.
 */
export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    // The registry calls each check with `this` bound to the validator, register's second argument.
    /* eslint-disable @typescript-eslint/unbound-method */
    const checks: ValidationChecks<JourneyMapsAstType> = {
        AstNode: validator.checkControlCharacters,
        JourneyFile: [validator.checkUniqueWorkspaceNames, validator.checkUsedDeclarations],
        Persona: validator.checkSingleValuedPersonaFields,
        Journey: [validator.checkPersona, validator.checkUniqueNamesInJourney, validator.checkSteepDrops],
        Stage: validator.checkStageNotEmpty,
        Touchpoint: [validator.checkOwnerAndGrade, validator.checkSingleValuedProperties, validator.checkLowMomentOfTruth],
        EmotionProperty: validator.checkGradeRange,
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
     * pass over the file's declarations and one over the workspace index, whatever the number of names.
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
        for (const description of this.#services.shared.workspace.IndexManager.allElements()) {
            const key = declarationKey(description.type, description.name);
            if (here.has(key) && !UriUtils.equals(description.documentUri, uri)) {
                elsewhere.add(key, description);
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
     * An owner, channel or persona that no journey uses is clutter on the map (or a forgotten reference).
     * The workspace's references are read once for the whole file.
     */
    checkUsedDeclarations(file: JourneyFile, accept: ValidationAcceptor): void {
        const declarations = file.declarations.filter((declaration): declaration is Owner | Channel | Persona =>
            (isOwner(declaration) || isChannel(declaration) || isPersona(declaration)) && Boolean(declaration.name));
        if (declarations.length === 0) {
            return;
        }
        const referenced = this.#services.shared.workspace.IndexManager.referencedPaths(AstUtils.getDocument(file).uri);
        const locator = this.#services.workspace.AstNodeLocator;
        for (const declaration of declarations) {
            if (!referenced.has(locator.getAstNodePath(declaration))) {
                const kind = KIND_LABELS[declaration.$type];
                accept(defaultSeverity(IssueCodes.UnusedDeclaration), `${kind} '${declaration.name}' is not used by any journey in the workspace: use it or remove it.`, {
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
        if (facts.emotions.length === 0 && gradeSeverity) {
            accept(gradeSeverity, `Touchpoint '${touchpoint.name}' has no emotion grade: add \`emotion <${MIN_GRADE}-${MAX_GRADE}>\` to say how it feels to the customer.`, {
                node: touchpoint, property: 'name', ...withCode(IssueCodes.UnscoredTouchpoint)
            });
        }
    }

    /** A moment of truth graded 1 or 2 is a critical low point; without an `idea`, nothing is planned for it. */
    async checkLowMomentOfTruth(touchpoint: Touchpoint, accept: ValidationAcceptor): Promise<void> {
        const facts = touchpointFacts(touchpoint);
        const grade = facts.emotions[0]?.grade;
        if (!facts.momentOfTruth || grade === undefined || !isValidGrade(grade) || gradeOf(grade).sentiment !== 'negative' || facts.notes.some(note => note.kind === 'idea')) {
            return;
        }
        if ((await this.#services.settings.JourneySettings.insights()).diagnostics) {
            accept(defaultSeverity(IssueCodes.LowMomentOfTruth), `Touchpoint '${touchpoint.name}' is a moment of truth graded ${grade} (${gradeOf(grade).meaning}) with no \`idea\`: add one to say how to improve it.`, {
                node: touchpoint, property: 'name', ...withCode(IssueCodes.LowMomentOfTruth)
            });
        }
    }

    /** A fall of 3 or more grades from one touchpoint to the next deserves a `pain` saying why. */
    async checkSteepDrops(journey: Journey, accept: ValidationAcceptor): Promise<void> {
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints).map(touchpoint => ({ touchpoint, facts: touchpointFacts(touchpoint) }));
        const drops = touchpoints.slice(1).filter((next, i) => {
            const before = touchpoints[i].facts.emotions[0]?.grade;
            const after = next.facts.emotions[0]?.grade;
            return before !== undefined && after !== undefined && isValidGrade(before) && isValidGrade(after)
                && before - after >= 3 && !next.facts.notes.some(note => note.kind === 'pain');
        });
        if (drops.length === 0 || !(await this.#services.settings.JourneySettings.insights()).diagnostics) {
            return;
        }
        for (const { touchpoint, facts } of drops) {
            const previous = touchpoints[touchpoints.findIndex(t => t.touchpoint === touchpoint) - 1];
            accept(defaultSeverity(IssueCodes.SteepDrop), `The grade falls from ${previous.facts.emotions[0].grade} to ${facts.emotions[0].grade} at touchpoint '${touchpoint.name}': add a \`pain\` saying what goes wrong.`, {
                node: facts.emotions[0], property: 'grade', ...withCode(IssueCodes.SteepDrop)
            });
        }
    }

    checkSingleValuedProperties(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const property of touchpoint.properties) {
            const { single, label } = propertyOf(property);
            if (!single) {
                continue;
            }
            if (seen.has(property.$type)) {
                accept(defaultSeverity(IssueCodes.DuplicateProperty), `Touchpoint '${touchpoint.name}' gives \`${label}\` more than once: keep one.`, {
                    node: property, ...withCode(IssueCodes.DuplicateProperty)
                });
            }
            seen.add(property.$type);
        }
    }

    /**
     * A control character in a text (ESC, BEL, a form feed...) is a command on a terminal, not text: it is
     * escaped in messages and replaced in exports, so say so where it is written. Every text of the language
     * is a string property (names cannot hold one).
     */
    checkControlCharacters(node: AstNode, accept: ValidationAcceptor): void {
        for (const [property, value] of Object.entries(node)) {
            const character = typeof value === 'string' && property.charCodeAt(0) !== 36 /* $ */ ? firstControlCharacter(value) : undefined;
            if (character) {
                accept(defaultSeverity(IssueCodes.ControlCharacter), `This text holds the control character ${character}: remove it (on a terminal it would be a command; exports replace it).`, {
                    node, property, ...withCode(IssueCodes.ControlCharacter)
                });
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

    // A missing value is a parsing error already; these checks judge only values that were written.
    checkGradeRange(emotion: EmotionProperty, accept: ValidationAcceptor): void {
        if (emotion.grade !== undefined && !isValidGrade(emotion.grade)) {
            accept(defaultSeverity(IssueCodes.EmotionOutOfRange), `Emotion grade ${emotion.grade} is outside the scale: use a whole number from ${MIN_GRADE} to ${MAX_GRADE} (${describeScale()}).`, {
                node: emotion, property: 'grade', ...withCode(IssueCodes.EmotionOutOfRange)
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
