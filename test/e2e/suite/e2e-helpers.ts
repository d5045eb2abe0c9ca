import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JourneyExtensionApi } from '../../../src/extension/activate.js';

export const EXTENSION_ID = 'journey-maps.journey-maps';

export function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        throw new Error('The e2e suite needs test/e2e/workspace opened as the workspace folder.');
    }
    return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `probe` until it returns a value that is not undefined, at most `timeoutMs`; never a fixed sleep. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: Error | undefined;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) {
                return value;
            }
        } catch (error) {
            last = error as Error;
        }
        if (Date.now() > deadline) {
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

export async function activeApi(): Promise<JourneyExtensionApi> {
    const extension = vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID);
    if (!extension) {
        throw new Error(`Extension ${EXTENSION_ID} is not installed in this VS Code.`);
    }
    const api = await extension.activate();
    await api.ready;
    return api;
}

/** `code line:col-line:col` (1-based) for each diagnostic, sorted: exact and readable when it fails. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string[] {
    const code = (d: vscode.Diagnostic) => typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    const at = (p: vscode.Position) => `${p.line + 1}:${p.character + 1}`;
    return diagnostics.map(d => `${code(d)} ${vscode.DiagnosticSeverity[d.severity]} ${at(d.range.start)}-${at(d.range.end)}`).sort();
}

/** Waits until the diagnostics of a file, described as above, equal the expected ones. */
export function waitForDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs = 15_000): Promise<string[]> {
    const wanted = JSON.stringify([...expected].sort());
    return waitFor(`diagnostics of ${path.basename(uri.path)} to be ${wanted} (now ${JSON.stringify(describeDiagnostics(vscode.languages.getDiagnostics(uri)))})`, () => {
        const now = describeDiagnostics(vscode.languages.getDiagnostics(uri));
        return JSON.stringify(now) === wanted ? now : undefined;
    }, timeoutMs);
}
