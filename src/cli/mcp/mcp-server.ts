import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { VIEWS, type ViewId } from '../../map/views/views.js';
import { UsageError } from '../cli-util.js';
import type { FileComparison } from '../diff-command.js';
import type { WorkspaceTools } from './workspace-tools.js';

/** Every tool only reads the folder: clients may call them without asking the user each time. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const FILE = z.string().min(1).describe('a .journey file, relative to the workspace folder (as list_journeys gives it)');
const JOURNEY = z.string().min(1).describe('the journey\'s name (its identifier, as list_journeys gives it, not its title)');

function json(value: unknown): CallToolResult {
    return { content: [{ type: 'text', text: JSON.stringify(value, undefined, 2) }], structuredContent: value as Record<string, unknown> };
}

/**
 * Runs a tool on the folder as it is now. A `UsageError` (a bad argument the schema cannot see: a journey
 * that is not there, a path outside the folder) is the tool's error result, said in one sentence; the SDK
 * turns any other exception into an error result too, so a call never stops the server.
 */
async function run(tools: WorkspaceTools, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
    await tools.refresh();
    try {
        return await body();
    } catch (error) {
        if (error instanceof UsageError) {
            return { isError: true, content: [{ type: 'text', text: error.message }] };
        }
        throw error;
    }
}

/**
 * `journey mcp`'s server: the tools and resources of one folder of journeys, read-only. Resources are the
 * `.journey` files, by their `file://` URL; tools list, read, validate, draw, compare and search the journeys.
 */
export function createJourneyMcpServer(tools: WorkspaceTools, version: string): McpServer {
    const server = new McpServer({ name: 'journey-maps', title: 'Journey Maps', version }, {
        instructions: 'Customer journey maps written as .journey files in one folder. Start with list_journeys; read_journey gives a '
            + 'journey\'s stages and touchpoints (owner, channel, grades 1..5 per persona, notes); validate gives the diagnostics with their '
            + 'codes; find_touchpoints finds those without an owner, ungraded or graded low. Everything is read-only.'
    });

    server.registerResource('journey-files', new ResourceTemplate('file://{+path}', {
        list: async () => {
            await tools.refresh();
            return {
                resources: tools.folder.files.map(file => ({
                    uri: pathToFileURL(tools.folder.absolute(file)!).href,
                    name: file,
                    mimeType: 'text/x-journey'
                }))
            };
        }
    }), { title: 'A .journey file of the workspace folder', mimeType: 'text/x-journey' }, async uri => {
        await tools.refresh();
        const relative = await tools.file(uri.protocol === 'file:' ? fileURLToPath(uri) : uri.href);
        return { contents: [{ uri: uri.href, mimeType: 'text/x-journey', text: await readFile(tools.folder.absolute(relative)!, 'utf-8') }] };
    });

    server.registerTool('list_journeys', {
        title: 'List the journeys',
        description: 'Every .journey file of the workspace folder with its count of errors and warnings, and each journey in it: name, '
            + 'title, goal, personas, the journey it redesigns, and its figures (touchpoints, stages, average grade 1..5, share owned and '
            + 'graded 0..1, contacts, minutes, lowest moments).',
        annotations: READ_ONLY
    }, () => run(tools, () => Promise.resolve(json(tools.listJourneys()))));

    server.registerTool('read_journey', {
        title: 'Read a journey',
        description: 'A journey\'s model: goal, personas, stages, every touchpoint (owner, channel, those taking part, grades per persona, '
            + 'contacts, duration, notes: pain, idea, backstage, support, evidence, quotes), figures, stakeholders, and source lines (0-based).',
        inputSchema: { journey: JOURNEY, file: FILE.optional() },
        annotations: READ_ONLY
    }, ({ journey, file }) => run(tools, async () => json(await tools.readJourney(journey, file))));

    server.registerTool('validate', {
        title: 'Validate',
        description: 'The diagnostics of one .journey file, or of every file when none is named, as journey validate gives them: file, '
            + 'line, column, endLine, endColumn (1-based), severity, code (e.g. missing-owner, unscored-touchpoint) and message.',
        inputSchema: { file: FILE.optional() },
        annotations: READ_ONLY
    }, ({ file }) => run(tools, async () => json(await tools.validate(file))));

    const views = Object.keys(VIEWS) as [ViewId, ...ViewId[]];
    server.registerTool('render', {
        title: 'Draw a view as SVG',
        description: 'A view of a journey as an SVG image (its styles inside): map (stages, touchpoints and the emotion curve), blueprint '
            + '(the service blueprint), stakeholders (the stakeholder map), compare (a redesign over the journey of today it redesigns).',
        inputSchema: {
            journey: JOURNEY,
            view: z.enum(views).default('map'),
            file: FILE.optional(),
            persona: z.string().min(1).optional().describe('one persona of the journey only (by name); default every persona'),
            theme: z.enum(['light', 'dark']).default('light')
        },
        annotations: READ_ONLY
    }, ({ journey, view, file, persona, theme }) => run(tools, async () => ({
        content: [{ type: 'text', text: await tools.render(journey, view, { file, persona, theme }) }]
    })));

    server.registerTool('diff', {
        title: 'Compare two versions',
        description: 'What changed for the customer between two versions of a file\'s journeys (paired by name): grades, owners, channels, '
            + 'contacts, time, steps added, removed, moved or replaced, and the figures before and after. Name the file (the old side) and '
            + 'exactly one of: otherFile (the new side), revision (the file at that git revision is the old side), text (a new text for '
            + 'the file, not saved: what an edit would change), redesign (a redesign journey of the file, compared with the journey it redesigns). '
            + 'Gives Markdown and the same as JSON.',
        inputSchema: {
            file: FILE,
            otherFile: FILE.optional(),
            revision: z.string().min(1).optional().describe('a git revision: HEAD, HEAD~1, main, a commit'),
            text: z.string().optional().describe('the whole new text of the file'),
            redesign: JOURNEY.optional()
        },
        annotations: READ_ONLY
    }, ({ file, otherFile, revision, text, redesign }) => run(tools, async () => {
        const given = [
            otherFile === undefined ? [] : [{ otherFile }],
            revision === undefined ? [] : [{ revision }],
            text === undefined ? [] : [{ text }],
            redesign === undefined ? [] : [{ redesign }]
        ].flat() as FileComparison[];
        if (given.length !== 1) {
            throw new UsageError(`name exactly one of otherFile, revision, text or redesign to compare ${file} with (${given.length} given)`);
        }
        const { markdown, json: value } = await tools.diff(file, given[0]);
        return { content: [{ type: 'text', text: markdown }], structuredContent: value as Record<string, unknown> };
    }));

    server.registerTool('find_touchpoints', {
        title: 'Find touchpoints',
        description: 'The touchpoints of every journey (or of one) that match a condition: no-owner (nobody delivers it), ungraded (a '
            + 'persona has no grade for it), grade-at-most (some grade <= grade, e.g. 2 for the low points), owned-by (those owner '
            + 'delivers). Each with its file, journey, stage, owner, channel, grades and line (1-based).',
        inputSchema: {
            condition: z.enum(['no-owner', 'ungraded', 'grade-at-most', 'owned-by']),
            grade: z.number().int().min(1).max(5).optional().describe('for grade-at-most: 1..5'),
            owner: z.string().min(1).optional().describe('for owned-by: the owner\'s name'),
            journey: JOURNEY.optional(),
            persona: z.string().min(1).optional().describe('grades of this persona only')
        },
        annotations: READ_ONLY
    }, ({ condition, grade, owner, journey, persona }) => run(tools, () => {
        const scope = { journey, persona };
        if (condition === 'grade-at-most') {
            if (grade === undefined) {
                throw new UsageError('grade-at-most needs grade (1..5)');
            }
            return Promise.resolve(json(tools.findTouchpoints({ ...scope, kind: condition, grade })));
        }
        if (condition === 'owned-by') {
            if (owner === undefined) {
                throw new UsageError('owned-by needs owner (an owner\'s name)');
            }
            return Promise.resolve(json(tools.findTouchpoints({ ...scope, kind: condition, owner })));
        }
        return Promise.resolve(json(tools.findTouchpoints({ ...scope, kind: condition })));
    }));

    return server;
}
