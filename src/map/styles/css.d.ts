/** Modules the build makes: stylesheets imported as text (esbuild's `text` loader; a plugin of vitest.config.ts in tests). */
declare module '*.css' {
    const text: string;
    export default text;
}

/** Each theme's CSS for a self-contained map, made from map.css when the bundle is built (flatten-css.ts). */
declare module 'journey:embedded-css' {
    export const light: string;
    export const dark: string;
}
