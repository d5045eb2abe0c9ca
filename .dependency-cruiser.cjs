const { builtinModules } = require('node:module');

/** Node's built-in modules, with or without the `node:` prefix. */
const NODE_BUILTINS = `^(node:)?(${builtinModules.join('|')})(/|$)`;

/**
 * The layering of the sources, checked by dependency-cruiser (`npm run lint`) on src/ and webview/, type-only
 * imports included. Data flows text -> AST -> view model -> view -> SVG / page / export: src/map/ is the map
 * with no host, src/shared/ the protocol between the server, the extension and the page, and each host
 * (src/language/, src/extension/, src/cli/, webview/) builds on those two. test/ and bench/ may import anything.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
    forbidden: [
        // --- src/map/: the map library, bundled into the page as well as the Node hosts ---------------------
        {
            name: 'map-imports-no-host',
            comment: 'src/map/ is the map without a host: the language server, the extension, the CLI and the page all '
                + 'build on it, so it imports none of them (nor src/shared/, their protocol).',
            severity: 'error',
            from: { path: '^src/map/' },
            to: { path: '^(src/(language|extension|cli|shared)|webview)/' }
        },
        {
            name: 'map-no-node-builtins',
            comment: 'src/map/ runs in the browser too (the preview page bundles it): no Node built-in module.',
            severity: 'error',
            from: { path: '^src/map/' },
            to: { dependencyTypes: ['core'] }
        },
        {
            name: 'map-no-host-packages',
            comment: 'src/map/ runs in the browser too and knows nothing of editors or parsers: not vscode, Langium, '
                + 'Chevrotain or the language server protocol.',
            severity: 'error',
            from: { path: '^src/map/' },
            to: { path: '(^|/)node_modules/(@types/vscode|vscode|langium|chevrotain|vscode-[^/]+)/' }
        },
        {
            name: 'map-base-below-views',
            comment: 'Inside src/map/ the data flows model -> views -> page, render.ts, exporters and the site. The model, '
                + 'the vocabulary, formatting, text and styles are what the rest builds on: they import no view, page, '
                + 'exporter, site or render.ts.',
            severity: 'error',
            from: { path: '^src/map/', pathNot: '^src/map/(views/|page/|exporters/|site/|render[.]ts$)' },
            to: { path: '^src/map/(views/|page/|exporters/|site/|render[.]ts$)' }
        },
        {
            name: 'map-views-below-output',
            comment: 'A view lays out and draws a model; the page, render.ts, the exporters and the site are made from views, '
                + 'so a view imports none of them.',
            severity: 'error',
            from: { path: '^src/map/views/' },
            to: { path: '^src/map/(page/|exporters/|site/|render[.]ts$)' }
        },
        {
            name: 'map-site-on-top',
            comment: 'src/map/site/ (journey build\'s static site) is made from the views, the page shell and the index '
                + 'table: the last step of the map\'s flow, so nothing else in src/map/ imports it.',
            severity: 'error',
            from: { path: '^src/map/', pathNot: '^src/map/site/' },
            to: { path: '^src/map/site/' }
        },
        {
            name: 'site-script-alone',
            comment: 'The site\'s script is written inline into every page of a site: it shares only the names of the '
                + 'elements it finds with the pages (site-markup.ts), and draws nothing.',
            severity: 'error',
            from: { path: '^src/map/site/site-script[.]ts$' },
            to: { pathNot: '^src/map/site/site-markup[.]ts$' }
        },

        // --- src/shared/: the protocol between the server, the extension and the page ------------------------
        {
            name: 'shared-imports-only-map',
            comment: 'src/shared/ is read by the server, the extension and the page alike: it imports src/map/ and '
                + 'nothing else (no host, no package, no Node built-in).',
            severity: 'error',
            from: { path: '^src/shared/' },
            to: { pathNot: '^src/(map|shared)/' }
        },

        // --- the hosts --------------------------------------------------------------------------------------
        {
            name: 'language-not-to-hosts',
            comment: 'The language server knows its clients only through LSP: it imports neither the extension, the '
                + 'CLI, the page nor vscode.',
            severity: 'error',
            from: { path: '^src/language/' },
            to: { path: ['^(src/(extension|cli)|webview)/', '(^|/)node_modules/@types/vscode/'] }
        },
        {
            name: 'extension-not-to-language',
            comment: 'The extension talks to the language server over LSP (a process of its own): it imports neither '
                + 'the language, the CLI nor the page.',
            severity: 'error',
            from: { path: '^src/extension/' },
            to: { path: '^(src/(language|cli)|webview)/' }
        },
        {
            name: 'cli-not-to-editor',
            comment: 'The CLI runs without an editor: it imports neither the extension, the page nor vscode.',
            severity: 'error',
            from: { path: '^src/cli/' },
            to: { path: ['^(src/extension|webview)/', '(^|/)node_modules/@types/vscode/'] }
        },
        {
            name: 'src-not-to-webview',
            comment: 'webview/ is the page app, bundled for the browser on its own: nothing in src/ imports it.',
            severity: 'error',
            from: { path: '^src/' },
            to: { path: '^webview/' }
        },
        {
            name: 'webview-only-map-and-shared',
            comment: 'The page draws with src/map/ and speaks src/shared/\'s messages: no other folder of src/.',
            severity: 'error',
            from: { path: '^webview/' },
            to: { path: '^src/', pathNot: '^src/(map|shared)/' }
        },
        {
            name: 'webview-no-node-builtins',
            comment: 'The page runs in a browser (VS Code\'s webview or `journey serve`\'s page): no Node built-in module.',
            severity: 'error',
            from: { path: '^webview/' },
            to: { dependencyTypes: ['core'] }
        },
        {
            name: 'webview-no-vscode',
            comment: 'The page reaches VS Code through acquireVsCodeApi and messages, not the vscode module.',
            severity: 'error',
            from: { path: '^webview/' },
            to: { path: '(^|/)node_modules/@types/vscode/' }
        },

        // --- the browser entries ---------------------------------------------------------------------------
        {
            name: 'browser-entries-no-node-builtins',
            comment: 'The extension in the browser (package.json `browser`) and its language server (a Web Worker) run '
                + 'where there is no Node: nothing they import, directly or through other modules, is a Node built-in. '
                + '(esbuild fails on one too; this rule names the chain of imports that reaches it.)',
            severity: 'error',
            from: { path: '^src/(extension|language)/main-browser[.]ts$' },
            to: { path: NODE_BUILTINS, reachable: true }
        },

        // --- the graph as a whole ------------------------------------------------------------------------------
        {
            name: 'no-circular',
            comment: 'A cycle ties its modules into one: none can be understood, tested or moved alone. A cycle '
                + 'closed by a type-only import is no cycle at run time, and is how Langium services name the '
                + 'services they get (JourneyServices, declared with the module that makes them).',
            severity: 'error',
            from: { path: '^src/' },
            to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
        },
        {
            name: 'no-orphans',
            comment: 'A module that nothing imports and that imports nothing is dead code (a declaration file aside).',
            severity: 'error',
            from: { orphan: true, pathNot: '[.]d[.]ts$' },
            to: {}
        },
        {
            name: 'not-to-unresolvable',
            comment: 'An import that cannot be resolved is a typo, a missing package or a gap in this configuration '
                + '(whose rules would then not see it).',
            severity: 'error',
            from: {},
            // journey:embedded-css is made when the bundles are built (esbuild.mjs, vitest.config.ts).
            to: { couldNotResolve: true, pathNot: '^journey:embedded-css$' }
        },
        {
            name: 'not-to-dev-dep',
            comment: 'What ships takes its run-time packages from `dependencies`; a devDependency may be imported for '
                + 'its types only.',
            severity: 'error',
            from: { path: '^(src|webview)/' },
            to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: '(^|/)node_modules/@types/' }
        },
        {
            name: 'no-non-package-json',
            comment: 'A package imported but not in package.json comes from another package\'s dependencies, at '
                + 'whatever version that one picks.',
            severity: 'error',
            from: {},
            to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] }
        }
    ],
    options: {
        doNotFollow: { path: ['node_modules'] },
        // `import type` and imports used only as types count too: a type is part of what a layer knows.
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: {
            exportsFields: ['exports'],
            conditionNames: ['import', 'require', 'node', 'default', 'types'],
            mainFields: ['module', 'main', 'types', 'typings']
        },
        skipAnalysisNotInRules: true
    }
};
