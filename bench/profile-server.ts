/**
 * Where the language server's time goes: the bundled server started with `--cpu-prof` (through
 * NODE_OPTIONS; the server is unchanged) on a generated journey, then a few one-character edits (each
 * waited for until its diagnostics arrive) and completions after `owner `.
 *
 *   node bench/profile-server.ts [touchpoints=10000] [edits=4] [completions=4]
 *
 * Prints self and inclusive time by function; the .cpuprofile stays in out/bench/ for DevTools.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LanguageServerProcess } from '../test/helpers/language-server-process.ts';
import { summariseProfile, type CpuProfile } from './cpuprofile.ts';
import { Session, Workspace } from './lsp.ts';

const [touchpoints = 10000, edits = 4, completions = 4] = process.argv.slice(2).map(Number);
const dir = fileURLToPath(new URL(`../out/bench/server-profile-${touchpoints}/`, import.meta.url));
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });

const workspace = await Workspace.create(touchpoints);
const saved = process.env.NODE_OPTIONS;
process.env.NODE_OPTIONS = [saved, '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'].filter(Boolean).join(' ');
const server = new LanguageServerProcess();
process.env.NODE_OPTIONS = saved;
if (saved === undefined) {
    delete process.env.NODE_OPTIONS;
}
const session = await Session.start(workspace, server);
const editTimes: number[] = [];
for (let i = 0; i < edits; i++) {
    editTimes.push(await session.typeOneCharacter());
    await session.settle();
}
const completionTimes: number[] = [];
for (let i = 0; i < completions; i++) {
    completionTimes.push((await session.completeAfterOwner()).ms);
}
await session.stop();
await workspace.dispose();
console.log(`edits ${editTimes.map(t => t.toFixed(0)).join(', ')} ms; completions ${completionTimes.map(t => t.toFixed(0)).join(', ')} ms (with the profiler)`);
const [file] = (await readdir(dir)).filter(name => name.endsWith('.cpuprofile'));
const profile = JSON.parse(await readFile(`${dir}${file}`, 'utf-8')) as CpuProfile;
console.log(`profile: ${dir}${file} (whole session: start, open, edits, completions)`);
console.log(summariseProfile(profile, 30));
