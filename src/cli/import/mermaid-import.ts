/**
 * Mermaid journeys to the journey language. Sections become stages, tasks touchpoints, scores emotion
 * grades and actors owners:
 *
 * - The first actor of a task owns its touchpoint; the others take part in it (`with`), in their order;
 *   every actor is declared as an owner (once per file).
 * - A score that Mermaid reads as a whole number from 1 to 5 is the grade; a missing score, another
 *   number, or a score that `journey export` marked as a stand-in (`%% ungraded:`) leaves the
 *   touchpoint ungraded, with a comment saying why.
 * - Tasks before the first `section`, which Mermaid draws in no section, go to a stage with the empty
 *   title, which `journey export` writes with no `section` line.
 * - `title` is the journey's title (`accTitle` stands in when there is none); `accDescr` is the journey's
 *   `description`, and an `accTitle` other than the title its `titled` (after an empty description when
 *   there is no `accDescr`), so that `journey export` writes all three back as they were.
 * - `%%` comments are kept as `//` comments before the stage or touchpoint they preceded.
 * - Mermaid has no persona: the journey has no `for`, and a comment says so.
 * - Control characters, written or made by entity codes, are written as their escapes (`\u001b`), as text.
 *
 * Names are made from titles (`Make tea` -> `MakeTea`): letters and digits of any alphabet, starting
 * with a letter or `_`, made unique where they must be (`Trip`, `Trip_2`, ...).
 */
import { escapeControlCharacters } from '../../map/control-characters.js';
import type { MermaidJourney, MermaidTask } from './mermaid-parser.js';

const MAX_NAME_LENGTH = 32;
const INDENT = '  ';

export interface ImportResult {
    text: string;
    journeys: number;
    stages: number;
    touchpoints: number;
    owners: number;
}

/** A name of the journey language made from a title: the words joined in PascalCase. */
export function identifier(text: string, fallback: string): string {
    const words = text.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let name = '';
    for (const word of words) {
        const [first, ...rest] = [...word];
        const next = first.toLocaleUpperCase() + rest.join('');
        if (name !== '' && name.length + next.length > MAX_NAME_LENGTH) {
            break;
        }
        name += next;
    }
    if (name === '') {
        return fallback;
    }
    return /^[\p{L}_]/u.test(name) ? name : `_${name}`;
}

/** A set of names in which each new name is made unique with a suffix: `Trip`, `Trip_2`, `Trip_3`. */
class Names {
    readonly #used = new Set<string>();

    unique(base: string): string {
        let name = base;
        for (let n = 2; this.#used.has(name.toLowerCase()); n++) {
            name = `${base}_${n}`;
        }
        this.#used.add(name.toLowerCase());
        return name;
    }
}

/**
 * A string literal of the journey language: double quotes, `\"` and `\\` escaped, on one line, and each
 * control character written as its escape (`\u001b`, as text: seen, never run).
 */
export function stringLiteral(text: string): string {
    return `"${escapeControlCharacters(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\"]/g, c => `\\${c}`)}"`;
}

function comment(indent: string, text: string): string[] {
    return text.split(/\r\n|\r|\n/).map(line => `${indent}// ${escapeControlCharacters(line)}`.trimEnd());
}

/** ` "Title"` when the title says more than the name; nothing when they are the same. */
function titlePart(name: string, title: string): string {
    return title === name || title === '' ? '' : ` ${stringLiteral(title)}`;
}

export function mermaidToJourney(journeys: MermaidJourney[], source: string): ImportResult {
    const fileBase = identifier(source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), 'Journey');
    const journeyNames = new Names();
    const ownerNames = new Names();
    const owners = new Map<string, { name: string, title: string }>();
    const body: string[] = [];
    let stageCount = 0;
    let touchpointCount = 0;

    const ownerFor = (actor: string) => {
        let owner = owners.get(actor);
        if (!owner) {
            owner = { name: ownerNames.unique(identifier(actor, 'Owner')), title: actor };
            owners.set(actor, owner);
        }
        return owner.name;
    };

    journeys.forEach((journey, i) => {
        const title = journey.title ?? journey.accTitle;
        const name = journeyNames.unique(identifier(title ?? '', fileBase));
        body.push('');
        if (journeys.length > 1) {
            body.push(`// Mermaid journey ${i + 1} of ${journeys.length} (line ${journey.line} of ${source}).`);
        }
        journey.leadingComments.forEach(text => body.push(...comment('', text)));
        body.push('// Mermaid has no persona: add `for <Persona>` to say whose journey this is.');
        body.push(`journey ${name}${titlePart(name, title ?? '')} {`);
        const otherTitle = journey.accTitle && journey.title && journey.accTitle !== journey.title ? journey.accTitle : undefined;
        if (journey.accDescr || otherTitle) {
            body.push(`${INDENT}description ${stringLiteral(journey.accDescr ?? '')}${otherTitle ? ` titled ${stringLiteral(otherTitle)}` : ''}`);
        }
        const stageNames = new Names();
        const touchpointNames = new Names();
        for (const section of journey.sections) {
            const stageTitle = section.title ?? '';
            const stageName = stageNames.unique(identifier(stageTitle, 'Stage'));
            stageCount++;
            section.comments.forEach(text => body.push(...comment(INDENT, text)));
            if (section.title === undefined) {
                body.push(`${INDENT}// Tasks before the first section: in no section in Mermaid, as the empty title says.`);
                body.push(`${INDENT}stage ${stageName} "" {`);
            } else {
                body.push(`${INDENT}stage ${stageName}${titlePart(stageName, stageTitle)} {`);
            }
            for (const task of section.tasks) {
                touchpointCount++;
                const touchpointName = touchpointNames.unique(identifier(task.title, 'Touchpoint'));
                body.push(...touchpoint(task, touchpointName, ownerFor));
            }
            body.push(`${INDENT}}`);
        }
        journey.comments.forEach(text => body.push(...comment(INDENT, text)));
        body.push('}');
    });

    const header = [
        `// Imported from ${source} by \`journey import\` (Mermaid journey diagram${journeys.length > 1 ? 's' : ''}).`,
        '// Sections are stages, tasks touchpoints, scores emotion grades; the first actor of a task owns it.'
    ];
    if (owners.size > 0) {
        header.push('');
        for (const owner of owners.values()) {
            header.push(`owner ${owner.name}${titlePart(owner.name, owner.title)}`);
        }
    }
    return {
        text: `${[...header, ...body].join('\n')}\n`,
        journeys: journeys.length,
        stages: stageCount,
        touchpoints: touchpointCount,
        owners: owners.size
    };
}

function touchpoint(task: MermaidTask, name: string, ownerFor: (actor: string) => string): string[] {
    const indent = INDENT.repeat(2);
    const lines: string[] = [];
    task.comments.forEach(text => lines.push(...comment(indent, text)));
    const valid = Number.isInteger(task.score) && task.score >= 1 && task.score <= 5;
    if (task.ungraded) {
        lines.push(`${indent}// Not graded: the Mermaid score was a stand-in (marked \`%% ungraded:\` by journey export).`);
    } else if (task.scoreText === '') {
        lines.push(`${indent}// No score in Mermaid: not graded.`);
    } else if (!valid) {
        lines.push(...comment(indent, `Mermaid score ${task.scoreText} is not a grade from 1 to 5: not graded.`));
    }
    const properties: string[] = [];
    const [owner, ...others] = task.actors;
    if (owner !== undefined) {
        properties.push(`owner ${ownerFor(owner)}`);
    }
    const taking = [...new Set(others.filter(actor => actor !== owner).map(ownerFor))];
    if (taking.length > 0) {
        properties.push(`with ${taking.join(', ')}`);
    }
    if (valid && !task.ungraded) {
        properties.push(`emotion ${task.score}`);
    }
    const head = `${indent}touchpoint ${name}${titlePart(name, task.title)}`;
    if (properties.length === 0) {
        lines.push(head);
    } else {
        lines.push(`${head} {`, ...properties.map(p => `${indent}${INDENT}${p}`), `${indent}}`);
    }
    return lines;
}
