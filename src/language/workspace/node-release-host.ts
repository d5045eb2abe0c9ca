import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReleaseHost } from './released-documents.js';

/** How much the heap may grow between two collections while trees are released. */
const GROWTH = 40 * 1024 * 1024;

/**
 * What the Node server does for ReleasedDocuments.
 *
 * It collects garbage whenever the heap has grown by GROWTH since the last collection. Building the closed
 * files a batch at a time leaves each batch's trees as garbage, but V8 promotes them to the old generation
 * (they outlive a few scavenges) and puts off collecting it while memory is plentiful: the heap grew to
 * 1.4 GB of garbage over 100 MB of live data while 1,000 files were relinked, and V8 keeps the pages it grew
 * to. Collected after each batch once grown, the heap stays within GROWTH of what is live. `gc` is V8's
 * own, exposed by its flag.
 *
 * It keeps a released file's text deflated: the texts were 37 of the 100 MB the server held for 2,000 files
 * released, some 6 MB deflated; a text is inflated (well under a millisecond) when the file is read again.
 */
export function nodeReleaseHost(): ReleaseHost {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let collectedAt = getHeapStatistics().used_heap_size;
    return {
        collect: () => {
            if (getHeapStatistics().used_heap_size > collectedAt + GROWTH) {
                gc();
                collectedAt = getHeapStatistics().used_heap_size;
            }
        },
        pack: text => {
            // A copy of its own size: zlib's result is a view of a larger buffer.
            const deflated = new Uint8Array(deflateRawSync(text));
            return () => inflateRawSync(deflated).toString('utf-8');
        }
    };
}
