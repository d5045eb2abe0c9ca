import { CstUtils, isLeafCstNode, TextDocument, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionBacktrackingInformation, type CompletionContext, type LangiumServices, type NextFeature } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { isJourney, isJourneyFile } from '../generated/ast.js';

/**
 * Where the completion parser may start instead of the top of the file, and the text that puts it in
 * the same state there: the stage or touchpoint around the cursor, behind a stand-in journey (and stage).
 */
interface RestartPoint {
    /** Offset of the stage's or touchpoint's first token in the document. */
    offset: number;
    /** The end of its last token. */
    end: number;
    /** Its first token (not a comment) ends here (exclusive). */
    firstTokenEnd: number;
    prefix: string;
}

const RESTART_PREFIX = { Stage: 'journey J {\n', Touchpoint: 'journey J {\nstage S {\n' } as const;

/**
 * Langium's completion, working from the stage or touchpoint around the cursor, not from the top of the file.
 *
 * Langium's completion lexes the whole text (backtrackToAnyToken) and runs its completion parser over
 * all of it up to the cursor (findFeaturesAt), once or twice per request: O(file size), half a second
 * in a file of 10,000 touchpoints. What can follow at the cursor depends only on the rules being
 * parsed there (JourneyFile > Journey > Stage > Touchpoint > ...), never on the stages and touchpoints before
 * it. So when everything before the stage (or touchpoint) around the cursor parsed without errors,
 * the parser gets a stand-in `journey J {` (`stage S {`) and the text from that stage (touchpoint) on:
 * the same rules, the same tokens from there, the same result. Otherwise, and whenever the document's
 * parse is not of this very text, Langium's own way runs. test/unit/fast-equivalence.test.ts compares the two.
 */
export class RestartingCompletionProvider extends DefaultCompletionProvider {
    readonly #documents: LangiumServices['shared']['workspace']['LangiumDocuments'];
    /** The document of the completion being computed (buildContexts calls backtrackToAnyToken with its text only). */
    #document: LangiumDocument | undefined;

    constructor(services: LangiumServices) {
        super(services);
        this.#documents = services.shared.workspace.LangiumDocuments;
    }

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        this.#document = document;
        try {
            yield* super.buildContexts(document, position);
        } finally {
            this.#document = undefined;
        }
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const restart = this.#restartPoint(this.#langiumDocument(document.uri), text, offset);
        if (!restart) {
            return super.findFeaturesAt(document, offset);
        }
        const partial = restart.prefix + text.substring(restart.offset, offset);
        return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, partial), partial.length);
    }

    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const restart = this.#restartPoint(this.#document, text, offset);
        // The window must start with a whole token before the cursor, so that the token before the cursor
        // is in it too. It starts and ends on token boundaries of the whole text, so lexing it gives the
        // whole text's tokens there; a cursor just after its last token gives the same answer as a cursor
        // followed by more tokens (the end of the text counts as "between tokens").
        if (!restart || restart.firstTokenEnd >= offset) {
            return super.backtrackToAnyToken(text, offset);
        }
        const info = super.backtrackToAnyToken(text.substring(restart.offset, restart.end), offset - restart.offset);
        const shift = (value: number | undefined) => value === undefined ? undefined : value + restart.offset;
        return {
            nextTokenStart: info.nextTokenStart + restart.offset,
            nextTokenEnd: info.nextTokenEnd + restart.offset,
            previousTokenStart: shift(info.previousTokenStart),
            previousTokenEnd: shift(info.previousTokenEnd)
        };
    }

    #langiumDocument(uri: string): LangiumDocument | undefined {
        if (this.#document?.textDocument.uri === uri) {
            return this.#document;
        }
        return this.#documents.getDocument(URI.parse(uri));
    }

    /** The innermost stage or touchpoint that starts before `offset` and holds it, if that is safe to start from. */
    #restartPoint(document: LangiumDocument | undefined, text: string, offset: number): RestartPoint | undefined {
        const root = document?.parseResult.value;
        const rootCst = root?.$cstNode;
        // The parse must be of this very text (the same string, almost always the same object).
        if (!document || !isJourneyFile(root) || rootCst?.root.fullText !== text) {
            return undefined;
        }
        const holds = (node: AstNode) => node.$cstNode !== undefined && node.$cstNode.offset < offset && offset <= node.$cstNode.end;
        const journey = root.declarations.find(declaration => isJourney(declaration) && holds(declaration));
        const stage = isJourney(journey) ? journey.stages.find(holds) : undefined;
        const touchpoint = stage?.touchpoints.find(holds);
        const node = touchpoint ?? stage;
        const cst = node?.$cstNode;
        if (!node || !cst) {
            return undefined;
        }
        const { lexerErrors, parserErrors } = document.parseResult;
        const before = (errorOffset: number | undefined) => errorOffset === undefined || !Number.isFinite(errorOffset) || errorOffset <= cst.offset;
        if (lexerErrors.some(error => before(error.offset)) || parserErrors.some(error => before(error.token.startOffset))) {
            return undefined;
        }
        const first = firstToken(cst);
        return { offset: cst.offset, end: cst.end, firstTokenEnd: first ? first.end : cst.end, prefix: RESTART_PREFIX[touchpoint ? 'Touchpoint' : 'Stage'] };
    }
}

/** The node's first token that the parser sees (not a comment). */
function firstToken(node: CstNode): CstNode | undefined {
    return CstUtils.streamCst(node).find(child => isLeafCstNode(child) && !child.hidden);
}
