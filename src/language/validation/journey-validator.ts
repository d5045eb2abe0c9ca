import { AstUtils, diagnosticData, MultiMap, UriUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import type {
    Channel, ContactsProperty, DurationProperty, EmotionProperty, Journey, JourneyAstType, Owner, Persona,
    PersonaField, Stage, Touchpoint
} from '../generated/ast.js';
import { GRADE_MEANINGS, isValidGrade, MAX_GRADE, MIN_GRADE } from '../emotion-scale.js';
import { DURATION_UNITS, isDurationUnit } from '../duration-units.js';
import type { JourneyServices } from '../journey-module.js';
import { toValidationSeverity } from '../journey-settings.js';
import { isSingleValued, SINGLE_VALUED_PROPERTIES, touchpointFacts } from '../touchpoint-properties.js';
import { IssueCodes } from './issue-codes.js';

/**
 * Register custom validation checks.
 */
export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyAstType> = {
        Owner: [validator.checkUniqueWorkspaceName, validator.checkUsed],
        Channel: [validator.checkUniqueWorkspaceName, validator.checkUsed],
        Persona: [validator.checkUniqueWorkspaceName, validator.checkUsed, validator.checkSingleValuedPersonaFields],
        Journey: [validator.checkUniqueWorkspaceName, validator.checkPersona, validator.checkUniqueNamesInJourney, validator.checkSteepDrops],
        Stage: validator.checkStageNotEmpty,
        Touchpoint: [validator.checkOwnerAndGrade, validator.checkSingleValuedProperties, validator.checkLowMomentOfTruth],
        EmotionProperty: validator.checkGradeRange,
        ContactsProperty: validator.checkContacts,
        DurationProperty: validator.checkDuration
    };
    registry.register(checks, validator);
}

type WorkspaceDeclaration = Owner | Channel | Persona | Journey;

const KIND_LABELS: Record<WorkspaceDeclaration['$type'], string> = {
    Owner: 'Owner',
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

    /** Owners, channels, personas and journeys are visible workspace-wide, so their names must be too. */
    checkUniqueWorkspaceName(declaration: WorkspaceDeclaration, accept: ValidationAcceptor): void {
        if (!declaration.name) {
            return;
        }
        const document = AstUtils.getDocument(declaration);
        const earlierInFile = declaration.$container.declarations
            .slice(0, declaration.$container.declarations.indexOf(declaration))
            .find(other => other.$type === declaration.$type && other.name === declaration.name);
        const otherFiles = this.#services.shared.workspace.IndexManager.allElements(declaration.$type)
            .filter(description => description.name === declaration.name
                && !UriUtils.equals(description.documentUri, document.uri))
            .toArray();
        const where: string[] = [];
        if (earlierInFile?.$cstNode) {
            where.push(`line ${earlierInFile.$cstNode.range.start.line + 1}`);
        }
        for (const other of otherFiles) {
            const line = other.nameSegment ? ` line ${other.nameSegment.range.start.line + 1}` : '';
            where.push(`${UriUtils.basename(other.documentUri)}${line}`);
        }
        if (where.length > 0) {
            const kind = KIND_LABELS[declaration.$type];
            accept('error', `${kind} '${declaration.name}' is declared more than once (also at ${where.join(', ')}): give each ${kind.toLowerCase()} its own name.`, {
                node: declaration, property: 'name', code: IssueCodes.DuplicateName, data: diagnosticData(IssueCodes.DuplicateName)
            });
        }
    }

    /** An owner, channel or persona that no journey uses is clutter on the map (or a forgotten reference). */
    checkUsed(declaration: Owner | Channel | Persona, accept: ValidationAcceptor): void {
        if (!declaration.name) {
            return;
        }
        const path = this.#services.workspace.AstNodeLocator.getAstNodePath(declaration);
        const used = !this.#services.shared.workspace.IndexManager.findAllReferences(declaration, path).isEmpty();
        if (!used) {
            const kind = KIND_LABELS[declaration.$type];
            accept('hint', `${kind} '${declaration.name}' is not used by any journey in the workspace: use it or remove it.`, {
                node: declaration, property: 'name', code: IssueCodes.UnusedDeclaration, data: diagnosticData(IssueCodes.UnusedDeclaration),
                tags: [DiagnosticTag.Unnecessary]
            });
        }
    }

    checkPersona(journey: Journey, accept: ValidationAcceptor): void {
        if (!journey.persona) {
            accept('warning', `Journey '${journey.name}' has no persona: add \`for <persona>\` to say whose journey it is.`, {
                node: journey, property: 'name', code: IssueCodes.MissingPersona, data: diagnosticData(IssueCodes.MissingPersona)
            });
        }
    }

    /** Stages and touchpoints are named per journey (one journey may reuse another's names). */
    checkUniqueNamesInJourney(journey: Journey, accept: ValidationAcceptor): void {
        this.#reportDuplicates(journey.stages, 'Stage', `journey '${journey.name}'`, accept);
        this.#reportDuplicates(journey.stages.flatMap(stage => stage.touchpoints), 'Touchpoint', `journey '${journey.name}'`, accept);
    }

    #reportDuplicates(nodes: Array<Stage | Touchpoint>, kind: string, scope: string, accept: ValidationAcceptor): void {
        const byName = new MultiMap<string, Stage | Touchpoint>();
        for (const node of nodes) {
            if (node.name) {
                byName.add(node.name, node);
            }
        }
        for (const [name, sameName] of byName.entriesGroupedByKey()) {
            const [first, ...later] = sameName;
            for (const duplicate of later) {
                accept('error', `${kind} '${name}' is declared more than once in ${scope} (first at line ${lineOf(first)}): give each ${kind.toLowerCase()} its own name.`, {
                    node: duplicate, property: 'name', code: IssueCodes.DuplicateName, data: diagnosticData(IssueCodes.DuplicateName)
                });
            }
        }
    }

    checkStageNotEmpty(stage: Stage, accept: ValidationAcceptor): void {
        if (stage.touchpoints.length === 0) {
            accept('warning', `Stage '${stage.name}' has no touchpoints: add a \`touchpoint\` or remove the stage.`, {
                node: stage, property: 'name', code: IssueCodes.EmptyStage, data: diagnosticData(IssueCodes.EmptyStage)
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
                node: touchpoint, property: 'name', code: IssueCodes.MissingOwner, data: diagnosticData(IssueCodes.MissingOwner)
            });
        }
        const gradeSeverity = toValidationSeverity(settings.unscoredTouchpoint);
        if (!facts.emotion && gradeSeverity) {
            accept(gradeSeverity, `Touchpoint '${touchpoint.name}' has no emotion grade: add \`emotion <${MIN_GRADE}-${MAX_GRADE}>\` to say how it feels to the customer.`, {
                node: touchpoint, property: 'name', code: IssueCodes.UnscoredTouchpoint, data: diagnosticData(IssueCodes.UnscoredTouchpoint)
            });
        }
    }

    /** A moment of truth graded 1 or 2 is a critical low point; without an `idea`, nothing is planned for it. */
    async checkLowMomentOfTruth(touchpoint: Touchpoint, accept: ValidationAcceptor): Promise<void> {
        const facts = touchpointFacts(touchpoint);
        const grade = facts.emotion?.grade;
        if (!facts.momentOfTruth || grade === undefined || !isValidGrade(grade) || grade > 2 || facts.notes.some(note => note.kind === 'idea')) {
            return;
        }
        if ((await this.#services.settings.JourneySettings.insights()).diagnostics) {
            accept('info', `Touchpoint '${touchpoint.name}' is a moment of truth graded ${grade} (${GRADE_MEANINGS[grade]}) with no \`idea\`: add one to say how to improve it.`, {
                node: touchpoint, property: 'name', code: IssueCodes.LowMomentOfTruth, data: diagnosticData(IssueCodes.LowMomentOfTruth)
            });
        }
    }

    /** A fall of 3 or more grades from one touchpoint to the next deserves a `pain` saying why. */
    async checkSteepDrops(journey: Journey, accept: ValidationAcceptor): Promise<void> {
        const touchpoints = journey.stages.flatMap(stage => stage.touchpoints).map(touchpoint => ({ touchpoint, facts: touchpointFacts(touchpoint) }));
        const drops = touchpoints.slice(1).filter((next, i) => {
            const before = touchpoints[i].facts.emotion?.grade;
            const after = next.facts.emotion?.grade;
            return before !== undefined && after !== undefined && isValidGrade(before) && isValidGrade(after)
                && before - after >= 3 && !next.facts.notes.some(note => note.kind === 'pain');
        });
        if (drops.length === 0 || !(await this.#services.settings.JourneySettings.insights()).diagnostics) {
            return;
        }
        for (const { touchpoint, facts } of drops) {
            const previous = touchpoints[touchpoints.findIndex(t => t.touchpoint === touchpoint) - 1];
            accept('info', `The grade falls from ${previous.facts.emotion!.grade} to ${facts.emotion!.grade} at touchpoint '${touchpoint.name}': add a \`pain\` saying what goes wrong.`, {
                node: facts.emotion!, property: 'grade', code: IssueCodes.SteepDrop, data: diagnosticData(IssueCodes.SteepDrop)
            });
        }
    }

    checkSingleValuedProperties(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const property of touchpoint.properties) {
            if (!isSingleValued(property)) {
                continue;
            }
            if (seen.has(property.$type)) {
                const keyword = SINGLE_VALUED_PROPERTIES[property.$type];
                accept('error', `Touchpoint '${touchpoint.name}' gives \`${keyword}\` more than once: keep one.`, {
                    node: property, code: IssueCodes.DuplicateProperty, data: diagnosticData(IssueCodes.DuplicateProperty)
                });
            }
            seen.add(property.$type);
        }
    }

    checkSingleValuedPersonaFields(persona: Persona, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const field of persona.fields) {
            if (SINGLE_VALUED_PERSONA_FIELDS.has(field.kind) && seen.has(field.kind)) {
                accept('error', `Persona '${persona.name}' gives \`${field.kind}\` more than once: keep one.`, {
                    node: field, code: IssueCodes.DuplicateProperty, data: diagnosticData(IssueCodes.DuplicateProperty)
                });
            }
            seen.add(field.kind);
        }
    }

    // A missing value is a parsing error already; these checks judge only values that were written.
    checkGradeRange(emotion: EmotionProperty, accept: ValidationAcceptor): void {
        if (emotion.grade !== undefined && !isValidGrade(emotion.grade)) {
            const scale = Object.entries(GRADE_MEANINGS).map(([grade, meaning]) => `${grade} = ${meaning}`).join(', ');
            accept('error', `Emotion grade ${emotion.grade} is outside the scale: use a whole number from ${MIN_GRADE} to ${MAX_GRADE} (${scale}).`, {
                node: emotion, property: 'grade', code: IssueCodes.EmotionOutOfRange, data: diagnosticData(IssueCodes.EmotionOutOfRange)
            });
        }
    }

    checkContacts(contacts: ContactsProperty, accept: ValidationAcceptor): void {
        if (contacts.count !== undefined && (!Number.isInteger(contacts.count) || contacts.count < 0)) {
            accept('error', `Contacts must be a whole number of 0 or more, not ${contacts.count}.`, {
                node: contacts, property: 'count', code: IssueCodes.InvalidMeasure, data: diagnosticData(IssueCodes.InvalidMeasure)
            });
        }
    }

    checkDuration(duration: DurationProperty, accept: ValidationAcceptor): void {
        if (duration.amount !== undefined && duration.amount < 0) {
            accept('error', `A duration cannot be negative (${duration.amount}).`, {
                node: duration, property: 'amount', code: IssueCodes.InvalidMeasure, data: diagnosticData(IssueCodes.InvalidMeasure)
            });
        }
        if (duration.unit && !isDurationUnit(duration.unit)) {
            const units = Object.entries(DURATION_UNITS).map(([unit, { label }]) => `${unit} (${label})`).join(', ');
            accept('error', `Unknown duration unit '${duration.unit}': use one of ${units}.`, {
                node: duration, property: 'unit', code: IssueCodes.InvalidMeasure, data: diagnosticData(IssueCodes.InvalidMeasure)
            });
        }
    }
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
