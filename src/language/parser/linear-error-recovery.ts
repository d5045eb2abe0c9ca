/**
 * Chevrotain's error recovery, at a cost in proportion to the text however many errors it holds. Applied
 * to the parser Langium builds (see JourneyParser.finalize); what is parsed, the tree and the errors stay
 * Chevrotain's own.
 */

type Repetition = (this: ChevrotainRecovery, occurrence: number, action: unknown) => void;

interface TokenType {
    readonly name: string;
}

/** The members of Chevrotain's parser that its error recovery goes through: internal, so the parser tests pin their behaviour. */
export interface ChevrotainRecovery {
    manyInternal: Repetition;
    atLeastOneInternal: Repetition;
    tryInRepetitionRecovery: (this: ChevrotainRecovery, grammarRule: Repetition, args: unknown[], lookAhead: () => boolean, expected: TokenType) => void;
    findReSyncTokenType(this: ChevrotainRecovery): TokenType;
    flattenFollowSet(): TokenType[];
    tokenMatcher(token: unknown, type: TokenType): boolean;
    LA(howMuch: number): unknown;
    readonly tokVector: unknown[];
    readonly currIdx: number;
    readonly RULE_STACK: number[];
    readonly RULE_OCCURRENCE_STACK: number[];
    readonly RULE_STACK_IDX: number;
}

/**
 * When an iteration of a repetition (`declarations+=Declaration*`, `stages+=Stage*`...)
 * fails, Chevrotain skips tokens until the next iteration can start and then parses the rest of the
 * repetition by calling it again, from inside the call that failed: one level of recursion (a dozen
 * stack frames) per error. Some 1,100 to 2,000 declarations each followed by a stray token (`owner A foo`
 * repeated, 24 KB) overflowed the stack, and the file got no diagnostics at all.
 *
 * The same recovery as a loop: Chevrotain's own `tryInRepetitionRecovery` still decides where to resume
 * and reports the error, but instead of calling the repetition again it asks the repetition under way to
 * go round once more. That call was the last thing the failed repetition did (a tail call), so going
 * round gives the same tree and the same errors, on a stack that no longer grows with the errors.
 *
 * Chevrotain's own parser swaps its methods on the instance in the same way (the "recording" phase of
 * `performSelfAnalysis`, which has ended by the time this runs). The separator repetitions (`MANY_SEP`,
 * `AT_LEAST_ONE_SEP`) keep Chevrotain's way: Langium grammars never produce them.
 */
export function iterativeRepetitionRecovery(parser: ChevrotainRecovery): void {
    const { manyInternal, atLeastOneInternal, tryInRepetitionRecovery } = parser;
    let resumeRequested = false;
    const resume = (): void => {
        resumeRequested = true;
    };
    const looping = (repetition: Repetition): Repetition => function (occurrence, action) {
        // A repetition nested in an iteration clears the flag before it returns: set here, it is this one's.
        do {
            resumeRequested = false;
            repetition.call(this, occurrence, action);
        } while (resumeRequested);
    };
    parser.manyInternal = looping(manyInternal);
    parser.atLeastOneInternal = looping(atLeastOneInternal);
    parser.tryInRepetitionRecovery = function (grammarRule, args, lookAhead, expected) {
        const iterative = grammarRule === parser.manyInternal || grammarRule === parser.atLeastOneInternal;
        tryInRepetitionRecovery.call(this, iterative ? resume : grammarRule, args, lookAhead, expected);
    };
}

/** Where a search for a resync token ended: from `from` (the index of the token after the error) to `at`. */
interface ResyncScan {
    tokens: unknown[];
    from: number;
    at: number;
    type: TokenType;
}

/**
 * After an error, Chevrotain looks for the nearest token that may follow one of the rules being parsed (at
 * the top level only the end of the file may) to know how far it may skip: a scan of the tokens from the
 * error on, which for an error at the top level runs to the end of the file. Once per error, that made a
 * file of N lines that each hold a stray token cost N^2 (a 1 MB file: minutes).
 *
 * The scan's answer depends only on the rules being parsed (their follow set) and where it starts, and it
 * is the same from every token before the one it found. So the last scan for each stack of rules is
 * remembered and reused for an error further on that is still before the token it found: every token is
 * scanned once per stack of rules, of which a grammar has a handful. The answer is Chevrotain's own.
 */
export function rememberedResyncPoints(parser: ChevrotainRecovery): () => void {
    const scans = new Map<string, ResyncScan>();
    parser.findReSyncTokenType = function () {
        let key = '';
        for (let i = 0; i <= this.RULE_STACK_IDX; i++) {
            key += `${this.RULE_STACK[i]}:${this.RULE_OCCURRENCE_STACK[i]} `;
        }
        const from = this.currIdx + 1;
        const scan = scans.get(key);
        if (scan?.tokens === this.tokVector && scan.from <= from && from <= scan.at) {
            return scan.type;
        }
        const follows = this.flattenFollowSet();
        // The end of the file follows every stack of rules, and LA gives it past the last token: this ends.
        for (let k = 1; ; k++) {
            const token = this.LA(k);
            const type = follows.find(follow => this.tokenMatcher(token, follow));
            if (type) {
                scans.set(key, { tokens: this.tokVector, from, at: from + k - 1, type });
                return type;
            }
        }
    };
    return () => scans.clear();
}
