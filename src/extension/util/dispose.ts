import type * as vscode from 'vscode';

/** Owns disposables and disposes them with itself, once. */
export abstract class Disposable {
    #disposed = false;
    readonly #disposables: vscode.Disposable[] = [];

    protected get isDisposed(): boolean {
        return this.#disposed;
    }

    protected register<T extends vscode.Disposable>(disposable: T): T {
        if (this.#disposed) {
            disposable.dispose();
        } else {
            this.#disposables.push(disposable);
        }
        return disposable;
    }

    dispose(): void {
        if (this.#disposed) {
            return;
        }
        this.#disposed = true;
        while (this.#disposables.length > 0) {
            this.#disposables.pop()!.dispose();
        }
    }
}
