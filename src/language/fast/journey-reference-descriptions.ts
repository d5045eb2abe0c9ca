import {
    DefaultReferenceDescriptionProvider, type CstNode, type DocumentSegment, type LangiumDocument, type ReferenceDescription, type ReferenceInfo
} from 'langium';
import type { Range } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './ast-traversal.js';

/**
 * Langium's reference index entries of a document (what find-references, `unused-declaration` and the
 * rebuild of dependent documents use), collected by the faster traversal of ast-traversal.ts: the same
 * entries in the same order. Each entry's segment reads its range from the reference's CST node when
 * asked, instead of holding a copy (four objects per reference, kept as long as the document is open).
 */
export class JourneyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachReference(document.parseResult.value, cancelToken, refInfo => {
            if (!refInfo.reference.error) {
                descriptions.push(...this.createInfoDescriptions(refInfo));
            }
        });
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const descriptions = super.createInfoDescriptions(refInfo);
        const node = refInfo.reference.$refNode;
        if (node && descriptions.length > 0) {
            const segment = new CstSegment(node);
            for (const description of descriptions) {
                (description as { segment: DocumentSegment }).segment = segment;
            }
        }
        return descriptions;
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
