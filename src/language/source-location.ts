import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { SourceLocation, SourceRange } from '../map/model.js';

/** The node's whole text and its name (or the whole node when it has none), in its own document. */
export function locate(node: AstNode & { name?: string }, document: LangiumDocument): SourceLocation {
    const cst = node.$cstNode;
    const range = cst ? toSourceRange(cst.range) : { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };
    const nameNode = node.name !== undefined ? GrammarUtils.findNodeForProperty(cst, 'name') : undefined;
    const location: SourceLocation = { range, selection: nameNode ? toSourceRange(nameNode.range) : range };
    const home = AstUtils.getDocument(node);
    if (home.uri.toString() !== document.uri.toString()) {
        location.uri = home.uri.toString();
    }
    return location;
}

function toSourceRange(range: Range): SourceRange {
    return { startLine: range.start.line, startCharacter: range.start.character, endLine: range.end.line, endCharacter: range.end.character };
}
