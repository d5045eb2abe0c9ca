import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FromWebviewMessage, PreviewPageState, RenderedReport } from '../../shared/preview-messages.js';
import { DocumentsValidatedNotification, type DocumentsValidatedParams } from '../../shared/protocol.js';
import { Disposable } from '../util/dispose.js';
import { exportMap, type ExportCommandArgs, type ExportedView } from './export-map.js';
import { webviewOptions } from './preview-html.js';
import { JourneyPreview, PREVIEW_VIEW_TYPE, type PreviewHost } from './journey-preview.js';

const PREVIEW_FOCUS_CONTEXT = 'journeyPreviewFocus';

/**
 * Owns every preview panel: one dynamic preview that follows the active journey editor and any number
 * of locked ones; restores panels after a window reload; routes the server's rebuild notifications.
 */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PreviewPageState>, PreviewHost {
    readonly #previews = new Set<JourneyPreview>();
    #dynamic: JourneyPreview | undefined;
    #active: JourneyPreview | undefined;
    #lastRendered: RenderedReport | undefined;
    readonly #onDidRender = this.register(new vscode.EventEmitter<RenderedReport>());
    /** Fires whenever a page reports what it drew. */
    readonly onDidRender = this.#onDidRender.event;

    constructor(readonly extensionUri: vscode.Uri, readonly client: BaseLanguageClient) {
        super();
        this.register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
        this.register(client.onNotification(DocumentsValidatedNotification, (params: DocumentsValidatedParams) => {
            const validated = new Set(params.uris);
            for (const preview of this.#previews) {
                if (validated.has(preview.resource.toString())) {
                    void preview.refresh();
                }
            }
        }));
        this.register(vscode.window.onDidChangeActiveTextEditor(editor => {
            if (editor && isJourneyDocument(editor.document) && this.#dynamic && !this.#dynamic.locked) {
                this.#dynamic.setResource(editor.document.uri);
            }
        }));
        this.register(vscode.commands.registerCommand('journey.showPreview', (uri?: vscode.Uri) => this.show(uri, false)));
        this.register(vscode.commands.registerCommand('journey.showPreviewToSide', (uri?: vscode.Uri) => this.show(uri, true)));
        this.register(vscode.commands.registerCommand('journey.showLockedPreviewToSide', (uri?: vscode.Uri) => this.show(uri, true, true)));
        this.register(vscode.commands.registerCommand('journey.togglePreviewLock', () => this.#toggleLock()));
        this.register(vscode.commands.registerCommand('journey.exportSvg', (args?: ExportCommandArgs) => this.#exportCommand('svg', args)));
        this.register(vscode.commands.registerCommand('journey.exportHtml', (args?: ExportCommandArgs) => this.#exportCommand('html', args)));
    }

    /** What the most recent page reported drawing (for integration tests and the status of a preview). */
    get lastRendered(): RenderedReport | undefined {
        return this.#lastRendered;
    }

    /** Delivers a message to the preview of `source` as if its page had posted it. */
    async deliver(source: string, message: FromWebviewMessage): Promise<void> {
        const preview = [...this.#previews].find(p => p.resource.toString() === source);
        if (!preview) {
            throw new Error(`No preview shows ${source}.`);
        }
        await preview.handleMessage(message);
    }

    onRendered(report: RenderedReport): void {
        this.#lastRendered = report;
        this.#onDidRender.fire(report);
    }

    show(uri: vscode.Uri | undefined, toSide: boolean, locked = false): void {
        const resource = uri ?? activeJourneyUri();
        if (!resource) {
            void vscode.window.showInformationMessage('Open a .journey file to preview its journey map.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
        const existing = locked
            ? [...this.#previews].find(p => p.locked && p.resource.toString() === resource.toString())
            : this.#dynamic;
        if (existing) {
            existing.setResource(resource);
            existing.panel.reveal(existing.panel.viewColumn ?? column, toSide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide },
            webviewOptions(this.extensionUri));
        this.#add(new JourneyPreview(panel, this, resource, locked));
    }

    deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewPageState | undefined): Promise<void> {
        if (state?.source) {
            this.#add(new JourneyPreview(panel, this, vscode.Uri.parse(state.source), state.locked));
        } else {
            panel.dispose();
        }
        return Promise.resolve();
    }

    exportMap(source: vscode.Uri, format: 'svg' | 'html', shown: ExportedView): Promise<void> {
        return exportMap(this.client, format, { source: source.toString(), ...shown });
    }

    #add(preview: JourneyPreview): void {
        this.#previews.add(preview);
        if (!preview.locked && !this.#dynamic) {
            this.#dynamic = preview;
        }
        const updateFocus = () => {
            if (preview.panel.active) {
                this.#active = preview;
            } else if (this.#active === preview) {
                this.#active = undefined;
            }
            void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, this.#active !== undefined);
        };
        this.register(preview.onDidChangeViewState(updateFocus));
        this.register(preview.onDidDispose(() => {
            this.#previews.delete(preview);
            if (this.#dynamic === preview) {
                this.#dynamic = undefined;
            }
            if (this.#active === preview) {
                this.#active = undefined;
                void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, false);
            }
        }));
        this.register(preview);
        updateFocus();
    }

    #toggleLock(): void {
        const preview = this.#active ?? this.#dynamic;
        if (!preview) {
            return;
        }
        preview.toggleLock();
        if (preview.locked && this.#dynamic === preview) {
            this.#dynamic = undefined;
        } else if (!preview.locked && !this.#dynamic) {
            this.#dynamic = preview;
        }
    }

    #exportCommand(format: 'svg' | 'html', args: ExportCommandArgs | undefined): Promise<void> {
        const source = args?.source ?? this.#active?.resource.toString() ?? activeJourneyUri()?.toString();
        if (!source) {
            void vscode.window.showInformationMessage('Open a .journey file or its preview to export its map.');
            return Promise.resolve();
        }
        return exportMap(this.client, format, { ...args, source });
    }
}

function isJourneyDocument(document: vscode.TextDocument): boolean {
    return document.languageId === 'journey';
}

function activeJourneyUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && isJourneyDocument(document) ? document.uri : undefined;
}
