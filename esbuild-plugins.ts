import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { embeddedCssModule } from './src/map/styles/flatten-css.ts';
import { gradePaletteCss } from './src/map/vocabulary/grades.ts';

/** The build's own modules, for esbuild.mjs and the benchmarks' bundles (bench/bundle.ts). */

/**
 * `journey:embedded-css`: map.css and the grade palette flattened for each theme when a bundle is built, not
 * when a map is drawn (src/map/styles/flatten-css.ts).
 */
export const embeddedCss: Plugin = {
    name: 'journey-embedded-css',
    setup(build) {
        build.onResolve({ filter: /^journey:embedded-css$/ }, () => ({ path: 'src/map/styles/map.css', namespace: 'journey-embedded-css' }));
        build.onLoad({ filter: /.*/, namespace: 'journey-embedded-css' }, async ({ path }) => ({
            contents: embeddedCssModule(await readFile(path, 'utf-8') + gradePaletteCss()),
            loader: 'js',
            watchFiles: [path]
        }));
    }
};

/**
 * `@import 'journey:grade-palette'` in a stylesheet: the grade colours of every palette, from the grade table
 * (src/map/vocabulary/grades.ts).
 */
export const gradePalette: Plugin = {
    name: 'journey-grade-palette',
    setup(build) {
        build.onResolve({ filter: /^journey:grade-palette$/ }, () => ({ path: 'grade-palette.css', namespace: 'journey-grade-palette' }));
        build.onLoad({ filter: /.*/, namespace: 'journey-grade-palette' }, () => ({ contents: gradePaletteCss(), loader: 'css' }));
    }
};
