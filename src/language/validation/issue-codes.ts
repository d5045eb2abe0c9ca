/**
 * Stable diagnostic codes. They appear in the editor, in `journey validate` output and in quick fixes,
 * so they are part of the public interface: never rename one.
 */
export namespace IssueCodes {
    export const MissingOwner = 'missing-owner';
    export const UnscoredTouchpoint = 'unscored-touchpoint';
    export const EmotionOutOfRange = 'emotion-out-of-range';
    export const DuplicateName = 'duplicate-name';
    export const DuplicateProperty = 'duplicate-property';
    export const EmptyStage = 'empty-stage';
    export const MissingPersona = 'missing-persona';
    export const UnusedDeclaration = 'unused-declaration';
    export const InvalidMeasure = 'invalid-measure';
    /** A string holding a control character (ESC, BEL...): on a terminal or in an export it would be a command. */
    export const ControlCharacter = 'control-character';
    /** Insights (information): a critical low point with no improvement planned, an unexplained fall. */
    export const LowMomentOfTruth = 'low-moment-of-truth';
    export const SteepDrop = 'steep-drop';
    /** The file holds a NUL byte or bytes that are not UTF-8: it is not read at all. */
    export const NotText = 'not-text';
    /** The syntax errors past the first hundred, counted in one diagnostic. */
    export const MoreSyntaxErrors = 'more-syntax-errors';
    /** The language failed on a file (a bug): the file is not read, the others are. */
    export const InternalError = 'internal-error';
    /** Langium's own codes, repeated here so that every code users can meet is listed in one place. */
    export const LinkingError = 'linking-error';
    export const ParsingError = 'parsing-error';
    export const LexingError = 'lexing-error';
}
