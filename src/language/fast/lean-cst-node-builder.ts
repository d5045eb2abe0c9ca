import { AbstractCstNode, CstNodeBuilder, type AstNode, type LeafCstNodeImpl, type LeafCstNode, type RootCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver';

/**
 * Langium's CST builder, its leaves lighter: a leaf keeps its offset and length but not the line and
 * column of its start and end, which it computes from the offsets when its range is asked for, through
 * the line starts of the root's text. Some 24 leaves per touchpoint: 40 bytes less each (64 instead of
 * 104), a tenth of the server's heap with a large journey open. The ranges are the lexer's: Chevrotain
 * counts `\r\n`, `\r` and `\n` as line breaks, and so does `lineStarts`, in every token that can span
 * lines (comments; no other token of the grammar holds a line break).
 */
export class LeanCstNodeBuilder extends CstNodeBuilder {
    /** Langium's builder only appends the leaf it is handed and sets its grammar source: any LeafCstNode does. */
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        const leaf = hidden ? new HiddenLeanLeafCstNode(token) : new LeanLeafCstNode(token);
        return leaf as unknown as LeafCstNodeImpl;
    }
}

class LeanLeafCstNode extends AbstractCstNode implements LeafCstNode {
    // `| 0` keeps the fields small integers: Chevrotain's token positions would make them boxed doubles.
    private readonly _offset: number;
    private readonly _length: number;
    private readonly _tokenType: TokenType;

    constructor(token: IToken) {
        super();
        this._offset = token.startOffset | 0;
        this._length = token.image.length | 0;
        this._tokenType = token.tokenType;
    }

    get offset(): number {
        return this._offset;
    }

    get length(): number {
        return this._length;
    }

    get end(): number {
        return this._offset + this._length;
    }

    // A getter of the class, not a field: a field would be 8 bytes more in every leaf.
    // eslint-disable-next-line @typescript-eslint/class-literal-property-style
    get hidden(): boolean {
        return false;
    }

    get tokenType(): TokenType {
        return this._tokenType;
    }

    get astNode(): AstNode {
        if (!this.container) {
            throw new Error('This node has no associated AST element');
        }
        return this.container.astNode;
    }

    get range(): Range {
        const starts = lineStartsOf(this.root);
        return { start: position(starts, this._offset), end: position(starts, this._offset + this._length) };
    }
}

class HiddenLeanLeafCstNode extends LeanLeafCstNode {
    override get hidden(): boolean {
        return true;
    }
}

/** The offsets at which the lines of each tree's text start, made when a range of the tree is first asked for. */
const lineStartsByRoot = new WeakMap<RootCstNode, Uint32Array>();

function lineStartsOf(root: RootCstNode): Uint32Array {
    let starts = lineStartsByRoot.get(root);
    if (!starts) {
        starts = lineStarts(root.fullText);
        lineStartsByRoot.set(root, starts);
    }
    return starts;
}

/** Where each line starts: at 0 and after each `\r\n`, lone `\r` and `\n`. */
function lineStarts(text: string): Uint32Array {
    const starts = [0];
    if (!text.includes('\r')) {
        // Only `\n`, found by the engine's own search instead of a look at every character.
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.push(i + 1);
        }
        return Uint32Array.from(starts);
    }
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
            starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/** The 0-based line and column (in UTF-16 code units) of an offset: the last line starting at or before it. */
function position(starts: Uint32Array, offset: number): Position {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle] <= offset) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return { line: low, character: offset - starts[low] };
}
