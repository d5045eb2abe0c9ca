/**
 * PNG from the map's SVG with resvg (a native module, kept out of the CLI bundle). The map names
 * "Helvetica, Arial, sans-serif"; where neither is installed (most Linux machines) `sans-serif` is
 * mapped to Liberation Sans, Arial's metric twin, so text fits the boxes the renderer measured for it.
 */
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** Pixels per SVG unit: twice the map's size, sharp on high-density screens and in slides. */
export const PNG_SCALE = 2;
/** No side of the PNG is larger than this: a very wide map is scaled down to fit (image viewers and browsers struggle beyond). */
export const MAX_PNG_SIDE = 16_000;

const FONT_OPTIONS: ResvgRenderOptions['font'] = {
    loadSystemFonts: true,
    defaultFontFamily: 'Liberation Sans',
    sansSerifFamily: 'Liberation Sans'
};

export interface PngImage {
    png: Buffer;
    width: number;
    height: number;
    /** Pixels per SVG unit actually used: PNG_SCALE, or less for a map too large for MAX_PNG_SIDE. */
    scale: number;
    /** False when no system font could draw text: the picture then has no words in it. */
    hasText: boolean;
}

export async function svgToPng(svg: string): Promise<PngImage> {
    const { Resvg } = await import('@resvg/resvg-js');
    const probe = new Resvg(svg, { font: FONT_OPTIONS, logLevel: 'off' });
    const scale = Math.min(PNG_SCALE, MAX_PNG_SIDE / probe.width, MAX_PNG_SIDE / probe.height);
    const image = new Resvg(svg, { font: FONT_OPTIONS, logLevel: 'off', fitTo: { mode: 'zoom', value: scale } }).render();
    return { png: image.asPng(), width: image.width, height: image.height, scale, hasText: await canDrawText() };
}

/** Whether the system fonts resvg finds can draw a word (none are installed on some minimal machines). */
async function canDrawText(): Promise<boolean> {
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" font-family="Helvetica, Arial, sans-serif">' +
        '<rect width="60" height="20" fill="#fff"/><text x="2" y="15" font-size="14" fill="#000">Map</text></svg>';
    const pixels = new Resvg(svg, { font: FONT_OPTIONS, logLevel: 'off' }).render().pixels;
    for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] < 128) {
            return true;
        }
    }
    return false;
}
