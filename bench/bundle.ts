/**
 * The parts of the project the benchmarks load in-process but Node cannot run from source (imports
 * written with `.js` for `.ts` files, a CSS text import, TypeScript namespaces): bundled by esbuild into
 * out/bench/ (git-ignored, like all of out/), with packages left to node_modules.
 */
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export const BUNDLES = {
    previewPage: new URL('../out/bench/preview-page.mjs', import.meta.url).href,
    renderMap: new URL('../out/bench/render-map.mjs', import.meta.url).href,
    renderLayout: new URL('../out/bench/render-layout.mjs', import.meta.url).href,
    inProcess: new URL('../out/bench/in-process.mjs', import.meta.url).href,
    /** Only when the CLI has its Mermaid exporter (src/map/exporters/mermaid.ts). */
    mermaidExport: new URL('../out/bench/mermaid-export.mjs', import.meta.url).href
};

export const MERMAID_EXPORTER = 'src/map/exporters/mermaid.ts';

export function hasMermaidExporter(): boolean {
    return existsSync(new URL(`../${MERMAID_EXPORTER}`, import.meta.url));
}

export async function bundle(): Promise<void> {
    await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: {
            // The tests' preview page server and shim: the real page (previewPageHtml) and out/webview bundles.
            'preview-page': 'test/helpers/preview-page.ts',
            // The one renderer, for the in-process render measurement.
            'render-map': 'src/map/views/journey-map/render.ts',
            'render-layout': 'src/map/views/journey-map/layout.ts',
            // The language services and the view model, for the profiling drivers.
            'in-process': 'bench/in-process.ts',
            // The CLI's `journey export --format mermaid`, when it exists: the Mermaid text of the comparison.
            ...(hasMermaidExporter() ? { 'mermaid-export': MERMAID_EXPORTER } : {})
        },
        outdir: 'out/bench',
        outExtension: { '.js': '.mjs' },
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node22',
        packages: 'external',
        loader: { '.ts': 'ts', '.css': 'text' },
        logLevel: 'warning'
    });
}
