/**
 * The organisation file of the language tests (`organisation.journey` beside the journey under test): the
 * owners, channels and persona their journeys use, declared in a file of their own as a workspace has them.
 * Tests assert on what it declares and where (completion lists, hovers, quick fixes, outlines, positions
 * such as `organisation.journey 4:9`), so a change here is a change to them. A test about a declaration of
 * its own keeps that text in the test.
 */
export const ORGANISATION = `owner Web "Digital services team"
owner Courier "Parcel courier" external
owner Desk "Front desk"
channel Website "Online service"
channel Letter "Post"
persona Maria "Busy parent" { goal "Renew in time" today "Worried" ideal "Relaxed" need "Clear costs" need "Evening slots" }
`;
