import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createJourneyServices } from './journey-module.js';
import { publishDiagnosticsAsDeclared } from './lsp/journey-client-capabilities.js';
import { registerDocumentModelHandler } from './lsp/document-model-handler.js';
import { ClientFileSystemProvider } from './workspace/client-file-system-provider.js';
import { ClientWorkspaceManager } from './workspace/client-workspace-manager.js';

/*
 * The language server in a Web Worker, for the extension in the browser (vscode.dev, github.dev): LSP over
 * the worker's messages, and the workspace's files read through the client (src/shared/protocol.ts).
 */
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

const { shared } = createJourneyServices({
    connection,
    fileSystemProvider: () => new ClientFileSystemProvider(connection),
    workspaceManager: services => new ClientWorkspaceManager(services)
});

publishDiagnosticsAsDeclared(connection, shared.lsp.ClientCapabilities);
registerDocumentModelHandler(connection, shared);
shared.workspace.ReleasedDocuments.releaseAfterEachBuild();

startLanguageServer(shared);
