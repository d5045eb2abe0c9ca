// Run by `npm run package` after vsce: the .vsix is one package for the desktop and the web, so it must
// hold both entries of package.json (`main`, `browser`), the language server each of them starts and the
// preview page. Prints what it found; exits non-zero, naming what is missing, otherwise.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const VSIX = path.join(REPO, 'journey-maps.vsix');

/** The names of the entries of a zip archive, from its central directory. */
function zipEntries(zip: Buffer): string[] {
    // The end of central directory record: its signature, at most 64 KiB of comment before the end.
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) {
        throw new Error('not a zip archive (no end of central directory record)');
    }
    const count = zip.readUInt16LE(end + 10);
    const names: string[] = [];
    let offset = zip.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== 0x02014b50) {
            throw new Error(`a broken central directory at byte ${offset}`);
        }
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        names.push(zip.toString('utf-8', offset + 46, offset + 46 + nameLength));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

const manifest = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf-8')) as { main: string, browser: string };
const required = [
    manifest.main, manifest.browser,
    // The servers that src/extension/main.ts and main-browser.ts start, and the page of the preview.
    'out/language/main.cjs', 'out/language/main-browser.js', 'out/webview/preview.js', 'out/webview/preview.css'
].map(file => `extension/${path.posix.normalize(file)}`);
const entries = new Set(zipEntries(await readFile(VSIX)));
const missing = required.filter(file => !entries.has(file));
if (missing.length > 0) {
    console.error(`${path.basename(VSIX)} lacks ${missing.join(', ')}: see .vscodeignore`);
    process.exitCode = 1;
} else {
    console.log(`${path.basename(VSIX)}: ${entries.size} files, the desktop entry (${manifest.main}) and the web entry (${manifest.browser}) with their servers`);
}
