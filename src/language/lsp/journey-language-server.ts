import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';

/**
 * The server's capabilities as the client may receive them: rename options with `prepareProvider` only
 * for a client that declared `prepareSupport` (LSP 3.17); otherwise plain `renameProvider: true`.
 */
export class JourneyLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.renameProvider && !params.capabilities.textDocument?.rename?.prepareSupport) {
            result.capabilities.renameProvider = true;
        }
        return result;
    }
}
