/** Stylesheets imported as text: esbuild's `text` loader in the bundles, a plugin of vitest.config.ts in tests. */
declare module '*.css' {
    const text: string;
    export default text;
}
