import { isAstNodeDescription, type AstNode, type AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Journey: SymbolKind.Module,
    Stage: SymbolKind.Namespace,
    Touchpoint: SymbolKind.Event,
    Owner: SymbolKind.Class,
    Stakeholder: SymbolKind.TypeParameter,
    Channel: SymbolKind.Interface,
    Persona: SymbolKind.Object
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Journey: CompletionItemKind.Module,
    Stage: CompletionItemKind.Folder,
    Touchpoint: CompletionItemKind.Event,
    Owner: CompletionItemKind.Class,
    Stakeholder: CompletionItemKind.TypeParameter,
    Channel: CompletionItemKind.Interface,
    Persona: CompletionItemKind.Struct
};

/** Icons in the outline, breadcrumbs, Ctrl+T and completion lists: one per kind of declaration. */
export class JourneyNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNodeDescription(node) ? node.type : node.$type;
}
