import { isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor } from 'langium';
import { IssueCodes, withCode } from './issue-codes.js';

/**
 * Langium's validation registry, where a check that fails says so in a diagnostic on its node (the other
 * checks run as usual) and nothing else: Langium also writes the error and its stack to the console, which
 * in `journey validate` is the user's terminal.
 */
export class JourneyValidationRegistry extends ValidationRegistry {
    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            accept('error', `A check of the journey language failed here (${reason}); the other checks ran. Please report this, with the file if you can.`, {
                node, ...withCode(IssueCodes.InternalError)
            });
        }
    }
}
