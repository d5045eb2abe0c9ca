import { DefaultWorkspaceManager, DocumentState, type LangiumDocument, type Stream, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Langium's workspace manager, which reads and parses every file of the workspace before anything else
 * may be built; here the files' documents are made unparsed (as Langium's DocumentBuilder makes the
 * document of a file it has not seen), so that the first build parses them, the open ones first
 * (OpenFirstDocumentBuilder), and can be cancelled by an edit.
 *
 * The first build validates as the builds after an edit do: the closed files' diagnostics are published
 * too, whether the editor opened a file before that build began (whose update took the build over, with
 * its options) or after (when the first build went on with its own, which validated nothing).
 */
export class UnparsedWorkspaceManager extends DefaultWorkspaceManager {
    readonly #factory: LangiumSharedServices['workspace']['LangiumDocumentFactory'];

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.#factory = shared.workspace.LangiumDocumentFactory;
        this.initialBuildOptions = shared.workspace.DocumentBuilder.updateBuildOptions;
    }

    protected override loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        for (const uri of uris) {
            const document = this.#factory.fromModel({ $type: 'INVALID' }, uri);
            document.state = DocumentState.Changed;
            collector(document);
        }
        return Promise.resolve();
    }
}
