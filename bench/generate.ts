/**
 * A seeded, deterministic generator of realistic `.journey` workspaces for the benchmarks, and for the
 * tests of what the performance work must not change (test/unit/fast-equivalence.test.ts,
 * test/browser/windowed-preview.test.ts): an organisation file of shared owners, channels and
 * personas, and journey files of N touchpoints in stages of about ten, every touchpoint with every
 * property (owner, channel, emotion with a feeling, contacts, duration, pain / idea / backstage notes,
 * now and then a quote and a moment of truth).
 * The same seed gives the same text, byte for byte.
 */

/** mulberry32: a small, fast, good-enough PRNG; deterministic for a seed. */
export function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Random = () => number;

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const between = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

// --- The organisation ----------------------------------------------------------------------------

export const OWNERS: readonly { name: string, title: string, external?: boolean }[] = [
    { name: 'Comms', title: 'Customer communications team' },
    { name: 'Digital', title: 'Online service team' },
    { name: 'Advice', title: 'Advice line' },
    { name: 'Casework', title: 'Casework and examination team' },
    { name: 'Billing', title: 'Billing and payments team' },
    { name: 'Fulfilment', title: 'Fulfilment centre' },
    { name: 'Branches', title: 'Branch network' },
    { name: 'Complaints', title: 'Complaints and redress team' },
    { name: 'Identity', title: 'Identity verification service' },
    { name: 'Records', title: 'Records management' },
    { name: 'FieldTeam', title: 'Field visits team' },
    { name: 'Accessibility', title: 'Accessibility and inclusion team' },
    { name: 'Marketing', title: 'Marketing and campaigns' },
    { name: 'Analytics', title: 'Service performance analytics' },
    { name: 'Onboarding', title: 'Customer onboarding team' },
    { name: 'Retention', title: 'Retention and renewals' },
    { name: 'Courier', title: 'Secure document courier', external: true },
    { name: 'PostalService', title: 'National postal service', external: true },
    { name: 'PaymentProvider', title: 'Card payment provider', external: true },
    { name: 'PhotoShop', title: 'High-street photo shop', external: true },
    { name: 'ReviewSite', title: 'Independent review site', external: true },
    { name: 'OtherAgency', title: 'Other government agency', external: true },
    { name: 'CallCentre', title: 'Outsourced call centre', external: true },
    { name: 'Pharmacy', title: 'Community pharmacy', external: true }
];

export const CHANNELS: readonly { name: string, title: string }[] = [
    { name: 'Web', title: 'Website' },
    { name: 'App', title: 'Mobile app' },
    { name: 'Email', title: 'Email' },
    { name: 'Sms', title: 'Text message' },
    { name: 'Chat', title: 'Live chat' },
    { name: 'Social', title: 'Social media' },
    { name: 'Phone', title: 'Telephone' },
    { name: 'Post', title: 'Letter by post' },
    { name: 'InPerson', title: 'In person at a branch' },
    { name: 'Doorstep', title: 'Home delivery' },
    { name: 'Locker', title: 'Parcel locker' },
    { name: 'Kiosk', title: 'Self-service kiosk' }
];

export const PERSONAS: readonly { name: string, title: string }[] = [
    { name: 'Maria', title: 'Busy parent renewing for the first time in ten years' },
    { name: 'Tomasz', title: 'Self-employed plumber with a wedding abroad' },
    { name: 'Aisha', title: 'Student moving to a new city for university' },
    { name: 'George', title: 'Retired teacher, not confident online' },
    { name: 'Priya', title: 'Small-business owner with little time to spare' },
    { name: 'Sam', title: 'Carer managing appointments for a relative' }
];

export function organisationText(): string {
    const lines = ['// Shared owners, channels and personas: visible to every .journey file of the workspace.', ''];
    for (const owner of OWNERS) {
        lines.push(`owner ${owner.name.padEnd(16)} "${owner.title}"${owner.external ? ' external' : ''}`);
    }
    lines.push('');
    for (const channel of CHANNELS) {
        lines.push(`channel ${channel.name.padEnd(10)} "${channel.title}"`);
    }
    const rnd = random(7);
    for (const persona of PERSONAS) {
        lines.push('', `persona ${persona.name} "${persona.title}" {`);
        lines.push(`  goal  "${sentence(rnd, GOALS)}"`);
        lines.push(`  today "${sentence(rnd, PAINS)}"`);
        lines.push(`  ideal "${sentence(rnd, IDEAS)}"`);
        lines.push(`  need  "${sentence(rnd, NEEDS)}"`, `  need  "${sentence(rnd, NEEDS)}"`, '}');
    }
    lines.push('');
    return lines.join('\n');
}

// --- Labels --------------------------------------------------------------------------------------

const VERBS = ['Checks', 'Fills in', 'Uploads', 'Pays for', 'Receives', 'Calls about', 'Reads', 'Books', 'Waits for',
    'Confirms', 'Tracks', 'Compares', 'Asks about', 'Signs', 'Collects', 'Returns', 'Reviews', 'Chooses', 'Updates', 'Cancels'];
const OBJECTS = ['the application form', 'a reminder letter', 'the delivery status', 'supporting documents', 'the appointment',
    'an identity check', 'the confirmation email', 'the eligibility rules', 'a refund', 'the new card', 'a photo code',
    'the fee and payment options', 'a complaint reference', 'the opening hours', 'a missing parcel', 'the renewal notice',
    'the account settings', 'the terms and conditions', 'a callback slot', 'the progress tracker'];
const WHERE = ['online', 'on the phone', 'at the branch', 'in the app', 'by post', 'again', 'for the second time', 'before the deadline',
    'with a relative', 'late in the evening', '', '', ''];
const FEELINGS = ['confused', 'anxious', 'relieved', 'frustrated', 'reassured', 'impatient', 'hopeful', 'annoyed', 'calm',
    'delighted', 'worried', 'focused', 'let down', 'unconcerned', 'pleased'];
const PAINS = ['The form times out after twenty minutes and loses everything typed so far',
    'Nobody can say how long the check takes or what happens next',
    'The letter uses a reference number that the phone line does not recognise',
    'The upload rejects the photo without saying what is wrong with it',
    'Has to repeat the whole story to every new person on the phone',
    'The fee is only shown at the very end of a long form',
    'Opening hours clash with work, so a day off is needed',
    'The tracker has said \'in progress\' for three weeks'];
const IDEAS = ['Save the form as it is typed and let the customer come back to it',
    'Show the expected date and each step on one status page',
    'Check the photo in the browser before it is uploaded',
    'Offer a callback at a chosen time instead of a queue',
    'Send a text message when anything changes, with a link to the details',
    'Show the full cost and the documents needed on the first page',
    'Let the branch see the online application so nothing is asked twice'];
const BACKSTAGE = ['Checks run as a nightly batch, so results arrive the next morning',
    'A caseworker reviews the documents by hand against the guidance',
    'The payment provider confirms the payment by a file sent every hour',
    'Letters are printed and posted by a contractor twice a week',
    'The call centre sees only the last three notes on the case',
    'Records are matched against another agency\'s database overnight',
    'Parcels are scanned at the depot and the tracker updated at noon'];
const QUOTES = ['I had no idea what was wrong with it.', 'Why do they ask for the same thing twice?',
    'It was much quicker than I expected, honestly.', 'I just wanted someone to tell me when it would arrive.',
    'I gave up and phoned in the end.'];
const GOALS = ['Have everything sorted before the holiday', 'Get the new card without taking a day off work',
    'Know where the application is at any time', 'Be paid back without chasing anyone'];
const NEEDS = ['A reliable date to plan around', 'One place to see the progress', 'Plain words, no jargon',
    'A way to flag that it is urgent', 'Help in person when online fails'];
const STAGES = ['Becoming aware', 'Finding out more', 'Getting ready', 'Applying', 'Paying', 'Waiting', 'Being contacted',
    'Receiving it', 'Using the service', 'Getting support', 'Renewing', 'Leaving feedback'];

function sentence(rnd: Random, options: readonly string[]): string {
    return pick(rnd, options);
}

function touchpointTitle(rnd: Random): string {
    const where = pick(rnd, WHERE);
    return `${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)}${where ? ' ' + where : ''}`;
}

function camel(text: string): string {
    return text.split(/[^A-Za-z]+/).filter(Boolean).slice(0, 3).map(w => w[0].toUpperCase() + w.slice(1)).join('');
}

// --- Journeys ------------------------------------------------------------------------------------

/** 0-based LSP positions of interesting places in a generated journey file. */
export interface JourneyMarks {
    /** The first character of the title of the middle touchpoint (inside the quotes). */
    titleChar: { line: number, character: number };
    /** Just after `owner ` on the middle touchpoint's owner line. */
    afterOwner: { line: number, character: number };
    /** The grade digit of the middle touchpoint's emotion. */
    grade: { line: number, character: number, value: number };
    /** The name of the middle touchpoint. */
    middle: string;
}

export interface GeneratedJourney {
    text: string;
    touchpoints: number;
    stages: number;
    marks: JourneyMarks;
}

/**
 * One journey of `touchpoints` touchpoints in stages of about ten (8..12), referring to the shared
 * owners, channels and personas of organisationText(). Deterministic for (touchpoints, seed, id).
 */
export function journeyText(touchpoints: number, seed = 1, id = 'Journey'): GeneratedJourney {
    const rnd = random(seed * 7919 + touchpoints);
    const lines: string[] = [];
    const persona = PERSONAS[seed % PERSONAS.length].name;
    lines.push(`// Generated by bench/generate.ts (seed ${seed}): ${touchpoints} touchpoints.`);
    lines.push(`journey ${id} "${pick(rnd, GOALS)}" for ${persona} {`);
    lines.push(`  goal "${pick(rnd, GOALS)}"`, '');
    const middleIndex = Math.floor(touchpoints / 2);
    let marks: JourneyMarks | undefined;
    let index = 0;
    let stageCount = 0;
    while (index < touchpoints) {
        const size = Math.min(touchpoints - index, between(rnd, 8, 12));
        stageCount++;
        const stage = pick(rnd, STAGES);
        lines.push(`  stage S${stageCount}${camel(stage)} "${stage}" {`);
        for (let k = 0; k < size; k++, index++) {
            const title = touchpointTitle(rnd);
            const name = `${camel(title)}${index + 1}`;
            // Round-robin first, so that every owner and channel is used in any journey of 24 or more.
            const owner = index < OWNERS.length ? OWNERS[index] : pick(rnd, OWNERS);
            const channel = index < CHANNELS.length ? CHANNELS[index] : pick(rnd, CHANNELS);
            const grade = between(rnd, 1, 5);
            const titleLine = `    touchpoint ${name} "${title}" {`;
            if (index === middleIndex) {
                marks = {
                    titleChar: { line: lines.length, character: titleLine.indexOf('"') + 1 },
                    afterOwner: { line: 0, character: 0 },
                    grade: { line: 0, character: 0, value: grade },
                    middle: name
                };
            }
            lines.push(titleLine);
            if (rnd() < 1 / 12) {
                lines.push('      moment of truth');
            }
            lines.push(`      channel  ${channel.name}`);
            if (index === middleIndex) {
                marks!.afterOwner = { line: lines.length, character: '      owner    '.length };
            }
            lines.push(`      owner    ${owner.name}`);
            if (index === middleIndex) {
                marks!.grade = { line: lines.length, character: '      emotion  '.length, value: grade };
            }
            lines.push(`      emotion  ${grade} "${pick(rnd, FEELINGS)}"`);
            lines.push(`      contacts ${between(rnd, 0, 4)}`);
            lines.push(`      duration ${between(rnd, 1, 90)} ${pick(rnd, ['min', 'min', 'min', 'h', 'd'])}`);
            lines.push(`      pain      "${pick(rnd, PAINS)}"`);
            lines.push(`      idea      "${pick(rnd, IDEAS)}"`);
            lines.push(`      backstage "${pick(rnd, BACKSTAGE)}"`);
            if (rnd() < 1 / 4) {
                lines.push(`      quote     "${pick(rnd, QUOTES)}"`);
            }
            lines.push('    }');
        }
        lines.push('  }', '');
    }
    lines.push('}', '');
    return { text: lines.join('\n'), touchpoints, stages: stageCount, marks: marks! };
}

/**
 * A redesign of a journey of journeyText(): journey `id` that `redesigns` the journey `today` of `text`, with
 * the changes a redesign makes, spread along it: of every nine steps one is gone, two merged into one
 * (`replaces`), every third graded one better; after every twentieth a new step.
 */
export function redesignText(text: string, today: string, id: string): string {
    const lines = text.split('\n');
    const out: string[] = [];
    let index = -1;
    let block: string[] = [];
    let previous = '';
    for (const line of lines) {
        if (line.startsWith(`journey ${today} `)) {
            out.push(line.replace(`journey ${today} `, `journey ${id} `).replace(/ \{$/, ` redesigns ${today} {`));
        } else if (line.startsWith('    touchpoint ')) {
            index++;
            block = [line];
        } else if (block.length > 0) {
            block.push(line);
            if (line === '    }') {
                out.push(...redesignedStep(block, index, previous));
                previous = /^ {4}touchpoint (\w+)/.exec(block[0])![1];
                block = [];
            }
        } else {
            out.push(line);
        }
    }
    return out.join('\n');
}

function redesignedStep(block: string[], index: number, previous: string): string[] {
    const name = /^ {4}touchpoint (\w+)/.exec(block[0])![1];
    switch (index % 9) {
        case 4: case 6: return [];
        case 7: return [block[0].replace(`touchpoint ${name} `, `touchpoint Merged${index} `), `      replaces ${previous}, ${name}`, ...block.slice(1)];
        default: break;
    }
    const step = index % 3 === 0 ? block.map(line => line.replace(/^( {6}emotion {2})(\d)/, (_, head: string, grade: string) => `${head}${Math.min(5, Number(grade) + 1)}`)) : block;
    if (index % 20 !== 19) {
        return step;
    }
    const owner = step.find(line => line.startsWith('      owner'))!;
    return [...step, `    touchpoint New${index} "Gets a text with the date" {`, owner, '      emotion  4 "informed"', '    }'];
}

/** A workspace: organisation.journey plus `files` journey files of `touchpoints` each. */
export function workspaceFiles(files: number, touchpoints: number, seed = 1): Record<string, string> {
    const result: Record<string, string> = { 'organisation.journey': organisationText() };
    for (let i = 0; i < files; i++) {
        const id = `Journey${String(i + 1).padStart(3, '0')}`;
        result[`${id.toLowerCase()}.journey`] = journeyText(touchpoints, seed + i, id).text;
    }
    return result;
}

// --- Blueprints and stakeholder maps ---------------------------------------------------------------

const SUPPORT = ['Case management system', 'Payment gateway', 'Identity verification service', 'Address lookup',
    'Document scanning', 'Appointment scheduler', 'Customer records database', 'Notification service'];
const EVIDENCE = ['Confirmation email', 'Reminder letter', 'Reference number on screen', 'Receipt', 'Text message',
    'Printed form', 'Progress page', 'Delivery note'];

/**
 * The journey of journeyText() with what a service blueprint draws at every step: the next owner of
 * OWNERS taking part (`with`) and doing its backstage work, a support process that owner runs, and the
 * evidence the customer sees.
 */
export function blueprintText(text: string): string {
    const rnd = random(17);
    const out: string[] = [];
    let other = '';
    for (const line of text.split('\n')) {
        const owner = /^ {6}owner +(\w+)$/.exec(line);
        if (owner) {
            const index = OWNERS.findIndex(candidate => candidate.name === owner[1]);
            other = OWNERS[(index + 1) % OWNERS.length].name;
            out.push(line, `      with     ${other}`);
        } else if (line.startsWith('      backstage "')) {
            out.push(line.replace('backstage "', `backstage ${other} "`),
                `      support   ${other} "${pick(rnd, SUPPORT)}"`, `      evidence  "${pick(rnd, EVIDENCE)}"`);
        } else {
            out.push(line);
        }
    }
    return out.join('\n');
}

const CIRCLES = ['core', 'partner', 'wider'] as const;

/**
 * A file of `stakeholders` stakeholders (each on a circle, with what it gives and gets and a link to the
 * next) and a journey whose touchpoints, owned by the shared owners, each name two of them (`with`): the
 * journey's stakeholder map holds every one of them and the owners.
 */
export function stakeholdersText(stakeholders: number): string {
    const rnd = random(23);
    const name = (i: number) => `Party${String(i % stakeholders + 1).padStart(3, '0')}`;
    const lines = [`// Generated by bench/generate.ts: ${stakeholders} stakeholders and a journey naming them all.`, ''];
    for (let i = 0; i < stakeholders; i++) {
        lines.push(`stakeholder ${name(i)} "${pick(rnd, OBJECTS)} partner ${i + 1}" {`, `  circle ${CIRCLES[i % CIRCLES.length]}`,
            `  gives "${pick(rnd, IDEAS)}"`, `  gets  "${pick(rnd, NEEDS)}"`, `  link  ${name(i + 1)} "${pick(rnd, BACKSTAGE)}"`, '}');
    }
    lines.push('', `journey Parties "${pick(rnd, GOALS)}" for ${PERSONAS[0].name} {`);
    const touchpoints = Math.ceil(stakeholders / 2);
    for (let i = 0; i < touchpoints; i++) {
        if (i % 10 === 0) {
            lines.push(...(i > 0 ? ['  }'] : []), `  stage S${i / 10 + 1} "${pick(rnd, STAGES)}" {`);
        }
        lines.push(`    touchpoint Step${i + 1} "${touchpointTitle(rnd)}" {`, `      owner    ${OWNERS[i % OWNERS.length].name}`,
            `      with     ${name(2 * i)}, ${name(2 * i + 1)}`, `      emotion  ${between(rnd, 1, 5)}`, '    }');
    }
    lines.push('  }', '}', '');
    return lines.join('\n');
}
