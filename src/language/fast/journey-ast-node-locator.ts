import { DefaultAstNodeLocator, type AstNode } from 'langium';

/**
 * Langium's node paths (`/declarations@1/stages@4/touchpoints@2/properties@1`), the same strings, built
 * flat: Langium concatenates them level by level, which leaves a chain of V8 "cons strings" in every
 * reference index entry (some 20 objects per touchpoint of a large journey, kept for as long as the
 * document is open).
 */
export class JourneyAstNodeLocator extends DefaultAstNodeLocator {
    override getAstNodePath(node: AstNode): string {
        const segments: string[] = [];
        for (let current = node; current.$container; current = current.$container) {
            segments.push(this.getPathSegment(current));
        }
        if (segments.length === 0) {
            return '';
        }
        segments.push('');
        return segments.reverse().join(this.segmentSeparator);
    }
}
