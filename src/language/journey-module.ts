import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    NormalizedTextDocuments,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { JourneyMapsGeneratedSharedModule, JourneyMapsGeneratedModule } from './generated/module.js';
import { JourneyClientCapabilities } from './lsp/journey-client-capabilities.js';
import { JourneyCodeActionProvider } from './lsp/journey-code-action-provider.js';
import { JourneyCodeLensProvider } from './lsp/journey-code-lens-provider.js';
import { JourneyCompletionProvider } from './lsp/journey-completion-provider.js';
import { JourneyDocumentSymbolProvider } from './lsp/journey-document-symbol-provider.js';
import { JourneyDocumentUpdateHandler } from './lsp/journey-document-update-handler.js';
import { JourneyExecuteCommandHandler } from './lsp/journey-execute-command-handler.js';
import { JourneyFormatter } from './lsp/journey-formatter.js';
import { JourneyHoverProvider } from './lsp/journey-hover-provider.js';
import { JourneyLanguageServer } from './lsp/journey-language-server.js';
import { JourneyNodeKindProvider } from './lsp/journey-node-kinds.js';
import { JourneyRenameProvider } from './lsp/journey-rename-provider.js';
import { JourneySemanticTokenProvider } from './lsp/journey-semantic-tokens.js';
import { JourneyWorkspaceSymbolProvider } from './lsp/journey-workspace-symbol-provider.js';
import { JourneyDocumentValidator } from './validation/journey-document-validator.js';
import { JourneyLexerErrorMessageProvider } from './parser/journey-lexer-messages.js';
import { JourneyLinker } from './journey-linker.js';
import { JourneyParserErrorMessageProvider } from './parser/journey-parser-messages.js';
import { JourneyScopeComputation } from './fast/journey-scope-computation.js';
import { JourneyScopeProvider } from './fast/journey-scope-provider.js';
import { createJourneyParser } from './parser/journey-parser.js';
import { JourneyTokenBuilder } from './fast/journey-token-builder.js';
import { JourneyValueConverter } from './fast/journey-value-converter.js';
import { JourneySettings, revalidateOnSettingsChange } from './journey-settings.js';
import { JourneyValidationRegistry } from './validation/journey-validation-registry.js';
import { JourneyValidator, registerValidationChecks } from './validation/journey-validator.js';
import { JourneyDocumentBuilder } from './workspace/journey-document-builder.js';
import { JourneyAstNodeLocator } from './fast/journey-ast-node-locator.js';
import { JourneyIndexManager } from './workspace/journey-index-manager.js';
import { JourneyConfigurationProvider } from './workspace/journey-configuration-provider.js';
import { JourneyReferenceDescriptionProvider } from './fast/journey-reference-descriptions.js';
import { JourneyWorkspaceManager } from './workspace/journey-workspace-manager.js';
import { ReleasedDocuments } from './workspace/released-documents.js';
import { textSharingConfiguration } from './fast/text-sharing-documents.js';

/**
 * Declaration of custom services - add your own service classes here.
 */
export interface JourneyAddedServices {
    validation: {
        JourneyValidator: JourneyValidator
    },
    settings: {
        JourneySettings: JourneySettings
    }
}

/** Shared services added or replaced by a subclass with more to offer. */
export interface JourneyAddedSharedServices {
    workspace: {
        WorkspaceManager: JourneyWorkspaceManager,
        IndexManager: JourneyIndexManager,
        ReleasedDocuments: ReleasedDocuments
    },
    lsp: {
        ClientCapabilities: JourneyClientCapabilities
    }
}

export type JourneySharedServices = LangiumSharedServices & JourneyAddedSharedServices

/**
 * Union of Langium default services and your custom services - use this as constructor parameter
 * of custom service classes.
 */
export type JourneyServices = LangiumServices & JourneyAddedServices & { shared: JourneySharedServices }

/**
 * Dependency injection module that overrides Langium default services and contributes the
 * declared custom services. The Langium defaults can be partially specified to override only
 * selected services, while the custom services must be fully specified.
 */
export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    validation: {
        JourneyValidator: (services) => new JourneyValidator(services),
        DocumentValidator: (services) => new JourneyDocumentValidator(services),
        ValidationRegistry: (services) => new JourneyValidationRegistry(services)
    },
    settings: {
        JourneySettings: (services) => new JourneySettings(services)
    },
    references: {
        Linker: (services) => new JourneyLinker(services)
    },
    parser: {
        LangiumParser: (services) => createJourneyParser(services),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
        ParserErrorMessageProvider: () => new JourneyParserErrorMessageProvider()
    },
    lsp: {
        CompletionProvider: (services) => new JourneyCompletionProvider(services),
        HoverProvider: (services) => new JourneyHoverProvider(services),
        RenameProvider: (services) => new JourneyRenameProvider(services),
        CodeActionProvider: (services) => new JourneyCodeActionProvider(services),
        CodeLensProvider: (services) => new JourneyCodeLensProvider(services),
        DocumentSymbolProvider: (services) => new JourneyDocumentSymbolProvider(services),
        Formatter: () => new JourneyFormatter(),
        SemanticTokenProvider: (services) => new JourneySemanticTokenProvider(services)
    }
};

/**
 * The performance overrides of Langium internals (src/language/fast/): the same tokens, strings, scopes,
 * paths and index entries as Langium's defaults, in less time or memory; test/unit/fast-equivalence.test.ts
 * compares them. The language's own services build on four more of them: JourneyParser on LeanParser (its
 * CST built by LeanCstNodeBuilder), JourneyLinker on TraversingLinker (on ShapeKeepingLinker),
 * JourneyDocumentValidator on WalkingDocumentValidator and JourneyCompletionProvider on RestartingCompletionProvider.
 */
export const JourneyFastModule: Module<LangiumServices, PartialLangiumServices> = {
    parser: {
        /** Chevrotain's first-character optimisation for a grammar whose names start with any letter. */
        TokenBuilder: () => new JourneyTokenBuilder(),
        /** Strings converted in one slice, not one character at a time. */
        ValueConverter: () => new JourneyValueConverter()
    },
    references: {
        /** Only the top-level declarations, the only ones referenced, are local symbols. */
        ScopeComputation: (services) => new JourneyScopeComputation(services),
        /** A file's own declarations found by name, not by a scan per reference. */
        ScopeProvider: (services) => new JourneyScopeProvider(services)
    },
    workspace: {
        /** Node paths built as flat strings. */
        AstNodeLocator: () => new JourneyAstNodeLocator(),
        /** Index entries collected by a direct walk, their ranges read from the CST when asked. */
        ReferenceDescriptionProvider: (services) => new JourneyReferenceDescriptionProvider(services)
    }
};

/**
 * Shared services: the document builder revalidates documents whose workspace-wide diagnostics
 * (duplicate names, unused declarations) depend on a changed file; the index tells in one pass which
 * declarations of a file are used; the workspace manager and the document update handler decide which
 * files the workspace holds (a closed file goes back to disk); a file opened unchanged shares its text
 * with its parse; a language server lets go of the closed files' syntax trees (ReleasedDocuments); the
 * language server, configuration provider and providers follow the client's declared capabilities.
 */
export const JourneySharedModule: Module<JourneySharedServices, PartialLangiumSharedServices & JourneyAddedSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new JourneyDocumentBuilder(services),
        IndexManager: (services) => new JourneyIndexManager(services),
        ConfigurationProvider: (services) => new JourneyConfigurationProvider(services),
        WorkspaceManager: (services) => new JourneyWorkspaceManager(services),
        ReleasedDocuments: (services) => new ReleasedDocuments(services),
        TextDocuments: (services) => new NormalizedTextDocuments(textSharingConfiguration(() => services.workspace.LangiumDocuments))
    },
    lsp: {
        ClientCapabilities: (services) => new JourneyClientCapabilities(services),
        LanguageServer: (services) => new JourneyLanguageServer(services),
        DocumentUpdateHandler: (services) => new JourneyDocumentUpdateHandler(services),
        ExecuteCommandHandler: (services) => new JourneyExecuteCommandHandler(services),
        NodeKindProvider: () => new JourneyNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new JourneyWorkspaceSymbolProvider(services)
    }
};

/**
 * Where the services run: Langium's context (the connection, the file system), the host's workspace
 * manager, which knows how that file system is searched (JourneyNodeHost, or the browser's in main-browser.ts),
 * and the host's index.
 */
export interface JourneyModuleContext extends DefaultSharedModuleContext {
    /** By default JourneyWorkspaceManager: every root searched, `file:` URIs held (tests, the CLI). */
    workspaceManager?: (shared: JourneySharedServices) => JourneyWorkspaceManager;
    /** By default JourneyIndexManager (`journey validate`'s threads: one that also knows the files of the others). */
    indexManager?: (shared: JourneySharedServices) => JourneyIndexManager;
}

/**
 * Create the full set of services required by Langium.
 *
 * First inject the shared services,
 * then inject the language-specific services.
 *
 * This separation is done so that multiple languages can share the same services.
 *
 * @param context Optional module context with the LSP connection, the file system and the host's workspace manager
 * @param overrides Modules injected last, over the language's own services (tests use it to stand in a part)
 * @returns An object wrapping the shared services and the language-specific services
 */
export function createJourneyServices(context: JourneyModuleContext, overrides: Module<JourneyServices, PartialLangiumServices> = {}): {
    shared: JourneySharedServices,
    Journey: JourneyServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        JourneyMapsGeneratedSharedModule,
        JourneySharedModule,
        hostModule(context)
    );
    const Journey = inject(
        createDefaultModule({ shared }),
        JourneyMapsGeneratedModule,
        JourneyFastModule,
        JourneyModule,
        overrides
    );
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    revalidateOnSettingsChange(Journey);
    if (!context.connection) {
        // We don't run inside a language server
        // Therefore, initialize the configuration provider instantly
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}

function hostModule({ workspaceManager, indexManager }: JourneyModuleContext): Module<JourneySharedServices, PartialLangiumSharedServices> {
    return { workspace: { ...workspaceManager && { WorkspaceManager: workspaceManager }, ...indexManager && { IndexManager: indexManager } } };
}
