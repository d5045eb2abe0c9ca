import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXPORTERS, type ExportFormat } from '../map/exporters/exporters.js';
import { VIEWS, type ViewId } from '../map/views/views.js';
import { build } from './build-command.js';
import { diff, DIFF_FORMATS, type DiffFormat } from './diff-command.js';
import { EXPORT_FORMATS, exportJourneys } from './export-command.js';
import { importMermaid } from './import-command.js';
import { UsageError, type CommandOutput } from './cli-util.js';
import { render } from './render-command.js';
import { removeTemporaryFiles } from './safe-write.js';
import { serve } from './serve/serve-command.js';
import { finish, internalErrorMessage, terminal } from './standard-streams.js';
import { validate } from './validate-command.js';

/** Exit codes: 0 fine, 1 the journeys have errors, 2 the command could not run as asked. */
const USAGE_EXIT_CODE = 2;

const MINIMUM_NODE_MAJOR = 22;

/** `validate --jobs`: a thread holds its share of the workspace and a copy of the language. */
const MAX_JOBS = 256;
if (Number(process.versions.node.split('.')[0]) < MINIMUM_NODE_MAJOR) {
    process.stderr.write(`journey: needs Node.js ${MINIMUM_NODE_MAJOR} or later (this is ${process.version})\n`);
    process.exit(USAGE_EXIT_CODE);
}

/** The package's version, from the package.json beside the bundle (out/cli/main.cjs -> ../../package.json). */
function packageVersion(): string {
    try {
        const here = typeof __dirname === 'string' ? __dirname : '.';
        return (JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf-8')) as { version: string }).version;
    } catch {
        return '0.0.0';
    }
}

function wholeNumber(name: string, min: number, max: number) {
    return (value: string): number => {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < min || n > max) {
            throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
        }
        return n;
    };
}

// Every write goes through `terminal`: a closed pipe (`journey render map.journey | head`) ends quietly,
// another write failure says so in one line and exits 2, and no control character from a file reaches
// the terminal in a message. The results themselves (SVG, exports) are written exactly.
const output: CommandOutput = {
    write: text => terminal.raw(text),
    warn: text => terminal.message(text)
};

// Nothing unexpected prints a stack trace: one line, and no temporary file left behind.
const internalError = (error: unknown) => {
    removeTemporaryFiles();
    terminal.message(internalErrorMessage(error));
    process.exit(USAGE_EXIT_CODE);
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

const version = packageVersion();

const program = new Command('journey')
    .description('Customer journey maps as text: check, draw, serve, export and import .journey files.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
        writeOut: text => terminal.raw(text),
        writeErr: text => terminal.error(text),
        outputError: (text, write) => write(text)
    });

program.command('validate')
    .description('Check .journey files (folders recursively) and print their diagnostics.')
    .argument('<paths...>', '.journey files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--workspace <folder>', 'also resolve references against every .journey file under this folder')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumber('--max-warnings', 0, Number.MAX_SAFE_INTEGER))
    .option('--jobs <n>', 'check the files in this many threads (default: one per core, for a workspace large enough to gain from them)', wholeNumber('--jobs', 1, MAX_JOBS))
    .action(async (paths: string[], options: { format: 'text' | 'json' | 'sarif', workspace?: string, maxWarnings?: number, jobs?: number }) => {
        finish(await validate(paths, { ...options, version }, text => terminal.line(text), text => terminal.message(text), text => terminal.progress(text)));
    });

program.command('render')
    .description('Draw a journey map as SVG (to standard output without -o), self-contained HTML or PNG.')
    .argument('<file>', 'a .journey file (the journeys beside it resolve its owners, channels and personas)')
    .option('-o, --output <file>', 'write to this file: .svg, .html or .png (refused if it exists, unless --force)')
    .option('--journey <name>', 'the journey to draw, when the file has several (default: the first)')
    .addOption(new Option('--theme <theme>', 'colour palette').choices(['light', 'dark']).default('light'))
    .option('--force', 'replace the output file if it exists')
    .option('--workspace <folder>', 'also resolve references against every .journey file under this folder')
    .option('--persona <name>', 'draw the curve and figures of this persona only (default: every persona of the journey)')
    .addOption(new Option('--view <view>', 'what to draw: the journey map (default), the service blueprint, the stakeholder map, or a redesign compared with today').choices(Object.keys(VIEWS)))
    .option('--compare', 'for a redesign: compare with the journey of today (its curve behind, steps gone as ghosts, figures today -> tomorrow); --view compare')
    .action(async (file: string, options: { output?: string, journey?: string, theme: 'light' | 'dark', force?: boolean, workspace?: string, persona?: string, view?: ViewId, compare?: boolean }) => {
        finish(await render(file, options, output));
    });

program.command('export')
    .description(`Export journeys: ${Object.entries(EXPORTERS).map(([format, { description }]) => `${format} (${description})`).join(', ')}.`)
    .argument('<file>', 'a .journey file')
    .addOption(new Option('--format <format>', 'what to export').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--journey <name>', 'one journey of the file (Mermaid: default the first; others: default all)')
    .option('--persona <name>', 'Mermaid: whose grades are the scores, for a journey of several personas (default its first)')
    .option('-o, --output <file>', 'write to this file instead of standard output (refused if it exists, unless --force)')
    .option('--force', 'replace the output file if it exists')
    .option('--workspace <folder>', 'also resolve references against every .journey file under this folder')
    .action(async (file: string, options: { format: ExportFormat, output?: string, journey?: string, persona?: string, force?: boolean, workspace?: string }) => {
        finish(await exportJourneys(file, options, output));
    });

program.command('diff')
    .description('Compare journeys (paired by name) for what they change for the customer: two files, a file with itself at a git revision, ' +
        'every .journey file changed since a revision, or a redesign with the journey it redesigns.')
    .argument('[files...]', 'the old and the new file; one file with --git or --redesign; none with --git alone')
    .option('--git <rev>', 'compare with this git revision (the file named, or every .journey file here and below that changed since)')
    .option('--redesign <journey>', 'compare this journey of the file with the journey it redesigns')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(DIFF_FORMATS)).default('text'))
    .option('--workspace <folder>', 'also resolve references against every .journey file under this folder')
    .action(async (files: string[], options: { format: DiffFormat, git?: string, redesign?: string, workspace?: string }) => {
        finish(await diff(files, options, text => terminal.line(text), text => terminal.message(text)));
    });

program.command('import')
    .description('Turn Mermaid journey diagrams (a .mmd file, or ```mermaid blocks in Markdown) into a .journey file.')
    .argument('<file>', 'a Mermaid (.mmd) or Markdown (.md) file')
    .option('-o, --output <file>', 'write this .journey file instead of printing it (refused if it exists, unless --force)')
    .option('--force', 'replace the output file if it exists')
    .action(async (file: string, options: { output?: string, force?: boolean }) => {
        finish(await importMermaid(file, options, output));
    });

program.command('serve')
    .description('Preview every journey under a folder in the browser, live: maps redraw when a file is saved.')
    .argument('[folder]', 'the folder to serve', '.')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', wholeNumber('--port', 1, 65535))
    .option('--compare', 'open each redesign compared with today (the page\'s "Compare with today" toggle)')
    .action(async (folder: string, options: { port?: number, compare?: boolean }) => {
        finish(await serve(folder, options, { log: text => terminal.line(text), warn: text => terminal.message(text) }));
    });

program.command('build')
    .description('Make a static site of every journey under a folder: an index, and a page per journey with every view.')
    .argument('<folder>', 'the folder of .journey files')
    .option('-o, --output <folder>', 'the site\'s folder: new, empty, or a site journey build made', 'site')
    .option('--base <url>', 'the address the site is published at, for hosts that need absolute links (they are relative otherwise)')
    .option('--force', 'write into a folder that is not empty and is not a site journey build made')
    .action(async (folder: string, options: { output: string, base?: string, force?: boolean }) => {
        finish(await build(folder, options, {
            terminal: terminal.errorIsTerminal,
            status: text => terminal.status(text),
            line: text => terminal.message(text),
            result: text => terminal.line(text),
            warn: text => terminal.message(text)
        }));
    });

program.command('mcp')
    .description('A Model Context Protocol server on standard input and output, for AI assistants: the journeys under a folder, read-only ' +
        '(tools list_journeys, read_journey, validate, render, diff, find_touchpoints; each .journey file as a resource).')
    .argument('[folder]', 'the folder of .journey files', '.')
    .action(async (folder: string) => {
        // Loaded only for this command: the SDK is not evaluated when another command starts.
        const { mcp } = await import('./mcp-command.js');
        finish(await mcp(folder, version, text => terminal.message(text)));
    });

program.parseAsync().catch((error: unknown) => {
    if (error instanceof CommanderError) {
        finish(error.exitCode === 0 ? 0 : USAGE_EXIT_CODE);
    } else if (error instanceof UsageError) {
        terminal.message(`journey: ${error.message}`);
        finish(USAGE_EXIT_CODE);
    } else {
        removeTemporaryFiles();
        terminal.message(internalErrorMessage(error));
        finish(USAGE_EXIT_CODE);
    }
});
