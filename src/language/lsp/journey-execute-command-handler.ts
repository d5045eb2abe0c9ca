import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type WorkspaceEdit } from 'vscode-languageserver';

/** A code lens's command: shows its figures in words (`arguments: [text]`). */
export const SHOW_FIGURES_COMMAND = 'journey.showFigures';

/** A quick fix for a client without code action literals: applies its edit (`arguments: [title, edit]`). */
export const APPLY_FIX_COMMAND = 'journey.applyFix';

/**
 * The commands the server declares (`executeCommandProvider`) and runs itself, so that every client can
 * run them: VS Code's client registers them as editor commands, other clients send
 * `workspace/executeCommand`. None of them may share a name with a command the extension registers.
 */
export class JourneyExecuteCommandHandler extends AbstractExecuteCommandHandler {
    readonly #shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super();
        this.#shared = shared;
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(SHOW_FIGURES_COMMAND, async ([text]) => {
            if (typeof text !== 'string') {
                throw new ResponseError(ErrorCodes.InvalidParams, `${SHOW_FIGURES_COMMAND} takes the text to show.`);
            }
            // The notification, not the request: a message with no buttons needs no answer.
            await this.#shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text });
            return null;
        });
        acceptor(APPLY_FIX_COMMAND, async ([title, edit]) => {
            if (typeof title !== 'string' || !isWorkspaceEdit(edit)) {
                throw new ResponseError(ErrorCodes.InvalidParams, `${APPLY_FIX_COMMAND} takes a title and a workspace edit.`);
            }
            await this.#shared.lsp.Connection?.workspace.applyEdit({ label: title, edit });
            return null;
        });
    }
}

function isWorkspaceEdit(value: unknown): value is WorkspaceEdit {
    return typeof value === 'object' && value !== null && typeof (value as WorkspaceEdit).changes === 'object';
}
