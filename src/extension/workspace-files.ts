import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    FindFilesRequest, JOURNEY_FILES_GLOB, ReadDirectoryRequest, ReadFileRequest, SKIPPED_FOLDERS_GLOB, StatRequest,
    type FindFilesParams, type FindFilesResult, type ReadDirectoryParams, type ReadDirectoryResult, type ReadFileParams,
    type ReadFileResult, type StatParams, type StatResult
} from '../shared/protocol.js';

/**
 * Answers the file requests of the language server in the browser, which reads the workspace through the
 * editor: files found by the editor's search, read and listed by its file system (any scheme it serves:
 * `vscode-vfs:` in github.dev, the folder the user opened in vscode.dev). A file that is not there is an
 * error response, as a read from a disk would fail.
 */
export function serveWorkspaceFiles(client: BaseLanguageClient): void {
    client.onRequest(FindFilesRequest, async ({ folder }: FindFilesParams): Promise<FindFilesResult> => {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), JOURNEY_FILES_GLOB), SKIPPED_FOLDERS_GLOB);
        return found.map(uri => uri.toString());
    });
    client.onRequest(ReadFileRequest, async ({ uri }: ReadFileParams): Promise<ReadFileResult> =>
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))));
    client.onRequest(StatRequest, async ({ uri }: StatParams): Promise<StatResult> => kind((await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).type));
    client.onRequest(ReadDirectoryRequest, async ({ uri }: ReadDirectoryParams): Promise<ReadDirectoryResult> => {
        const folder = vscode.Uri.parse(uri);
        const entries = await vscode.workspace.fs.readDirectory(folder);
        return entries.map(([name, type]) => ({ uri: vscode.Uri.joinPath(folder, name).toString(), ...kind(type) }));
    });
}

function kind(type: vscode.FileType): StatResult {
    // A symbolic link is a file or a folder as well (FileType is a bit field).
    return { isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0 };
}
