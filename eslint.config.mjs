// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint for the sources, the page, the tests, the benchmarks and the root config files: ESLint's and
 * typescript-eslint's recommended and stylistic rules, type-aware for TypeScript (each file checked with the
 * tsconfig.json nearest to it: the root one, webview/'s or bench/'s). The layering of the folders is
 * dependency-cruiser's (.dependency-cruiser.cjs); `npm run lint` runs both.
 */
export default defineConfig(
    globalIgnores(['out/', 'src/language/generated/', 'test-output/', '.vscode-test/']),
    js.configs.recommended,
    {
        // A disable comment that no longer disables anything goes.
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            eqeqeq: 'error',
            curly: 'error',
            'object-shorthand': 'error',
            // The project finds and escapes control characters on purpose (SVG text, terminal output): the
            // regular expressions that match them are the point.
            'no-control-regex': 'off'
        }
    },
    {
        files: ['**/*.ts'],
        extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
        },
        rules: {
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            // As tsc's noUnusedParameters: a parameter that an override or a callback must take starts with `_`;
            // and a property named only to leave it out of a rest object (`{ isPreferred: _, ...action }`) is used.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
            // An empty string is "not given" as much as undefined is (a title falls back to the name).
            '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
            // Langium's cancellation is a symbol, thrown as Langium throws it.
            '@typescript-eslint/only-throw-error': ['error', {
                allow: [{ from: 'package', package: 'langium', name: 'OperationCancelled' }]
            }],
            // A switch over a union names every member, or says with `default` what the others do.
            '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }]
        }
    },
    {
        // What ships: the language server, the extension, the CLI and the page. They write through their
        // host (the LSP connection, the CLI's standard streams, the page's messages), and keep off what is
        // on its way out of the APIs they use.
        files: ['src/**/*.ts', 'webview/**/*.ts'],
        rules: {
            'no-console': 'error',
            '@typescript-eslint/no-deprecated': 'error'
        }
    },
    {
        files: ['**/*.{js,mjs,cjs}'],
        extends: [tseslint.configs.recommended],
        languageOptions: { globals: globals.node }
    },
    {
        // CommonJS config files (.dependency-cruiser.cjs) load modules as CommonJS does.
        files: ['**/*.cjs'],
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
);
