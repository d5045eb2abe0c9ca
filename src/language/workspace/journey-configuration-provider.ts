import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * Settings as Langium reads them, but `workspace/didChangeConfiguration` is registered dynamically only
 * with a client that declared it can take that registration (Eglot, for one, warns at every start
 * otherwise). Other clients push their settings with the notification unasked.
 */
export class JourneyConfigurationProvider extends DefaultConfigurationProvider {
    #canRegister = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.#canRegister = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        return super.initialized(this.#canRegister ? params : { ...params, register: undefined });
    }
}
