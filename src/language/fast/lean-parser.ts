import {
    isAstNode, LangiumParser, type AstNode, type CstNodeBuilder, type LangiumCoreServices, type LexerResult, type ParseResult, type ParserOptions
} from 'langium';
import { LeanCstNodeBuilder } from './lean-cst-node-builder.js';
import { shapeOf } from './node-shapes.js';

/**
 * Langium's parser, lighter on time and memory, parsing the same:
 *
 * - Building the CST of N declarations takes time in proportion to N (see `skipEmptyHiddenNodes`).
 * - Its CST leaves are lighter (LeanCstNodeBuilder).
 * - Each node gets its default values and is made the container of its children as it is completed
 *   (`construct`), from its type's shape (node-shapes.ts), instead of by Langium's walk over the whole
 *   tree after the parse, which listed each node's properties as new arrays (`Object.entries`,
 *   `Object.values`): a third of the time of a parse.
 * - It lets go of the tokens of the text it parsed last. Chevrotain keeps the token vector of the last parse
 *   until the next one: with a large journey open, some 24 tokens per touchpoint (and their text), a sixth of
 *   the server's heap, for nothing.
 */
export class LeanParser extends LangiumParser {
    constructor(services: LangiumCoreServices) {
        super(services);
        const builder = new LeanCstNodeBuilder();
        skipEmptyHiddenNodes(builder);
        const parser = this as unknown as ParserInternals;
        parser.nodeBuilder = builder;
        parser.construct = constructWithShape(parser, parser.construct.bind(this));
    }

    /** Langium's parse, but for its last walk over the tree, which `construct` has done node by node. */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const parser = this as unknown as ParserInternals;
        try {
            parser.nodeBuilder.buildRootNode(input);
            const lexerResult = parser.lexerResult = this.lexer.tokenize(input);
            this.wrapper.input = lexerResult.tokens;
            const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
            if (!ruleMethod) {
                throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            }
            const result = parser.doParse(ruleMethod) as T;
            parser.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            this.unorderedGroups.clear();
            parser.lexerResult = undefined;
            return { value: result, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: this.wrapper.errors };
        } finally {
            this.wrapper.input = [];
        }
    }
}

/** The members of Langium's parser, private there, that LeanParser replaces or calls. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult: LexerResult | undefined;
    stack: AstNode[];
    isRecording(): boolean;
    construct(): unknown;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium's `construct` (complete the node on top of the stack), which also makes the node the container
 * of its children: they are all in place when it is completed (a node whose rule called another without
 * assigning it is completed again, as the other rule's node, once the merged content is in).
 */
function constructWithShape(parser: ParserInternals, langiumConstruct: () => unknown): () => unknown {
    return () => {
        if (parser.isRecording()) {
            return undefined;
        }
        const node = parser.stack[parser.stack.length - 1] as AstNode & Record<string, unknown>;
        // A data type rule's value or an infix expression: the grammar has neither, Langium's own does them.
        if (typeof node.$type !== 'string' || '$infixName' in node) {
            return langiumConstruct();
        }
        parser.stack.pop();
        parser.nodeBuilder.construct(node as Parameters<CstNodeBuilder['construct']>[0]);
        const { defaults, children } = shapeOf(node.$type);
        for (const [property, value] of defaults) {
            if (node[property] === undefined) {
                node[property] = Array.isArray(value) ? [...(value as unknown[])] : value;
            }
        }
        for (const property of children) {
            const value = node[property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const child: unknown = value[index];
                    if (isAstNode(child)) {
                        adopt(node, child, property, index);
                    }
                }
            } else if (isAstNode(value)) {
                adopt(node, value, property, undefined);
            }
        }
        return node;
    };
}

function adopt(container: AstNode, child: AstNode, property: string, index: number | undefined): void {
    const node = child as { -readonly [K in '$container' | '$containerProperty' | '$containerIndex']: AstNode[K] };
    node.$container = container;
    node.$containerProperty = property;
    if (index !== undefined) {
        node.$containerIndex = index;
    }
}

/**
 * Langium hands the CST builder the hidden tokens (comments) before every token it consumes, most often
 * none; for none, the builder still looks up the position of the node being built in its container
 * (`indexOf`) when it is that node's first token. For the first token of every declaration that is a scan
 * of all the declarations before it: a file of N declarations cost N^2 (1 MB of `owner A` lines: 4.5 s
 * instead of 0.7 s). Handing the builder nothing for nothing does what it did, without the scan.
 */
function skipEmptyHiddenNodes(builder: CstNodeBuilder): void {
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) {
            addHiddenNodes(tokens);
        }
    };
}
