import { clearDocuments } from 'langium/test';
import { test as vitestTest } from 'vitest';
import { createServices } from './journey-workspace.js';

export { editFile, marked, openWorkspace, rangeText, summarise, uriOf, type TestServices } from './journey-workspace.js';

/**
 * Vitest's `test` with the language services as a fixture: a test that names `services` in its context
 * (`test('...', async ({ services }) => ...)`) gets services of its own, and their documents are cleared
 * when it ends, so no test sees the files of another.
 */
// Vitest reads a fixture's first parameter to know the fixtures it uses: an empty pattern says none.
// eslint-disable-next-line no-empty-pattern
export const test = vitestTest.extend('services', ({}, { onCleanup }) => {
    const services = createServices();
    onCleanup(() => clearDocuments(services.shared));
    return services;
});
