// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { renderMapFile } from '../../src/map/render.js';
import { documentModels } from '../helpers/example-models.js';

describe('the exported HTML page', () => {
    test('an SVG file is the SVG with its styles inside and a final line break; the page holds the same SVG', async () => {
        const { 'trip.journey': model } = await documentModels({ 'trip.journey': 'journey Trip { stage S { touchpoint A { emotion 3 } } }' });
        const svg = renderMapFile(model.journeys[0], { format: 'svg' });
        expect(svg).toMatch(/^<svg [^>]*class="journey-map theme-light"[^>]*><style>[^<]+<\/style>[\s\S]*<\/svg>\n$/);
        expect(renderMapFile(model.journeys[0], { format: 'html' })).toContain(svg);
    });


    test('is one self-contained file: the map inline, nothing to load, no script allowed', async () => {
        const { 'trip.journey': model } = await documentModels({
            'trip.journey': 'owner Web "<b>Web</b>"\npersona P\njourney Trip "Trip </title><script>alert(1)</script>" for P { stage S { touchpoint A "Fills in & sends" { owner Web emotion 2 } } }'
        });
        const html = renderMapFile(model.journeys[0], { format: 'html' });
        const page = new DOMParser().parseFromString(html, 'text/html');
        expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
        expect(page.title).toBe('Trip </title><script>alert(1)</script>: journey map');
        expect(page.querySelectorAll('script, link, img, iframe').length).toBe(0);
        expect(html).not.toMatch(/\b(src|href)=/);
        // happy-dom's HTML parser does not build inline SVG; the SVG part is read as the XML it is.
        const svg = new DOMParser().parseFromString(/<svg[\s\S]*<\/svg>/.exec(html)![0], 'image/svg+xml').documentElement;
        expect(svg.getAttribute('class')).toBe('journey-map theme-light');
        const embeddedStyle = /<svg[^>]*>\s*<style>([\s\S]*?)<\/style>/.exec(html);
        expect(embeddedStyle?.[1]).toContain('.journey-map');
        expect(html).not.toContain('var(');
        expect(svg.textContent).toContain('Fills in & sends');
        expect(svg.textContent).toContain('<b>Web</b>');
    });

    test('takes the dark palette when asked', async () => {
        const { 'trip.journey': model } = await documentModels({ 'trip.journey': 'journey Trip { }' });
        expect(renderMapFile(model.journeys[0], { format: 'html', theme: 'dark' })).toContain('background: #1e1e1e');
        expect(renderMapFile(model.journeys[0], { format: 'html' })).toContain('background: #ffffff');
    });
});
