import {
    DefaultReferenceDescriptionProvider, isReference, type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment,
    type LangiumDocument, type MultiReference, type Reference, type ReferenceDescription, type URI
} from 'langium';
import type { Range } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './ast-traversal.js';

/**
 * Langium's reference index entries of a document (what find-references, `unused-declaration` and the
 * rebuild of dependent documents use), collected by the faster traversal of ast-traversal.ts: the same
 * entries in the same order, each field read as Langium's (createInfoDescriptions, for every reference
 * of the document at once). Each entry's segment reads its range from the reference's CST node when
 * asked, instead of holding a copy (four objects per reference, kept as long as the document is open),
 * and its source path is written when asked (by hover, seldom), not for every reference of every file.
 */
export class JourneyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        await forEachReference(document.parseResult.value, cancelToken, ({ reference, container }) => {
            const targets = indexedTargets(reference);
            if (targets.length > 0) {
                const segment = new CstSegment(reference.$refNode!);
                for (const target of targets) {
                    descriptions.push(new IndexedReference(sourceUri, container, this.nodeLocator, target, segment));
                }
            }
        });
        return descriptions;
    }
}

/**
 * The declarations a reference's index entries point to, as Langium's createInfoDescriptions takes them:
 * none for a reference that did not resolve or that has no place in the text.
 */
export function indexedTargets(reference: Reference | MultiReference): AstNodeDescription[] {
    if (reference.error || !reference.$refNode) {
        return [];
    }
    return isReference(reference) ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
        : reference.items.map(item => item.$nodeDescription).filter(target => target !== undefined);
}

/** An index entry: Langium's, its source path written by the AstNodeLocator when read. */
class IndexedReference implements ReferenceDescription {
    readonly sourceUri: URI;
    readonly targetUri: URI;
    readonly targetPath: string;
    readonly segment: DocumentSegment;
    readonly local: boolean;
    readonly #source: AstNode;
    readonly #locator: AstNodeLocator;

    constructor(sourceUri: URI, source: AstNode, locator: AstNodeLocator, target: AstNodeDescription, segment: DocumentSegment) {
        this.sourceUri = sourceUri;
        this.targetUri = target.documentUri;
        this.targetPath = target.path;
        this.segment = segment;
        this.local = target.documentUri.toString() === sourceUri.toString();
        this.#source = source;
        this.#locator = locator;
    }

    get sourcePath(): string {
        return this.#locator.getAstNodePath(this.#source);
    }
}

/** Langium's toDocumentSegment(node), with the range computed on each read (a new object, as the CST gives it). */
class CstSegment implements DocumentSegment {
    readonly offset: number;
    readonly end: number;
    readonly length: number;
    readonly #node: CstNode;

    constructor(node: CstNode) {
        this.#node = node;
        this.offset = node.offset;
        this.end = node.end;
        this.length = node.end - node.offset;
    }

    get range(): Range {
        return this.#node.range;
    }
}

/**
 * A segment whose range no longer comes from a CST: what an index entry keeps of its reference once the
 * document's tree is released (ReleasedDocuments), the range's four numbers instead of its four objects.
 */
export class FixedSegment implements DocumentSegment {
    readonly offset: number;
    readonly end: number;
    readonly length: number;
    readonly #startLine: number;
    readonly #startCharacter: number;
    readonly #endLine: number;
    readonly #endCharacter: number;

    constructor({ offset, end, length, range }: DocumentSegment) {
        this.offset = offset;
        this.end = end;
        this.length = length;
        this.#startLine = range.start.line;
        this.#startCharacter = range.start.character;
        this.#endLine = range.end.line;
        this.#endCharacter = range.end.character;
    }

    get range(): Range {
        return {
            start: { line: this.#startLine, character: this.#startCharacter },
            end: { line: this.#endLine, character: this.#endCharacter }
        };
    }
}
