import type { LangiumSharedServices } from 'langium/lsp';
import {
    CompletionItemKind, MarkupKind, SymbolKind,
    type ClientCapabilities, type Connection, type Diagnostic, type PublishDiagnosticsParams
} from 'vscode-languageserver';

/** The kinds of the first protocol version: all a client supports when it declares no set of its own. */
const LAST_INITIAL_SYMBOL_KIND = SymbolKind.Array;
const LAST_INITIAL_COMPLETION_KIND = CompletionItemKind.Reference;

/** For a kind added later to the protocol, the closest of the first version's kinds. */
const INITIAL_SYMBOL_KINDS: Record<number, SymbolKind> = {
    [SymbolKind.Object]: SymbolKind.Variable,
    [SymbolKind.Key]: SymbolKind.String,
    [SymbolKind.Null]: SymbolKind.Variable,
    [SymbolKind.EnumMember]: SymbolKind.Constant,
    [SymbolKind.Struct]: SymbolKind.Class,
    [SymbolKind.Event]: SymbolKind.Field,
    [SymbolKind.Operator]: SymbolKind.Function,
    [SymbolKind.TypeParameter]: SymbolKind.Variable
};

const INITIAL_COMPLETION_KINDS: Record<number, CompletionItemKind> = {
    [CompletionItemKind.Folder]: CompletionItemKind.File,
    [CompletionItemKind.EnumMember]: CompletionItemKind.Value,
    [CompletionItemKind.Constant]: CompletionItemKind.Value,
    [CompletionItemKind.Struct]: CompletionItemKind.Class,
    [CompletionItemKind.Event]: CompletionItemKind.Field,
    [CompletionItemKind.Operator]: CompletionItemKind.Text,
    [CompletionItemKind.TypeParameter]: CompletionItemKind.Variable
};

/**
 * What the client declared in `initialize` (LSP 3.17), so that every answer and every message keeps to
 * it: an optional feature a client does not declare is one it does not get. Before a client initializes
 * the server (the services used in-process, as in tests), every feature is taken as supported.
 */
export class JourneyClientCapabilities {
    #capabilities: ClientCapabilities | undefined;

    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.#capabilities = params.capabilities;
        });
    }

    #declares(feature: (capabilities: ClientCapabilities) => boolean | undefined): boolean {
        return this.#capabilities === undefined || feature(this.#capabilities) === true;
    }

    get markdownHover(): boolean {
        return this.#declares(c => c.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown));
    }

    get markdownCompletionDocumentation(): boolean {
        return this.#declares(c => c.textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown));
    }

    get hierarchicalDocumentSymbols(): boolean {
        return this.#declares(c => c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport);
    }

    get codeActionLiterals(): boolean {
        return this.#declares(c => c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined);
    }

    get preferredCodeActions(): boolean {
        return this.#declares(c => c.textDocument?.codeAction?.isPreferredSupport);
    }

    get applyEdit(): boolean {
        return this.#declares(c => c.workspace?.applyEdit);
    }

    get codeLensRefresh(): boolean {
        return this.#declares(c => c.workspace?.codeLens?.refreshSupport);
    }

    /** A kind of the outline the client can show. */
    documentSymbolKind(kind: SymbolKind): SymbolKind {
        return this.#symbolKind(kind, this.#capabilities?.textDocument?.documentSymbol?.symbolKind?.valueSet);
    }

    /** A kind of workspace symbol the client can show. */
    workspaceSymbolKind(kind: SymbolKind): SymbolKind {
        return this.#symbolKind(kind, this.#capabilities?.workspace?.symbol?.symbolKind?.valueSet);
    }

    #symbolKind(kind: SymbolKind, declared: SymbolKind[] | undefined): SymbolKind {
        // A client that declares a set also takes kinds outside it (it falls back itself), as the protocol says.
        if (this.#capabilities === undefined || declared !== undefined || kind <= LAST_INITIAL_SYMBOL_KIND) {
            return kind;
        }
        return INITIAL_SYMBOL_KINDS[kind] ?? SymbolKind.Variable;
    }

    /** A kind of completion item the client can show. */
    completionItemKind(kind: CompletionItemKind): CompletionItemKind {
        if (this.#capabilities === undefined || this.#capabilities.textDocument?.completion?.completionItemKind?.valueSet !== undefined
            || kind <= LAST_INITIAL_COMPLETION_KIND) {
            return kind;
        }
        return INITIAL_COMPLETION_KINDS[kind] ?? CompletionItemKind.Text;
    }

    /** A diagnostic with only the optional parts the client declared: tags, related information, code description, data. */
    diagnostic(diagnostic: Diagnostic): Diagnostic {
        if (this.#capabilities === undefined) {
            return diagnostic;
        }
        const publish = this.#capabilities.textDocument?.publishDiagnostics;
        const { tags, relatedInformation, codeDescription, data, ...required } = diagnostic as Omit<Diagnostic, 'data'> & { data?: unknown };
        const supportedTags = tags?.filter(tag => publish?.tagSupport?.valueSet.includes(tag));
        return {
            ...required,
            ...(supportedTags?.length ? { tags: supportedTags } : {}),
            ...(relatedInformation && publish?.relatedInformation ? { relatedInformation } : {}),
            ...(codeDescription && publish?.codeDescriptionSupport ? { codeDescription } : {}),
            ...(data !== undefined && publish?.dataSupport ? { data } : {})
        };
    }
}

/**
 * Langium publishes the diagnostics as the validator made them, whatever the client declared: this
 * connection publishes them with only the parts the client declared.
 */
export function publishDiagnosticsAsDeclared(connection: Connection, capabilities: JourneyClientCapabilities): void {
    const sendDiagnostics = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) =>
        sendDiagnostics({ ...params, diagnostics: params.diagnostics.map(diagnostic => capabilities.diagnostic(diagnostic)) });
}
