import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import { HOST } from './http.js';

/**
 * What a request to `journey serve` must be to be answered: addressed to this server by its own name
 * (Host), posted from its own pages (Origin), for a file inside the served folder (paths), and small (body
 * size). Each guard refuses rather than guesses.
 */

/** The largest body a request may post (a `reveal` message is a few hundred bytes). */
export const MAX_BODY = 16 * 1024;

/** Requests must name this server as 127.0.0.1 or localhost: a page on another name (DNS rebinding) gets nothing. */
export function hostAllowed(host: string | undefined, port: number): boolean {
    return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/** A post from this server's own pages, or from no page at all (a script on the same machine). */
export function originAllowed(origin: string | undefined, port: number): boolean {
    return origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

/** A path (raw or decoded) that climbs out of its folder: a `..` segment, even percent-encoded, or an encoded separator. */
export function isTraversal(value: string): boolean {
    return /%2e%2e|%2f|%5c|%00/i.test(value) || /(^|[/\\])\.\.([/\\]|$)/.test(value);
}

/**
 * The relative path a URL names (percent-encoded, `/`-separated) when it is inside `root` and `known` says it
 * is one of the served files; undefined for anything else.
 */
export function servedFile(root: string, encoded: string, known: (relative: string) => boolean): string | undefined {
    let relative: string;
    try {
        relative = decodeURIComponent(encoded);
    } catch {
        return undefined;
    }
    if (isTraversal(relative) || path.isAbsolute(relative) || relative.includes('\\') || relative.includes('\0')) {
        return undefined;
    }
    const inside = path.relative(root, path.resolve(root, relative));
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
        return undefined;
    }
    return known(relative) ? relative : undefined;
}

/** The body of a request as text; `undefined` when it is larger than MAX_BODY (the rest is read and dropped). */
export function readBody(request: IncomingMessage): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY) {
                request.off('data', onData);
                request.resume();
                resolve(undefined);
                return;
            }
            chunks.push(chunk);
        };
        request.on('data', onData);
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf-8')));
        request.on('error', reject);
    });
}

/** The part of the page's `reveal` message the server uses. */
export interface RevealRequest {
    source?: string;
    uri?: string;
    /** 0-based. */
    line: number;
    character: number;
}

/** The reveal request a body holds, if it is one: JSON, an object, a source or uri, a range of whole numbers. */
export function revealRequest(body: string): RevealRequest | undefined {
    let message: unknown;
    try {
        message = JSON.parse(body);
    } catch {
        return undefined;
    }
    if (!isRecord(message) || !isRecord(message.range)) {
        return undefined;
    }
    const { uri, source } = message;
    const { startLine: line, startCharacter: character } = message.range;
    const position = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if ((typeof uri !== 'string' && typeof source !== 'string') || (uri !== undefined && typeof uri !== 'string')
        || !position(line) || !position(character)) {
        return undefined;
    }
    return { uri, source: typeof source === 'string' ? source : undefined, line, character };
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
