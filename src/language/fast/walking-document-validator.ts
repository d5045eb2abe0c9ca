import {
    DefaultDocumentValidator, type AstNode, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { AstWalk } from './ast-traversal.js';

/** Langium's document validator, its loop over the nodes walked by the faster traversal of ast-traversal.ts. */
export class WalkingDocumentValidator extends DefaultDocumentValidator {
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
