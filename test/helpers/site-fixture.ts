import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EXAMPLES } from './cli-process.js';

/** Labels that would run a script, break out of an attribute or open a dialog if they were written as markup. */
export const HOSTILE_TITLE = '<script>alert("title")</script>"><img src=x onerror=alert(1)>';

/**
 * A folder to build a site from, as a user's might be: the examples (personas, a redesign and the journey it
 * redesigns, a shared organisation file), a journey with hostile labels, a file with a syntax error, a file whose
 * name has spaces and `#`, and two journeys whose pages would differ only in case.
 */
export async function makeSiteFolder(root: string): Promise<void> {
    await cp(EXAMPLES, root, { recursive: true });
    await mkdir(path.join(root, 'team', 'trips'), { recursive: true });
    await writeFile(path.join(root, 'team', 'hostile.journey'), `owner Ops "${HOSTILE_TITLE.replace(/"/g, '\\"')}"
persona Sam "Sam <b>bold</b> & co"
journey Hostile "${HOSTILE_TITLE.replace(/"/g, '\\"')}" for Sam {
  stage S "</svg><script>alert(2)</script>" {
    touchpoint T "javascript:alert(3)" { owner Ops emotion 2 "<i>sad</i>" pain "<iframe src=https://example.com>" }
  }
}
`);
    await writeFile(path.join(root, 'team', 'broken.journey'), `owner Desk "Front desk"
journey Broken "A journey with an error" {
  stage S { touchpoint A "Arrives" { owner Desk emotion 7 } }
  stage T { touchpoint B "Leaves" { owner
`);
    await writeFile(path.join(root, 'team', 'trips', 'Day trip #1.journey'), 'journey Go "Going out" { stage S { touchpoint A "Leaves home" { emotion 4 } } }\n');
    await writeFile(path.join(root, 'team', 'trips', 'day trip _1.journey'), 'journey go "going out, in lower case" { stage S { touchpoint A "Leaves home" { emotion 3 } } }\n');
}

/** Every file under a folder, relative and `/`-separated, with its bytes. */
export async function filesUnder(root: string): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) {
            const absolute = path.join(entry.parentPath, entry.name);
            files.set(path.relative(root, absolute).split(path.sep).join('/'), await readFile(absolute));
        }
    }
    return new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
