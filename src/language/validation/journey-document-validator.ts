import {
    DefaultDocumentValidator, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { AstWalk } from '../ast-traversal.js';

/**
 * Langium puts the code of its own diagnostics (lexing, parsing, linking errors) only in `data`; the
 * editor's Problems panel and `journey validate` show `code`, so every diagnostic gets one.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const data: unknown = diagnostic.data;
            if (diagnostic.code === undefined && typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') {
                diagnostic.code = data.code;
            }
        }
        return diagnostics;
    }

    /**
     * Langium's loop over every node, unchanged in what it does (each node's checks in registration
     * order, one at a time, awaited, nodes in `streamAst` order, children pruned as
     * validateSingleNodeOptions says), walked by AstWalk, with each type's checks looked up once per
     * document instead of once per node, and no await for a node that has no checks.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksByType = new Map<string, ValidationCheck[]>();
        const walk = new AstWalk(rootNode, cancelToken);
        for (let node = walk.next(); node; node = walk.next()) {
            const pause = walk.pause();
            if (pause) {
                await pause;
            }
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksByType.set(node.$type, checks);
                }
                for (const check of checks) {
                    await check(node, acceptor, cancelToken);
                }
            }
            if (nodeOptions.validateChildren) {
                walk.descend(node);
            }
        }
    }
}
