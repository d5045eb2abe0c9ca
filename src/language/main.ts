import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { publishDiagnosticsAsDeclared } from './lsp/journey-client-capabilities.js';
import { registerDocumentModelHandler } from './preview/document-model-handler.js';

// The transport (IPC from VS Code, --stdio for other clients) is chosen from the command line.
const connection = createConnection(ProposedFeatures.all);

const { shared } = createJourneyServices({ connection, ...NodeFileSystem });

publishDiagnosticsAsDeclared(connection, shared.lsp.ClientCapabilities);
registerDocumentModelHandler(connection, shared);

startLanguageServer(shared);
