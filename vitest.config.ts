import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * `import css from './x.css'` gives the file's text, as esbuild's `text` loader does in the bundles
 * (the renderer embeds src/map/styles/map.css in exported maps). The module gets an id that does not end in
 * .css, so neither Vite's CSS pipeline nor Vitest's CSS stubbing touches it.
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

export default defineConfig({
    plugins: [cssAsText()],
    test: {
        include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
        // Two cores are shared with the language server and CLI processes some tests start.
        maxWorkers: 2,
        testTimeout: 30_000
    }
});
