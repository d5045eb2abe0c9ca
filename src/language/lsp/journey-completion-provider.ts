import {
    AstUtils, CstUtils, GrammarAST, isLeafCstNode, URI, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise, type ReferenceInfo
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isChannel, isJourney, isJourneyFile, isOwner, isPersona, isTouchpoint, type Touchpoint } from '../generated/ast.js';
import { GRADE_MEANINGS } from '../../map/vocabulary/grades.js';
import { DURATION_UNITS } from '../../map/vocabulary/durations.js';
import type { JourneyServices } from '../journey-module.js';
import { isSingleValued, SINGLE_VALUED_PROPERTIES } from '../touchpoint-properties.js';

/** Touchpoint properties in the order they are offered: what the map misses most first. */
const TOUCHPOINT_PROPERTIES: ReadonlyArray<{ keyword: string, label: string, detail: string, type?: keyof typeof SINGLE_VALUED_PROPERTIES }> = [
    { keyword: 'owner', label: 'owner', detail: 'who delivers this touchpoint', type: 'OwnerProperty' },
    { keyword: 'emotion', label: 'emotion', detail: 'how it feels to the customer, 1 (very negative) to 5 (very positive)', type: 'EmotionProperty' },
    { keyword: 'channel', label: 'channel', detail: 'where the customer meets the service', type: 'ChannelProperty' },
    { keyword: 'duration', label: 'duration', detail: 'time taken, e.g. 40 min', type: 'DurationProperty' },
    { keyword: 'contacts', label: 'contacts', detail: 'number of contacts made', type: 'ContactsProperty' },
    { keyword: 'pain', label: 'pain', detail: 'a pain point or barrier (may repeat)' },
    { keyword: 'idea', label: 'idea', detail: 'an opportunity to improve (may repeat)' },
    { keyword: 'backstage', label: 'backstage', detail: 'what the organisation does behind it (may repeat)' },
    { keyword: 'quote', label: 'quote', detail: 'what a customer said (may repeat)' },
    { keyword: 'moment', label: 'moment of truth', detail: 'marks one of the touchpoints that matter most', type: 'MomentOfTruth' }
];

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

export class JourneyCompletionProvider extends DefaultCompletionProvider {
    readonly #services: JourneyServices;
    /** The document of the completion being computed (buildContexts calls backtrackToAnyToken with its text only). */
    #document: LangiumDocument | undefined;

    constructor(services: JourneyServices) {
        super(services);
        this.#services = services;
    }

    // --- Large files: work from the stage or touchpoint around the cursor, not from the top ---------------
    //
    // Langium's completion lexes the whole text (backtrackToAnyToken) and runs its completion parser over
    // all of it up to the cursor (findFeaturesAt), once or twice per request: O(file size), half a second
    // in a file of 10,000 touchpoints. What can follow at the cursor depends only on the rules being
    // parsed there (JourneyFile > Journey > Stage > Touchpoint > ...), never on the stages and touchpoints before
    // it. So when everything before the stage (or touchpoint) around the cursor parsed without errors,
    // the parser gets a stand-in `journey J {` (`stage S {`) and the text from that stage (touchpoint) on:
    // the same rules, the same tokens from there, the same result. Otherwise, and whenever the document's
    // parse is not of this very text, Langium's own way runs. bench/check-equivalence.ts compares the two.

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
        return this.#services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
    }

    /** The innermost stage or touchpoint that starts before `offset` and holds it, if that is safe to start from. */
    #restartPoint(document: LangiumDocument | undefined, text: string, offset: number): RestartPoint | undefined {
        const root = document?.parseResult.value;
        const rootCst = root?.$cstNode;
        // The parse must be of this very text (the same string, almost always the same object).
        if (!document || !isJourneyFile(root) || !rootCst || rootCst.root.fullText !== text) {
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

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (assignment && !GrammarAST.isCrossReference(assignment.terminal)) {
            if (rule?.name === 'EmotionProperty' && assignment.feature === 'grade') {
                return this.#completeGrades(context, acceptor);
            }
            if (rule?.name === 'DurationProperty' && assignment.feature === 'unit') {
                return this.#completeUnits(context, acceptor);
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const touchpoint = context.node && AstUtils.getContainerOfType(context.node, isTouchpoint);
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const property = TOUCHPOINT_PROPERTIES.findIndex(p => p.keyword === keyword.value);
        if (!touchpoint || property < 0 || !isTouchpointPropertyRule(rule)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        const { label, detail, type } = TOUCHPOINT_PROPERTIES[property];
        if (type && presentSingleValued(touchpoint).has(type)) {
            return;
        }
        acceptor(context, {
            label,
            detail,
            kind: CompletionItemKind.Property,
            sortText: `0${property.toString().padStart(2, '0')}`
        });
    }

    /** Every item as the client can take it: a kind it knows, documentation in a format it reads. */
    protected override fillCompletionItem(context: CompletionContext, item: CompletionValueItem): CompletionItem | undefined {
        const filled = super.fillCompletionItem(context, item);
        if (!filled) {
            return undefined;
        }
        const capabilities = this.#services.shared.lsp.ClientCapabilities;
        const { documentation } = filled;
        return {
            ...filled,
            kind: filled.kind === undefined ? undefined : capabilities.completionItemKind(filled.kind),
            documentation: typeof documentation === 'object' && documentation.kind === MarkupKind.Markdown && !capabilities.markdownCompletionDocumentation
                ? { kind: MarkupKind.PlainText, value: documentation.value }
                : documentation
        };
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const declaration = nodeDescription.node ?? this.#load(nodeDescription);
        if (isOwner(declaration)) {
            item.detail = [declaration.title, declaration.external ? '(external)' : undefined].filter(Boolean).join(' ') || 'Owner';
        } else if (isChannel(declaration) || isPersona(declaration)) {
            item.detail = declaration.title ?? declaration.$type;
        }
        return item;
    }

    #completeGrades(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const [grade, meaning] of Object.entries(GRADE_MEANINGS)) {
            acceptor(context, { label: grade, detail: meaning, kind: CompletionItemKind.EnumMember, sortText: `0${grade}` });
        }
    }

    #completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        Object.entries(DURATION_UNITS).forEach(([unit, { label }], index) => {
            acceptor(context, { label: unit, detail: label, kind: CompletionItemKind.Unit, sortText: `0${index}` });
        });
    }

    #load(description: AstNodeDescription): AstNode | undefined {
        const document = this.#services.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
        return document && this.#services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path);
    }
}

/** The node's first token that the parser sees (not a comment). */
function firstToken(node: CstNode): CstNode | undefined {
    return CstUtils.streamCst(node).find(child => isLeafCstNode(child) && !child.hidden);
}

function isTouchpointPropertyRule(rule: GrammarAST.ParserRule | undefined): boolean {
    return rule !== undefined && rule.name !== 'Owner' && rule.name !== 'Channel';
}

function presentSingleValued(touchpoint: Touchpoint): Set<string> {
    return new Set(touchpoint.properties.filter(isSingleValued).map(property => property.$type));
}
