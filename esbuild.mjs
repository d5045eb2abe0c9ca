//@ts-check
import * as esbuild from 'esbuild';

import { embeddedCss, gradePalette } from './esbuild-plugins.ts';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/**
 * Extension, language server and CLI: Node bundles in CommonJS, with nothing left in node_modules.
 * @type {esbuild.BuildOptions}
 */
const nodeOptions = {
    outdir: 'out',
    bundle: true,
    target: 'node22',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['vscode'],
    platform: 'node',
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    // The renderer embeds map.css, flattened, in exported files.
    plugins: [embeddedCss]
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
    { ...nodeOptions, entryPoints: { 'extension/main': 'src/extension/main.ts' } },
    // The language server is also the package's `journey-language-server` command, for other editors.
    { ...nodeOptions, entryPoints: { 'language/main': 'src/language/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
    // resvg (PNG export) is a native module: loaded from node_modules at run time.
    { ...nodeOptions, entryPoints: { 'cli/main': 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, external: ['vscode', '@resvg/resvg-js'] },
    // The integration suite that runs inside VS Code's extension host (mocha and vscode come from there).
    {
        ...nodeOptions,
        entryPoints: ['test/e2e/suite/index.ts', 'test/e2e/suite/*.test.ts'],
        outdir: 'out/e2e/suite',
        external: ['vscode', 'mocha'],
        sourcemap: true,
        minify: false
    },
    // The preview page: a browser script and its stylesheet, loaded by the webview from out/webview;
    // serve-host stands in for VS Code when `journey serve` shows the same page in a browser.
    {
        entryPoints: { 'webview/preview': 'webview/main.ts', 'webview/serve-host': 'src/cli/serve/serve-host.ts' },
        outdir: 'out',
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        sourcemap: !minify,
        minify,
        logLevel: 'warning',
        plugins: [embeddedCss]
    },
    // The static site's script, which `journey build` writes inline into every page: minified, and with no
    // source map (its comment would name a file the site does not have).
    {
        entryPoints: { 'webview/site': 'src/map/site/site-script.ts' },
        outdir: 'out',
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        logLevel: 'warning'
    },
    {
        entryPoints: { 'webview/preview': 'webview/preview.css', 'webview/serve-host': 'src/cli/serve/serve-host.css' },
        outdir: 'out',
        bundle: true,
        minify,
        logLevel: 'warning',
        plugins: [gradePalette]
    }
];

const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
