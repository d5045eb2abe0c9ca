import { AstUtils, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import { TraversingLinker } from './fast/traversing-linker.js';
import { isJourney } from './generated/ast.js';

const HOW_TO_DECLARE: Record<string, (name: string) => string> = {
    Owner: name => `owner ${name} "<team>"`,
    Channel: name => `channel ${name} "<description>"`,
    Persona: name => `persona ${name} "<description>"`
};

/** Linking errors that say what is missing and how to declare it, instead of Langium's generic text. */
export class JourneyLinker extends TraversingLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        const declare = HOW_TO_DECLARE[type];
        if (declare) {
            error.message = `${type} '${name}' is not declared in any .journey file of the workspace: declare it with \`${declare(name)}\` or use a declared ${type.toLowerCase()}.`;
        } else if (type === 'Party') {
            error.message = `'${name}' is not declared as an owner or a stakeholder in any .journey file of the workspace: declare it with `
                + `\`stakeholder ${name} "<who>"\` (or \`${HOW_TO_DECLARE.Owner(name)}\` if it delivers touchpoints) or use a declared one.`;
        } else if (type === 'Journey') {
            error.message = `Journey '${name}' is not declared in any .journey file of the workspace: \`redesigns\` names the journey of today that this one redesigns.`;
        } else if (type === 'Touchpoint') {
            const journey = AstUtils.getContainerOfType(refInfo.container, isJourney);
            const current = journey?.redesigns?.ref;
            error.message = current
                ? `Journey '${current.name}' has no step '${name}': \`replaces\` names touchpoints of the journey this one redesigns.`
                : `Journey '${journey?.name}' redesigns no journey, so it has no step '${name}' to replace.`;
        }
        return error;
    }
}
