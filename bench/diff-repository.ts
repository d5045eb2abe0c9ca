/**
 * A git repository for `journey diff --git`: the generator's organisation file and journey files, committed,
 * then every journey changed as a pull request might change it (one touchpoint's grade, a new idea on it)
 * and committed again, so that `journey diff --git HEAD~1` finds every file changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { journeyText, organisationText } from './generate.ts';

export interface DiffRepository {
    folder: string;
    dispose(): Promise<void>;
}

/** Git with an author of its own and none of the machine's configuration. */
function git(cwd: string, ...args: string[]): void {
    execFileSync('git', ['-c', 'user.name=Journey Bench', '-c', 'user.email=bench@journey.invalid', '-c', 'commit.gpgsign=false',
        '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
}

export async function diffRepository(files: number, touchpoints: number): Promise<DiffRepository> {
    const folder = await mkdtemp(path.join(tmpdir(), 'journey-bench-diff-'));
    await writeFile(path.join(folder, 'organisation.journey'), organisationText());
    const journeys = Array.from({ length: files }, (_, i) => {
        const id = `Journey${String(i + 1).padStart(3, '0')}`;
        return { file: path.join(folder, `${id.toLowerCase()}.journey`), journey: journeyText(touchpoints, i + 1, id) };
    });
    for (const { file, journey } of journeys) {
        await writeFile(file, journey.text);
    }
    git(folder, 'init', '-q');
    git(folder, 'add', '.');
    git(folder, 'commit', '-q', '-m', 'Today');
    for (const { file, journey } of journeys) {
        const lines = journey.text.split('\n');
        const { line, value } = journey.marks.grade;
        lines[line] = `      emotion  ${value === 5 ? 4 : value + 1} "better"\n      idea      "Tell the customer what happens next"`;
        await writeFile(file, lines.join('\n'));
    }
    git(folder, 'commit', '-q', '-a', '-m', 'Tomorrow');
    return { folder, dispose: () => rm(folder, { recursive: true, force: true }) };
}
