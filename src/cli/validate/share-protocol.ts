import type { AstNodeDescription } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';

/**
 * What `journey validate` and its threads (validate-worker.ts) say to each other. Each thread reads and
 * builds its share of the workspace in three steps, and between them the main thread gives every thread
 * what the others found: the declarations of every file (for links and `duplicate-name`), then the nodes
 * some reference points to (for `unused-declaration`). What they send is plain data, copied between threads.
 */

/** A declaration a file exports to the workspace: Langium's AstNodeDescription without its node and document. */
export type ExportedDeclaration = Omit<AstNodeDescription, 'node' | 'documentUri'>;

/** A file of the share, parsed. */
export interface ParsedFile {
    /** What it exports, in the index's order. */
    exports: ExportedDeclaration[];
    /** The names its references use, each once. */
    uses: string[];
}

/** What every file of the workspace exports, in the order of the workspace's files. */
export interface WorkspaceExports {
    path: string;
    exports: ExportedDeclaration[];
}

/** The nodes that references point to: for each target document's URI, the paths of its nodes. */
export type ReferenceTargets = [uri: string, paths: string[]][];

/** Several lists of reference targets as one. */
export function mergedTargets(lists: readonly ReferenceTargets[]): ReferenceTargets {
    const merged = new Map<string, Set<string>>();
    for (const [uri, paths] of lists.flat()) {
        const all = merged.get(uri) ?? merged.set(uri, new Set()).get(uri)!;
        paths.forEach(path => all.add(path));
    }
    return [...merged].map(([uri, paths]) => [uri, [...paths]]);
}

/** The steps, in order: what the main thread sends, and what the thread answers. */
export interface ShareSteps {
    /** Reads and parses the share's files. */
    parse: { input: { files: string[] }, output: ParsedFile[] };
    /**
     * Indexes the workspace's declarations, reads and parses `others` (the files of other shares that the
     * share's references, and theirs, may point to), links all, and tells where the references point.
     */
    link: { input: { workspace: WorkspaceExports[], others: string[] }, output: ReferenceTargets };
    /** Validates the share's files named in `checked`, knowing the references of the whole workspace; their diagnostics, in that order. */
    validate: { input: { referenced: ReferenceTargets, checked: string[] }, output: Diagnostic[][] };
}

export type ShareStep = keyof ShareSteps;

/** From the main thread. */
export interface ShareRequest<S extends ShareStep = ShareStep> {
    step: S;
    input: ShareSteps[S]['input'];
}

/**
 * From a thread: the answer to the last request; or why it cannot be answered, said to the user (a file
 * that cannot be read); or how many more files it has brought to a step ('reading', 'linking', 'checking').
 */
export type ShareMessage = { output: ShareSteps[ShareStep]['output'] } | { usage: string } | { progress: string, files: number };
