import type { AstNode } from 'langium';
import { AbstractFormatter, Formatting, type NodeFormatter } from 'langium/lsp';
import {
    isChannel, isChannelProperty, isContactsProperty, isDurationProperty, isEmotionProperty, isJourney, isModel, isMomentOfTruth,
    isNote, isOwner, isOwnerProperty, isPersona, isStage, isTouchpoint,
    type Channel, type Model, type Owner, type Persona, type Touchpoint
} from '../generated/ast.js';
import { isSingleValued, SINGLE_VALUED_PROPERTIES } from '../touchpoint-properties.js';

/** Value-carrying properties whose values line up in a touchpoint: `owner    Comms`, `duration 2 min`. */
const ALIGNED = ['OwnerProperty', 'ChannelProperty', 'EmotionProperty', 'ContactsProperty', 'DurationProperty'] as const;

/**
 * One canonical layout: a declaration per line, two-space indentation, one property per line, values of
 * a touchpoint's single-valued properties aligned, persona fields aligned, and the titles of a run of
 * owners (or channels) aligned. Blank lines between declarations and stages are kept; comments stay.
 */
export class JourneyFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        if (isModel(node)) {
            this.#formatModel(node);
        } else if (isOwner(node) || isChannel(node)) {
            const f = this.getNodeFormatter(node);
            f.property('name').prepend(Formatting.oneSpace());
            if (isOwner(node)) {
                f.keyword('external').prepend(Formatting.oneSpace());
            }
        } else if (isPersona(node)) {
            this.#formatPersona(node);
        } else if (isJourney(node)) {
            const f = this.getNodeFormatter(node);
            f.properties('name', 'title').prepend(Formatting.oneSpace());
            f.keyword('for').prepend(Formatting.oneSpace());
            f.property('persona').prepend(Formatting.oneSpace());
            this.#formatBlock(f, node.stages.length === 0 && !node.goal, true);
            // After the block: the goal's text is inside the braces too, but stays on the goal's line.
            f.property('goal').prepend(Formatting.oneSpace());
        } else if (isStage(node)) {
            const f = this.getNodeFormatter(node);
            f.properties('name', 'title').prepend(Formatting.oneSpace());
            this.#formatBlock(f, node.touchpoints.length === 0, true);
        } else if (isTouchpoint(node)) {
            this.#formatTouchpoint(node);
        } else if (isMomentOfTruth(node)) {
            const f = this.getNodeFormatter(node);
            f.keywords('of', 'truth').prepend(Formatting.oneSpace());
        } else if (isEmotionProperty(node)) {
            this.getNodeFormatter(node).property('feeling').prepend(Formatting.oneSpace());
        } else if (isDurationProperty(node)) {
            this.getNodeFormatter(node).property('unit').prepend(Formatting.oneSpace());
        } else if (isNote(node)) {
            this.getNodeFormatter(node).property('text').prepend(Formatting.oneSpace());
        }
    }

    #formatModel(model: Model): void {
        const f = this.getNodeFormatter(model);
        f.nodes(...model.declarations.slice(1)).prepend(Formatting.newLine({ allowMore: true }));
        // Titles of consecutive owners (or channels) line up, as in a table.
        let run: Array<Owner | Channel> = [];
        const flush = () => {
            const width = Math.max(...run.map(d => d.name.length));
            for (const declaration of run) {
                this.getNodeFormatter(declaration).property('title').prepend(Formatting.spaces(width - declaration.name.length + 1));
            }
            run = [];
        };
        for (const declaration of model.declarations) {
            if ((isOwner(declaration) || isChannel(declaration)) && (run.length === 0 || run[0].$type === declaration.$type)) {
                run.push(declaration);
            } else {
                flush();
                if (isOwner(declaration) || isChannel(declaration)) {
                    run.push(declaration);
                }
            }
        }
        flush();
    }

    #formatPersona(persona: Persona): void {
        const f = this.getNodeFormatter(persona);
        f.properties('name', 'title').prepend(Formatting.oneSpace());
        if (!f.keyword('{').nodes.length) {
            return;
        }
        this.#formatBlock(f, persona.fields.length === 0, false);
        const width = Math.max(...persona.fields.map(field => field.kind.length));
        for (const field of persona.fields) {
            this.getNodeFormatter(field).property('text').prepend(Formatting.spaces(width - field.kind.length + 1));
        }
    }

    #formatTouchpoint(touchpoint: Touchpoint): void {
        const f = this.getNodeFormatter(touchpoint);
        f.properties('name', 'title').prepend(Formatting.oneSpace());
        if (!f.keyword('{').nodes.length) {
            return;
        }
        this.#formatBlock(f, touchpoint.properties.length === 0, false);
        const aligned = touchpoint.properties.filter(isSingleValued).filter(p => (ALIGNED as readonly string[]).includes(p.$type));
        const width = Math.max(...aligned.map(p => SINGLE_VALUED_PROPERTIES[p.$type].length));
        for (const property of aligned) {
            const spaces = Formatting.spaces(width - SINGLE_VALUED_PROPERTIES[property.$type].length + 1);
            const pf = this.getNodeFormatter(property);
            if (isOwnerProperty(property)) {
                pf.property('owner').prepend(spaces);
            } else if (isChannelProperty(property)) {
                pf.property('channel').prepend(spaces);
            } else if (isEmotionProperty(property)) {
                pf.property('grade').prepend(spaces);
            } else if (isContactsProperty(property)) {
                pf.property('count').prepend(spaces);
            } else if (isDurationProperty(property)) {
                pf.property('amount').prepend(spaces);
            }
        }
    }

    /**
     * `name {`, the contents indented one per line, `}` on its own line; `{ }` when empty. Blank lines are
     * kept between stages and touchpoints (`keepBlankLines`), not between properties.
     */
    #formatBlock(f: NodeFormatter<AstNode>, empty: boolean, keepBlankLines: boolean): void {
        const open = f.keyword('{');
        const close = f.keyword('}');
        open.prepend(Formatting.oneSpace());
        if (empty) {
            close.prepend(Formatting.oneSpace());
        } else {
            f.interior(open, close).prepend(Formatting.indent({ allowMore: keepBlankLines }));
            close.prepend(Formatting.newLine());
        }
    }
}
