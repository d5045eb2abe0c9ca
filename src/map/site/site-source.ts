import type { JourneyDocumentModel, JourneyModel } from '../model.js';

/** A `.journey` file of the folder a site is made from, and its view model. */
export interface SiteSource {
    /** Relative to the folder, `/`-separated. */
    file: string;
    model: JourneyDocumentModel;
}

/** The pages of the site's journeys, as the pages link to them. */
export interface SitePages {
    /** The page of a journey of one of the sources (every journey has one). */
    of(journey: JourneyModel): string;
    /** The page of the journey of that name, if the site has one (the first, should two files declare it). */
    named(journey: string): string | undefined;
}
