import * as path from 'node:path';
import type * as vscode from 'vscode';

/** The provider's id, as package.json's `contributes.mcpServerDefinitionProviders` declares it. */
export const MCP_PROVIDER_ID = 'journeyMaps.mcpServers';

/**
 * The part of VS Code's MCP API (1.101 and later) this extension uses. The extension is built against
 * @types/vscode 1.91, which has none of it: it is looked up at run time, and is missing on older versions.
 */
interface McpApi {
    lm?: {
        registerMcpServerDefinitionProvider?(id: string, provider: {
            onDidChangeMcpServerDefinitions?: vscode.Event<void>;
            provideMcpServerDefinitions(): unknown[];
        }): vscode.Disposable;
    };
    McpStdioServerDefinition?: new (label: string, command: string, args: string[], env: Record<string, string>, version?: string) => unknown;
}

/** What the provider needs of the `vscode` module (tests hand it a stand-in). */
export type McpHost = Pick<typeof vscode, 'EventEmitter'> & {
    workspace: Pick<typeof vscode.workspace, 'workspaceFolders' | 'onDidChangeWorkspaceFolders'>;
};

/**
 * Offers `journey mcp` to VS Code's agent mode, one server per workspace folder on disk: the CLI bundled
 * with the extension (out/cli/main.cjs), run by VS Code's own Node (ELECTRON_RUN_AS_NODE). Where VS Code has
 * no MCP API, nothing is registered and the extension works as before.
 */
export function registerMcpServers(host: McpHost, extensionPath: string, version: string, subscriptions: vscode.Disposable[]): boolean {
    const api = host as McpApi;
    const Definition = api.McpStdioServerDefinition;
    if (typeof api.lm?.registerMcpServerDefinitionProvider !== 'function' || Definition === undefined) {
        return false;
    }
    const cli = path.join(extensionPath, 'out', 'cli', 'main.cjs');
    const changed = new host.EventEmitter<void>();
    subscriptions.push(changed, host.workspace.onDidChangeWorkspaceFolders(() => changed.fire()));
    subscriptions.push(api.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
        onDidChangeMcpServerDefinitions: changed.event,
        provideMcpServerDefinitions: () => (host.workspace.workspaceFolders ?? [])
            .filter(folder => folder.uri.scheme === 'file')
            .map(folder => new Definition(`Journey Maps: ${folder.name}`, process.execPath, [cli, 'mcp', folder.uri.fsPath],
                { ELECTRON_RUN_AS_NODE: '1' }, version))
    }));
    return true;
}
