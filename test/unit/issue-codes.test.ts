import { readFileSync } from 'node:fs';
import { EmptyFileSystem, type AstNode } from 'langium';
import { clearDocuments } from 'langium/test';
import { describe, expect } from 'vitest';
import { toSarif } from '../../src/cli/sarif.js';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { ISSUES, type Issue } from '../../src/language/validation/issue-codes.js';
import type { JourneyMapsAstType } from '../../src/language/generated/ast.js';
import { ORGANISATION } from '../helpers/organisation.js';
import { openWorkspace, test } from '../helpers/services-fixture.js';

/**
 * The registry of issue codes (src/language/validation/issue-codes.ts) is the one place each code's
 * severity, setting and description are written: what the language reports, SARIF's rules, package.json's
 * settings and the README's table must all say what it says.
 */
const issues: Issue[] = Object.values(ISSUES);

/** A text that makes each code appear (beside ORGANISATION), for the codes a text can make appear. */
const EXAMPLES: Record<string, string> = {
    'missing-owner': 'journey J for Maria { stage S { touchpoint T { emotion 3 channel Website } } }',
    'unscored-touchpoint': 'journey J for Maria { stage S { touchpoint T { owner Web channel Website } } }',
    'emotion-out-of-range': 'journey J for Maria { stage S { touchpoint T { owner Web emotion 7 channel Website } } }',
    'invalid-measure': 'journey J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website duration 2 fortnights } } }',
    'linking-error': 'journey J for Maria { stage S { touchpoint T { owner Nobody emotion 3 channel Website } } }',
    'duplicate-name': 'owner Web\njourney J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'duplicate-property': 'journey J for Maria { stage S { touchpoint T { owner Web owner Web emotion 3 channel Website } } }',
    'empty-stage': 'journey J for Maria { stage S { } stage R { touchpoint T { owner Web emotion 3 channel Website } } }',
    'missing-persona': 'journey J { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'persona-not-in-journey': 'persona Ana\njourney J for Maria { stage S { touchpoint T { owner Web emotion 3 emotion Ana 2 channel Website } } }',
    'redesign-cycle': 'journey J for Maria redesigns J { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'redesign-personas-differ': 'persona Ana\njourney J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website } } }\n'
        + 'journey K for Ana redesigns J { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'replaces-without-redesign': 'journey J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website replaces T } } }',
    'unused-declaration': 'owner Spare\njourney J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'redundant-with': 'journey J for Maria { stage S { touchpoint T { owner Web with Web emotion 3 channel Website } } }',
    'self-link': 'owner Records { link Records "Files itself" }\njourney J for Maria { stage S { touchpoint T { owner Records emotion 3 channel Website } } }',
    'unknown-circle': 'stakeholder Family { circle inner }\njourney J for Maria { stage S { touchpoint T { owner Web with Family emotion 3 channel Website } } }',
    'low-moment-of-truth': 'journey J for Maria { stage S { touchpoint T { moment of truth owner Web emotion 1 channel Website } } }',
    'steep-drop': 'journey J for Maria { stage S { touchpoint A { owner Web emotion 5 channel Website } touchpoint B { owner Web emotion 1 channel Website } } }',
    'control-character': 'journey J "Bell \u0007" for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website } } }',
    'lexing-error': 'journey J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website ~ } } }',
    'parsing-error': 'journey J for Maria { stage S { touchpoint T { owner Web emotion 3 channel Website } } } }',
    'more-syntax-errors': 'owner A foo\n'.repeat(101),
    'not-text': 'owner A\u0000'
};

describe('the registry of issue codes', () => {
    test('every code is reported with its registered severity, by a text that makes it appear', async ({ services }) => {
        const severities = ['', 'error', 'warning', 'information', 'hint'];
        const covered = new Set<string>();
        for (const [code, text] of Object.entries(EXAMPLES)) {
            await clearDocuments(services.shared);
            const documents = await openWorkspace(services, { 'organisation.journey': ORGANISATION, 'example.journey': text });
            const found = [...documents['organisation.journey'].diagnostics!, ...documents['example.journey'].diagnostics!].filter(d => d.code === code);
            expect(found.length, code).toBeGreaterThan(0);
            expect(new Set(found.map(d => severities[d.severity!])), code).toEqual(new Set([ISSUES[nameOf(code)].severity]));
            covered.add(code);
        }
        // internal-error takes a failing part of the language: a check that throws, stood in for here.
        const failing = createJourneyServices(EmptyFileSystem);
        failing.Journey.validation.ValidationRegistry.register<JourneyMapsAstType>({ Stage: (_: AstNode) => { throw new Error('broken'); } });
        const documents = await openWorkspace(failing, { 'example.journey': EXAMPLES['missing-owner'] });
        expect(documents['example.journey'].diagnostics!.find(d => d.code === 'internal-error')?.severity).toBe(1);
        covered.add('internal-error');
        expect([...covered].sort()).toEqual(issues.map(issue => issue.code).sort());
    });

    test('SARIF describes each code and gives its default level', () => {
        const records = issues.map((issue, i) => ({
            file: 'a.journey', line: i + 1, column: 1, endLine: i + 1, endColumn: 2, severity: issue.severity, code: issue.code, message: 'm'
        }));
        const rules = (toSarif(records, '1.0.0') as { runs: { tool: { driver: { rules: { id: string, shortDescription: { text: string }, defaultConfiguration: { level: string } }[] } } }[] })
            .runs[0].tool.driver.rules;
        const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
        expect(rules.map(rule => [rule.id, rule.shortDescription.text, rule.defaultConfiguration.level]).sort()).toEqual(issues.map(issue => [
            issue.code, `${issue.description[0].toUpperCase()}${issue.description.slice(1)}${/[.?!]$/.test(issue.description) ? '' : '.'}`, levels[issue.severity]
        ]).sort());
    });

    test('package.json has a setting for every code that has one, with its default, and no other validation setting', () => {
        const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf-8')) as {
            contributes: { configuration: { properties: Record<string, { default: unknown, enum?: string[], markdownDescription: string }> } }
        };
        const properties = manifest.contributes.configuration.properties;
        for (const issue of issues.filter(i => i.setting)) {
            const property = properties[issue.setting!];
            expect(property, issue.setting).toBeDefined();
            if (property.enum) {
                expect(property.default, issue.setting).toBe(issue.severity);
                expect(property.enum).toEqual(['error', 'warning', 'information', 'hint', 'off']);
                expect(property.markdownDescription).toContain(`\`${issue.code}\``);
            } else {
                expect(property.default, issue.setting).toBe(true);
                expect(property.markdownDescription).toContain(`\`${issue.code}\``);
            }
        }
        const validationSettings = Object.keys(properties).filter(key => key.startsWith('journey.validation.'));
        expect(validationSettings.sort()).toEqual(issues.filter(i => i.setting?.startsWith('journey.validation.')).map(i => i.setting).sort());
    });

    test('the README\'s table of diagnostics says what the registry says, row for row', () => {
        const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf-8');
        const section = readme.slice(readme.indexOf('### Diagnostics'));
        const lines = section.slice(section.indexOf('| code |')).split('\n').slice(2);
        const rows = lines.slice(0, lines.findIndex(line => !line.startsWith('|')));
        const expected = issues.map(issue => `| \`${issue.code}\` | ${issue.severity}${issue.setting ? ' (setting)' : ''} | ${issue.description} |`);
        expect(rows, `the table should be:\n${expected.join('\n')}`).toEqual(expected);
    });
});

function nameOf(code: string): keyof typeof ISSUES {
    return (Object.keys(ISSUES) as (keyof typeof ISSUES)[]).find(name => ISSUES[name].code === code)!;
}
