/** Zoom of the map inside the scrolling viewport: a factor applied to the SVG's own width and height. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
const STEP = 1.25;

export function clampZoom(zoom: number): number {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function zoomIn(zoom: number): number {
    return clampZoom(zoom * STEP);
}

export function zoomOut(zoom: number): number {
    return clampZoom(zoom / STEP);
}

/** The zoom at which a map of the given size fits the viewport entirely. */
export function fitZoom(mapWidth: number, mapHeight: number, viewportWidth: number, viewportHeight: number): number {
    if (mapWidth <= 0 || mapHeight <= 0) {
        return 1;
    }
    return clampZoom(Math.min(viewportWidth / mapWidth, viewportHeight / mapHeight));
}

/**
 * Sizes the SVG for a zoom. The renderer's width/height are its natural size and stay in data attributes,
 * so applying a zoom again after an update starts from the natural size. Only the attributes whose values
 * change are set: changing one, even back, lays out and repaints the whole map.
 */
export function applyZoom(svg: SVGSVGElement, zoom: number): void {
    const { width, height } = naturalSize(svg);
    const values: Record<string, string> = {
        'data-width': String(width), 'data-height': String(height),
        width: String(Math.round(width * zoom)), height: String(Math.round(height * zoom))
    };
    for (const [name, value] of Object.entries(values)) {
        if (svg.getAttribute(name) !== value) {
            svg.setAttribute(name, value);
        }
    }
}

export function naturalSize(svg: SVGSVGElement): { width: number, height: number } {
    return {
        width: Number(svg.dataset.width ?? svg.getAttribute('width')),
        height: Number(svg.dataset.height ?? svg.getAttribute('height'))
    };
}
