import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JourneyDocumentModel } from '../../map/model.js';
import type { ToWebviewMessage } from '../../shared/preview-messages.js';
import { COMMON_HEADERS } from './http.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 20_000;

/**
 * The server-sent events that bring each page the model of its file, as VS Code's `update` messages: the
 * current one when the page connects, then every new one.
 */
export class EventStream {
    readonly #subscribers = new Map<string, Set<ServerResponse>>();
    readonly #keepAlive: NodeJS.Timeout;

    constructor() {
        this.#keepAlive = setInterval(() => {
            for (const responses of this.#subscribers.values()) {
                responses.forEach(response => response.write(': keep-alive\n\n'));
            }
        }, KEEP_ALIVE_MS);
        this.#keepAlive.unref();
    }

    /** Answers a page's request for the events of `file`, starting with its current model, if any. */
    subscribe(file: string, request: IncomingMessage, response: ServerResponse, model: JourneyDocumentModel | undefined): void {
        response.writeHead(200, {
            ...COMMON_HEADERS,
            'content-type': 'text/event-stream; charset=utf-8',
            connection: 'keep-alive',
            'x-accel-buffering': 'no'
        });
        response.write('retry: 1000\n\n');
        if (model) {
            response.write(event(file, model));
        }
        let subscribers = this.#subscribers.get(file);
        if (!subscribers) {
            subscribers = new Set();
            this.#subscribers.set(file, subscribers);
        }
        subscribers.add(response);
        request.on('close', () => subscribers.delete(response));
    }

    /** Sends a file's new model to the pages showing it. */
    publish(file: string, model: JourneyDocumentModel): void {
        for (const response of this.#subscribers.get(file) ?? []) {
            response.write(event(file, model));
        }
    }

    close(): void {
        clearInterval(this.#keepAlive);
        for (const responses of this.#subscribers.values()) {
            responses.forEach(response => response.end());
        }
        this.#subscribers.clear();
    }
}

/** An `update` as the extension posts it, the model as JSON text, in one event. */
function event(file: string, model: JourneyDocumentModel): string {
    const message: ToWebviewMessage = { type: 'update', source: file, modelJson: JSON.stringify(model) };
    return `data: ${JSON.stringify(message)}\n\n`;
}
