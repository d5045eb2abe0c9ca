/** Where a long command says how far it is. */
export interface ProgressOutput {
    /** Standard error is a terminal: one status line, updated in place. */
    terminal: boolean;
    /** Replaces the status line (a terminal only); '' clears it. */
    status(text: string): void;
    /** A plain line (a log, a pipe). */
    line(text: string): void;
}

/** A terminal's status line is redrawn at most this often: more would cost more than the work it reports. */
const REDRAW_MS = 100;

/**
 * How far a long step is (`journey build`'s pages): on a terminal, a status line that updates and is cleared
 * at the end; elsewhere (CI logs, pipes) a plain line at each tenth of the work, so a log stays short.
 */
export class Progress {
    #drawnAt = Number.NEGATIVE_INFINITY;
    #drawn = false;

    constructor(readonly out: ProgressOutput, readonly label: string) {}

    update(done: number, total: number): void {
        const text = `${this.label}: ${done}/${total}`;
        if (this.out.terminal) {
            const now = Date.now();
            if (done === total || now - this.#drawnAt >= REDRAW_MS) {
                this.#drawnAt = now;
                this.#drawn = true;
                this.out.status(text);
            }
        } else if (done === total || Math.floor(done * 10 / total) > Math.floor((done - 1) * 10 / total)) {
            this.out.line(text);
        }
    }

    end(): void {
        if (this.#drawn) {
            this.out.status('');
        }
    }
}
