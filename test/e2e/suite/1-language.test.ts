import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID, waitFor, waitForDiagnostics, workspaceFile } from './e2e-helpers.js';

/**
 * The language features as a user meets them in a real VS Code, through the `vscode` API only, on the
 * workspace test/e2e/workspace (organisation.journey declares what trip.journey uses).
 */
describe('the journey language in VS Code', () => {
    const trip = workspaceFile('trip.journey');
    const organisation = workspaceFile('organisation.journey');
    const broken = workspaceFile('broken.journey');

    it('is not active before a .journey file is opened, and activates when one is', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is installed`);
        assert.equal(extension.isActive, false, 'activated before any .journey file was opened');
        const document = await vscode.workspace.openTextDocument(trip);
        assert.equal(document.languageId, 'journey');
        await vscode.window.showTextDocument(document);
        await waitFor('the extension to activate', () => extension.isActive || undefined);
        await activeApi();
    });

    it('shows the diagnostics of the language issue, with codes and ranges', async () => {
        await waitForDiagnostics(trip, ['missing-owner Warning 3:16-3:20']);
        await vscode.workspace.openTextDocument(broken);
        await waitForDiagnostics(broken, ['emotion-out-of-range Error 3:41-3:42', 'linking-error Error 3:26-3:32']);
        const [missingOwner] = vscode.languages.getDiagnostics(trip);
        assert.equal(missingOwner.message, "Touchpoint 'Form' has no owner: add `owner <name>` to say who delivers it.");
        assert.equal(missingOwner.source, 'journey');
    });

    it('resolves owners declared in another file, and reports that file\'s unused owner there', async () => {
        // Counter and Courier are declared in organisation.journey: trip.journey has no linking error for them.
        await waitForDiagnostics(organisation, ['unused-declaration Hint 2:7-2:10']);
        const [unused] = vscode.languages.getDiagnostics(organisation);
        assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
    });

    it('completes owners, channels, the journey\'s persona and emotion grades', async () => {
        // The language server's items; VS Code adds the extension's snippets to every list.
        const labels = async (line: number, character: number) => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', trip, new vscode.Position(line, character));
            return list.items.filter(item => item.kind !== vscode.CompletionItemKind.Snippet)
                .map(item => typeof item.label === 'string' ? item.label : item.label.label).sort();
        };
        const edit = new vscode.WorkspaceEdit();
        edit.insert(trip, new vscode.Position(4, 0), '      owner \n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        try {
            assert.deepEqual(await labels(4, 12), ['Counter', 'Courier', 'Web']);
            assert.deepEqual(await labels(3, 14), ['Branch', 'Letter', 'Website']);
        } finally {
            await undoAll(trip);
        }
        const grades = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', trip, new vscode.Position(4, 14));
        assert.deepEqual(grades.items.filter(item => item.kind !== vscode.CompletionItemKind.Snippet).map(item => [item.label, item.detail]),
            [['Maria', 'Busy parent'], ['1', 'very negative'], ['2', 'negative'], ['3', 'neutral'], ['4', 'positive'], ['5', 'very positive']]);
    });

    it('updates diagnostics after a WorkspaceEdit, in the file and in the file it uses', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(trip, new vscode.Position(4, 0), '      owner   Web\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        try {
            await waitForDiagnostics(trip, []);
            await waitForDiagnostics(organisation, []);
        } finally {
            await undoAll(trip);
        }
        await waitForDiagnostics(trip, ['missing-owner Warning 3:16-3:20']);
        await waitForDiagnostics(organisation, ['unused-declaration Hint 2:7-2:10']);
    });

    it('changes a severity when its setting changes, without a restart', async () => {
        const settings = vscode.workspace.getConfiguration('journey');
        try {
            await settings.update('validation.missingOwner', 'error', vscode.ConfigurationTarget.Workspace);
            await waitForDiagnostics(trip, ['missing-owner Error 3:16-3:20']);
            await settings.update('validation.missingOwner', 'off', vscode.ConfigurationTarget.Workspace);
            await waitForDiagnostics(trip, []);
        } finally {
            await settings.update('validation.missingOwner', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await waitForDiagnostics(trip, ['missing-owner Warning 3:16-3:20']);
    });
});

/** Puts a document back to its text on disk, so each test starts from the fixture. */
async function undoAll(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), onDisk);
    assert.ok(await vscode.workspace.applyEdit(edit));
}
