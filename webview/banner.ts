import type { MapProblem } from '../src/map/model.js';
import { plural } from '../src/map/format.js';

const SHOWN_PROBLEMS = 3;

/**
 * Says what is wrong while the document has errors, built with text nodes only (messages quote the
 * user's text). Each problem is a button that asks to reveal its line.
 */
export function renderBanner(banner: HTMLElement, problems: MapProblem[], keptLastGood: boolean, reveal: (problem: MapProblem) => void): void {
    banner.replaceChildren();
    banner.hidden = problems.length === 0;
    if (problems.length === 0) {
        return;
    }
    const heading = document.createElement('strong');
    const count = `${plural(problems.length, 'error')} in this file`;
    heading.textContent = keptLastGood
        ? `${count}: showing the last map drawn without errors.`
        : `${count}: the map shows what could be read.`;
    const list = document.createElement('ul');
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) {
        const item = document.createElement('li');
        const link = document.createElement('button');
        link.type = 'button';
        link.className = 'problem-link';
        link.textContent = `Line ${problem.line + 1}`;
        link.addEventListener('click', () => reveal(problem));
        item.append(link, `: ${problem.message}`);
        list.append(item);
    }
    if (problems.length > SHOWN_PROBLEMS) {
        const more = document.createElement('li');
        more.textContent = `… and ${problems.length - SHOWN_PROBLEMS} more in the Problems panel.`;
        list.append(more);
    }
    banner.append(heading, list);
}
