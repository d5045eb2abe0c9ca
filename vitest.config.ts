import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { embeddedCssModule } from './src/map/styles/flatten-css.ts';
import { gradePaletteCss } from './src/map/vocabulary/grades.ts';

/**
 * `import css from './x.css'` gives the file's text (the tests read map.css so). The module gets an id that
 * does not end in .css, so neither Vite's CSS pipeline nor Vitest's CSS stubbing touches it.
 */
function cssAsText(): Plugin {
    const prefix = '\0css-text:';
    return {
        name: 'journey:css-as-text',
        enforce: 'pre',
        async resolveId(source, importer, options) {
            if (!source.endsWith('.css') || !importer) {
                return null;
            }
            const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
            return resolved ? `${prefix}${resolved.id}.js` : null;
        },
        load(id) {
            if (!id.startsWith(prefix)) {
                return null;
            }
            const file = id.slice(prefix.length, -'.js'.length);
            this.addWatchFile(file);
            return `export default ${JSON.stringify(readFileSync(file, 'utf-8'))};`;
        }
    };
}

/** `journey:embedded-css`, as esbuild.mjs makes it for the bundles: map.css and the grade palette flattened for each theme. */
function embeddedCss(): Plugin {
    const id = '\0journey:embedded-css';
    const file = new URL('./src/map/styles/map.css', import.meta.url);
    return {
        name: 'journey:embedded-css',
        resolveId: source => source === 'journey:embedded-css' ? id : null,
        load(loaded) {
            if (loaded !== id) {
                return null;
            }
            this.addWatchFile(file.pathname);
            return embeddedCssModule(readFileSync(file, 'utf-8') + gradePaletteCss());
        }
    };
}

export default defineConfig({
    plugins: [cssAsText(), embeddedCss()],
    test: {
        include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
        // Two cores are shared with the language server and CLI processes some tests start.
        maxWorkers: 2,
        testTimeout: 30_000
    }
});
