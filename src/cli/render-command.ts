import * as path from 'node:path';
import { renderMapFile, type MapFileFormat } from '../map/render.js';
import type { Theme } from '../map/styles/embedded-css.js';
import { UsageError, type CommandOutput } from './cli-util.js';
import { checkPersona, loadJourneyFile, pickJourney } from './journey-document.js';
import { VIEWS, type ViewId } from '../map/views/views.js';
import { svgToPng } from './render/png.js';
import { checkOutput, writeOutput } from './safe-write.js';

export interface RenderOptions {
    output?: string;
    journey?: string;
    theme: Theme;
    force?: boolean;
    workspace?: string;
    /** Draw this persona only. */
    persona?: string;
    /** The view drawn (default the map). */
    view?: ViewId;
    /** For a redesign: compare with the journey of today (the view `compare`). */
    compare?: boolean;
}

/** The files `-o` may name, by extension: the map's file formats, and PNG made from the SVG. */
type OutputKind = MapFileFormat | 'png';

const KINDS: Record<string, OutputKind> = { '.svg': 'svg', '.html': 'html', '.htm': 'html', '.png': 'png' };

/**
 * `journey render`: one journey drawn by the preview's renderer, as an SVG with its styles inside, a
 * self-contained HTML page or a PNG; to standard output (SVG) without `-o`.
 */
export async function render(file: string, options: RenderOptions, out: CommandOutput): Promise<number> {
    const kind = options.output === undefined ? 'svg' : outputKind(options.output);
    if (options.output !== undefined) {
        await checkOutput(options.output, options);
    }
    const loaded = await loadJourneyFile(file, options.workspace, out.warn);
    const journey = pickJourney(loaded, options.journey);
    checkPersona([journey], options.persona);
    if (options.compare && options.view !== undefined && options.view !== 'compare') {
        throw new UsageError(`--compare draws the view compare, not ${options.view}: give one of --compare and --view`);
    }
    const view = options.compare ? 'compare' : options.view ?? 'map';
    const unavailable = VIEWS[view].unavailable(journey);
    if (unavailable !== undefined) {
        throw new UsageError(`${options.compare ? '--compare' : `--view ${view}`}: ${unavailable}`);
    }
    const drawn = (format: MapFileFormat): string => renderMapFile(journey, { format, theme: options.theme, view, persona: options.persona });
    if (options.output === undefined) {
        out.write(drawn('svg'));
        return 0;
    }
    switch (kind) {
        case 'svg':
        case 'html':
            await writeOutput(options.output, drawn(kind), options);
            break;
        case 'png': {
            const image = await svgToPng(drawn('svg'));
            if (!image.hasText) {
                out.warn('journey: no system font was found to draw text: the PNG has no words (install fonts-liberation or fonts-dejavu-core)');
            }
            if (image.scale < 1) {
                out.warn(`journey: the map is very large: the PNG is scaled down to ${image.width}×${image.height} px`);
            }
            await writeOutput(options.output, image.png, options);
            break;
        }
    }
    return 0;
}

function outputKind(output: string): OutputKind {
    const kind = KINDS[path.extname(output).toLowerCase()];
    if (!kind) {
        throw new UsageError(`-o ${output}: the output must end in .svg, .html or .png`);
    }
    return kind;
}
