import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { publishDiagnosticsAsDeclared } from './lsp/journey-client-capabilities.js';
import { registerDocumentModelHandler } from './lsp/document-model-handler.js';
import { nodeReleaseHost } from './workspace/node-release-host.js';
import { JourneyNodeHost } from './workspace/node-workspace-manager.js';

const HELP = `journey-language-server: the language server (LSP) for Journey Maps, customer journey maps as code
(*.journey files). Editors start it and talk to it; it is not meant to be run by hand.

Usage: journey-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]

  --stdio            LSP messages on standard input and output (the default)
  --node-ipc         Node's IPC channel (VS Code's extension uses this)
  --socket=<port>    a TCP socket on this port
  --pipe=<name>      a named pipe or Unix socket
  -h, --help         this text

The README's "Other editors" section has the set-up for Neovim, Helix, Emacs and Zed.`;

/** The transports vscode-languageserver reads from the command line. */
const TRANSPORT_FLAG = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
}
// The transport (IPC from VS Code, --stdio for other clients) is chosen from the command line;
// an editor that starts `journey-language-server` with no flag talks over stdio.
if (!process.argv.slice(2).some(arg => TRANSPORT_FLAG.test(arg))) {
    process.argv.push('--stdio');
}
const connection = createConnection(ProposedFeatures.all);

const { shared } = createJourneyServices({ connection, ...JourneyNodeHost });

publishDiagnosticsAsDeclared(connection, shared.lsp.ClientCapabilities);
registerDocumentModelHandler(connection, shared);
shared.workspace.ReleasedDocuments.releaseAfterEachBuild(nodeReleaseHost());

startLanguageServer(shared);
