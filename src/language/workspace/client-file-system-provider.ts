import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import {
    ReadDirectoryRequest, ReadFileRequest, StatRequest,
    type ReadDirectoryParams, type ReadDirectoryResult, type ReadFileParams, type ReadFileResult, type StatParams, type StatResult
} from '../../shared/protocol.js';

/**
 * The file system of a language server in a browser, which has none of its own: every read is a request
 * to the client, which reads through the editor (`vscode.workspace.fs`), so the server sees the files the
 * editor sees (a GitHub repository in github.dev, a folder of the user's disk in vscode.dev).
 */
export class ClientFileSystemProvider implements FileSystemProvider {
    readonly #connection: Connection;

    constructor(connection: Connection) {
        this.#connection = connection;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const params: StatParams = { uri: uri.toString() };
        const stat = await this.#connection.sendRequest<StatResult>(StatRequest, params);
        return { uri, isFile: stat.isFile, isDirectory: stat.isDirectory };
    }

    exists(uri: URI): Promise<boolean> {
        return this.stat(uri).then(() => true, () => false);
    }

    readFile(uri: URI): Promise<string> {
        const params: ReadFileParams = { uri: uri.toString() };
        return this.#connection.sendRequest<ReadFileResult>(ReadFileRequest, params);
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const params: ReadDirectoryParams = { uri: uri.toString() };
        const entries = await this.#connection.sendRequest<ReadDirectoryResult>(ReadDirectoryRequest, params);
        return entries.map(entry => ({ uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory }));
    }

    // The language's files are text, read asynchronously: a read over messages cannot be synchronous, and
    // nothing reads bytes. These fail as Langium's empty file system does.
    readBinary(): Promise<Uint8Array> {
        return Promise.reject(unsupported('readBinary'));
    }

    statSync(): FileSystemNode {
        throw unsupported('statSync');
    }

    existsSync(): boolean {
        throw unsupported('existsSync');
    }

    readBinarySync(): Uint8Array {
        throw unsupported('readBinarySync');
    }

    readFileSync(): string {
        throw unsupported('readFileSync');
    }

    readDirectorySync(): FileSystemNode[] {
        throw unsupported('readDirectorySync');
    }
}

function unsupported(method: string): Error {
    return new Error(`${method}: the language server in a browser reads the workspace's text files asynchronously, through the editor.`);
}
