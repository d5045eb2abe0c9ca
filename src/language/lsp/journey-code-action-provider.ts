import { AstUtils, CstUtils, GrammarUtils, UriUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import {
    isEmotionProperty, isJourney, isJourneyFile, isPartyField, isTouchpoint, isWithProperty, type Declaration, type EmotionProperty, type JourneyFile,
    type Touchpoint, type WithProperty
} from '../generated/ast.js';
import { editDistance } from '../edit-distance.js';
import type { JourneyServices } from '../journey-module.js';
import { IssueCodes } from '../validation/issue-codes.js';
import { APPLY_FIX_COMMAND } from './journey-execute-command-handler.js';
import { describedNode } from '../workspace/described-node.js';

type DeclaredKind = 'Owner' | 'Stakeholder' | 'Channel' | 'Persona';

/** The declarations a quick fix can declare, by their keywords (a journey or a step missing is no one-line declaration). */
const KEYWORDS: Record<DeclaredKind, string> = { Owner: 'owner', Stakeholder: 'stakeholder', Channel: 'channel', Persona: 'persona' };

/**
 * The kinds a reference to a missing name may declare, the likeliest first: a party taking part in a
 * touchpoint is most often a team (an owner), a party linked to is most often someone outside (a stakeholder).
 */
function kindsToDeclare(type: string, container: AstNode): DeclaredKind[] {
    if (type === 'Party') {
        return isPartyField(container) ? ['Stakeholder', 'Owner'] : ['Owner', 'Stakeholder'];
    }
    return isDeclaredKind(type) ? [type] : [];
}

function isDeclaredKind(type: string): type is DeclaredKind {
    return Object.hasOwn(KEYWORDS, type);
}

/** Owners and stakeholders share their names, and one is declared beside the other kind when a file has none of its own. */
const KIN: Record<DeclaredKind, DeclaredKind[]> = { Owner: ['Owner', 'Stakeholder'], Stakeholder: ['Stakeholder', 'Owner'], Channel: ['Channel'], Persona: ['Persona'] };

/** Names no further than this from a misspelt one are offered as "did you mean". */
const MAX_SUGGESTION_DISTANCE = 3;

/**
 * Quick fixes, keyed by the diagnostics' codes: add an owner or a placeholder grade, declare what a
 * reference misses or correct it to the closest name it could have, add a persona to its journey's `for`
 * list, rename a duplicate, remove what nothing uses.
 */
export class JourneyCodeActionProvider implements CodeActionProvider {
    readonly #services: JourneyServices;

    constructor(services: JourneyServices) {
        this.#services = services;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): (CodeAction | Command)[] {
        const capabilities = this.#services.shared.lsp.ClientCapabilities;
        if (!capabilities.codeActionLiterals && !capabilities.applyEdit) {
            return [];
        }
        const actions = params.context.diagnostics.flatMap(sent => {
            // The edits come from the server's own diagnostic and the document's text: a client may send
            // back its diagnostic with other columns (Neovim 0.7 counts bytes) or without its data.
            const diagnostic = this.#ownDiagnostic(document, sent);
            return diagnostic ? this.#fixes(document, diagnostic).map(fix => ({ ...fix, diagnostics: [sent] })) : [];
        });
        if (capabilities.codeActionLiterals) {
            return capabilities.preferredCodeActions ? actions : actions.map(({ isPreferred: _, ...action }) => action);
        }
        return actions.map(action => ({ title: action.title, command: APPLY_FIX_COMMAND, arguments: [action.title, action.edit] }));
    }

    #fixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.#nodeAt(document, diagnostic.range.start);
        switch (codeOf(diagnostic)) {
            case IssueCodes.MissingOwner: return isTouchpoint(node) ? this.#addOwner(document, node) : [];
            case IssueCodes.UnscoredTouchpoint: return isTouchpoint(node) ? [this.#addGrade(document, node)] : [];
            case IssueCodes.LinkingError: return node ? this.#fixReference(document, node, diagnostic) : [];
            case IssueCodes.PersonaNotInJourney: return isEmotionProperty(node) ? this.#addPersonaToJourney(document, node) : [];
            case IssueCodes.DuplicateName: return node ? this.#renameDuplicate(document, node, diagnostic) : [];
            case IssueCodes.UnusedDeclaration: return node ? [this.#removeDeclaration(document, node)] : [];
            case IssueCodes.RedundantWith: return isWithProperty(node) ? this.#removeFromWith(document, node, diagnostic) : [];
            default: return [];
        }
    }

    /**
     * The server's diagnostic the client's one stands for: the same code and message on the same line,
     * the nearest to the client's column if there are several. None for a diagnostic the server no longer has.
     */
    #ownDiagnostic(document: LangiumDocument, sent: Diagnostic): Diagnostic | undefined {
        const code = codeOf(sent);
        const candidates = (document.diagnostics ?? []).filter(own => codeOf(own) === code && own.message === sent.message
            && own.range.start.line === sent.range.start.line);
        const distance = (own: Diagnostic) => Math.abs(own.range.start.character - sent.range.start.character);
        return candidates.sort((a, b) => distance(a) - distance(b))[0];
    }

    #nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode;
    }

    #addOwner(document: LangiumDocument, touchpoint: Touchpoint): CodeAction[] {
        const owners = this.#declared('Owner').sort((a, b) => a.name.localeCompare(b.name));
        const actions = owners.map(owner => action(
            `Add owner ${owner.name}${owner.title ? ` (${owner.title})` : ''}`,
            { [document.uri.toString()]: [insertProperty(document, touchpoint, `owner ${owner.name}`)] },
            owners.length === 1));
        const name = this.#freeName('Owner', 'NewOwner');
        const home = this.#homeOf('Owner') ?? document;
        const edits: Record<string, TextEdit[]> = { [document.uri.toString()]: [insertProperty(document, touchpoint, `owner ${name}`)] };
        const declaration = insertDeclaration(home, 'Owner', `owner ${name} "${name}"`);
        (edits[home.uri.toString()] ??= []).push(declaration);
        actions.push(action(`Declare a new owner '${name}' in ${UriUtils.basename(home.uri)} and add it`, edits));
        return actions;
    }

    #addGrade(document: LangiumDocument, touchpoint: Touchpoint): CodeAction {
        return action('Add a placeholder grade: emotion 3',
            { [document.uri.toString()]: [insertProperty(document, touchpoint, 'emotion 3')] }, true);
    }

    /** The names the reference could have (those of its scope) closest to the one written, and for a declaration it misses, where to declare it. */
    #fixReference(document: LangiumDocument, node: AstNode, diagnostic: Diagnostic): CodeAction[] {
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const reference = AstUtils.streamReferences(node).find(info => info.reference.$refNode?.offset === offset);
        if (!reference) {
            return [];
        }
        const name = reference.reference.$refText;
        const actions: CodeAction[] = [];
        const names = new Set(this.#services.references.ScopeProvider.getScope(reference).getAllElements().map(description => description.name));
        const candidates = [...names]
            .map(candidate => ({ name: candidate, distance: editDistance(name, candidate) }))
            .filter(candidate => candidate.distance <= MAX_SUGGESTION_DISTANCE)
            .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
            .slice(0, 3);
        candidates.forEach((candidate, i) => actions.push(action(`Change to '${candidate.name}'`,
            { [document.uri.toString()]: [{ range: diagnostic.range, newText: candidate.name }] }, i === 0 && candidate.distance <= 2)));
        const kinds = kindsToDeclare(this.#services.shared.AstReflection.getReferenceType(reference), reference.container);
        for (const kind of kinds) {
            const declaration = `${KEYWORDS[kind]} ${name} "${name}"`;
            const home = this.#homeOf(kind);
            if (home && home.uri.toString() !== document.uri.toString()) {
                actions.push(action(`Declare ${kind.toLowerCase()} '${name}' in ${UriUtils.basename(home.uri)}`,
                    { [home.uri.toString()]: [insertDeclaration(home, kind, declaration)] }));
            }
            // Of a party, either kind: each in one place, where the others live (this file when they live nowhere else).
            if (kinds.length === 1 || !home || home.uri.toString() === document.uri.toString()) {
                actions.push(action(`Declare ${kind.toLowerCase()} '${name}' in this file`,
                    { [document.uri.toString()]: [insertDeclaration(document, kind, declaration)] }));
            }
        }
        return actions;
    }

    /** A party `with` names redundantly: out of the list, or the whole `with` when it is the only one. */
    #removeFromWith(document: LangiumDocument, withProperty: WithProperty, diagnostic: Diagnostic): CodeAction[] {
        const parties = GrammarUtils.findNodesForProperty(withProperty.$cstNode, 'parties');
        const index = parties.findIndex(party => party.offset === document.textDocument.offsetAt(diagnostic.range.start));
        if (index < 0) {
            return [];
        }
        const name = withProperty.parties[index].$refText;
        const title = `Remove '${name}' from \`with\``;
        if (parties.length === 1) {
            return [action(title, { [document.uri.toString()]: [removal(document, withProperty.$cstNode!.offset, withProperty.$cstNode!.end)] }, true)];
        }
        // From the end of the party before it, or (for the first) to the start of the one after it: the comma goes too.
        const [start, end] = index > 0 ? [parties[index - 1].end, parties[index].end] : [parties[0].offset, parties[1].offset];
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
        return [action(title, { [document.uri.toString()]: [{ range, newText: '' }] }, true)];
    }

    /** `emotion Ana 3` in a journey not for Ana: Ana added to its `for` list (or a `for Ana` given to a journey without one). */
    #addPersonaToJourney(document: LangiumDocument, emotion: EmotionProperty): CodeAction[] {
        const journey = AstUtils.getContainerOfType(emotion, isJourney);
        const name = emotion.persona?.$refText;
        const personas = GrammarUtils.findNodesForProperty(journey?.$cstNode, 'personas');
        const after = personas.at(-1) ?? GrammarUtils.findNodeForProperty(journey?.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(journey?.$cstNode, 'name');
        if (!journey || !name || !after) {
            return [];
        }
        const end = after.range.end;
        return [action(`Add '${name}' to the personas of journey '${journey.name}'`,
            { [document.uri.toString()]: [{ range: { start: end, end }, newText: personas.length > 0 ? `, ${name}` : ` for ${name}` }] }, true)];
    }

    #renameDuplicate(document: LangiumDocument, node: AstNode, diagnostic: Diagnostic): CodeAction[] {
        const named = node as AstNode & { name?: string };
        if (!named.name) {
            return [];
        }
        const taken = new Set(isJourneyFile(node.$container)
            ? (isDeclaredKind(node.$type) ? KIN[node.$type] : ['Journey' as const]).flatMap(kind => this.#declared(kind)).map(d => d.name)
            : (AstUtils.getContainerOfType(node, isJourney)?.stages.flatMap(stage => [stage.name, ...stage.touchpoints.map(t => t.name)]) ?? []));
        let n = 2;
        while (taken.has(`${named.name}${n}`)) {
            n++;
        }
        const newName = `${named.name}${n}`;
        return [action(`Rename this ${node.$type.toLowerCase()} to '${newName}'`,
            { [document.uri.toString()]: [{ range: diagnostic.range, newText: newName }] }, true)];
    }

    #removeDeclaration(document: LangiumDocument, node: AstNode): CodeAction {
        const named = node as AstNode & { name: string };
        return action(`Remove unused ${node.$type.toLowerCase()} '${named.name}'`, {
            [document.uri.toString()]: [removal(document, node.$cstNode!.offset, node.$cstNode!.end)]
        }, true);
    }

    /** Every declaration of a kind in the workspace, with its node (found by the index: the trees of closed files may be released). */
    #declared<K extends DeclaredKind | 'Journey'>(kind: K): Extract<Declaration, { $type: K }>[] {
        return this.#services.shared.workspace.IndexManager.allElements(kind)
            .map(description => describedNode(this.#services, description))
            .filter((d): d is Extract<Declaration, { $type: K }> => d?.$type === kind && Boolean((d as Declaration).name))
            .toArray();
    }

    /** The file where most declarations of a kind live (a shared organisation file, typically); for a stakeholder, of an owner if none. */
    #homeOf(kind: DeclaredKind): LangiumDocument | undefined {
        const { IndexManager, LangiumDocuments } = this.#services.shared.workspace;
        for (const candidate of KIN[kind]) {
            const counts = new Map<string, number>();
            for (const description of IndexManager.allElements(candidate)) {
                const uri = description.documentUri.toString();
                counts.set(uri, (counts.get(uri) ?? 0) + 1);
            }
            let home: LangiumDocument | undefined;
            let most = 0;
            for (const doc of LangiumDocuments.all) {
                const count = counts.get(doc.uri.toString()) ?? 0;
                if (count > most) {
                    home = doc;
                    most = count;
                }
            }
            if (home) {
                return home;
            }
        }
        return undefined;
    }

    #freeName(kind: DeclaredKind, base: string): string {
        const taken = new Set(KIN[kind].flatMap(kin => this.#declared(kin)).map(d => d.name));
        let name = base;
        for (let n = 2; taken.has(name); n++) {
            name = `${base}${n}`;
        }
        return name;
    }
}

function codeOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { code?: string } | undefined;
    return data?.code ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
}

function action(title: string, changes: Record<string, TextEdit[]>, isPreferred = false): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, isPreferred, edit: { changes } };
}

/** The indentation of the line a node starts on. */
function indentOf(document: LangiumDocument, node: AstNode): string {
    const line = document.textDocument.getText({
        start: { line: node.$cstNode!.range.start.line, character: 0 },
        end: { line: node.$cstNode!.range.start.line + 1, character: 0 }
    });
    return /^[ \t]*/.exec(line)![0];
}

/** Adds a property at the start of a touchpoint's body, creating the body when it has none. */
function insertProperty(document: LangiumDocument, touchpoint: Touchpoint, property: string): TextEdit {
    const indent = indentOf(document, touchpoint);
    const open = GrammarUtils.findNodeForKeyword(touchpoint.$cstNode, '{');
    if (!open) {
        const end = touchpoint.$cstNode!.range.end;
        return { range: { start: end, end }, newText: ` {\n${indent}  ${property}\n${indent}}` };
    }
    const close = GrammarUtils.findNodeForKeyword(touchpoint.$cstNode, '}');
    const oneLine = close?.range.start.line === open.range.end.line;
    return { range: { start: open.range.end, end: open.range.end }, newText: oneLine ? ` ${property}` : `\n${indent}  ${property}` };
}

/** The text from `start` to `end` removed, with its whole lines when it is alone on them, so no blank line is left behind. */
function removal(document: LangiumDocument, start: number, end: number): TextEdit {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim() === '';
    const from = alone ? lineStart : start;
    const to = alone ? (lineEnd < 0 ? text.length : lineEnd + 1) : end;
    return { range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) }, newText: '' };
}

/** Adds a top-level declaration after the last one of its kind in the file (a stakeholder: or of an owner), or at the top. */
function insertDeclaration(document: LangiumDocument, kind: DeclaredKind, declaration: string): TextEdit {
    const root = document.parseResult.value as JourneyFile;
    const declarations = isJourneyFile(root) ? root.declarations : [];
    const last = KIN[kind].map(candidate => declarations.filter(d => d.$type === candidate).at(-1)).find(Boolean);
    if (last?.$cstNode) {
        const end = last.$cstNode.range.end;
        return { range: { start: end, end }, newText: `\n${declaration}` };
    }
    const start = { line: 0, character: 0 };
    return { range: { start, end: start }, newText: `${declaration}\n\n` };
}
