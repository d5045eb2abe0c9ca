/**
 * The parts of the project the benchmarks load in-process but Node cannot run from source (imports
 * written with `.js` for `.ts` files, the flattened CSS of `journey:embedded-css`, TypeScript namespaces): bundled by esbuild into
 * out/bench/ (git-ignored, like all of out/), with packages left to node_modules.
 */
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { embeddedCss } from '../esbuild-plugins.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export const BUNDLES = {
    previewPage: new URL('../out/bench/preview-page.mjs', import.meta.url).href,
    mermaidExport: new URL('../out/bench/mermaid-export.mjs', import.meta.url).href
};

export async function bundle(): Promise<void> {
    await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: {
            // The tests' preview page server and shim: the real page (previewPageHtml) and out/webview bundles.
            'preview-page': 'test/helpers/preview-page.ts',
            // `journey export --format mermaid`: the Mermaid text of the comparison.
            'mermaid-export': 'src/map/exporters/mermaid.ts'
        },
        outdir: 'out/bench',
        outExtension: { '.js': '.mjs' },
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node22',
        packages: 'external',
        loader: { '.ts': 'ts', '.css': 'text' },
        plugins: [embeddedCss],
        logLevel: 'warning'
    });
}
