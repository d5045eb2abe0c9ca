import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { escapeControlCharacters } from '../map/control-characters.js';
import { createJourneyServices } from '../language/journey-module.js';
import { mermaidToJourney } from './import/mermaid-import.js';
import { readMermaidJourneys, type MermaidJourney } from './import/mermaid-parser.js';
import { MermaidSyntaxError } from './import/mermaid-preprocess.js';
import { UsageError, type CommandOutput } from './cli-util.js';
import { diagnosticsOf } from './journey-workspace.js';
import { checkOutput, writeOutput } from './safe-write.js';
import { plural } from '../map/format.js';
import { diagnosticMessage } from '../language/diagnostic-message.js';

export interface ImportOptions {
    output?: string;
    force?: boolean;
}

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);

/**
 * `journey import`: Mermaid journey diagrams (a `.mmd` file, or every fenced `mermaid` block of a
 * Markdown file) as a `.journey` file, checked with the language's own services before it is written.
 * A diagram Mermaid rejects is refused with its line and what is wrong: nothing is written.
 */
export async function importMermaid(file: string, options: ImportOptions, out: CommandOutput): Promise<number> {
    if (options.output !== undefined) {
        if (!options.output.endsWith('.journey')) {
            throw new UsageError(`-o ${options.output}: the output must be a .journey file`);
        }
        await checkOutput(options.output, options);
    }
    const info = await stat(file).catch(() => undefined);
    if (!info) {
        throw new UsageError(`${file}: no such file`);
    }
    if (!info.isFile()) {
        throw new UsageError(`${file}: not a file`);
    }
    const text = await readFile(file, 'utf-8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`${file}: cannot read it (${error.code ?? error.message})`);
    });
    const markdown = MARKDOWN.has(path.extname(file).toLowerCase());
    const journeys = readJourneys(file, text, markdown);
    if (journeys.length === 0) {
        throw new UsageError(markdown
            ? `${file}: no \`\`\`mermaid block holds a journey diagram`
            : `${file}: not a Mermaid journey diagram (it must start with \`journey\`)`);
    }
    const result = mermaidToJourney(journeys, path.basename(file));
    const errors = await errorsIn(result.text);
    if (errors.length > 0) {
        // The importer writes only what the language accepts; reaching this is a bug in it.
        throw new Error(`the imported text does not validate: ${errors.join('; ')}`);
    }
    if (options.output === undefined) {
        out.write(result.text);
    } else {
        await writeOutput(options.output, result.text, options);
        // A message naming files: their control characters shown escaped, as in every message.
        out.write(`${escapeControlCharacters(`${options.output}: ${plural(result.journeys, 'journey')}, ${plural(result.stages, 'stage')}, ` +
            `${plural(result.touchpoints, 'touchpoint')}, ${plural(result.owners, 'owner')} imported from ${file}`)}\n`);
    }
    return 0;
}

/** The file's journeys; a diagram Mermaid rejects, as a one-line error that names the file and line. */
function readJourneys(file: string, text: string, markdown: boolean): MermaidJourney[] {
    try {
        return readMermaidJourneys(text, markdown);
    } catch (error) {
        if (error instanceof MermaidSyntaxError) {
            throw new UsageError(`${file}:${error.line}: ${escapeControlCharacters(error.message)}`);
        }
        throw error;
    }
}

/** Error diagnostics of a text checked on its own, with the language's services. */
async function errorsIn(text: string): Promise<string[]> {
    const services = createJourneyServices(EmptyFileSystem).Journey;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///imported.journey'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return diagnosticsOf(document).filter(d => d.severity === 1)
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${diagnosticMessage(d)}`);
}
