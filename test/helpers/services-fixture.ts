import { clearDocuments } from 'langium/test';
import { test as vitestTest } from 'vitest';
import { createServices } from './journey-workspace.js';

export { editFile, marked, openWorkspace, rangeText, summarise, uriOf, type TestServices } from './journey-workspace.js';

/**
 * Vitest's `test` with the language services as a fixture: a test that names `services` in its context
 * (`test('...', async ({ services }) => ...)`) gets services of its own, and their documents are cleared
 * when it ends, so no test sees the files of another.
 */
export const test = vitestTest.extend('services', async ({}, { onCleanup }) => {
    const services = createServices();
    onCleanup(() => clearDocuments(services.shared));
    return services;
});
