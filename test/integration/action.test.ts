import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAction } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { CLI, EXAMPLES } from '../helpers/cli-process.js';

/**
 * The composite action (action.yml) cannot run here: GitHub runs it. What can be checked is checked: the
 * file against the action metadata schema, and each step's script run by bash as the runner runs it (its
 * env as the step maps it from the inputs, GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY as files), on a
 * git repository of the examples with a change to compare. The steps that use other actions (setup-node,
 * upload-sarif) and the npm install of the action are left to GitHub.
 */
const ACTION = fileURLToPath(new URL('../../action.yml', import.meta.url));

interface Step {
    id?: string;
    name: string;
    if?: string;
    uses?: string;
    shell?: string;
    env?: Record<string, string>;
    run?: string;
    with?: Record<string, string>;
}

interface Action {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string, steps: Step[] };
}

let text: string;
let action: Action;
let repo: string;
let temp: string;

beforeAll(async () => {
    text = await readFile(ACTION, 'utf-8');
    action = parse(text) as Action;
    temp = await mkdtemp(path.join(tmpdir(), 'journey-action-'));
    repo = path.join(temp, 'repo');
    await cp(EXAMPLES, path.join(repo, 'maps'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'maps');
    const file = path.join(repo, 'maps', 'passport-renewal.journey');
    await writeFile(file, (await readFile(file, 'utf-8')).replace(/emotion\s+2/, 'emotion 4'));
});

afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
});

function step(id: string): Step {
    const found = action.runs.steps.find(entry => entry.id === id);
    expect(found, id).toBeDefined();
    return found!;
}

/** A `${{ inputs.x }}`, `${{ steps.id.outputs.y }}` or `${{ github.action_path }}` of a step's env, as the runner fills it in. */
function evaluate(value: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
    return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_all, name: string) => {
        const [scope, key, ...rest] = name.split('.');
        if (scope === 'inputs') {
            return inputs[key] ?? action.inputs[key]?.default ?? '';
        }
        if (scope === 'steps' && rest[0] === 'outputs') {
            return outputs[rest[1]] ?? '';
        }
        if (name === 'github.action_path') {
            return path.dirname(ACTION);
        }
        throw new Error(`no value for ${name} in this test`);
    });
}

/** Key=value lines, as GITHUB_OUTPUT holds them. */
function keyValues(content: string): Record<string, string> {
    return Object.fromEntries(content.split('\n').filter(Boolean).map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Runs a step's script with bash as the runner does (`bash --noprofile --norc -eo pipefail`), in the repository. */
async function runStep(id: string, inputs: Record<string, string>, outputs: Record<string, string> = {}) {
    const { run, env = {}, shell } = step(id);
    expect(shell).toBe('bash');
    const files = { output: path.join(temp, `${id}-output`), summary: path.join(temp, `${id}-summary`), env: path.join(temp, `${id}-env`) };
    await Promise.all(Object.values(files).map(file => writeFile(file, '')));
    const script = path.join(temp, `${id}.sh`);
    await writeFile(script, run!);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: repo,
        encoding: 'utf-8',
        env: {
            PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
            HOME: process.env.HOME,
            RUNNER_TEMP: temp,
            GITHUB_OUTPUT: files.output,
            GITHUB_STEP_SUMMARY: files.summary,
            GITHUB_ENV: files.env,
            JOURNEY_CLI: CLI,
            ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, evaluate(value, inputs, outputs)]))
        }
    });
    return {
        code: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        outputs: keyValues(await readFile(files.output, 'utf-8')),
        summary: await readFile(files.summary, 'utf-8')
    };
}

describe('action.yml', () => {
    test('is valid action metadata (the schema of GitHub\'s action.yml), a composite action', () => {
        expect(validateAction(text)).toEqual({ actionType: 'action', errors: [] });
        expect(action.runs.using).toBe('composite');
        // The check itself catches a broken file.
        expect(validateAction(text.replace('using: composite', 'using: nothing')).errors.length).toBeGreaterThan(0);
    });

    test('no script holds an expression: inputs reach them through env only (no injection)', () => {
        for (const entry of action.runs.steps.filter(s => s.run !== undefined)) {
            expect(entry.run, entry.name).not.toContain('${{');
        }
    });

    test('the steps that only GitHub can run: the Node version asked, and the SARIF upload under its conditions', () => {
        expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': '${{ inputs.node-version }}' } });
        const upload = action.runs.steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
        expect(upload).toMatchObject({ if: "${{ always() && inputs.sarif == 'true' && steps.validate.outputs.sarif-file != '' }}",
            with: { sarif_file: '${{ steps.validate.outputs.sarif-file }}' } });
        expect(step('install').run).toContain('npm ci --prefix "$ACTION_PATH"');
        expect(action.inputs['diff-base'].default).toBe('${{ github.event.pull_request.base.sha }}');
    });

    test('validate: the SARIF file, the counts as outputs, the log and the summary; the exit code kept for the last step', async () => {
        const run = await runStep('validate', { path: 'maps' });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/5 files checked: no problems/);
        expect(run.outputs).toEqual({ errors: '0', warnings: '0', 'sarif-file': path.join(temp, 'journey.sarif'), 'exit-code': '0' });
        const sarif = JSON.parse(await readFile(path.join(temp, 'journey.sarif'), 'utf-8')) as { version: string, runs: unknown[] };
        expect(sarif.version).toBe('2.1.0');
        expect(run.summary).toContain('### Journey maps: validation');
    });

    test('validate with --max-warnings 0 on a file with warnings: the step goes on, the last one fails', async () => {
        await writeFile(path.join(repo, 'maps', 'loose.journey'), 'journey Loose "Loose" { stage S { touchpoint A "A" { } } }\n');
        try {
            const run = await runStep('validate', { path: 'maps', 'max-warnings': '0' });
            expect(run.code).toBe(0);
            expect(run.outputs['exit-code']).toBe('1');
            expect(Number(run.outputs.warnings)).toBeGreaterThan(0);
            const sarif = JSON.parse(await readFile(run.outputs['sarif-file'], 'utf-8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
            expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('maps/loose.journey');
            expect(step('result').if).toBe("${{ steps.validate.outputs.exit-code != '0' }}");
            const result = await runStep('result', {}, run.outputs);
            expect(result.code).toBe(1);
            expect(result.stdout).toBe('::error title=Journey maps::journey validate found problems (exit code 1): see the log of the validate step\n');
        } finally {
            await rm(path.join(repo, 'maps', 'loose.journey'));
        }
    });

    test('build: the site in the folder asked, as an output', async () => {
        expect(step('build').if).toBe("${{ inputs.build != '' }}");
        const run = await runStep('build', { path: 'maps', build: '_site' });
        expect(run.code).toBe(0);
        expect(run.outputs).toEqual({ site: '_site' });
        expect(await readFile(path.join(repo, '_site', 'index.html'), 'utf-8')).toContain('<h1>Journey maps: maps</h1>');
    });

    test('diff: what changed since the base, as Markdown in the summary', async () => {
        expect(step('diff').if).toBe("${{ inputs.diff-base != '' }}");
        const run = await runStep('diff', { path: 'maps', 'diff-base': 'HEAD' });
        expect(run.code, run.stderr).toBe(0);
        expect(run.summary).toMatch(/^### Journey maps: what changes for the customer\n\n/);
        expect(run.summary).toContain('PassportRenewal');
        expect(run.summary).toContain('EntryRules: emotion (Tomasz) 2 -\\> 4');
    });
});
