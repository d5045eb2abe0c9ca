import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { embeddedCssModule } from './src/map/styles/flatten-css.ts';

/**
 * `journey:embedded-css`: map.css flattened for each theme when a bundle is built, not when a map is drawn
 * (src/map/styles/flatten-css.ts). Used by esbuild.mjs and by the benchmarks' bundles (bench/bundle.ts).
 */
export const embeddedCss: Plugin = {
    name: 'journey-embedded-css',
    setup(build) {
        build.onResolve({ filter: /^journey:embedded-css$/ }, () => ({ path: 'src/map/styles/map.css', namespace: 'journey-embedded-css' }));
        build.onLoad({ filter: /.*/, namespace: 'journey-embedded-css' }, async ({ path }) => ({
            contents: embeddedCssModule(await readFile(path, 'utf-8')),
            loader: 'js',
            watchFiles: [path]
        }));
    }
};
