import { interruptAndCheck, type LangiumDocument } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, isJourneyFile } from '../generated/ast.js';
import type { JourneySharedServices } from '../journey-module.js';

/** A stage or touchpoint as Ctrl+T lists it: its name, kind, container and where its name is written. */
interface ContentSymbol {
    name: string;
    kind: SymbolKind;
    containerName: string;
    line: number;
    character: number;
    length: number;
}

/**
 * Ctrl+T: the declarations every file exports (owners, channels, personas, journeys) and, from the
 * documents themselves, every stage and touchpoint, with its journey (and stage) as container. Of a
 * document whose tree the server released (ReleasedDocuments), the stages and touchpoints kept when it
 * was released: reading them from the tree would parse every closed file again (8 s and 500 MB more at
 * 2,000 files, for the first search).
 */
export class JourneyWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    readonly #shared: JourneySharedServices;
    readonly #ofReleased = new WeakMap<LangiumDocument, ContentSymbol[]>();

    constructor(shared: JourneySharedServices) {
        super(shared);
        this.#shared = shared;
        shared.workspace.ReleasedDocuments.onRelease(document => this.#ofReleased.set(document, this.#contents(document)));
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const symbols = await super.getSymbols(params, cancelToken);
        const query = params.query.toLowerCase();
        const { LangiumDocuments, ReleasedDocuments } = this.#shared.workspace;
        for (const document of LangiumDocuments.all) {
            await interruptAndCheck(cancelToken);
            const contents = (ReleasedDocuments.isReleased(document) ? this.#ofReleased.get(document) : undefined) ?? this.#contents(document);
            for (const { name, kind, containerName, line, character, length } of contents) {
                if (this.fuzzyMatcher.match(query, name)) {
                    const range = { start: { line, character }, end: { line, character: character + length } };
                    symbols.push({ name, kind, containerName, location: { uri: document.uri.toString(), range } });
                }
            }
        }
        const capabilities = this.#shared.lsp.ClientCapabilities;
        return symbols.map(symbol => ({ ...symbol, kind: capabilities.workspaceSymbolKind(symbol.kind) }));
    }

    /** The stages and touchpoints of a document, read from its tree. */
    #contents(document: LangiumDocument): ContentSymbol[] {
        const contents: ContentSymbol[] = [];
        const root = document.parseResult.value;
        if (!isJourneyFile(root)) {
            return contents;
        }
        const names = this.#shared.ServiceRegistry.getServices(document.uri).references.NameProvider;
        for (const journey of root.declarations.filter(isJourney)) {
            for (const stage of journey.stages) {
                for (const [node, containerName] of [[stage, journey.name], ...stage.touchpoints.map(touchpoint => [touchpoint, `${journey.name} › ${stage.name}`] as const)] as const) {
                    const nameNode = names.getNameNode(node);
                    if (node.name && nameNode) {
                        const { start, end } = nameNode.range;
                        contents.push({
                            name: node.name, kind: this.nodeKindProvider.getSymbolKind(node), containerName,
                            line: start.line, character: start.character, length: end.character - start.character
                        });
                    }
                }
            }
        }
        return contents;
    }
}
