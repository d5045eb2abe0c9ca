import { interruptAndCheck, type LangiumDocument } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, isJourneyFile, type Journey } from '../generated/ast.js';
import type { JourneySharedServices } from '../journey-module.js';

/**
 * Ctrl+T: the declarations every file exports (owners, channels, personas, journeys) and, from the
 * documents themselves, every stage and touchpoint, with its journey (and stage) as container.
 */
export class JourneyWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    readonly #shared: JourneySharedServices;

    constructor(shared: JourneySharedServices) {
        super(shared);
        this.#shared = shared;
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        for (const document of this.#shared.workspace.LangiumDocuments.all) {
            await interruptAndCheck(cancelToken);
            const root = document.parseResult.value;
            if (isJourneyFile(root)) {
                for (const journey of root.declarations.filter(isJourney)) {
                    symbols.push(...this.#journeyContents(journey, document, query));
                }
            }
        }
        const capabilities = this.#shared.lsp.ClientCapabilities;
        return symbols.map(symbol => ({ ...symbol, kind: capabilities.workspaceSymbolKind(symbol.kind) }));
    }

    #journeyContents(journey: Journey, document: LangiumDocument, query: string): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        const names = this.#shared.ServiceRegistry.getServices(document.uri).references.NameProvider;
        const symbol = (node: Journey['stages'][number] | Journey['stages'][number]['touchpoints'][number], containerName: string) => {
            const nameNode = names.getNameNode(node);
            if (node.name && nameNode && this.fuzzyMatcher.match(query, node.name)) {
                symbols.push({
                    name: node.name,
                    kind: this.nodeKindProvider.getSymbolKind(node),
                    containerName,
                    location: { uri: document.uri.toString(), range: nameNode.range }
                });
            }
        };
        for (const stage of journey.stages) {
            symbol(stage, journey.name);
            for (const touchpoint of stage.touchpoints) {
                symbol(touchpoint, `${journey.name} › ${stage.name}`);
            }
        }
        return symbols;
    }
}
