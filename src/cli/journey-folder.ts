import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyDocumentModel } from '../map/model.js';
import { buildDocumentModel } from '../language/map-model-builder.js';
import { findJourneyFiles } from './journey-files.js';
import { diagnosticsOf, loadWorkspace, type LoadedWorkspace } from './journey-workspace.js';

/** Wait this long after the last change before rebuilding: an editor's save is often several events. */
const DEBOUNCE_MS = 100;

export interface FolderChange {
    /** Files (relative, `/`-separated) whose view model changed, with the new model. */
    changed: Map<string, JourneyDocumentModel>;
}

/**
 * Every `.journey` file under a folder, loaded into one set of the language's services (so references
 * resolve across files as in the editor) and kept up to date: the folder is watched, and a change
 * rebuilds the changed documents incrementally with the same services, then recomputes the view models.
 */
export class JourneyFolder {
    readonly root: string;
    #workspace!: LoadedWorkspace;
    /** Relative path -> absolute path of every file loaded. */
    readonly #files = new Map<string, string>();
    readonly #models = new Map<string, JourneyDocumentModel>();
    readonly #modelJson = new Map<string, string>();
    #watcher: FSWatcher | undefined;
    #poll: NodeJS.Timeout | undefined;
    #timer: NodeJS.Timeout | undefined;
    #running: Promise<void> = Promise.resolve();
    #pending = false;

    /** The warnings of the last search of the folder (unreadable subfolders), each said once while it lasts. */
    #warnings = new Set<string>();

    private constructor(root: string, readonly warn: (text: string) => void) {
        this.root = root;
    }

    static async open(root: string, warn: (text: string) => void = () => undefined): Promise<JourneyFolder> {
        const folder = new JourneyFolder(path.resolve(root), warn);
        const files = await folder.#findFiles();
        folder.#workspace = await loadWorkspace(files);
        files.forEach(file => folder.#files.set(folder.relative(file), file));
        folder.#recomputeModels();
        return folder;
    }

    relative(file: string): string {
        return path.relative(this.root, file).split(path.sep).join('/');
    }

    /** The relative paths of the files, sorted. */
    get files(): string[] {
        return [...this.#files.keys()].sort();
    }

    absolute(relative: string): string | undefined {
        return this.#files.get(relative);
    }

    model(relative: string): JourneyDocumentModel | undefined {
        return this.#models.get(relative);
    }

    /** The diagnostics of a file of the folder, in the order of their ranges (as `journey validate` gives them). */
    diagnostics(relative: string): Diagnostic[] {
        const file = this.#files.get(relative);
        const document = file === undefined ? undefined : this.#workspace.documents.get(file);
        return document ? diagnosticsOf(document) : [];
    }

    /** The relative path of a loaded document's URI, if it is one of the folder's files. */
    relativeOfUri(uri: string): string | undefined {
        try {
            const file = URI.parse(uri).fsPath;
            const relative = this.relative(file);
            return this.#files.has(relative) ? relative : undefined;
        } catch {
            return undefined;
        }
    }

    /** Watches the folder and calls `onChange` after each rebuild that changed a view model. */
    watch(onChange: (change: FolderChange) => void, onError: (message: string) => void): void {
        const schedule = () => {
            clearTimeout(this.#timer);
            this.#timer = setTimeout(() => this.#refreshSerially(onChange, onError), DEBOUNCE_MS);
        };
        try {
            this.#watcher = watch(this.root, { recursive: true }, (_event, name) => {
                if (name === null || name.endsWith('.journey') || path.extname(name) === '') {
                    schedule();
                }
            });
            this.#watcher.on('error', error => {
                onError(`watching stopped (${error.message}); checking for changes every second instead`);
                this.#watcher?.close();
                this.#poll ??= setInterval(schedule, 1000);
            });
        } catch (error) {
            onError(`cannot watch the folder (${(error as Error).message}); checking for changes every second instead`);
            this.#poll = setInterval(schedule, 1000);
        }
    }

    close(): void {
        this.#watcher?.close();
        clearInterval(this.#poll);
        clearTimeout(this.#timer);
    }

    /** One rebuild at a time; changes seen during a rebuild start another one after it. */
    #refreshSerially(onChange: (change: FolderChange) => void, onError: (message: string) => void): void {
        if (this.#pending) {
            return;
        }
        this.#pending = true;
        this.#running = this.#running.then(async () => {
            this.#pending = false;
            try {
                const change = await this.refresh();
                if (change.changed.size > 0) {
                    onChange(change);
                }
            } catch (error) {
                onError(`could not rebuild (${(error as Error).message})`);
            }
        });
    }

    /** Compares the files on disk with the documents, rebuilds what differs, and returns the models that changed. */
    async refresh(): Promise<FolderChange> {
        const { services, documents } = this.#workspace;
        const onDisk = await this.#findFiles().catch(() => [] as string[]);
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const file of onDisk) {
            const text = await readFile(file, 'utf-8').catch(() => undefined);
            if (text === undefined) {
                continue;
            }
            const document = documents.get(file);
            if (document?.textDocument.getText() !== text) {
                changed.push(URI.file(file));
            }
        }
        const present = new Set(onDisk);
        for (const file of this.#files.values()) {
            if (!present.has(file)) {
                deleted.push(URI.file(file));
            }
        }
        if (changed.length === 0 && deleted.length === 0) {
            return { changed: new Map() };
        }
        await services.shared.workspace.DocumentBuilder.update(changed, deleted);
        for (const uri of deleted) {
            documents.delete(uri.fsPath);
            this.#files.delete(this.relative(uri.fsPath));
        }
        for (const uri of changed) {
            const document: LangiumDocument | undefined = services.shared.workspace.LangiumDocuments.getDocument(uri);
            if (document) {
                documents.set(uri.fsPath, document);
                this.#files.set(this.relative(uri.fsPath), uri.fsPath);
            }
        }
        const gone = deleted.map(uri => this.relative(uri.fsPath));
        const updated = this.#recomputeModels();
        for (const relative of gone) {
            const model: JourneyDocumentModel = {
                uri: URI.file(path.join(this.root, relative)).toString(),
                journeys: [],
                problems: [{ line: 0, character: 0, message: 'This file was deleted or renamed.' }]
            };
            this.#models.delete(relative);
            this.#modelJson.delete(relative);
            updated.set(relative, model);
        }
        return { changed: updated };
    }

    /** The journey files under the folder; a subfolder that cannot be read is said once, not at every change. */
    async #findFiles(): Promise<string[]> {
        const warnings = new Set<string>();
        const files = await findJourneyFiles(this.root, text => warnings.add(text));
        for (const text of warnings) {
            if (!this.#warnings.has(text)) {
                this.warn(text);
            }
        }
        this.#warnings = warnings;
        return files;
    }

    /** Recomputes every model; returns those that differ from before. */
    #recomputeModels(): Map<string, JourneyDocumentModel> {
        const updated = new Map<string, JourneyDocumentModel>();
        for (const [relative, file] of this.#files) {
            const document = this.#workspace.documents.get(file);
            if (!document) {
                continue;
            }
            const model = buildDocumentModel(document);
            // The version counts edits; leaving it out keeps an unchanged map from being sent again.
            const json = JSON.stringify({ ...model, version: undefined });
            if (this.#modelJson.get(relative) !== json) {
                this.#modelJson.set(relative, json);
                this.#models.set(relative, model);
                updated.set(relative, model);
            }
        }
        return updated;
    }
}
