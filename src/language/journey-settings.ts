import { CodeLensRefreshRequest } from 'vscode-languageserver';
import type { ValidationSeverity } from 'langium';
import type { JourneyServices } from './journey-module.js';
import { ISSUES, validationSeverity, type IssueSeverity } from './validation/issue-codes.js';

/** What users may choose for a configurable check (`journey.validation.*` settings). */
export type SeveritySetting = IssueSeverity | 'off';

export interface ValidationSettings {
    missingOwner: SeveritySetting;
    unscoredTouchpoint: SeveritySetting;
}

export const DEFAULT_VALIDATION_SETTINGS: Readonly<ValidationSettings> = {
    missingOwner: ISSUES.MissingOwner.severity,
    unscoredTouchpoint: ISSUES.UnscoredTouchpoint.severity
};

const SEVERITY_SETTINGS: ReadonlySet<unknown> = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** The Langium severity for a setting, or undefined when the check is turned off. */
export function toValidationSeverity(setting: SeveritySetting): ValidationSeverity | undefined {
    return setting === 'off' ? undefined : validationSeverity(setting);
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
    return SEVERITY_SETTINGS.has(value);
}

/** The insights users may turn off (`journey.insights.*` settings). */
export interface InsightSettings {
    codeLens: boolean;
    diagnostics: boolean;
}

/**
 * Reads the `journey` section of the client's settings through Langium's configuration provider
 * (which the language client keeps current); outside a language server the defaults apply.
 */
export class JourneySettings {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        this.#services = services;
    }

    async insights(): Promise<InsightSettings> {
        const configured = await this.#services.shared.workspace.ConfigurationProvider.getConfiguration(
            this.#services.LanguageMetaData.languageId, 'insights') as Partial<Record<keyof InsightSettings, unknown>> | undefined;
        return {
            codeLens: configured?.codeLens !== false,
            diagnostics: configured?.diagnostics !== false
        };
    }

    async validation(): Promise<ValidationSettings> {
        const configured = await this.#services.shared.workspace.ConfigurationProvider.getConfiguration(
            this.#services.LanguageMetaData.languageId, 'validation') as Partial<Record<keyof ValidationSettings, unknown>> | undefined;
        return {
            missingOwner: isSeveritySetting(configured?.missingOwner) ? configured.missingOwner : DEFAULT_VALIDATION_SETTINGS.missingOwner,
            unscoredTouchpoint: isSeveritySetting(configured?.unscoredTouchpoint) ? configured.unscoredTouchpoint : DEFAULT_VALIDATION_SETTINGS.unscoredTouchpoint
        };
    }
}

/**
 * A changed setting re-runs validation of every document and refreshes code lenses at once (for a client
 * that declared it takes the refresh request): no restart needed.
 */
export function revalidateOnSettingsChange(services: JourneyServices): void {
    const { ConfigurationProvider, DocumentBuilder, LangiumDocuments, WorkspaceLock } = services.shared.workspace;
    ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== services.LanguageMetaData.languageId) {
            return;
        }
        // All documents, not only the validated ones: this write cancels a build in progress (a file just
        // opened, say), whose documents must be built to the end here, or they would wait for the next edit.
        void WorkspaceLock.write(token => DocumentBuilder.build(LangiumDocuments.all.toArray(), { validation: true }, token));
        if (services.shared.lsp.ClientCapabilities.codeLensRefresh) {
            void services.shared.lsp.Connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        }
    });
}
