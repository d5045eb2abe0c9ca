import type { ServerResponse } from 'node:http';

/** Only ever on the loopback interface: the maps and the files' paths are nobody else's business. */
export const HOST = '127.0.0.1';

/** The headers of every response: nothing cached, sniffed, framed or told where it came from. */
export const COMMON_HEADERS = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin'
};

/** A plain-text answer, one line. */
export function sendText(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}
