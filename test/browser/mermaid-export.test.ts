import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentModels, exampleFiles } from '../helpers/example-models.js';
import { EXAMPLES, journey } from '../helpers/cli-process.js';
import { MermaidPage } from '../helpers/mermaid-page.js';

/**
 * `journey export --format mermaid` read by the real Mermaid (node_modules/mermaid, the browser build)
 * in headless Chromium: every export must parse and render to an SVG showing the journey's labels.
 */
let mermaidPage: MermaidPage;
let folder: string;

beforeAll(async () => {
    mermaidPage = await MermaidPage.open();
    folder = await mkdtemp(path.join(tmpdir(), 'journey-mermaid-'));
});

afterAll(async () => {
    await mermaidPage?.close();
    await rm(folder, { recursive: true, force: true });
});

let renders = 0;

interface Rendered {
    /** The drawn text. */
    text: string;
    /** Tasks drawn, and of them those the page shows (a directive's `themeCSS` can hide them). */
    tasks: number;
    visibleTasks: number;
    /** Section boxes drawn. */
    sections: number;
    images: number;
    /** The diagram's style sheet, which holds the theme, with the diagram's id taken out. */
    style: string;
}

/** Mermaid's parse and render of a text: what the page shows of the SVG. */
async function renderMermaid(text: string): Promise<Rendered> {
    const id = `diagram${renders++}`;
    return mermaidPage.page.evaluate(async ({ id, text }) => {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        const host = document.createElement('div');
        host.innerHTML = svg;
        document.body.append(host);
        const result = {
            text: host.querySelector('svg')!.textContent ?? '',
            tasks: host.querySelectorAll('.task-line').length,
            visibleTasks: [...host.querySelectorAll('rect.task')].filter(task => getComputedStyle(task).display !== 'none').length,
            sections: host.querySelectorAll('rect.journey-section').length,
            images: host.querySelectorAll('img, image, foreignObject img').length,
            style: [...host.querySelectorAll('style')].map(style => style.textContent).join('\n').replaceAll(`#${id}`, '#diagram')
        };
        host.remove();
        return result;
    }, { id, text });
}

/** A string literal of the journey language. */
function literal(text: string): string {
    return `"${text.replace(/["\\]/g, c => `\\${c}`)}"`;
}

describe('Mermaid reads the Mermaid export', () => {
    test.each(['hospital-visit.journey', 'online-purchase.journey', 'passport-renewal.journey'])('%s renders', async name => {
        const run = await journey(EXAMPLES, 'export', name, '--format', 'mermaid');
        expect(run.code).toBe(0);
        const rendered = await renderMermaid(run.stdout);
        const model = (await documentModels(await exampleFiles()))[name].journeys[0];
        const touchpoints = model.stages.flatMap(s => s.touchpoints);
        expect(rendered.tasks).toBe(touchpoints.length);
        expect(rendered.text).toContain(model.title);
        for (const stage of model.stages) {
            expect(rendered.text).toContain(stage.title);
        }
        for (const touchpoint of touchpoints) {
            expect(rendered.text.replace(/\s+/g, ' ')).toContain(touchpoint.title);
        }
        expect(mermaidPage.problems).toEqual([]);
    });

    test('labels with Mermaid syntax and markup render as the text they are', async () => {
        await writeFile(path.join(folder, 'odd.journey'), `owner Web "Web: team, #1; 100%"
journey Odd "Title: with # and ; and %% and <b>bold</b>" {
  stage S "section two: x; y" {
    touchpoint A "<img src=x onerror=alert(1)>" { owner Web }
    touchpoint B "Journey planning" { emotion 4 }
    touchpoint C "title of it: 50% #12" { emotion 2 }
    touchpoint D "accDescr: not one" { emotion 5 }
  }
}
`);
        const run = await journey(folder, 'export', 'odd.journey', '--format', 'mermaid');
        const rendered = await renderMermaid(run.stdout);
        expect(rendered.tasks).toBe(4);
        expect(rendered.images).toBe(0);
        for (const label of ['Title: with # and ; and %% and <b>bold</b>', 'section two: x; y', '<img src=x onerror=alert(1)>',
            'Journey planning', 'title of it: 50% #12', 'accDescr: not one', 'Web: team, #1; 100%']) {
            expect(rendered.text.replace(/\s+/g, ' ')).toContain(label);
        }
        expect(mermaidPage.problems).toEqual([]);
    });

    test('a first stage with the empty title is drawn in no section; other blank titles fall back to names', async () => {
        await writeFile(path.join(folder, 'blank.journey'), `owner Team " "
journey Blank "" {
  stage Opening "" {
    touchpoint Arrive "Arrives" { owner Team emotion 4 }
  }
  stage Later "  " {
    touchpoint Leave "   " { emotion 2 }
  }
}
`);
        const run = await journey(folder, 'export', 'blank.journey', '--format', 'mermaid');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout).toMatch(/\n {4}title Blank\n {4}accTitle: Blank\n(?: {8}%%.*\n)+ {8}Arrives: 4: Team\n {4}section Later\n(?: {8}%%.*\n)+ {8}Leave: 2\n$/);
        const rendered = await renderMermaid(run.stdout);
        expect(rendered).toMatchObject({ tasks: 2, sections: 1 });
        expect(mermaidPage.problems).toEqual([]);
    });

    test.each([
        '%%{init: {"theme":"dark","themeCSS":".task{display:none}"}}%%',
        "%%{ initialize : {'theme':'dark','themeCSS':'.task{display:none}'} }%%",
        'at 100%%%{init: {"theme":"dark","themeCSS":".task{display:none}"}}%%!',
        // Not closed: a directive runs to the end of the diagram.
        '%%{init: {"theme":"dark","themeCSS":".task{display:none}"}}',
        '}%% %%{wrap}%%'
    ])('%s in notes, feelings, goals, titles and the file name is text: Mermaid keeps its theme and shows every task', async directive => {
        const file = `${directive.length} %%{init: {"theme":"dark"}}%%.journey`;
        await writeFile(path.join(folder, file), `persona P ${literal(`Persona ${directive}`)} { goal ${literal(directive)} }
channel Web ${literal(`Web ${directive}`)}
journey Injected "Injected" for P {
  goal ${literal(directive)}
  stage S "Stage" {
    touchpoint A "Task A" { channel Web emotion 2 ${literal(directive)} }
    touchpoint B "Task B" { emotion 4 pain ${literal(`pain ${directive}`)} }
  }
}
`);
        const run = await journey(folder, 'export', file, '--format', 'mermaid');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout).not.toContain('%%{');
        expect(run.stdout).not.toContain('}%%');
        const plain = await renderMermaid('journey\n    title Plain\n    section S\n        Task: 3: Me\n');
        expect(await renderMermaid(run.stdout)).toMatchObject({ tasks: 2, visibleTasks: 2, style: plain.style });
        expect(mermaidPage.problems).toEqual([]);
    });

    test('control characters in labels and notes are replaced, and Mermaid draws the rest', async () => {
        await writeFile(path.join(folder, 'control.journey'), `owner Team "Team \u0007bell"
journey Control "Title \u001b]0;window title\u0007 end" {
  stage S "Stage \u001b[2J" {
    touchpoint A "Task \u009b1m" { owner Team emotion 2 "sad \u0008" pain "pain \u001b[31m red" }
  }
}
`);
        const run = await journey(folder, 'export', 'control.journey', '--format', 'mermaid');
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(run.stdout).toContain('%% pain: pain \ufffd[31m red');
        const rendered = await renderMermaid(run.stdout);
        for (const label of ['Title \ufffd]0;window title\ufffd end', 'Stage \ufffd[2J', 'Task \ufffd1m', 'Team \ufffdbell']) {
            expect(rendered.text).toContain(label);
        }
        expect(mermaidPage.problems).toEqual([]);
    });
});
