import { escapeControlCharacters } from '../map/control-characters.js';

/** The exit code of a run whose output could not be written (as for a command that could not run as asked). */
export const WRITE_FAILURE_EXIT_CODE = 2;

/** An error message of at most this many characters: the rest is cut. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * One of the standard streams, written so that a failure never escapes as an exception: a closed pipe
 * (`journey export ... | head -1`, EPIPE) stops the writing quietly; any other failure (a full disk,
 * ENOSPC; an I/O error) stops it too and is reported once. Writes after a failure are dropped.
 */
class StandardStream {
    #stopped = false;

    constructor(readonly stream: NodeJS.WriteStream, readonly onFailure: (error: NodeJS.ErrnoException) => void) {
        // A pipe reports its failures asynchronously, as an event; a file or a device (/dev/full) throws from write().
        stream.on('error', (error: NodeJS.ErrnoException) => this.#fail(error));
    }

    get writable(): boolean {
        return !this.#stopped;
    }

    write(text: string): void {
        if (this.#stopped) {
            return;
        }
        try {
            this.stream.write(text);
        } catch (error) {
            this.#fail(error as NodeJS.ErrnoException);
        }
    }

    #fail(error: NodeJS.ErrnoException): void {
        if (this.#stopped) {
            return;
        }
        this.#stopped = true;
        if (error.code !== 'EPIPE') {
            this.onFailure(error);
        }
    }
}

let writeFailed = false;

const standardError = new StandardStream(process.stderr, () => {
    writeFailed = true;
    process.exitCode = WRITE_FAILURE_EXIT_CODE;
});

const standardOutput = new StandardStream(process.stdout, error => {
    writeFailed = true;
    process.exitCode = WRITE_FAILURE_EXIT_CODE;
    standardError.write(`journey: cannot write to standard output (${error.code ?? error.message})\n`);
});

/**
 * What the command line writes, and the one place it is written. Standard output gets the commands'
 * results exactly (`raw`: an SVG, an export, whose makers keep control characters out) or lines of text
 * made from the files (`line`: diagnostics, serve's log), and standard error gets one-line messages; in
 * lines and messages every control character from a file's content or name (ESC, BEL, ...) is shown as
 * its escape, `\u001b`, so that no file can send commands to the terminal.
 */
export const terminal = {
    /** Text written exactly as it is. */
    raw(text: string): void {
        standardOutput.write(text);
    },
    /** A line of text on standard output, its control characters escaped. */
    line(text: string): void {
        standardOutput.write(`${escapeControlCharacters(text)}\n`);
    },
    /** A message on standard error (one line, usually `journey: ...`), its control characters escaped. */
    message(text: string): void {
        standardError.write(`${escapeControlCharacters(text)}\n`);
    },
    /**
     * A status line on standard error, which the next one replaces (carriage return, then erase the line): for a
     * terminal only. Its control characters are escaped; an empty text clears the line.
     */
    status(text: string): void {
        standardError.write(`\r\u001b[2K${escapeControlCharacters(text)}`);
    },
    /** Whether standard error is a terminal (where a status line can update in place). */
    get errorIsTerminal(): boolean {
        return process.stderr.isTTY;
    },
    /** Text for standard error as it comes (Commander's help and errors), its control characters escaped. */
    error(text: string): void {
        standardError.write(escapeControlCharacters(text));
    },
    /**
     * A line of progress on standard error when it is a terminal, written over the previous one (nothing
     * when standard error is a file or a pipe); `undefined` clears it, before the results are written.
     */
    progress(text: string | undefined): void {
        if (process.stderr.isTTY) {
            standardError.write(`\r${text === undefined ? '' : escapeControlCharacters(text)}\u001b[K`);
        }
    }
};

/** Sets the exit code of the run: the command's own, unless some output could not be written. */
export function finish(code: number): void {
    process.exitCode = writeFailed ? WRITE_FAILURE_EXIT_CODE : code;
}

/** An unexpected error as one line: its message, without the stack (the bundle's lines mean nothing to a user). */
export function internalErrorMessage(error: unknown): string {
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s*[\r\n]+\s*/g, ' ').trim() || 'unknown error';
    return `journey: internal error: ${text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text}`;
}
