import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DocumentModelRequest, type DocumentModelParams, type DocumentModelResult } from '../../shared/protocol.js';
import { MAP_FILE_FORMATS, renderMapFile, type MapFileFormat } from '../../map/render.js';
import { shownView } from '../../map/views/views.js';

/** Arguments of `journey.exportSvg` / `journey.exportHtml`; all optional from the command palette. */
export interface ExportCommandArgs {
    /** The journey document (default: the focused preview's, else the active editor's). */
    source?: string;
    /** The journey to export (default: the first of the file). */
    journey?: string;
    /** Where to write, skipping the save dialog (for scripts and tests); an existing file is kept unless `overwrite`. */
    target?: string;
    overwrite?: boolean;
    /** The view (`map`, or `compare` for a redesign) and the persona, as the preview shows them (default: the map, every persona). */
    view?: string;
    persona?: string;
}

/** What the preview shows of a document: the journey, the view and the persona. */
export type ExportedView = Pick<ExportCommandArgs, 'journey' | 'view' | 'persona'>;

/** Renders a journey with the preview's renderer (light palette, styles embedded) and saves it. */
export async function exportMap(client: BaseLanguageClient, format: MapFileFormat, args: ExportCommandArgs & { source: string }): Promise<void> {
    const params: DocumentModelParams = { uri: args.source };
    const model = await client.sendRequest<DocumentModelResult>(DocumentModelRequest, params);
    const journey = model?.journeys.find(j => j.name === args.journey) ?? model?.journeys[0];
    if (!journey) {
        void vscode.window.showWarningMessage(`${vscode.Uri.parse(args.source).path.split('/').pop()} has no journey to export.`);
        return;
    }
    const target = args.target ? vscode.Uri.file(args.target) : await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(args.source), '..', `${journey.name}.${MAP_FILE_FORMATS[format].extension}`),
        filters: { [MAP_FILE_FORMATS[format].label]: [MAP_FILE_FORMATS[format].extension] },
        saveLabel: `Export ${format.toUpperCase()}`,
        title: `Export the map of ${journey.title}`
    });
    if (!target) {
        return;
    }
    if (args.target && !args.overwrite && await exists(target)) {
        void vscode.window.showErrorMessage(`${target.fsPath} already exists; nothing was written.`);
        return;
    }
    const shown = shownView(journey, { view: args.view, persona: args.persona });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderMapFile(journey, { format, ...shown })));
    if (!args.target) {
        void vscode.window.showInformationMessage(`Exported the map of ${journey.title} to ${target.fsPath}.`);
    }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
