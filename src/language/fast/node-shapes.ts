import { reflection } from '../generated/ast.js';

/** What the loops over a tree need to know of the nodes of one type, read once from the AST's reflection. */
export interface NodeShape {
    /** The properties a parsed node gets when the text gave it none (empty arrays, false), with that value. */
    readonly defaults: readonly (readonly [property: string, value: unknown])[];
    /** The properties that may hold child nodes: every one that is not a reference. */
    readonly children: readonly string[];
    /** The properties that hold references. */
    readonly references: readonly string[];
}

const shapes = new Map<string, NodeShape>();

/**
 * The shape of the nodes of `type`. Its properties come in the reflection's order (by name), which for
 * this grammar is also the order in which the parser adds those that hold nodes or references to a node
 * (each type has at most one property of child nodes, and Journey's references, `personas` and
 * `redesigns`, come in that order in its rule), so loops over them meet children and references in the
 * order of Langium's, which follow the node's own keys (test/unit/fast-equivalence.test.ts compares them).
 */
export function shapeOf(type: string): NodeShape {
    let shape = shapes.get(type);
    if (!shape) {
        const properties = Object.values(reflection.getTypeMetaData(type).properties);
        shape = {
            defaults: properties.filter(property => property.defaultValue !== undefined).map(property => [property.name, property.defaultValue] as const),
            children: properties.filter(property => property.referenceType === undefined).map(property => property.name),
            references: properties.filter(property => property.referenceType !== undefined).map(property => property.name)
        };
        shapes.set(type, shape);
    }
    return shape;
}
