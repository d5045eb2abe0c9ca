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

/**
 * A browser bundle loads nothing at run time but `vscode` (which VS Code's web extension host provides): every
 * other module is in the bundle. esbuild already refuses a Node built-in for the browser platform; this also
 * fails the build on a module some option left external.
 * @type {esbuild.Plugin}
 */
const selfContained = {
    name: 'journey-self-contained',
    setup(build) {
        build.onEnd(result => {
            const loaded = Object.entries(result.metafile?.outputs ?? {})
                .flatMap(([output, { imports }]) => imports.filter(i => i.external && i.path !== 'vscode').map(i => `${output} loads ${i.path}`));
            return { errors: loaded.map(text => ({ text: `${text} at run time: a browser bundle holds every module but vscode` })) };
        });
    }
};

/**
 * Scripts for the browser: no Node built-ins, ES2022 (what VS Code's web extension host and its webviews run).
 * @type {esbuild.BuildOptions}
 */
const browserOptions = {
    outdir: 'out',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    metafile: true,
    plugins: [embeddedCss, selfContained]
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
    { ...nodeOptions, entryPoints: { 'extension/main': 'src/extension/main.ts' } },
    // The language server is also the package's `journey-language-server` command, for other editors.
    { ...nodeOptions, entryPoints: { 'language/main': 'src/language/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
    // resvg (PNG export) is a native module: loaded from node_modules at run time.
    { ...nodeOptions, entryPoints: { 'cli/main': 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' }, external: ['vscode', '@resvg/resvg-js'] },
    // The threads of `journey validate` (src/cli/validate/parallel-validation.ts) run this script, beside the CLI's.
    { ...nodeOptions, entryPoints: { 'cli/validate-worker': 'src/cli/validate/validate-worker.ts' } },
    // The integration suite that runs inside VS Code's extension host (mocha and vscode come from there).
    {
        ...nodeOptions,
        entryPoints: ['test/e2e/suite/index.ts', 'test/e2e/suite/*.test.ts'],
        outdir: 'out/e2e/suite',
        external: ['vscode', 'mocha'],
        sourcemap: true,
        minify: false
    },
    // The extension in the browser (package.json `browser`, vscode.dev and github.dev) and its language server,
    // a Web Worker's script. Bundled for the browser, they hold no Node built-in: esbuild fails on any import of
    // one ("could not resolve").
    {
        ...browserOptions,
        entryPoints: { 'extension/main-browser': 'src/extension/main-browser.ts' },
        // VS Code's web worker extension host loads only CommonJS, and takes a `.js` of a `"type": "module"`
        // package for ESM ("ESM modules are not supported in the web worker extension host").
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        external: ['vscode']
    },
    // `.js`, not `.cjs`: a worker's script must be served as JavaScript.
    { ...browserOptions, entryPoints: { 'language/main-browser': 'src/language/main-browser.ts' }, format: 'iife' },
    // The preview page: a browser script and its stylesheet, loaded by the webview from out/webview;
    // serve-host stands in for VS Code when `journey serve` shows the same page in a browser.
    { ...browserOptions, entryPoints: { 'webview/preview': 'webview/main.ts', 'webview/serve-host': 'src/cli/serve/serve-host.ts' }, format: 'iife' },
    // The static site's script, which `journey build` writes inline into every page: minified, and with no
    // source map (its comment would name a file the site does not have).
    { ...browserOptions, entryPoints: { 'webview/site': 'src/map/site/site-script.ts' }, format: 'iife', minify: true, sourcemap: false },
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
