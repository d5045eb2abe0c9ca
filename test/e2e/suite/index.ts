import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * Entry point VS Code calls in its extension host (`extensionTestsPath`): runs the bundled suite files
 * beside this one, in name order, and rejects when a test fails, which makes the host exit with code 1.
 */
export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
    for (const file of readdirSync(__dirname).filter(name => name.endsWith('.test.cjs')).sort()) {
        mocha.addFile(path.join(__dirname, file));
    }
    return new Promise((resolve, reject) => {
        mocha.run(failures => failures > 0 ? reject(new Error(`${failures} e2e test${failures === 1 ? '' : 's'} failed`)) : resolve());
    });
}
