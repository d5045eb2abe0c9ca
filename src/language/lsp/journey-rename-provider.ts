import { AstUtils, CstUtils, GrammarAST, UriUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isJourney, isParty, isStage, isTouchpoint, Party } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';

const NAME = /^[_\p{L}][\p{L}\p{N}_-]*$/u;

/**
 * Rename of owners, stakeholders, channels, personas, journeys, stages and touchpoints, across the workspace.
 * A new name must be a valid name, not a keyword, and not already taken by a declaration of the same kind
 * (where the two would clash; owners and stakeholders share their names); otherwise the rename is refused
 * with a message saying why. On a keyword there is nothing to rename: prepareRename answers null, as the
 * protocol wants, not an error.
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    readonly #services: JourneyServices;
    readonly #keywords: ReadonlySet<string>;

    constructor(services: JourneyServices) {
        super(services);
        this.#services = services;
        this.#keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.#targetAt(document, params);
        if (target) {
            this.#checkNewName(target, params.newName);
        }
        return super.rename(document, params);
    }

    /** The declaration the rename is about: the one named at the position, or the one referenced there. */
    #targetAt(document: LangiumDocument, params: TextDocumentPositionParams): (AstNode & { name: string }) | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const [declaration] = leaf ? this.references.findDeclarations(leaf) : [];
        return declaration as (AstNode & { name: string }) | undefined;
    }

    #checkNewName(target: AstNode & { name: string }, newName: string): void {
        const kind = target.$type.toLowerCase();
        const aKind = `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
        if (!NAME.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid name: use letters, digits, _ and -, starting with a letter or _.`);
        }
        if (this.#keywords.has(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is a keyword of the journey language and cannot name ${aKind}.`);
        }
        if (newName === target.name) {
            return;
        }
        const clash = this.#clash(target, newName);
        if (clash) {
            throw new ResponseError(ErrorCodes.InvalidParams, `${aKind[0].toUpperCase()}${aKind.slice(1)} named '${newName}' already exists (${clash}): choose another name.`);
        }
    }

    /** Where a declaration of the same kind already has the name, or undefined. */
    #clash(target: AstNode, newName: string): string | undefined {
        if (isStage(target) || isTouchpoint(target)) {
            const journey = AstUtils.getContainerOfType(target, isJourney)!;
            const siblings = isStage(target) ? journey.stages : journey.stages.flatMap(stage => stage.touchpoints);
            const other = siblings.find(node => node !== target && node.name === newName);
            return other ? `in journey '${journey.name}', line ${(other.$cstNode?.range.start.line ?? 0) + 1}` : undefined;
        }
        // Owners and stakeholders share one set of names (a `with` or a `link` names either).
        const kind = isParty(target) ? Party.$type : target.$type;
        const other = this.#services.shared.workspace.IndexManager.allElements(kind).find(description => description.name === newName);
        return other ? `${UriUtils.basename(other.documentUri)}, line ${(other.nameSegment?.range.start.line ?? 0) + 1}` : undefined;
    }
}
