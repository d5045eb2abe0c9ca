import type { MapProblem } from '../model.js';
import { escapeXml as escapeHtml } from '../text.js';

/** The errors of a file as a list, each with its line and column (1-based, as editors number them). */
export function problemList(problems: readonly MapProblem[], className: string): string {
    return `<ul class="${className}">${problems.map(problem =>
        `<li><code>${problem.line + 1}:${problem.character + 1}</code> ${escapeHtml(problem.message)}</li>`).join('')}</ul>`;
}
