import { AstUtils, DocumentState, type AstNode, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { isJourneyFile } from '../generated/ast.js';
import { OpenFirstDocumentBuilder } from './open-first-document-builder.js';

/**
 * Some diagnostics of a document depend on other documents: `duplicate-name` on the names other files
 * declare, `unused-declaration` on the references other files make. Langium rebuilds a document when
 * something it references changes, not when a document starts (or stops) referencing or duplicating
 * it, so this builder revalidates those documents too.
 *
 * It compares the workspace-visible names of each changed document before and after the change and
 * revalidates only the documents that declare a name in the difference (as the index tells, without
 * reading a released document's tree): typing inside a touchpoint revalidates nothing else, adding
 * `owner Web` revalidates the file that declares `Web`.
 *
 * The open documents are built first (OpenFirstDocumentBuilder); a failure on one document costs that
 * document only (IsolatingDocumentBuilder).
 */
export class JourneyDocumentBuilder extends OpenFirstDocumentBuilder {
    /** Names each changed document exposed before the change; kept until the follow-up validation ran. */
    readonly #namesBefore = new Map<string, { uri: URI, names: ReadonlySet<string> }>();

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            if (!this.#namesBefore.has(key)) {
                const document = this.langiumDocuments.getDocument(uri);
                this.#namesBefore.set(key, { uri, names: document ? workspaceNames(document) : new Set() });
            }
        }
        await super.update(changed, deleted, cancelToken);

        const touched = new Set<string>();
        for (const before of this.#namesBefore.values()) {
            const document = this.langiumDocuments.getDocument(before.uri);
            const after = document ? workspaceNames(document) : new Set<string>();
            for (const entry of before.names.symmetricDifference(after)) {
                touched.add(entry.split(' ')[1]);
            }
        }
        const changedKeys = new Set(this.#namesBefore.keys());
        this.#namesBefore.clear();
        if (touched.size === 0) {
            return;
        }
        const declaring = new Set(this.indexManager.allElements()
            .filter(description => touched.has(`${description.type}:${description.name}`))
            .map(description => description.documentUri.toString()));
        const stale = this.langiumDocuments.all
            .filter(doc => declaring.has(doc.uri.toString()) && !changedKeys.has(doc.uri.toString()) && doc.state === DocumentState.Validated)
            .toArray();
        if (stale.length > 0) {
            await this.build(stale, { validation: true }, cancelToken);
        }
    }

    /** Langium's question, which reads the references of a document; a released one has none until it is read again. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.released.hadUnresolvedReference(document) || super.shouldRelink(document, changedUris);
    }
}

/**
 * What other documents' diagnostics may depend on: `declares Type:name` for every declaration a
 * document exports and `uses Type:name targetUri` for every cross-reference it resolves.
 */
function workspaceNames(document: LangiumDocument): Set<string> {
    const names = new Set<string>();
    const root = document.parseResult?.value;
    if (isJourneyFile(root)) {
        for (const declaration of root.declarations) {
            if (declaration.name) {
                names.add(`declares ${declaration.$type}:${declaration.name}`);
            }
        }
    }
    if (document.state >= DocumentState.Linked) {
        // Some 25,000 references in a journey of 10,000 touchpoints, to a few dozen declarations: a name for each target and text once.
        const used = new Map<AstNode, Set<string>>();
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target) {
                const texts = used.get(target) ?? used.set(target, new Set()).get(target)!;
                texts.add(reference.$refText);
            }
        }
        for (const [target, texts] of used) {
            const uri = AstUtils.getDocument(target).uri.toString();
            texts.forEach(text => names.add(`uses ${target.$type}:${text} ${uri}`));
        }
    }
    return names;
}
