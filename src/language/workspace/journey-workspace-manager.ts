import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { UnparsedWorkspaceManager } from './unparsed-workspace-manager.js';

/** At most this many files are loaded from the folder of a file opened outside the workspace. */
const MAX_FILES_BESIDE = 300;

/**
 * The workspace the client names, as the CLI would take it. With no workspace folder, the folder of
 * `rootUri` (or `rootPath`) is the workspace; a file opened outside every searched folder (or with no
 * workspace at all) brings the `.journey` files beside it, not those in folders below, as the CLI does
 * for a file named on its command line. The host decides which roots may be searched (the Node server's
 * never searches a whole disk or the home folder) and which URIs its file system holds.
 */
export class JourneyWorkspaceManager extends UnparsedWorkspaceManager {
    readonly #shared: LangiumSharedServices;
    /** The folders searched to the bottom at startup. */
    #searched: URI[] = [];
    /** Folders whose files were already loaded for a file opened in them. */
    readonly #loadedBeside = new Set<string>();

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.#shared = shared;
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        if (!this.folders?.length) {
            // A client that names no workspace folder may still give its root so (as clients did before LSP 3.6).
            // eslint-disable-next-line @typescript-eslint/no-deprecated
            const root = params.rootUri ?? (params.rootPath ? URI.file(params.rootPath).toString() : undefined);
            this.folders = root ? [{ uri: root, name: UriUtils.basename(URI.parse(root)) }] : undefined;
        }
    }

    protected override performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const searchable = folders.filter(folder => this.isSearchable(this.getRootFolder(folder)));
        this.#searched = searchable.map(folder => this.getRootFolder(folder));
        return super.performStartup(searchable);
    }

    /** Whether a workspace root is searched to the bottom at startup; a root that is not brings the files beside each file opened in it. */
    protected isSearchable(_root: URI): boolean {
        return true;
    }

    /** Whether the file system the server reads holds documents at URIs of this kind: Node's reads `file:` URIs only. */
    protected holds(uri: URI): boolean {
        return uri.scheme === 'file';
    }

    /** Whether a file is stored at `uri` (an untitled, deleted or never saved document is not). */
    async isStored(uri: URI): Promise<boolean> {
        return this.holds(uri) && await this.fileSystemProvider.stat(uri).then(stat => stat.isFile, () => false);
    }

    /**
     * The `.journey` files beside a file just opened that the workspace does not hold yet: none when
     * the file lies in a searched folder or its folder was loaded before; at most MAX_FILES_BESIDE.
     */
    async filesBeside(opened: URI): Promise<URI[]> {
        const folder = UriUtils.dirname(opened);
        const key = folder.toString();
        if (!this.holds(opened) || this.#loadedBeside.has(key) || this.#searched.some(root => UriUtils.contains(root, opened))) {
            return [];
        }
        this.#loadedBeside.add(key);
        const entries = await this.fileSystemProvider.readDirectory(folder).catch(() => []);
        const files = entries
            .filter(entry => entry.isFile && this.shouldIncludeEntry(entry) && !UriUtils.equals(entry.uri, opened))
            .map(entry => entry.uri)
            .sort((a, b) => a.path.localeCompare(b.path));
        if (files.length > MAX_FILES_BESIDE) {
            this.#shared.lsp.Connection?.console.warn(`${folder.fsPath}: loaded ${MAX_FILES_BESIDE} of the ${files.length} .journey files beside `
                + `${UriUtils.basename(opened)}, the most taken from a folder outside the workspace. Open the folder as the workspace to load them all.`);
        }
        return files.slice(0, MAX_FILES_BESIDE).filter(uri => !this.langiumDocuments.hasDocument(uri));
    }
}
