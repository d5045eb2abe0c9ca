import { describe, expect, test } from 'vitest';
import { EventEmitter } from 'node:events';
import { MCP_PROVIDER_ID, registerMcpServers, type McpHost } from '../../src/extension/mcp-server-provider.js';
import packageJson from '../../package.json' with { type: 'json' };

/** A stand-in for the parts of the `vscode` module the provider reads, with or without the MCP API. */
function host(folders: { name: string, scheme: string, fsPath: string }[], withMcp: boolean) {
    const registered: { id: string, provider: { provideMcpServerDefinitions(): unknown[], onDidChangeMcpServerDefinitions?: unknown } }[] = [];
    const folderChange = new EventEmitter();
    class Emitter<T> {
        readonly #events = new EventEmitter();
        event = (listener: (value: T) => void) => {
            this.#events.on('fire', listener);
            return { dispose: () => this.#events.off('fire', listener) };
        };
        fire(value: T) {
            this.#events.emit('fire', value);
        }
        dispose() {
            this.#events.removeAllListeners();
        }
    }
    class McpStdioServerDefinition {
        constructor(readonly label: string, readonly command: string, readonly args: string[], readonly env: Record<string, string>, readonly version?: string) {}
    }
    const api = {
        EventEmitter: Emitter,
        workspace: {
            workspaceFolders: folders.map((folder, index) => ({ name: folder.name, index, uri: { scheme: folder.scheme, fsPath: folder.fsPath } })),
            onDidChangeWorkspaceFolders: (listener: () => void) => {
                folderChange.on('change', listener);
                return { dispose: () => folderChange.off('change', listener) };
            }
        },
        ...withMcp ? {
            McpStdioServerDefinition,
            lm: {
                registerMcpServerDefinitionProvider: (id: string, provider: typeof registered[number]['provider']) => {
                    registered.push({ id, provider });
                    return { dispose: () => undefined };
                }
            }
        } : {}
    };
    return { api: api as unknown as McpHost, registered, changeFolders: () => folderChange.emit('change') };
}

describe('the MCP servers offered to VS Code', () => {
    test('one per workspace folder on disk: the bundled CLI, run by VS Code\'s Node', () => {
        const { api, registered } = host([
            { name: 'maps', scheme: 'file', fsPath: '/home/me/maps' },
            { name: 'remote', scheme: 'vscode-vfs', fsPath: '/github/x' }
        ], true);
        const subscriptions: { dispose(): unknown }[] = [];
        expect(registerMcpServers(api, '/ext', '1.2.3', subscriptions)).toBe(true);
        expect(registered.map(entry => entry.id)).toEqual([MCP_PROVIDER_ID]);
        expect(registered[0].provider.provideMcpServerDefinitions()).toEqual([{
            label: 'Journey Maps: maps', command: process.execPath, args: ['/ext/out/cli/main.cjs', 'mcp', '/home/me/maps'],
            env: { ELECTRON_RUN_AS_NODE: '1' }, version: '1.2.3'
        }]);
        expect(subscriptions).toHaveLength(3);
    });

    test('says when the workspace folders change', () => {
        const { api, registered, changeFolders } = host([], true);
        registerMcpServers(api, '/ext', '1.2.3', []);
        let fired = 0;
        (registered[0].provider.onDidChangeMcpServerDefinitions as (listener: () => void) => unknown)(() => fired++);
        changeFolders();
        expect(fired).toBe(1);
    });

    test('an older VS Code, without the API: nothing registered, nothing thrown', () => {
        const { api, registered } = host([{ name: 'maps', scheme: 'file', fsPath: '/m' }], false);
        const subscriptions: unknown[] = [];
        expect(registerMcpServers(api, '/ext', '1.2.3', subscriptions as never[])).toBe(false);
        expect(registered).toEqual([]);
        expect(subscriptions).toEqual([]);
    });

    test('package.json declares the provider and activates on it', () => {
        expect(packageJson.contributes.mcpServerDefinitionProviders).toEqual([{ id: MCP_PROVIDER_ID, label: 'Journey Maps' }]);
        expect(packageJson.activationEvents).toContain(`onMcpCollection:${MCP_PROVIDER_ID}`);
    });
});
