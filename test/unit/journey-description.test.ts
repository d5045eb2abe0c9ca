import { describe, expect, test } from 'vitest';
import { accessibleTitle, mapDescription, summarySentence } from '../../src/map/journey-description.js';
import { journeyOutline } from '../../src/map/page/journey-outline.js';
import { renderJourneyMap } from '../../src/map/views/journey-map/render.js';
import { documentModels, exampleFiles } from '../helpers/example-models.js';

/** The journey in words: the summary sentence, the `description` property and the outline for screen readers. */
describe('the journey in words', () => {
    test('the summary sentence of an example, word for word', async () => {
        const models = await documentModels(await exampleFiles());
        const passport = models['passport-renewal.journey'].journeys[0];
        expect(summarySentence(passport)).toBe(
            '12 touchpoints in 5 stages; average grade 3.0; lowest: Calls the passport advice line, grade 1; every touchpoint has an owner');
        expect(mapDescription(passport)).toBe(summarySentence(passport));
    });

    test('ties, touchpoints with no owner and ungraded ones are counted', async () => {
        const { 'trip.journey': model } = await documentModels({
            'trip.journey': `owner Web
journey Trip "A trip" {
  stage Plan { touchpoint A "Looks it up" { owner Web emotion 1 } touchpoint B "Calls the advice line" { emotion 1 } }
  stage Go { touchpoint C "Travels" { emotion 4 } touchpoint D "Arrives" }
}`
        });
        expect(summarySentence(model.journeys[0])).toBe(
            '4 touchpoints in 2 stages; average grade 2.0; lowest: Looks it up and Calls the advice line, grade 1; 1 touchpoint not graded; 3 touchpoints have no owner');
    });

    test('a journey\'s description (and accessible title) is what the map is described as; the outline gives the summary too', async () => {
        const { 'trip.journey': model } = await documentModels({
            'trip.journey': `owner Web "Web team" external
journey Trip "A trip" {
  goal "Get there"
  description "How a traveller books & takes a trip." titled "Booking a trip"
  stage Plan { touchpoint A "Looks it up" { owner Web emotion 2 "lost" contacts 2 pain "Too many pages" moment of truth } }
}`
        });
        const journey = model.journeys[0];
        expect(model.problems).toEqual([]);
        expect(journey.description).toBe('How a traveller books & takes a trip.');
        expect(accessibleTitle(journey)).toBe('Booking a trip');
        const svg = renderJourneyMap(journey);
        expect(svg).toContain('aria-label="Journey map: Booking a trip, 1 touchpoint in 1 stage"');
        expect(svg).toContain('<desc>How a traveller books &amp; takes a trip.</desc>');
        const outline = journeyOutline(journey);
        expect(outline).toContain('<p>1 touchpoint in 1 stage; average grade 2.0; lowest: Looks it up, grade 2; every touchpoint has an owner</p>');
        expect(outline).toContain('<li data-index="0">Looks it up, moment of truth. Channel: none. Owner: Web team (external). Grade 2 of 5, negative, &quot;lost&quot;. Measures: 2 contacts. Pain points: Too many pages.</li>');
    });
});
