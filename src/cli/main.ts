import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './journey-files.js';
import { validate } from './validate-command.js';

/** Exit codes: 0 fine, 1 the journeys have errors, 2 the command could not run as asked. */
const USAGE_EXIT_CODE = 2;

const MINIMUM_NODE_MAJOR = 22;
if (Number(process.versions.node.split('.')[0]) < MINIMUM_NODE_MAJOR) {
    console.error(`journey: needs Node.js ${MINIMUM_NODE_MAJOR} or later (this is ${process.version})`);
    process.exit(USAGE_EXIT_CODE);
}

const program = new Command('journey')
    .description('Customer journey maps as text: check .journey files.')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

program.command('validate')
    .description('Check .journey files (folders recursively) and print their diagnostics.')
    .argument('<paths...>', '.journey files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--workspace <folder>', 'also resolve references against every .journey file under this folder')
    .action(async (paths: string[], options: { format: 'text' | 'json', workspace?: string }) => {
        process.exitCode = await validate(paths, options, text => console.log(text));
    });

program.parseAsync().catch((error: unknown) => {
    if (error instanceof CommanderError) {
        process.exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    } else if (error instanceof UsageError) {
        console.error(`journey: ${error.message}`);
        process.exitCode = USAGE_EXIT_CODE;
    } else {
        console.error(`journey: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        process.exitCode = USAGE_EXIT_CODE;
    }
});
