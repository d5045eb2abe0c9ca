import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { SourceRange } from '../../map/model.js';
import type { FromWebviewMessage, PreviewPageState, RenderedReport, ToWebviewMessage } from '../../shared/preview-messages.js';
import { DocumentModelRequest, type DocumentModelParams, type DocumentModelResult } from '../../shared/protocol.js';
import { Disposable } from '../util/dispose.js';
import type { ExportedView } from './export-map.js';
import { previewHtml, webviewOptions } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'journey.preview';

export interface PreviewHost {
    readonly extensionUri: vscode.Uri;
    readonly client: BaseLanguageClient;
    /** Exports the journey as the preview shows it. */
    exportMap(source: vscode.Uri, format: 'svg' | 'html', shown: ExportedView): Promise<void>;
    onRendered(report: RenderedReport): void;
}

/**
 * One preview panel showing one journey document. It asks the language server for the document's
 * model whenever the server says the document was rebuilt, and speaks typed messages with its page.
 */
export class JourneyPreview extends Disposable {
    readonly #panel: vscode.WebviewPanel;
    readonly #host: PreviewHost;
    #resource: vscode.Uri;
    #locked: boolean;
    #ready = false;
    #refreshing = false;
    #refreshAgain = false;
    #lastVersion = -1;

    readonly #onDidDispose = this.register(new vscode.EventEmitter<void>());
    readonly onDidDispose = this.#onDidDispose.event;
    readonly #onDidChangeViewState = this.register(new vscode.EventEmitter<void>());
    readonly onDidChangeViewState = this.#onDidChangeViewState.event;

    constructor(panel: vscode.WebviewPanel, host: PreviewHost, resource: vscode.Uri, locked: boolean) {
        super();
        this.#panel = panel;
        this.#host = host;
        this.#resource = resource;
        this.#locked = locked;
        panel.webview.options = webviewOptions(host.extensionUri);
        panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-icon.svg');
        this.register(panel.onDidDispose(() => {
            this.#onDidDispose.fire();
            this.dispose();
        }));
        this.register(panel.onDidChangeViewState(() => this.#onDidChangeViewState.fire()));
        this.register(panel.webview.onDidReceiveMessage((message: FromWebviewMessage) => this.handleMessage(message)));
        this.register(vscode.window.onDidChangeTextEditorSelection(event => {
            if (event.textEditor.document.uri.toString() === this.#resource.toString()) {
                this.#post({ type: 'highlight', source: this.#resource.toString(), line: event.selections[0].active.line });
            }
        }));
        this.#renderShell();
    }

    get resource(): vscode.Uri {
        return this.#resource;
    }

    get locked(): boolean {
        return this.#locked;
    }

    get panel(): vscode.WebviewPanel {
        return this.#panel;
    }

    /** Shows another document in this panel (a dynamic preview follows the active editor). */
    setResource(resource: vscode.Uri): void {
        if (resource.toString() === this.#resource.toString()) {
            return;
        }
        this.#resource = resource;
        this.#lastVersion = -1;
        this.#renderShell();
    }

    toggleLock(): void {
        this.#locked = !this.#locked;
        this.#updateTitle();
    }

    /** Fetches the model again and sends it to the page; calls during a fetch coalesce into one more. */
    async refresh(): Promise<void> {
        if (!this.#ready || this.isDisposed) {
            return;
        }
        if (this.#refreshing) {
            this.#refreshAgain = true;
            return;
        }
        this.#refreshing = true;
        try {
            do {
                this.#refreshAgain = false;
                const source = this.#resource.toString();
                const params: DocumentModelParams = { uri: source };
                const model = await this.#host.client.sendRequest<DocumentModelResult>(DocumentModelRequest, params);
                // A model for a document this panel no longer shows, or older than the one shown, is dropped.
                if (model && source === this.#resource.toString() && (model.version ?? 0) >= this.#lastVersion) {
                    this.#lastVersion = model.version ?? 0;
                    this.#post({ type: 'update', source, modelJson: JSON.stringify(model) });
                }
            } while (this.#refreshAgain && !this.isDisposed);
        } finally {
            this.#refreshing = false;
        }
    }

    #renderShell(): void {
        this.#ready = false;
        this.#updateTitle();
        const state: PreviewPageState = { source: this.#resource.toString(), locked: this.#locked };
        this.#panel.webview.html = previewHtml(this.#panel.webview, this.#host.extensionUri, state);
    }

    #updateTitle(): void {
        const name = this.#resource.path.split('/').pop();
        this.#panel.title = this.#locked ? `[Preview] ${name}` : `Preview ${name}`;
    }

    #post(message: ToWebviewMessage): void {
        if (this.#ready && !this.isDisposed) {
            void this.#panel.webview.postMessage(message);
        }
    }

    /** What the page posts; public so that integration tests can deliver a message as the page would. */
    async handleMessage(message: FromWebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.#ready = true;
                await this.refresh();
                break;
            case 'reveal':
                if (message.source === this.#resource.toString()) {
                    await this.#reveal(message.uri ? vscode.Uri.parse(message.uri) : this.#resource, message.range, message.selection);
                }
                break;
            case 'rendered':
                if (message.report.source === this.#resource.toString()) {
                    this.#host.onRendered(message.report);
                }
                break;
            case 'export':
                if (message.source === this.#resource.toString()) {
                    await this.#host.exportMap(this.#resource, message.format, { journey: message.journey, view: message.view, persona: message.persona });
                }
                break;
        }
    }

    /** Opens the source beside the preview (or where it is already open) and selects the element. */
    async #reveal(uri: vscode.Uri, range: SourceRange, selection: SourceRange): Promise<void> {
        const toRange = (r: SourceRange) => new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const editor = await vscode.window.showTextDocument(uri, {
            viewColumn: visible?.viewColumn ?? (this.#panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One),
            preserveFocus: false
        });
        const selected = toRange(selection);
        editor.selection = new vscode.Selection(selected.start, selected.end);
        editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
}
