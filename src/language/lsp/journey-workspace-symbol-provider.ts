import { interruptAndCheck, type LangiumDocument } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, isJourneyFile, type Stage, type Touchpoint } from '../generated/ast.js';
import type { JourneySharedServices } from '../journey-module.js';
import { flatString } from '../workspace/flat-string.js';

/**
 * The stages and touchpoints of a document as Ctrl+T lists them: for the i-th, its name, kind, container
 * and where its name is written (line, character and length at 3i..3i+2 of `at`). In arrays, not an object
 * each: kept for every closed file, they were 16 MB at 2,000 files as objects. The strings are flat (flatString).
 */
interface Contents {
    names: string[];
    kinds: SymbolKind[];
    containers: string[];
    at: Int32Array;
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
    readonly #ofReleased = new WeakMap<LangiumDocument, Contents>();

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
            const { names, kinds, containers, at } = contents;
            names.forEach((name, i) => {
                if (this.fuzzyMatcher.match(query, name)) {
                    const [line, character, length] = at.subarray(3 * i, 3 * i + 3);
                    const range = { start: { line, character }, end: { line, character: character + length } };
                    symbols.push({ name, kind: kinds[i], containerName: containers[i], location: { uri: document.uri.toString(), range } });
                }
            });
        }
        const capabilities = this.#shared.lsp.ClientCapabilities;
        return symbols.map(symbol => ({ ...symbol, kind: capabilities.workspaceSymbolKind(symbol.kind) }));
    }

    /** The stages and touchpoints of a document, read from its tree. */
    #contents(document: LangiumDocument): Contents {
        const names: string[] = [];
        const kinds: SymbolKind[] = [];
        const containers: string[] = [];
        const at: number[] = [];
        const root = document.parseResult.value;
        const nameProvider = this.#shared.ServiceRegistry.getServices(document.uri).references.NameProvider;
        const add = (node: Stage | Touchpoint, container: string) => {
            const nameNode = nameProvider.getNameNode(node);
            if (node.name && nameNode) {
                const { start, end } = nameNode.range;
                names.push(flatString(node.name));
                kinds.push(this.nodeKindProvider.getSymbolKind(node));
                containers.push(container);
                at.push(start.line, start.character, end.character - start.character);
            }
        };
        for (const journey of isJourneyFile(root) ? root.declarations.filter(isJourney) : []) {
            for (const stage of journey.stages) {
                add(stage, journey.name);
                const container = flatString(`${journey.name} › ${stage.name}`);
                stage.touchpoints.forEach(touchpoint => add(touchpoint, container));
            }
        }
        return { names, kinds, containers, at: Int32Array.from(at) };
    }
}
