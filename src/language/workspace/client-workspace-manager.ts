import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FindFilesRequest, type FindFilesParams, type FindFilesResult } from '../../shared/protocol.js';
import { JourneyWorkspaceManager } from './journey-workspace-manager.js';

/**
 * The workspace of a language server in a browser: the client finds the `.journey` files of a folder in
 * one request (`vscode.workspace.findFiles`, the editor's own search: a repository's index in github.dev)
 * rather than the server walking it folder by folder over messages. The documents it holds are those of
 * the workspace folders' file systems (`vscode-vfs:` in github.dev, say) as well as `file:` ones: closing
 * an edited file goes back to the stored text there too. Other schemes are views of a file (`git:` in a
 * diff), not the file.
 */
export class ClientWorkspaceManager extends JourneyWorkspaceManager {
    readonly #shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.#shared = shared;
    }

    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        const connection = this.#shared.lsp.Connection;
        if (!connection) {
            return;
        }
        const params: FindFilesParams = { folder: folder.toString() };
        const found = await connection.sendRequest<FindFilesResult>(FindFilesRequest, params).catch((error: unknown) => {
            connection.console.error(`Could not list the .journey files of ${folder.toString(true)}: ${String(error)}`);
            return [];
        });
        uris.push(...found.map(uri => URI.parse(uri)).filter(uri => this.#included(folder, uri)));
    }

    /**
     * Whether the desktop server's walk would reach `uri` under `folder`: every folder on the way and the
     * file itself pass shouldIncludeEntry (no hidden folder, no `node_modules` or `out`), whatever the
     * editor's search left out. A URI outside the folder starts with `..`, a hidden name.
     */
    #included(folder: URI, uri: URI): boolean {
        const below = UriUtils.relative(folder, uri).split('/');
        let entry = folder;
        return below.every((name, i) => {
            entry = UriUtils.joinPath(entry, name);
            const isFile = i === below.length - 1;
            return this.shouldIncludeEntry({ uri: entry, isFile, isDirectory: !isFile });
        });
    }

    protected override holds(uri: URI): boolean {
        return super.holds(uri) || (this.workspaceFolders ?? []).some(folder => URI.parse(folder.uri).scheme === uri.scheme);
    }
}
