import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RenderedReport } from '../../../src/shared/preview-messages.js';
import { activeApi, waitFor, workspaceFile } from './e2e-helpers.js';

/**
 * The preview as a user meets it: the command opens a webview beside the editor, the page itself
 * reports what it drew (touchpoints, titles), edits redraw it, a click on the map (delivered as the
 * page's message) selects the source, and exports write files.
 */
describe('the journey map preview in VS Code', () => {
    const trip = workspaceFile('trip.journey');
    let exportFolder: string;

    before(async () => {
        exportFolder = await mkdtemp(path.join(tmpdir(), 'journey-e2e-export-'));
    });

    after(async () => {
        await rm(exportFolder, { recursive: true, force: true });
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    async function rendered(predicate: (report: RenderedReport) => boolean, what: string): Promise<RenderedReport> {
        const api = await activeApi();
        return waitFor(`the preview page to report ${what} (last report: ${JSON.stringify(api.lastRendered())})`, () => {
            const report = api.lastRendered();
            return report && predicate(report) ? report : undefined;
        }, 20_000);
    }

    it('opens beside the editor, in a webview the page of which reports drawing the journey', async () => {
        const editor = await vscode.window.showTextDocument(trip, { viewColumn: vscode.ViewColumn.One });
        await vscode.commands.executeCommand('journey.showPreviewToSide');
        const report = await rendered(r => r.source === trip.toString(), 'drawing trip.journey');
        assert.deepEqual(report, {
            source: trip.toString(), journey: 'Renew', touchpoints: 3, stale: false,
            titles: ['Fills in the online form', 'Verifies identity at the branch', 'Passport is delivered']
        });
        const previewTab = await waitFor('a preview tab', () => vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .find(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('journey.preview')));
        assert.equal(previewTab.label, 'Preview trip.journey');
        assert.notEqual(previewTab.group.viewColumn, editor.viewColumn, 'the preview opened in the other editor group');
    });

    it('redraws after an edit', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(trip, new vscode.Range(2, 20, 2, 46), '"Completes the online form"');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const report = await rendered(r => r.titles[0] === 'Completes the online form', 'the new title');
        assert.equal(report.touchpoints, 3);
    });

    it('keeps the last good map while the file has errors', async () => {
        const document = await vscode.workspace.openTextDocument(trip);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(trip, new vscode.Position(2, 4), 'touchpoint { ');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const report = await rendered(r => r.stale, 'a stale map');
        assert.equal(report.titles[0], 'Completes the online form');
        assert.equal(document.lineAt(2).text.trimStart().startsWith('touchpoint { touchpoint'), true);
        const repair = new vscode.WorkspaceEdit();
        repair.delete(trip, new vscode.Range(2, 4, 2, 17));
        assert.ok(await vscode.workspace.applyEdit(repair));
        await rendered(r => !r.stale, 'a fresh map');
    });

    it('selects the source of what is clicked on the map', async () => {
        const api = await activeApi();
        const range = { startLine: 6, startCharacter: 4, endLine: 10, endCharacter: 5 };
        const selection = { startLine: 6, startCharacter: 15, endLine: 6, endCharacter: 20 };
        await api.previewMessage(trip.toString(), { type: 'reveal', source: trip.toString(), range, selection });
        const editor = await waitFor('the editor to select Visit', () => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === trip.toString() && active.selection.start.line === 6 ? active : undefined;
        });
        assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character], [6, 15, 6, 20]);
        assert.equal(editor.document.getText(editor.selection), 'Visit');
    });

    it('exports the map as SVG and as HTML', async () => {
        const svg = path.join(exportFolder, 'renew.svg');
        const html = path.join(exportFolder, 'renew.html');
        await vscode.commands.executeCommand('journey.exportSvg', { source: trip.toString(), target: svg });
        await vscode.commands.executeCommand('journey.exportHtml', { source: trip.toString(), target: html });
        const svgText = await readFile(svg, 'utf-8');
        assert.match(svgText, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.ok(svgText.includes('Passport is delivered'));
        const htmlText = await readFile(html, 'utf-8');
        assert.match(htmlText, /^<!DOCTYPE html>/);
        assert.ok(htmlText.includes('<title>Renew a passport: journey map</title>'));
    });
});
