/**
 * Preloaded into the language server by the memory benchmark only (NODE_OPTIONS `--expose-gc
 * --import bench/heap-probe.ts`); the server itself is unchanged. Writes its pid to the file named by
 * JOURNEY_BENCH_HEAP_FILE at start; on SIGUSR2 runs a full GC (twice, so that objects freed by
 * finalisers go too) and writes process.memoryUsage() there. Nothing goes to stdout: that is the LSP
 * stream.
 */
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.JOURNEY_BENCH_HEAP_FILE;
if (file) {
    let seq = 0;
    const write = (value: object): void => {
        writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, seq, ...value }));
        renameSync(`${file}.tmp`, file);
    };
    write({});
    process.on('SIGUSR2', () => {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        gc?.();
        seq++;
        write({ gc: gc !== undefined, ...process.memoryUsage() });
    });
}
