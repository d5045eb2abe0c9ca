import { diagnosticData, type ValidationSeverity } from 'langium';
import { CIRCLES } from '../../map/vocabulary/circles.js';

/** How a diagnostic is shown, as settings, `journey validate` and SARIF name it. */
export type IssueSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface Issue {
    /** Stable: it appears in the editor, in `journey validate` output, in SARIF and in quick fixes. Never rename one. */
    readonly code: string;
    /** The severity unless a setting says otherwise. */
    readonly severity: IssueSeverity;
    /** The setting (package.json's `contributes.configuration`) that changes it, if any. */
    readonly setting?: string;
    /** When it is reported, as one phrase: the README's table and SARIF's rules say it in these words. */
    readonly description: string;
}

/**
 * Every diagnostic users can meet, once: the validator and the parser report them with these codes and
 * severities; SARIF's rules, the settings of package.json and the README's table of diagnostics are
 * checked against this table (test/unit/issue-codes.test.ts).
 */
export const ISSUES = {
    MissingOwner: {
        code: 'missing-owner', severity: 'warning', setting: 'journey.validation.missingOwner',
        description: 'a touchpoint has no `owner`: who delivers this service?'
    },
    UnscoredTouchpoint: {
        code: 'unscored-touchpoint', severity: 'warning', setting: 'journey.validation.unscoredTouchpoint',
        description: 'a touchpoint has no `emotion` grade (for some persona of its journey): a hole in the emotional curve'
    },
    EmotionOutOfRange: { code: 'emotion-out-of-range', severity: 'error', description: 'an emotion grade that is not a whole number from 1 to 5' },
    InvalidMeasure: {
        code: 'invalid-measure', severity: 'error',
        description: 'negative or fractional `contacts`, a negative `duration`, an unknown duration unit'
    },
    LinkingError: {
        code: 'linking-error', severity: 'error',
        description: 'an owner, stakeholder, channel, persona or journey declared in no `.journey` file of the workspace, or a step named by `replaces` that the redesigned journey does not have'
    },
    DuplicateName: {
        code: 'duplicate-name', severity: 'error',
        description: 'two declarations of one kind with one name (workspace-wide for owners and stakeholders, which share their names, channels, personas and journeys; per journey for stages and touchpoints)'
    },
    DuplicateProperty: {
        code: 'duplicate-property', severity: 'error',
        description: 'a single-valued property given twice (touchpoint: owner, with, channel, the shared emotion or one persona\'s, contacts, duration, moment of truth, replaces; persona: goal, today, ideal; owner and stakeholder: circle)'
    },
    EmptyStage: { code: 'empty-stage', severity: 'warning', description: 'a stage with no touchpoints' },
    MissingPersona: { code: 'missing-persona', severity: 'warning', description: 'a journey with no `for <persona>`' },
    PersonaNotInJourney: {
        code: 'persona-not-in-journey', severity: 'error',
        description: 'an `emotion` line grades a declared persona that is not in its journey\'s `for` list'
    },
    RedesignCycle: {
        code: 'redesign-cycle', severity: 'error',
        description: 'a journey that redesigns itself, or redesigns that go round in a circle (A redesigns B, which redesigns A)'
    },
    RedesignPersonasDiffer: {
        code: 'redesign-personas-differ', severity: 'warning',
        description: 'a redesign that is not for the same personas as the journey it redesigns: some grades have nothing to compare with'
    },
    ReplacesWithoutRedesign: {
        code: 'replaces-without-redesign', severity: 'error',
        description: '`replaces` in a journey that redesigns no journey (it names steps of the journey of today)'
    },
    UnusedDeclaration: {
        code: 'unused-declaration', severity: 'hint',
        description: 'an owner, stakeholder, channel or persona that nothing in the workspace uses: no journey, and for owners and stakeholders no `link` (shown faded)'
    },
    RedundantWith: {
        code: 'redundant-with', severity: 'warning',
        description: 'a `with` that names the touchpoint\'s own `owner`, or a party it names already: `with` lists the others taking part'
    },
    SelfLink: { code: 'self-link', severity: 'error', description: 'a `link` from an owner or stakeholder to itself' },
    UnknownCircle: {
        code: 'unknown-circle', severity: 'error',
        description: `a \`circle\` that is not one of the stakeholder map's circles (${CIRCLES.map(({ circle }) => `\`${circle}\``).join(', ')})`
    },
    LowMomentOfTruth: {
        code: 'low-moment-of-truth', severity: 'information', setting: 'journey.insights.diagnostics',
        description: 'a moment of truth graded 1 or 2 (for any persona) with no `idea`: a critical low point with no improvement planned'
    },
    SteepDrop: {
        code: 'steep-drop', severity: 'information', setting: 'journey.insights.diagnostics',
        description: 'the grade (of any persona) falls by 3 or more from one touchpoint to the next with no `pain` saying why'
    },
    ControlCharacter: {
        code: 'control-character', severity: 'warning',
        description: 'a text holds a control character (ESC, BEL, a form feed...): on a terminal it would be a command; exports replace it'
    },
    LexingError: { code: 'lexing-error', severity: 'error', description: 'text that is not the journey language (an unterminated string or comment, say)' },
    ParsingError: { code: 'parsing-error', severity: 'error', description: 'text that is not the journey language (a missing brace, say)' },
    MoreSyntaxErrors: { code: 'more-syntax-errors', severity: 'error', description: 'the syntax errors of a file past its first 100, counted in one diagnostic' },
    NotText: {
        code: 'not-text', severity: 'error',
        description: 'the file holds a NUL byte or bytes that are not UTF-8 (read as U+FFFD): it is not read at all'
    },
    InternalError: {
        code: 'internal-error', severity: 'error',
        description: 'the journey language failed on this file (a bug: please report it); the other files are not affected'
    }
} as const satisfies Record<string, Issue>;

type IssueName = keyof typeof ISSUES;

/** The codes by name: `IssueCodes.MissingOwner` is `'missing-owner'`. */
export const IssueCodes = Object.fromEntries(Object.entries(ISSUES).map(([name, issue]) => [name, issue.code])) as {
    readonly [N in IssueName]: typeof ISSUES[N]['code']
};

export type IssueCode = typeof ISSUES[IssueName]['code'];

const BY_CODE: ReadonlyMap<string, Issue> = new Map(Object.values(ISSUES).map(issue => [issue.code, issue]));

/** The issue of a code, or undefined for a code the language does not have. */
export function issueOf(code: string): Issue | undefined {
    return BY_CODE.get(code);
}

const LANGIUM_SEVERITIES: Record<IssueSeverity, ValidationSeverity> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** A severity in Langium's words. */
export function validationSeverity(severity: IssueSeverity): ValidationSeverity {
    return LANGIUM_SEVERITIES[severity];
}

/** The default severity of a code, in Langium's words. */
export function defaultSeverity(code: IssueCode): ValidationSeverity {
    return validationSeverity(BY_CODE.get(code)!.severity);
}

/** A diagnostic's code, and the same in `data`, where Langium's code actions look for it. */
export function withCode(code: IssueCode): { code: IssueCode, data: ReturnType<typeof diagnosticData> } {
    return { code, data: diagnosticData(code) };
}
