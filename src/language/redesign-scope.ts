import { AstUtils, EMPTY_SCOPE, MultiMap, stream, type AstNodeDescription, type AstNodeDescriptionProvider, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { isJourney, isReplacesProperty, type Journey } from './generated/ast.js';

/**
 * The one scope the language defines itself: `replaces` names steps of the journey of today, so its
 * references are resolved against the touchpoints of the journey named by `redesigns` (in whatever file
 * it is), and nothing else. A journey that redesigns nothing, or a journey that is not declared, has no
 * steps to name: the validator says so on the journey (`replaces-without-redesign`, a linking error on
 * `redesigns`), and the linking errors of its steps are not shown twice (JourneyDocumentValidator).
 *
 * Both the server's scope provider and Langium's (in test/unit/fast-equivalence.test.ts) ask this first.
 * Each journey's steps are described once per version of its file: the scope is kept with the journey's
 * node, which a new parse replaces.
 */
export class RedesignScopes {
    readonly #descriptions: AstNodeDescriptionProvider;
    readonly #steps = new WeakMap<Journey, StepScope>();

    constructor(descriptions: AstNodeDescriptionProvider) {
        this.#descriptions = descriptions;
    }

    /** The scope of a `replaces` reference; undefined for any other reference. */
    scopeFor(context: ReferenceInfo): Scope | undefined {
        if (!isReplacesProperty(context.container)) {
            return undefined;
        }
        const current = AstUtils.getContainerOfType(context.container, isJourney)?.redesigns?.ref;
        if (!current) {
            return EMPTY_SCOPE;
        }
        let scope = this.#steps.get(current);
        if (!scope) {
            scope = new StepScope(current, this.#descriptions);
            this.#steps.set(current, scope);
        }
        return scope;
    }
}

/** The touchpoints of a journey, in journey order, found by name; the first of a repeated name counts. */
class StepScope implements Scope {
    readonly #all: AstNodeDescription[];
    readonly #byName: MultiMap<string, AstNodeDescription>;

    constructor(journey: Journey, descriptions: AstNodeDescriptionProvider) {
        const document = AstUtils.getDocument(journey);
        this.#all = journey.stages.flatMap(stage => stage.touchpoints)
            .filter(touchpoint => Boolean(touchpoint.name))
            .map(touchpoint => descriptions.createDescription(touchpoint, touchpoint.name, document));
        this.#byName = new MultiMap(this.#all.map(description => [description.name, description]));
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.#byName.get(name)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.#byName.get(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.#all);
    }
}
