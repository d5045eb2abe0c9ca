import type { AstNode, CstNode, MultiReference, Reference } from 'langium';
import { JourneyLinker } from '../../language/journey-linker.js';

/**
 * The linker of a validate thread (validate-worker.ts), which also notes the names of the references the
 * parser builds: the names a file uses, which the thread tells the main thread after the parse, without
 * a walk over every node of the tree for them (a tenth of a second per 1,000 files). A reference of a node
 * that error recovery then dropped is noted too: a name more only makes the main thread hand the thread a
 * file more to parse, which changes no diagnostic (share-protocol.ts).
 */
export class RecordingLinker extends JourneyLinker {
    #names = new Set<string>();

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        this.#names.add(refText);
        return super.buildReference(node, property, refNode, refText);
    }

    override buildMultiReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): MultiReference {
        this.#names.add(refText);
        return super.buildMultiReference(node, property, refNode, refText);
    }

    /** The names of the references built since the last call: those of the text parsed last. */
    takeNames(): string[] {
        const names = [...this.#names];
        this.#names = new Set();
        return names;
    }
}
