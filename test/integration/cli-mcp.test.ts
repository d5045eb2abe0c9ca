import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, EXAMPLES, journey } from '../helpers/cli-process.js';

/**
 * `journey mcp` as an assistant's client runs it: the built CLI as a child process, spoken to over stdio
 * by the SDK's own Client, on a git repository holding a copy of the examples, a file of loose ends, and a
 * link to a file outside (never followed).
 */
let root: string;
let folder: string;
let client: Client;
let transport: StdioClientTransport;
let stderr = '';

const LOOSE = `journey Loose "Loose ends" {
  stage S {
    touchpoint Nobody "Nobody delivers this" { emotion 1 }
    touchpoint Ungraded "Nobody graded this" { owner Desk }
  }
}
owner Desk "Front desk"
`;

beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'journey-mcp-'));
    folder = path.join(root, 'maps');
    await cp(EXAMPLES, folder, { recursive: true });
    await mkdir(path.join(folder, 'team'));
    await writeFile(path.join(folder, 'team', 'loose.journey'), LOOSE);
    await writeFile(path.join(root, 'outside.journey'), 'journey Outside "Outside" { stage S { touchpoint A "A" { emotion 3 } } }\n');
    await symlink(path.join(root, 'outside.journey'), path.join(folder, 'link-out.journey'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'maps');
    transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', folder], stderr: 'pipe', cwd: root });
    transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    client = new Client({ name: 'journey-test', version: '1.0.0' });
    await client.connect(transport);
}, 30_000);

afterAll(async () => {
    await client?.close();
    await rm(root, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    return await client.callTool({ name, arguments: args }) as CallToolResult;
}

function text(result: CallToolResult): string {
    const first = result.content[0];
    return first.type === 'text' ? first.text : '';
}

/** The result of a tool that succeeded, as its structured content. */
async function ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    const result = await call(name, args);
    expect(result.isError, text(result)).toBeFalsy();
    expect(JSON.parse(text(result))).toEqual(result.structuredContent);
    return result.structuredContent as T;
}

async function failure(name: string, args: Record<string, unknown>): Promise<string> {
    const result = await call(name, args);
    expect(result.isError).toBe(true);
    return text(result);
}

interface Found {
    count: number;
    touchpoints: { journey: string, touchpoint: string, owner?: string, line: number }[];
}

describe('journey mcp', () => {
    test('says who it is, and offers six read-only tools', async () => {
        expect(client.getServerVersion()).toMatchObject({ name: 'journey-maps' });
        const { tools } = await client.listTools();
        expect(tools.map(tool => tool.name).sort()).toEqual(['diff', 'find_touchpoints', 'list_journeys', 'read_journey', 'render', 'validate']);
        for (const tool of tools) {
            expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
            expect(tool.description?.length, tool.name).toBeGreaterThan(40);
        }
    });

    test('list_journeys: every file, its counts, each journey with its personas and figures', async () => {
        const { files } = await ok<{ files: { file: string, errors: number, journeys: { name: string, personas: { name: string }[], redesigns?: string, figures: Record<string, unknown> }[] }[] }>('list_journeys');
        expect(files.map(file => file.file)).toEqual(['hospital-visit.journey', 'online-purchase.journey', 'organisation.journey',
            'passport-renewal-tomorrow.journey', 'passport-renewal.journey', 'team/loose.journey']);
        const hospital = files[0].journeys[0];
        expect(hospital.name).toBe('HospitalVisit');
        expect(hospital.personas.map(persona => persona.name)).toEqual(['Graham', 'Ruth']);
        expect(hospital.figures).toMatchObject({ touchpoints: expect.any(Number) as number, stages: expect.any(Number) as number });
        expect(files.find(file => file.file === 'passport-renewal-tomorrow.journey')!.journeys[0].redesigns).toBe('PassportRenewal');
    });

    test('read_journey: the model, by name, in a file or anywhere', async () => {
        const model = await ok<{ file: string, stages: { touchpoints: { name: string, owner?: { name: string } }[] }[] }>('read_journey', { journey: 'Loose' });
        expect(model.file).toBe('team/loose.journey');
        expect(model.stages[0].touchpoints.map(touchpoint => [touchpoint.name, touchpoint.owner?.name])).toEqual([['Nobody', undefined], ['Ungraded', 'Desk']]);
        const tomorrow = await ok('read_journey', { journey: 'PassportRenewalTomorrow', file: 'passport-renewal-tomorrow.journey' });
        expect(tomorrow).not.toHaveProperty('current');
        expect(JSON.stringify(tomorrow)).not.toContain('file://');
        expect(await failure('read_journey', { journey: 'Loose', file: 'hospital-visit.journey' })).toBe("no journey 'Loose' in hospital-visit.journey: the journeys are HospitalVisit");
    });

    test('validate: diagnostics with codes and 1-based ranges, of one file or all', async () => {
        const one = await ok<{ files: number, diagnostics: Record<string, unknown>[] }>('validate', { file: 'team/loose.journey' });
        expect(one.files).toBe(1);
        expect(one.diagnostics).toContainEqual({
            file: 'team/loose.journey', line: 3, column: 16, endLine: 3, endColumn: 22, severity: 'warning', code: 'missing-owner',
            message: "Touchpoint 'Nobody' has no owner: add `owner <name>` to say who delivers it."
        });
        expect(one.diagnostics.map(d => d.code)).toContain('unscored-touchpoint');
        const all = await ok<{ files: number, errors: number }>('validate');
        expect(all).toMatchObject({ files: 6, errors: 0 });
    });

    test('render: each view as SVG; a view the journey does not have is refused', async () => {
        for (const view of ['map', 'blueprint', 'stakeholders']) {
            const svg = text(await call('render', { journey: 'HospitalVisit', view }));
            expect(svg, view).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
        }
        expect(text(await call('render', { journey: 'PassportRenewalTomorrow', view: 'compare', theme: 'dark' }))).toMatch(/^<svg/);
        expect(text(await call('render', { journey: 'HospitalVisit', persona: 'Ruth' }))).toMatch(/^<svg/);
        expect(await failure('render', { journey: 'HospitalVisit', view: 'compare' })).toMatch(/^view 'compare': journey 'HospitalVisit' redesigns no journey/);
        expect(await failure('render', { journey: 'HospitalVisit', persona: 'Nobody' })).toBe("journey 'HospitalVisit' is not for 'Nobody': its personas are Graham, Ruth");
    });

    test('diff: with a text not saved, with a git revision, with another file, a redesign with today', async () => {
        const file = path.join(folder, 'team', 'loose.journey');
        const edited = LOOSE.replace('{ emotion 1 }', '{ owner Desk emotion 4 }');
        const proposed = await call('diff', { file: 'team/loose.journey', text: edited });
        expect(proposed.isError).toBeFalsy();
        expect(text(proposed)).toContain('Loose');
        const changes = (proposed.structuredContent as { journeys: { status: string, changes: { kind: string }[] }[] }).journeys[0];
        expect(changes.status).toBe('changed');
        expect(changes.changes.map(change => change.kind).sort()).toEqual(['emotion', 'owner']);
        expect(await readFile(file, 'utf-8')).toBe(LOOSE);

        await writeFile(file, edited);
        try {
            const sinceHead = await call('diff', { file: 'team/loose.journey', revision: 'HEAD' });
            expect(sinceHead.structuredContent).toEqual(proposed.structuredContent);
        } finally {
            await writeFile(file, LOOSE);
        }
        const files = await call('diff', { file: 'passport-renewal.journey', otherFile: 'passport-renewal-tomorrow.journey' });
        expect((files.structuredContent as { journeys: { status: string }[] }).journeys.map(entry => entry.status)).toEqual(['added', 'removed']);
        const redesign = await call('diff', { file: 'passport-renewal-tomorrow.journey', redesign: 'PassportRenewalTomorrow' });
        expect(text(redesign)).toContain('PassportRenewalTomorrow');
        expect(await failure('diff', { file: 'team/loose.journey' })).toBe('name exactly one of otherFile, revision, text or redesign to compare team/loose.journey with (0 given)');
        expect(await failure('diff', { file: 'team/loose.journey', text: 'journey {' })).toMatch(/^team\/loose\.journey \(the text given\):1:\d+: /);
    });

    test('find_touchpoints: no owner, ungraded, grade <= N, an owner\'s', async () => {
        const names = (found: Found) => found.touchpoints.filter(t => t.journey === 'Loose').map(t => t.touchpoint);
        expect(names(await ok<Found>('find_touchpoints', { condition: 'no-owner' }))).toEqual(['Nobody']);
        expect(names(await ok<Found>('find_touchpoints', { condition: 'ungraded' }))).toEqual(['Ungraded']);
        const low = await ok<Found>('find_touchpoints', { condition: 'grade-at-most', grade: 1, journey: 'Loose' });
        expect(low.touchpoints).toEqual([expect.objectContaining({ touchpoint: 'Nobody', line: 3, grades: [{ grade: 1 }] })]);
        const desk = await ok<Found>('find_touchpoints', { condition: 'owned-by', owner: 'Desk' });
        expect(desk.touchpoints.map(t => [t.journey, t.touchpoint, t.owner])).toEqual([['Loose', 'Ungraded', 'Desk']]);
        const ruth = await ok<Found>('find_touchpoints', { condition: 'grade-at-most', grade: 2, persona: 'Ruth' });
        expect(ruth.count).toBeGreaterThan(0);
        expect(await failure('find_touchpoints', { condition: 'grade-at-most' })).toBe('grade-at-most needs grade (1..5)');
        expect(await failure('find_touchpoints', { condition: 'owned-by' })).toBe('owned-by needs owner (an owner\'s name)');
    });

    test('resources: each .journey file by its file:// URL, as it is on disk', async () => {
        const { resources } = await client.listResources();
        expect(resources.map(resource => resource.name)).toContain('team/loose.journey');
        const uri = pathToFileURL(path.join(folder, 'team', 'loose.journey')).href;
        expect(resources.find(resource => resource.name === 'team/loose.journey')?.uri).toBe(uri);
        const { contents } = await client.readResource({ uri });
        expect(contents).toEqual([{ uri, mimeType: 'text/x-journey', text: LOOSE }]);
    });

    test('a file saved since, or added, is what the tools see next', async () => {
        const added = path.join(folder, 'team', 'added.journey');
        await writeFile(added, 'journey Added "Added later" { stage S { touchpoint A "A" { emotion 2 } } }\n');
        try {
            const { files } = await ok<{ files: { file: string }[] }>('list_journeys');
            expect(files.map(file => file.file)).toContain('team/added.journey');
        } finally {
            await rm(added);
        }
        const { files } = await ok<{ files: { file: string }[] }>('list_journeys');
        expect(files.map(file => file.file)).not.toContain('team/added.journey');
    });

    test('paths outside the folder are refused: .., an absolute path, a link that leads out, a resource', async () => {
        const outside = /^.+: outside the workspace folder .+: name a \.journey file under it \(list_journeys lists them\)$/;
        expect(await failure('validate', { file: '../outside.journey' })).toMatch(outside);
        expect(await failure('validate', { file: path.join(root, 'outside.journey') })).toMatch(outside);
        expect(await failure('validate', { file: '/etc/passwd' })).toMatch(outside);
        expect(await failure('validate', { file: 'link-out.journey' })).toMatch(outside);
        expect(await failure('diff', { file: 'team/loose.journey', otherFile: '../outside.journey' })).toMatch(outside);
        expect(await failure('read_journey', { journey: 'Outside', file: '../outside.journey' })).toMatch(outside);
        expect(await failure('validate', { file: 'nowhere.journey' })).toBe('nowhere.journey: no such .journey file in the workspace folder (list_journeys lists them)');
        await expect(client.readResource({ uri: pathToFileURL(path.join(root, 'outside.journey')).href })).rejects.toThrow(/outside the workspace folder/);
        await expect(client.readResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(/outside the workspace folder/);
    });

    test('bad arguments: a clear error, and the server goes on', async () => {
        expect(await failure('read_journey', {})).toMatch(/Input validation error: .*journey/s);
        expect(await failure('render', { journey: 'HospitalVisit', view: 'gantt' })).toMatch(/Input validation error: .*view/s);
        expect(await failure('find_touchpoints', { condition: 'grade-at-most', grade: 9 })).toMatch(/Input validation error: .*grade/s);
        expect(await failure('find_touchpoints', { condition: 'sad' })).toMatch(/Input validation error: .*condition/s);
        expect(await failure('read_journey', { journey: 'Nope' })).toMatch(/^no journey 'Nope': the journeys are HospitalVisit, OnlinePurchase, /);
        await expect(client.callTool({ name: 'write_journey', arguments: {} })).resolves.toMatchObject({ isError: true });
        await ok('list_journeys');
        expect(stderr).toBe('');
    });

    test('the command line: a folder that is not one', async () => {
        expect(await journey(root, 'mcp', 'nowhere')).toEqual({ code: 2, stdout: '', stderr: 'journey: nowhere: no such folder\n' });
    });
});
