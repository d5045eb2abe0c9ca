import { readdir, readFile } from 'node:fs/promises';
import { clearDocuments } from 'langium/test';
import { buildDocumentModel } from '../../src/language/map-model-builder.js';
import type { JourneyDocumentModel } from '../../src/map/model.js';
import { createServices, openWorkspace } from './journey-workspace.js';

/** View models as the language server computes them, for the given files built together as one workspace. */
export async function documentModels(files: Record<string, string>): Promise<Record<string, JourneyDocumentModel>> {
    const services = createServices();
    const documents = await openWorkspace(services, files);
    const models = Object.fromEntries(Object.entries(documents).map(([name, document]) => [name, buildDocumentModel(document)]));
    await clearDocuments(services.shared);
    return models;
}

export async function exampleFiles(): Promise<Record<string, string>> {
    const folder = new URL('../../examples/', import.meta.url);
    const files: Record<string, string> = {};
    for (const name of (await readdir(folder)).sort()) {
        files[name] = await readFile(new URL(name, folder), 'utf-8');
    }
    return files;
}
