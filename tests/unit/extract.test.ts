/**
 * Specification of the extractor on the default topic (the topic file in topics/): what
 * figure, if any, each kind of sentence in news about the transfer of Islamic State detainees
 * from Syria to Iraq gives. Every sentence here is written for this file, in wire style.
 */
import { describe, expect, it } from 'vitest';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { createExtractor, type ExtractInput, type Extraction } from '../../lambdas/core/extract/extract.js';
import type { Bound, Figure } from '../../lambdas/core/extract/figure.js';
import { createRelevanceCheck } from '../../lambdas/core/relevance/relevance.js';

const topic = loadTopicFile();
const extractor = createExtractor(topic);
const isRelevant = createRelevanceCheck(topic);

/** Publication date used for every text unless a test says otherwise: news from early February 2026. */
const PUBLISHED = '2026-02-05T09:00:00Z';

/** The fields of a figure that carry its meaning; optional ones appear only when set. */
interface Reading {
  metric: string;
  value: number;
  bound: Bound;
  facility?: string;
  increment?: true;
  as_of?: string;
}

function reading(figure: Figure): Reading {
  const result: Reading = { metric: figure.metric, value: figure.value, bound: figure.bound };
  if (figure.facility !== undefined) result.facility = figure.facility;
  if (figure.increment) result.increment = true;
  if (figure.as_of !== undefined) result.as_of = figure.as_of;
  return result;
}

function run(input: string | ExtractInput): Extraction {
  return extractor(typeof input === 'string' ? { text: input, published: PUBLISHED } : { published: PUBLISHED, ...input });
}

/** The figures a text gives, in reading order. */
function figuresIn(input: string | ExtractInput): Reading[] {
  return run(input).figures.map(reading);
}

/** The numbers, as written, that a text gives no figure for. */
function droppedIn(input: string | ExtractInput): string[] {
  return run(input).dropped.map((number) => number.text);
}

/** Asserts the text gives no figure at all, and that `number` was read and set aside. */
function expectNoFigure(text: string, number: string): void {
  expect(figuresIn(text)).toEqual([]);
  expect(droppedIn(text)).toContain(number);
}

describe('numbers written in digits', () => {
  it('reads a number with comma thousands separators', () => {
    expect(
      figuresIn('American forces relocated 2,350 Islamic State detainees to Iraqi prisons by Sunday, a coalition spokesman said.'),
    ).toEqual([{ metric: 'detainees_transferred', value: 2350, bound: 'exact' }]);
  });

  it('reads a number with a space as thousands separator ("4 300")', () => {
    expect(figuresIn('Iraq has received 4 300 Islamic State prisoners from Syria, its interior ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 4300, bound: 'exact' },
    ]);
  });

  it('reads a number with no separator ("4300")', () => {
    expect(figuresIn('Iraq has received 4300 Islamic State prisoners from Syria, its interior ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 4300, bound: 'exact' },
    ]);
  });

  it.each([['7,000'], ['7 000'], ['7000']])('reads "%s" as 7,000', (written) => {
    expect(figuresIn(`Up to ${written} IS detainees could eventually be moved to Iraq, the Pentagon said.`)).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads a small number of two digits', () => {
    expect(figuresIn('Kurdish officials said 38 ISIS fighters escaped from al-Aqtan prison after guards abandoned it.')).toEqual([
      { metric: 'escaped', value: 38, bound: 'exact', facility: 'al-Aqtan' },
    ]);
  });
});

describe('numbers written in words', () => {
  it('reads "seven thousand"', () => {
    expect(figuresIn('Seven thousand IS detainees could be moved across the border in the coming months, a US official said.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'exact' },
    ]);
  });

  it('reads "two hundred and fifty"', () => {
    expect(figuresIn('Two hundred and fifty IS fighters were flown from Hasakah to Baghdad on Monday, the coalition said.')).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact' },
    ]);
  });

  it('reads "a dozen" as 12', () => {
    expect(figuresIn('A dozen IS fighters escaped from al-Aqtan prison on Saturday night, the SDF said.')).toEqual([
      { metric: 'escaped', value: 12, bound: 'exact', facility: 'al-Aqtan' },
    ]);
  });
});

describe('decimals with a scale', () => {
  it('gives no figure for "1.5 million" of things that are not people', () => {
    expectNoFigure('Aid agencies delivered 1.5 million meals to al-Hol camp last year, the UN said.', '1.5 million');
  });
});

describe('bounds', () => {
  it('reads a plain number as exact', () => {
    expect(figuresIn('US forces moved 150 IS detainees out of north-eastern Syria, the Pentagon said.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'exact' },
    ]);
  });

  it.each([
    [
      'more than',
      'More than 600 IS detainees have been transferred to Iraq so far, officials said.',
      { metric: 'detainees_transferred', value: 600 },
    ],
    ['over', 'Over 9,000 IS suspects remain held in SDF-run prisons in north-eastern Syria.', { metric: 'detainees_held', value: 9000 }],
    [
      'at least',
      'At least 40 IS fighters escaped from al-Shaddadi prison, a local official said.',
      { metric: 'escaped', value: 40, facility: 'al-Shaddadi' },
    ],
    [
      'upwards of',
      'Upwards of 3,000 detainees have been moved to Iraq since January, according to Baghdad.',
      { metric: 'detainees_transferred', value: 3000 },
    ],
    [
      'in excess of',
      'In excess of 20,000 people live in al-Hol camp, aid groups say.',
      { metric: 'camp_population', value: 20000, facility: 'al-Hol' },
    ],
    [
      'exceeding',
      'Roj camp houses a population exceeding 2,500, officials said.',
      { metric: 'camp_population', value: 2500, facility: 'Roj' },
    ],
  ])('reads "%s" as at_least', (_phrase, text, expected) => {
    expect(figuresIn(text)).toEqual([{ ...expected, bound: 'at_least' }]);
  });

  it.each([
    [
      'up to',
      'Up to 7,000 IS detainees could eventually be moved to Iraq, the Pentagon said.',
      { metric: 'transfer_planned', value: 7000 },
    ],
    [
      'as many as',
      'As many as 400 IS fighters escaped from al-Shaddadi prison during the chaos, the SDF said.',
      { metric: 'escaped', value: 400, facility: 'al-Shaddadi' },
    ],
    [
      'fewer than',
      'Fewer than 500 IS detainees have been transferred so far, a Kurdish official said.',
      { metric: 'detainees_transferred', value: 500 },
    ],
    [
      'less than',
      'Less than 2,000 people now live in Roj camp, according to the UN.',
      { metric: 'camp_population', value: 2000, facility: 'Roj' },
    ],
    [
      'no more than',
      'No more than 300 IS detainees have been moved to Iraq, a Kurdish official said.',
      { metric: 'detainees_transferred', value: 300 },
    ],
    [
      'a maximum of',
      'A maximum of 7,000 detainees will be transferred under the agreement, Iraqi officials said.',
      { metric: 'transfer_planned', value: 7000 },
    ],
  ])('reads "%s" as at_most', (_phrase, text, expected) => {
    expect(figuresIn(text)).toEqual([{ ...expected, bound: 'at_most' }]);
  });

  it.each([
    [
      'about',
      'About 150 IS fighters were moved from Syria to Iraq in the first transfer.',
      { metric: 'detainees_transferred', value: 150 },
    ],
    ['around', 'Around 10,000 IS fighters are held in prisons run by the SDF.', { metric: 'detainees_held', value: 10000 }],
    [
      'approximately',
      'Approximately 2,600 people live in Roj camp, a UN agency said.',
      { metric: 'camp_population', value: 2600, facility: 'Roj' },
    ],
    [
      'roughly',
      'Roughly 900 detainees have been handed over to Iraqi authorities, the ministry said.',
      { metric: 'detainees_transferred', value: 900 },
    ],
    ['some', 'Some 80 IS prisoners escaped from al-Aqtan prison, residents said.', { metric: 'escaped', value: 80, facility: 'al-Aqtan' }],
    [
      'nearly',
      'Nearly 1,000 IS suspects have been transferred to Iraq, a security source said.',
      { metric: 'detainees_transferred', value: 1000 },
    ],
    ['almost', 'Almost 300 of the escapees have been recaptured, the SDF said.', { metric: 'recaptured', value: 300 }],
    [
      'an estimated',
      'An estimated 23,000 people are held in al-Hol camp, the UN said.',
      { metric: 'camp_population', value: 23000, facility: 'al-Hol' },
    ],
    [
      'close to',
      'Close to 60 countries have citizens among the IS detainees held in Syria.',
      { metric: 'detainee_nationalities', value: 60 },
    ],
  ])('reads "%s" as approx', (_phrase, text, expected) => {
    expect(figuresIn(text)).toEqual([{ ...expected, bound: 'approx' }]);
  });
});

describe('ranges', () => {
  it('reads "between 5,000 and 7,000" as at most 7,000', () => {
    expect(figuresIn('Between 5,000 and 7,000 IS detainees could be moved to Iraq in the coming months, officials said.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads "5,000 to 7,000" as at most 7,000', () => {
    expect(figuresIn('Officials expect 5,000 to 7,000 detainees to be transferred to Iraq.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads "7-8,000" as at most 8,000', () => {
    expect(figuresIn('The SDF holds 7-8,000 IS fighters in its prisons, a Kurdish commander said.')).toEqual([
      { metric: 'detainees_held', value: 8000, bound: 'at_most' },
    ]);
  });
});

describe('vague amounts', () => {
  it.each([
    ['dozens', 'Dozens of IS fighters escaped from the prison, the SDF said.', 'Dozens'],
    ['hundreds', 'Hundreds of IS detainees were moved to Iraq this week.', 'Hundreds'],
    ['thousands', 'Thousands of people live in al-Hol camp.', 'Thousands'],
    ['several hundred', 'Several hundred IS detainees have been transferred to Iraq.', 'Several hundred'],
  ])('gives no figure for "%s"', (_phrase, text, number) => {
    expectNoFigure(text, number);
  });
});

describe('numbers that are not head counts', () => {
  it('gives no figure for a year', () => {
    expectNoFigure('Islamic State detainees have been held in the north-east since 2019, the SDF said.', '2019');
  });

  it('gives no figure for a day of the month, and still reads the count beside it', () => {
    const text = 'The transfers began on 21 January, when 150 IS detainees were moved to Iraq.';
    expect(figuresIn(text)).toEqual([{ metric: 'detainees_transferred', value: 150, bound: 'exact' }]);
    expect(droppedIn(text)).toContain('21');
  });

  it('gives no figure for an age written "17-year-old"', () => {
    expectNoFigure('A 17-year-old boy was among the IS detainees transferred to Iraq, his family said.', '17-year-old');
  });

  it('gives no figure for an age written "16 years old"', () => {
    expectNoFigure('The youngest of the detainees moved to Iraq is 16 years old, a lawyer said.', '16');
  });

  it('gives no figure for the days of a ceasefire', () => {
    const text = 'The SDF agreed to a four-day ceasefire, later extended by 15 days, while IS detainees were moved to Iraq.';
    expect(figuresIn(text)).toEqual([]);
    expect(droppedIn(text)).toEqual(expect.arrayContaining(['four-day', '15']));
  });

  it('gives no figure for a resolution number', () => {
    expectNoFigure('Security Council Resolution 2170 urges states to prosecute IS fighters held in Syria.', '2170');
  });

  it('gives no figure for an amount of money', () => {
    expectNoFigure('Iraq has received $120 million in aid for the IS detainees transferred from Syria.', '$120 million');
  });

  it('gives no figure for a distance', () => {
    expectNoFigure('The detainees were flown 400 km from Hasakah to Baghdad, officials said.', '400 km');
  });

  it('gives no figure for a percentage written "percent"', () => {
    expectNoFigure('About 60 percent of the IS detainees held in Syria are Syrian nationals, a report found.', '60 percent');
  });

  it('gives no figure for a percentage written "%"', () => {
    expectNoFigure("Some 70% of al-Hol camp's residents are children, aid workers say.", '70%');
  });
});

describe('counts of other things than tracked people', () => {
  it('gives no figure for troops', () => {
    expectNoFigure('The US has deployed 2,000 troops to guard the IS detainees being transferred to Iraq.', '2,000');
  });

  it('gives no figure for families', () => {
    expectNoFigure('Some 3,000 families were moved out of al-Hol camp last month.', '3,000');
  });

  it('gives no figure for clashes', () => {
    expectNoFigure('The SDF reported 14 clashes around al-Shaddadi prison on Sunday as IS detainees were moved out.', '14');
  });

  it('gives no figure for prisons', () => {
    expectNoFigure('The SDF runs 27 prisons holding IS detainees across north-eastern Syria.', '27');
  });
});

describe('people in other events', () => {
  it('gives no figure for arrests in raids', () => {
    expectNoFigure('Iraqi forces arrested 45 IS suspects in raids in Anbar province on Tuesday.', '45');
  });

  it('gives no figure for people killed', () => {
    expectNoFigure('Coalition air strikes killed 12 IS militants near the prison on Sunday.', '12');
  });

  it('gives no figure for people questioned', () => {
    expectNoFigure('Iraqi investigators have questioned 400 of the IS detainees transferred from Syria.', '400');
  });

  it('gives no figure for people under investigation', () => {
    expectNoFigure('Some 700 of the transferred IS detainees are under investigation by Iraqi judges.', '700');
  });

  it('keeps an arrest count in its own clause apart from the transfer in the next', () => {
    const text = 'CENTCOM said it detained more than 300 IS operatives in Syria in 2025 and moved 150 detainees to Iraq.';
    expect(figuresIn(text)).toEqual([{ metric: 'detainees_transferred', value: 150, bound: 'exact' }]);
    expect(droppedIn(text)).toEqual(expect.arrayContaining(['300', '2025']));
  });
});

describe('subgroups of a total', () => {
  it('gives no figure for a part introduced by "including", and keeps the total', () => {
    const text = 'Some 5,700 IS detainees, including 2,000 Iraqis, have been moved to Iraq.';
    expect(figuresIn(text)).toEqual([{ metric: 'detainees_transferred', value: 5700, bound: 'approx' }]);
    expect(droppedIn(text)).toContain('2,000');
  });

  it('gives no figure for how many of those moved are of one nationality', () => {
    expectNoFigure('Of those moved to Iraq, 1,200 are Iraqis, the ministry said.', '1,200');
  });

  it('gives no figure for the foreigners among the escapees, and keeps the escapees', () => {
    const text = 'The 1,500 fighters who escaped included 300 foreigners, the SDF said.';
    expect(figuresIn(text)).toEqual([{ metric: 'escaped', value: 1500, bound: 'exact' }]);
    expect(droppedIn(text)).toContain('300');
  });

  it('gives no figure for the women and children among the escapees, and keeps the escapees', () => {
    const text = 'Of the 1,500 escapees, 200 were women and children, the SDF said.';
    expect(figuresIn(text)).toEqual([{ metric: 'escaped', value: 1500, bound: 'exact' }]);
    expect(droppedIn(text)).toContain('200');
  });

  it('gives no figure for the women and children among the escapees when they come first', () => {
    const text = 'The women and children among the 1,500 escapees numbered 200, the SDF said.';
    expect(figuresIn(text)).toEqual([{ metric: 'escaped', value: 1500, bound: 'exact' }]);
    expect(droppedIn(text)).toContain('200');
  });

  it('gives no figure for the foreigners in one section of a camp', () => {
    expectNoFigure('The foreign section of al-Hol camp, known as the annex, holds about 6,000 foreigners.', '6,000');
  });
});

describe('denials', () => {
  it('gives no figure for a denial', () => {
    expectNoFigure('The SDF denied reports that 1,000 IS fighters had escaped from Ghwayran prison.', '1,000');
  });

  it('gives no figure for the denied number, but reads the figure the speaker gives instead', () => {
    const text = 'Officials denied that 1,000 IS fighters had escaped, saying only 120 had fled.';
    expect(figuresIn(text)).toEqual([{ metric: 'escaped', value: 120, bound: 'exact' }]);
    expect(droppedIn(text)).toContain('1,000');
  });

  it('gives no figure for a claim called false', () => {
    expectNoFigure('Claims that 3,000 detainees were moved to Iraq are false, the ministry said.', '3,000');
  });
});

describe('plans and possibilities', () => {
  it('reads a plan to transfer as transfer_planned', () => {
    expect(figuresIn('The US plans to transfer 6,000 IS detainees to Iraq by the end of March.')).toEqual([
      { metric: 'transfer_planned', value: 6000, bound: 'exact' },
    ]);
  });

  it('reads "could" with a transfer verb as transfer_planned', () => {
    expect(figuresIn('Iraq could take in up to 7,000 Islamic State prisoners from Syria, officials said.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads "will be transferred" as transfer_planned', () => {
    expect(figuresIn('Washington says 2,000 Daesh detainees will be transferred to Iraqi custody under the agreement.')).toEqual([
      { metric: 'transfer_planned', value: 2000, bound: 'exact' },
    ]);
  });

  it('reads "the first batch of nearly 7,000" as the plan, approx', () => {
    expect(figuresIn('The first batch of nearly 7,000 Islamic State detainees arrived in Iraq on Wednesday.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'approx' },
    ]);
  });
});

describe('batches on top of a total', () => {
  it('marks "another 250 were moved on Tuesday" as an increment', () => {
    expect(figuresIn('Another 250 were moved on Tuesday, an Iraqi security source said.')).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true },
    ]);
  });

  it('marks "another 250 IS detainees" as an increment', () => {
    expect(figuresIn('Another 250 IS detainees were moved to Iraq on Tuesday.')).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true },
    ]);
  });

  it('marks "a further 400" as an increment', () => {
    expect(figuresIn('A further 400 IS detainees were flown to Baghdad on Thursday.')).toEqual([
      { metric: 'detainees_transferred', value: 400, bound: 'exact', increment: true },
    ]);
  });

  it('marks a count "in the past 48 hours" as an increment', () => {
    const text = 'More than 300 IS suspects were transferred to Iraq in the past 48 hours, a US official said.';
    expect(figuresIn(text)).toEqual([{ metric: 'detainees_transferred', value: 300, bound: 'at_least', increment: true }]);
    expect(droppedIn(text)).toContain('48');
  });

  it('does not mark "a total of" as an increment', () => {
    expect(figuresIn('A total of 1,850 detainees have now been transferred to Iraq, the ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 1850, bound: 'exact' },
    ]);
  });

  it('tells the batch from the total it brings in one sentence', () => {
    expect(figuresIn('Another 250 were moved on Tuesday, bringing the total transferred to 1,850.')).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true },
      { metric: 'detainees_transferred', value: 1850, bound: 'exact' },
    ]);
  });
});

describe('figures told as history', () => {
  it('dates a figure "at its height in 2019" to 2019', () => {
    expect(figuresIn('At its height in 2019, al-Hawl camp housed about 70,000 people.')).toEqual([
      { metric: 'camp_population', value: 70000, bound: 'approx', facility: 'al-Hol', as_of: '2019' },
    ]);
  });

  it('dates a figure "at its 2019 peak" to 2019', () => {
    expect(figuresIn('At its 2019 peak, the al-Hol camp was home to more than 70,000 people.')).toEqual([
      { metric: 'camp_population', value: 70000, bound: 'at_least', facility: 'al-Hol', as_of: '2019' },
    ]);
  });

  it('dates a figure "in 2022" to 2022', () => {
    expect(figuresIn('In 2022, Gweiran prison held about 4,000 IS suspects.')).toEqual([
      { metric: 'detainees_held', value: 4000, bound: 'approx', facility: 'Ghwayran', as_of: '2022' },
    ]);
  });

  it('does not date a figure held "since 2019": it counts up to now', () => {
    expect(figuresIn('Some 9,000 IS fighters have been held in SDF prisons since 2019.')).toEqual([
      { metric: 'detainees_held', value: 9000, bound: 'approx' },
    ]);
  });
});

describe('the number and its noun', () => {
  it('reads a number before its noun with an active verb before it', () => {
    expect(figuresIn('Iraqi authorities took custody of 640 Islamic State suspects from Syria on Sunday.')).toEqual([
      { metric: 'detainees_transferred', value: 640, bound: 'exact' },
    ]);
  });

  it('reads a number before its noun in the passive voice', () => {
    expect(figuresIn('1,400 ISIS suspects were handed over to Iraqi authorities by US forces, the ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 1400, bound: 'exact' },
    ]);
  });

  it('reads a number after its noun in the passive voice', () => {
    expect(figuresIn('The number of Islamic State detainees transferred to Iraq has risen to 2,600, the coalition said.')).toEqual([
      { metric: 'detainees_transferred', value: 2600, bound: 'exact' },
    ]);
  });

  it('reads a number after its noun when a tally "stands at" it', () => {
    expect(figuresIn('The tally of IS detainees moved to Iraq now stands at 2,650, the coalition said.')).toEqual([
      { metric: 'detainees_transferred', value: 2650, bound: 'exact' },
    ]);
  });
});

describe('what the figure counts', () => {
  it('reads people held in a prison as detainees_held', () => {
    expect(figuresIn('The SDF still holds 8,500 Islamic State suspects in its prisons, a Kurdish spokesman said.')).toEqual([
      { metric: 'detainees_held', value: 8500, bound: 'exact' },
    ]);
  });

  it('reads people living in a camp as camp_population with the camp as facility', () => {
    expect(figuresIn('About 24,500 people live in al-Hol camp, most of them women and children, the UN said.')).toEqual([
      { metric: 'camp_population', value: 24500, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('reads escapees caught again as recaptured', () => {
    expect(figuresIn('Syrian security forces have recaptured 81 of the escaped ISIS prisoners, the interior ministry said.')).toEqual([
      { metric: 'recaptured', value: 81, bound: 'exact' },
    ]);
  });

  it('reads people sent from the camps to their home country as repatriated', () => {
    expect(figuresIn('France has repatriated 35 women and children from camps in north-eastern Syria.')).toEqual([
      { metric: 'repatriated', value: 35, bound: 'exact' },
    ]);
  });

  it('reads militants "repatriated" by Iraq from Syria as a transfer', () => {
    expect(figuresIn('Iraq said on Monday it had repatriated 320 Islamic State militants from Syria.')).toEqual([
      { metric: 'detainees_transferred', value: 320, bound: 'exact' },
    ]);
  });

  it('reads fighters freed in a prison break as escaped', () => {
    expect(figuresIn('A prison break in Hasakah freed over 1,500 IS fighters, Kurdish officials said.')).toEqual([
      { metric: 'escaped', value: 1500, bound: 'at_least' },
    ]);
  });

  it('reads the countries the detainees come from as detainee_nationalities', () => {
    expect(figuresIn('The detainees held in the SDF prisons come from 48 countries, a US official said.')).toEqual([
      { metric: 'detainee_nationalities', value: 48, bound: 'exact' },
    ]);
  });
});

describe('several figures in one sentence', () => {
  it('reads a transfer done and a transfer planned', () => {
    expect(figuresIn('US forces have moved 150 IS detainees to Iraq so far, and up to 7,000 could eventually be transferred.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'exact' },
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads a plan whose modal refers back to the transfer ("could eventually follow")', () => {
    expect(figuresIn('US forces have moved 150 IS detainees to Iraq so far, and up to 7,000 could eventually follow.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'exact' },
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads a transfer done and a plan joined by "and plans to"', () => {
    expect(figuresIn('The US has transferred 150 IS detainees to Iraq and plans to move up to 7,000 in total.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'exact' },
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads a head count and the countries the people come from', () => {
    expect(figuresIn('The 9,000 IS detainees held in SDF prisons come from more than 70 countries.')).toEqual([
      { metric: 'detainees_held', value: 9000, bound: 'exact' },
      { metric: 'detainee_nationalities', value: 70, bound: 'at_least' },
    ]);
  });

  it('reads an escape and the recapture of some of the escapees', () => {
    expect(figuresIn('More than 1,500 IS fighters escaped from al-Shaddadi prison, and 81 of them have since been recaptured.')).toEqual([
      { metric: 'escaped', value: 1500, bound: 'at_least', facility: 'al-Shaddadi' },
      // Whether the recapture is tied to the prison the escapees fled is left open.
      expect.objectContaining({ metric: 'recaptured', value: 81, bound: 'exact' }),
    ]);
  });
});

describe('headlines', () => {
  it('reads a figure from the title', () => {
    const extraction = run({ title: 'US moves 150 IS detainees to Iraq', text: 'The transfer began on Wednesday, officials said.' });
    expect(extraction.figures.map(reading)).toEqual([{ metric: 'detainees_transferred', value: 150, bound: 'exact' }]);
    expect(extraction.figures[0]?.quote).toBe('US moves 150 IS detainees to Iraq');
  });

  it('reads a headline in the present tense with "repatriates" as a transfer', () => {
    expect(figuresIn({ title: 'Iraq repatriates 320 IS militants from Syria', text: 'Baghdad says more will follow.' })).toEqual([
      { metric: 'detainees_transferred', value: 320, bound: 'exact' },
    ]);
  });

  it('reads a headline on the first line of a plain text without running it into the body', () => {
    const extraction = run(
      'Iraq takes in 500 Daesh suspects from Syria\nBaghdad, Feb 2 - Iraqi officials said the transfer would continue.',
    );
    expect(extraction.figures.map(reading)).toEqual([{ metric: 'detainees_transferred', value: 500, bound: 'exact' }]);
    expect(extraction.figures[0]?.quote).toBe('Iraq takes in 500 Daesh suspects from Syria');
  });
});

describe('quotes from officials', () => {
  it('reads a number inside a quote followed by its attribution', () => {
    expect(figuresIn('“We have taken custody of 2,100 Daesh terrorists from Syria,” Iraq’s interior minister told reporters.')).toEqual([
      { metric: 'detainees_transferred', value: 2100, bound: 'exact' },
    ]);
  });

  it('reads a number inside a quote introduced by a colon', () => {
    expect(figuresIn('A senior CENTCOM officer said: "Roughly 1,300 ISIS detainees have now been flown into Iraq."')).toEqual([
      { metric: 'detainees_transferred', value: 1300, bound: 'approx' },
    ]);
  });
});

describe('facilities', () => {
  it('names the camp al-Hol when the text writes al-Hawl', () => {
    expect(figuresIn('An estimated 23,000 people are held in al-Hawl camp, the UN said.')).toEqual([
      { metric: 'camp_population', value: 23000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('names the prison Ghwayran when the text writes Gweiran', () => {
    expect(figuresIn('The Gweiran prison in Hasakah holds around 4,500 IS suspects.')).toEqual([
      { metric: 'detainees_held', value: 4500, bound: 'approx', facility: 'Ghwayran' },
    ]);
  });

  it("names the prison Ghwayran when the text writes al-Sina'a", () => {
    expect(figuresIn("Some 3,500 IS fighters are held at al-Sina'a prison, the largest of the SDF's jails.")).toEqual([
      { metric: 'detainees_held', value: 3500, bound: 'approx', facility: 'Ghwayran' },
    ]);
  });

  it('names the prison Ghwayran when the text writes al-Sina’a with a typographic apostrophe', () => {
    expect(figuresIn('Some 3,500 IS fighters are held at al-Sina’a prison, the largest of the SDF’s jails.')).toEqual([
      { metric: 'detainees_held', value: 3500, bound: 'approx', facility: 'Ghwayran' },
    ]);
  });
});

describe('HTML input', () => {
  it('decodes entities before reading', () => {
    const extraction = run(
      '<p>Iraq&#39;s justice ministry said more&nbsp;than&nbsp;1,000 IS detainees had been handed over by the SDF &amp; US forces.</p>',
    );
    expect(extraction.figures.map(reading)).toEqual([{ metric: 'detainees_transferred', value: 1000, bound: 'at_least' }]);
    expect(extraction.text).toContain("Iraq's justice ministry");
    expect(extraction.text).not.toMatch(/&(?:#39|nbsp|amp);/);
  });

  it('ignores numbers inside <script>', () => {
    const extraction = run(
      '<p>The Pentagon said on Friday that 600 IS detainees had been moved to Iraq.</p>' +
        '<script>var moved = 9000; track("9000 detainees moved to Iraq");</script>' +
        '<p>Officials said the operation would continue.</p>',
    );
    expect(extraction.figures.map(reading)).toEqual([{ metric: 'detainees_transferred', value: 600, bound: 'exact' }]);
    expect(extraction.text).not.toContain('9000');
    expect(extraction.dropped.map((number) => number.text)).not.toContain('9000');
  });

  it('treats <p> blocks as sentence breaks', () => {
    const extraction = run(
      '<h2>Iraq receives IS detainees</h2><p>Iraq received 400 IS detainees on Monday</p><p>About 24,000 people live in al-Hol camp</p>',
    );
    expect(extraction.figures.map(reading)).toEqual([
      { metric: 'detainees_transferred', value: 400, bound: 'exact' },
      { metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol' },
    ]);
    expect(extraction.figures.map((figure) => figure.quote)).toEqual([
      'Iraq received 400 IS detainees on Monday',
      'About 24,000 people live in al-Hol camp',
    ]);
  });

  it('reads an HTML title and body together, the title first', () => {
    const extraction = run({
      title: 'Iraq says 700 IS detainees transferred from Syria',
      text: '<p>About 24,000 people still live in al-Hol camp, the UN said.</p>',
    });
    expect(extraction.text.startsWith('Iraq says 700 IS detainees transferred from Syria\n\n')).toBe(true);
    expect(extraction.figures.map(reading)).toEqual([
      { metric: 'detainees_transferred', value: 700, bound: 'exact' },
      { metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });
});

describe('offsets', () => {
  const inputs: Array<[string, ExtractInput]> = [
    [
      'plain text',
      {
        text: 'Officials said on Tuesday that 150 IS detainees had been moved. Up to 7,000 could follow by the summer, and 24,000 people live in al-Hol camp.',
      },
    ],
    [
      'a title and a body',
      { title: 'US moves 150 IS detainees to Iraq', text: 'The SDF says 9,000 ISIS suspects remain held in its prisons since 2019.' },
    ],
    [
      'HTML with entities',
      {
        text: '<p>Iraq&#39;s ministry said&nbsp;1,200 Daesh suspects were received.</p><p>Some 3,000 families left al-Hol camp in 2025.</p>',
      },
    ],
    ['letters that grow when lowered', { text: 'İSTANBUL İHA — Some 2,100 IS suspects have been moved to Iraq, officials said.' }],
  ];

  it.each(inputs)('points each figure at its sentence and its number in %s', (_kind, input) => {
    const extraction = run(input);
    expect(extraction.figures.length).toBeGreaterThan(0);
    for (const figure of extraction.figures) {
      expect(extraction.text.slice(figure.start, figure.end)).toBe(figure.quote);
      expect(extraction.text.slice(figure.number.start, figure.number.end)).toBe(figure.number.text);
      expect(figure.number.start).toBeGreaterThanOrEqual(figure.start);
      expect(figure.number.end).toBeLessThanOrEqual(figure.end);
    }
  });

  it.each(inputs)('points each dropped number at its text in %s', (_kind, input) => {
    const extraction = run(input);
    for (const number of extraction.dropped) {
      expect(extraction.text.slice(number.start, number.end)).toBe(number.text);
      expect(extraction.text).toContain(number.quote);
    }
  });

  it('reads the words around a number right after letters that grow when lowered', () => {
    expect(figuresIn('İSTANBUL İHA — Some 2,100 IS suspects have been moved to Iraq, officials said.')).toEqual([
      { metric: 'detainees_transferred', value: 2100, bound: 'approx' },
    ]);
  });

  it('points at the number as written in the figure', () => {
    const extraction = run('Iraq has now received a total of 1,850 IS detainees from Syria.');
    expect(extraction.figures.map((figure) => figure.number.text)).toEqual(['1,850']);
  });
});

describe('relevance', () => {
  it('finds an item on the transfers relevant and lists the terms that decided it', () => {
    const result = isRelevant('US moves 150 Islamic State detainees from Syria to Iraq as Kurdish forces retreat');
    expect(result.relevant).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(topic.relevance.threshold);
    expect(result.terms).toEqual(expect.arrayContaining(['islamic state', 'detainee', 'syria', 'iraq']));
  });

  it('finds an item naming a camp but not the group relevant', () => {
    expect(isRelevant('Conditions in al-Hol camp in Syria worsened as 24,000 people waited for aid.').relevant).toBe(true);
  });

  it('finds a general news item with numbers not relevant', () => {
    const result = isRelevant('The central bank raised its main rate to 4.5 percent on Thursday, and 12,000 jobs were added in March.');
    expect(result.relevant).toBe(false);
    expect(result.terms).toEqual([]);
  });

  it('finds an item about Iraqi prisons without the group or a facility not relevant', () => {
    const result = isRelevant(
      "Iraq's justice ministry said it will transfer 2,000 prisoners and detainees to a new prison in Basra to ease overcrowding.",
    );
    expect(result.relevant).toBe(false);
  });

  it('does not take the word "is" for the group', () => {
    expect(isRelevant('This is a report on the transfer of prisoners and detainees between prisons in Iraq and Syria.').relevant).toBe(
      false,
    );
  });
});

describe('numbers that measure something else about the people', () => {
  it('gives no figure for an age given as "aged between"', () => {
    expectNoFigure('The men handed to Iraqi custody on Monday, aged between 18 and 61, were taken to Baghdad.', '18 and 61');
  });

  it('gives no figure for an age said of one person', () => {
    expectNoFigure('"I was 16 when they took me to the prison in Hasakah," said one detainee now held in Iraq.', '16');
  });

  it('gives no figure for the size of each group moved', () => {
    expectNoFigure('The prisoners were moved to Iraq in groups of 40, under armed escort.', '40');
  });

  it('gives no figure for a daily rate', () => {
    expectNoFigure('Iraqi officials said they were receiving around 200 detainees a day.', '200');
  });
});

describe('questions and other states', () => {
  it('gives no figure for a number a reporter asked about', () => {
    expectNoFigure('Asked whether 2,000 detainees had escaped from the prison, the minister declined to comment.', '2,000');
  });

  it("gives no figure for another state's own prisoners", () => {
    expectNoFigure('Jordan said it holds about 1,200 IS suspects in its own prisons.', '1,200');
  });

  it('gives no figure for a vote in parliament', () => {
    expect(figuresIn('Lawmakers voted 150 to 40 to approve the transfer of IS detainees to Iraq.')).toEqual([]);
  });

  it('gives no figure for people arrested for helping an escape', () => {
    expectNoFigure('Police arrested 45 people suspected of helping inmates escape from the prison.', '45');
  });
});

describe('plans stated without a modal verb', () => {
  it('reads a headline infinitive as a plan', () => {
    expect(figuresIn('Washington to fly up to 7,000 IS detainees out of Syria')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads the number of a stated target as the plan', () => {
    expect(figuresIn('Officials said 900 detainees had been moved to Iraq and that the target remained 7,000.')).toEqual([
      { metric: 'detainees_transferred', value: 900, bound: 'exact' },
      { metric: 'transfer_planned', value: 7000, bound: 'exact' },
    ]);
  });

  it('reads a destination alone as a move when no other action is named', () => {
    expect(figuresIn('More than 3,000 have now gone to Iraq, an SDF official said.')).toEqual([
      { metric: 'detainees_transferred', value: 3000, bound: 'at_least' },
    ]);
  });
});

describe('facilities listed after the number', () => {
  it('gives a figure the place named right after it', () => {
    expect(figuresIn('The UN says about 2,400 people are in Roj and some 22,000 in al-Hol.')).toEqual([
      { metric: 'camp_population', value: 2400, bound: 'approx', facility: 'Roj' },
      { metric: 'camp_population', value: 22000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('gives no single facility to a figure about two facilities listed together', () => {
    expect(figuresIn('About 1,800 people have been repatriated from Roj and al-Hol this year.')).toEqual([
      { metric: 'repatriated', value: 1800, bound: 'approx' },
    ]);
  });
});

describe('answers to a question', () => {
  it('reads a number in an answer with the action the question asked about', () => {
    expect(figuresIn('How many detainees have been moved to Iraq? As of this week, US officials put the figure at about 4,700.')).toEqual([
      { metric: 'detainees_transferred', value: 4700, bound: 'approx' },
    ]);
  });

  it('quotes the question with the answer, so the figure shows where its meaning came from', () => {
    const extraction = run('Q: How many got out of the prison?\nA: Upwards of 1,200, the guards told us.');
    expect(extraction.figures.map((figure) => figure.quote)).toEqual([
      'Q: How many got out of the prison?\nA: Upwards of 1,200, the guards told us.',
    ]);
  });

  it('reads "the total" with the action the sentence before it named', () => {
    expect(figuresIn('Some 900 IS detainees were flown to Iraq on Monday. The total now stands at 5,700, officials said.')).toEqual([
      { metric: 'detainees_transferred', value: 900, bound: 'approx' },
      { metric: 'detainees_transferred', value: 5700, bound: 'exact' },
    ]);
  });

  it('does not lend a question to an answer that names its own action', () => {
    expect(figuresIn('How many are still held? Officials said 300 more were flown to Iraq on Monday.')).toEqual([
      { metric: 'detainees_transferred', value: 300, bound: 'exact', increment: true },
    ]);
  });
});

describe('people still at large', () => {
  it('gives no figure for escapees who "remain at large", though "remain" alone would mean custody', () => {
    expectNoFigure('About 1,100 escapees remain at large, the interior ministry said.', '1,100');
  });
});

describe('parts of a figure given beside it', () => {
  it('reads the total of a repatriation and not its breakdown', () => {
    expect(figuresIn('Belgium repatriated 31 people, 9 women and 22 children, from Roj camp on Tuesday.')).toEqual([
      { metric: 'repatriated', value: 31, bound: 'exact', facility: 'Roj' },
    ]);
  });

  it('gives no figure for the nationals of one country among the detainees', () => {
    expectNoFigure('Some 45 British-linked adults remain in detention in north-east Syria, officials in London believe.', '45');
  });
});

describe('people held or moved elsewhere', () => {
  it('gives no figure for people held in prisons of another country', () => {
    expectNoFigure('About 3,500 IS suspects are held in Turkish prisons, the UN said.', '3,500');
  });

  it('reads people Iraq now holds from Syria as moved', () => {
    expect(figuresIn('Iraq now holds 3,900 IS suspects brought from Syria, the justice ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 3900, bound: 'exact' },
    ]);
  });

  it('gives no figure for a move between prisons inside Syria', () => {
    expectNoFigure('Some 700 inmates were moved from Ghwayran to other prisons in Hasakah on Sunday.', '700');
  });

  it('gives no figure for people Iraq refused to take', () => {
    expectNoFigure('Iraq has refused to take 2,000 of the detainees, a government spokesman said.', '2,000');
  });

  it('gives no figure for the camp of another country', () => {
    expectNoFigure('The Jeddah 1 camp near Mosul now holds about 6,000 people returned from Syria.', '6,000');
  });
});

describe('dates told by the story and the report', () => {
  it("dates a figure told before the story's offensive to the offensive's month", () => {
    expect(figuresIn({ text: 'The SDF held about 9,000 IS suspects before the government offensive.', published: '2026-02-20' })).toEqual([
      { metric: 'detainees_held', value: 9000, bound: 'approx', as_of: '2026-01' },
    ]);
  });

  it('dates a figure told "last month" to the month before the report', () => {
    expect(figuresIn({ text: 'Al-Hol held some 24,000 people last month, aid groups said.', published: '2026-03-04' })).toEqual([
      { metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol', as_of: '2026-02' },
    ]);
  });

  it('gives the date to the number beside it, not to the next one', () => {
    expect(figuresIn({ text: "Al-Hol's population fell from 73,000 in 2019 to about 23,000 today.", published: '2026-02-20' })).toEqual([
      { metric: 'camp_population', value: 73000, bound: 'exact', facility: 'al-Hol', as_of: '2019' },
      { metric: 'camp_population', value: 23000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });
});

describe('marks and loads that are no counts', () => {
  it('gives no figure for a footnote mark', () => {
    expect(droppedIn('CENTCOM had transferred 3,012 detainees to Iraq by mid-February.[4]')).toContain('4');
  });

  it('gives no figure for the load of each bus', () => {
    expectNoFigure('A convoy of buses, each carrying about 40 detainees, crossed into Iraq at Rabia.', '40');
  });
});

describe('what people in a camp do, or are left as', () => {
  it('gives no figure for people left homeless', () => {
    expectNoFigure('A fire destroyed 60 tents in al-Hol on Sunday, leaving 350 people homeless.', '350');
  });

  it('gives no figure for camp residents doing something the topic does not track', () => {
    expectNoFigure('Some 700 residents of Roj have applied to go home, camp officials said.', '700');
  });

  it('gives no figure for a camp in another country', () => {
    expectNoFigure('The camp in Iraq now hosts about 5,000 returnees from al-Hol.', '5,000');
  });

  it('reads escapees back in custody as recaptured', () => {
    expect(figuresIn('Of the 1,500 who escaped, 600 are in custody again, officials said.')).toContainEqual({
      metric: 'recaptured',
      value: 600,
      bound: 'exact',
    });
  });
});

describe('reading without reasons', () => {
  it('gives the same figures whether or not it keeps a reason for every dropped number', () => {
    const fast = createExtractor(topic, { reasons: false });
    const texts = [
      'The central bank kept its rate at 4.5 percent. Some 900 IS detainees were flown to Iraq on Monday. The total now stands at 5,700.',
      'How many got out? Upwards of 1,500, the SDF said. Al-Hol holds about 24,000 people, and Roj some 2,600.',
      'Turnout reached 61 percent in 2024. Up to 7,000 detainees could be moved, officials said, denying that 1,000 had escaped.',
      'How many detainees have been moved to Iraq so far?\n\nUpwards of 4,700, officials said.',
      'US forces moved 900 IS detainees to Iraq on Monday.\nThe total now stands at 5,700.\n\nResidents said 40 shops had closed.',
    ];
    for (const text of texts) {
      expect(fast({ text, published: PUBLISHED }).figures).toEqual(run(text).figures);
    }
  });

  it('reads an answer on the line after its question without reasons', () => {
    const fast = createExtractor(topic, { reasons: false });
    expect(fast({ text: 'How many detainees have been moved to Iraq so far?\n\nUpwards of 4,700, officials said.' }).figures).toMatchObject(
      [{ metric: 'detainees_transferred', value: 4700 }],
    );
  });

  it('keeps no reasons for numbers in sentences with no cue word', () => {
    const fast = createExtractor(topic, { reasons: false });
    expect(fast({ text: 'Turnout reached 61 percent in 2024.' }).dropped).toEqual([]);
  });
});

describe('parts, comparisons and tallies of other things', () => {
  it('gives no figure for a part of the people the same action moved', () => {
    expectNoFigure('Officials said 85 of the detainees brought from Syria had passed through Erbil airport.', '85');
  });

  it('reads a number compared with another as exact, not as a bound', () => {
    expect(
      figuresIn({
        text: 'Iraq could take in as many as 8,000 detainees, more than the 7,000 announced last month.',
        published: '2026-02-20',
      }),
    ).toEqual([
      { metric: 'transfer_planned', value: 8000, bound: 'at_most' },
      { metric: 'transfer_planned', value: 7000, bound: 'exact', as_of: '2026-01' },
    ]);
  });

  it('gives no figure for "the number of" something else, however the sentence ends', () => {
    expectNoFigure(
      'The Pentagon will reduce the number of US troops in Syria to about 500 once the transfer of detainees is complete.',
      '500',
    );
  });

  it('reads a first group named by its participle as done, not as the plan', () => {
    expect(figuresIn('Forces began evacuating detainees, with the first group of about 150 men taken by helicopter to Iraq.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'approx' },
    ]);
  });
});

describe('feed items', () => {
  it('reads a count of countries in quotes as origins', () => {
    expect(figuresIn("Detained IS fighters hail from 'over 50 countries', the SDF says")).toEqual([
      { metric: 'detainee_nationalities', value: 50, bound: 'at_least' },
    ]);
  });

  it('reads a country bringing citizens home from a camp as repatriated', () => {
    expect(figuresIn('Norway brings home 6 citizens from al-Hol camp')).toEqual([
      { metric: 'repatriated', value: 6, bound: 'exact', facility: 'al-Hol' },
    ]);
  });

  it('reads detainees a country expects as the plan', () => {
    expect(figuresIn('Iraq expects 7-8,000 Islamic State detainees from Syria')).toEqual([
      { metric: 'transfer_planned', value: 8000, bound: 'at_most' },
    ]);
  });

  it('reads inmates awaiting transfer as held', () => {
    expect(figuresIn('Ghwayran prison: 4,000 inmates await transfer')).toEqual([
      { metric: 'detainees_held', value: 4000, bound: 'exact', facility: 'Ghwayran' },
    ]);
  });

  it("gives no figure for one state's people in a camp", () => {
    expectNoFigure('Australia rules out repatriation as about 60 citizens remain in Roj', '60');
  });

  it('gives no figure for the parts of a group whose total is not given', () => {
    expect(figuresIn('A group of 10 women and 25 children was flown from Roj to Paris on Thursday.')).toEqual([]);
  });

  it('reads the whole of a partitive by its own noun', () => {
    expect(figuresIn('Al-Shaddadi jailbreak: 1,000 of 1,500 escapees recaptured')).toEqual([
      { metric: 'recaptured', value: 1000, bound: 'exact', facility: 'al-Shaddadi' },
      { metric: 'escaped', value: 1500, bound: 'exact', facility: 'al-Shaddadi' },
    ]);
  });
});

describe('origins, returns and loads told in other words', () => {
  it('reads the countries people came from as origins when the sentence names no people', () => {
    expect(figuresIn('They came from at least 57 countries, the camp administration said.')).toEqual([
      { metric: 'detainee_nationalities', value: 57, bound: 'at_least' },
    ]);
  });

  it('reads "no fewer than" before a count of countries as a lower bound', () => {
    expect(figuresIn('The detainees come from no fewer than 48 countries, officials said.')).toEqual([
      { metric: 'detainee_nationalities', value: 48, bound: 'at_least' },
    ]);
  });

  it('reads people who went home from a camp as repatriated', () => {
    expect(figuresIn('Some 120 Iraqi women and children went home from al-Hol on Tuesday.')).toEqual([
      { metric: 'repatriated', value: 120, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('reads a flight carrying detainees to Iraq as a batch moved', () => {
    expect(figuresIn('A flight carrying 85 IS detainees landed in Baghdad on Monday.')).toEqual([
      { metric: 'detainees_transferred', value: 85, bound: 'exact', increment: true },
    ]);
  });

  it('reads a detained population as held', () => {
    expect(figuresIn("The SDF's detained population stands at about 9,000 men.")).toEqual([
      { metric: 'detainees_held', value: 9000, bound: 'approx' },
    ]);
  });

  it('reads "something like" as approximate', () => {
    expect(figuresIn('Something like 2,000 detainees have been moved to Iraq so far.')).toEqual([
      { metric: 'detainees_transferred', value: 2000, bound: 'approx' },
    ]);
  });

  it('reads a move called likely as a plan', () => {
    expect(figuresIn('Up to 5,000 detainees are likely to be moved to Iraq in the coming months.')).toEqual([
      { metric: 'transfer_planned', value: 5000, bound: 'at_most' },
    ]);
  });
});

describe('the size of a plan, however it is worded', () => {
  it('reads a number quoted apart from its noun', () => {
    expect(figuresIn("The general said 'as many as seven thousand' detainees could be relocated to Iraq.")).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads no noun across a closing quote that ends the phrase', () => {
    expect(figuresIn("Al-Hawl camp holds 'nearly 24,000' despite departures, says NGO")).toEqual([
      { metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('reads the maximum a plan allows, with the determiner after it opening another phrase', () => {
    expect(figuresIn('The total reached 4,100, more than half of the maximum of 7,000 the military says it may eventually move.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads a hyphenated "up-to" goal as the plan', () => {
    expect(figuresIn('With 5,950 transferred, the operation is within sight of its up-to-7,000 goal.')).toEqual([
      { metric: 'detainees_transferred', value: 5950, bound: 'exact' },
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads an objective that "remains" a number as the plan, not people held', () => {
    expect(figuresIn('The stated objective remains a maximum of 7,000, which implies completion no earlier than April.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });
});

describe('people who are part of a figure, or of another event', () => {
  it('reads a part of a bounded whole as a subgroup', () => {
    expect(figuresIn('Some 2,000 of the roughly 9,000 detainees the SDF holds are Iraqi nationals, a US official said.')).toEqual([
      { metric: 'detainees_held', value: 9000, bound: 'approx' },
    ]);
  });

  it("gives no figure for a whole country's prison population", () => {
    expectNoFigure("The country's prisons held about 65,000 inmates at the end of last year.", '65,000');
  });

  it('reads people named only by their noun, whose verb is another event, as that event', () => {
    expectNoFigure('An SDF source says 3 inmates and 1 guard were injured in the riot.', '3');
  });
});

describe('the level a camp population stands at', () => {
  it.each([
    ['The number of people in al-Hol has fallen below 23,000 as families leave for Iraq.', 23000, 'at_most', 'al-Hol'],
    ['Roj camp numbers steady at roughly 2,800 as repatriations stall', 2800, 'approx', 'Roj'],
    ['Update: Roj camp population approx. 2,900 after latest arrivals from al-Hol.', 2900, 'approx', 'Roj'],
  ] as const)('reads "%s" as the population', (text, value, bound, facility) => {
    expect(figuresIn(text)).toEqual([{ metric: 'camp_population', value, bound, facility }]);
  });

  it('reads a tally of people returned from a camp as returns, not a level', () => {
    expect(figuresIn('The ministry put the number returned from al-Hol since January at 2,100.')).toEqual([
      { metric: 'repatriated', value: 2100, bound: 'exact', facility: 'al-Hol' },
    ]);
  });
});

describe('verbs in an aside', () => {
  it('reads past a verb that opens an aside closed before the number', () => {
    expect(figuresIn("The camp's last census, taken on Sunday, counted about 24,300 residents in al-Hol.")).toEqual([
      { metric: 'camp_population', value: 24300, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('still reads a verb before an aside as the action on the number', () => {
    expect(figuresIn('Kurdish forces recaptured, on Monday, 40 escapees from al-Shaddadi prison.')).toEqual([
      { metric: 'recaptured', value: 40, bound: 'exact', facility: 'al-Shaddadi' },
    ]);
  });
});

describe('what "more" counts', () => {
  it('reads the noun after "more" as what is counted', () => {
    expectNoFigure("Since the weekend, three more flights carrying detainees have landed at Baghdad's airport.", 'three');
  });

  it('reads "N more" people as a batch', () => {
    expect(figuresIn('US forces moved 150 more detainees to Iraq on Monday.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'exact', increment: true },
    ]);
  });
});

describe('floors and recaptures in other words', () => {
  it('reads "-plus" after an estimate as a lower bound', () => {
    expect(figuresIn('An estimated 1,500-plus prisoners broke out of al-Shaddadi last week.')).toEqual([
      { metric: 'escaped', value: 1500, bound: 'at_least', facility: 'al-Shaddadi', as_of: '2026-01' },
    ]);
  });

  it.each([
    ['Of the escapees, some 700 have been recovered by government forces.', 700, 'approx'],
    ['By the following week 400 of the escapees had been hunted down.', 400, 'exact'],
  ] as const)('reads "%s" as recaptured', (text, value, bound) => {
    expect(figuresIn(text)).toEqual([{ metric: 'recaptured', value, bound }]);
  });
});

describe('totals and moves told in other words', () => {
  it('reads people who have gone so far as moved', () => {
    expect(figuresIn('The US has started moving IS prisoners out of Syria. About 150 have gone so far.')).toEqual([
      { metric: 'detainees_transferred', value: 150, bound: 'approx' },
    ]);
  });

  it('reads prisoners left behind in jails as held', () => {
    expect(figuresIn('Roughly 4,100 prisoners have been left behind in the jails of Hasakah, officials said.')).toEqual([
      { metric: 'detainees_held', value: 4100, bound: 'approx' },
    ]);
  });

  it('reads a total put at a number as the total of the move named before it', () => {
    expect(
      figuresIn('The prison has accepted 1,100 of the men flown in from Syria. Across the country, the ministry puts the total at 3,400.'),
    ).toEqual([{ metric: 'detainees_transferred', value: 3400, bound: 'exact' }]);
  });

  it('reads a bare "Total now" as the total of the move named before it', () => {
    expect(figuresIn('Another batch of 250 detainees was transferred to Iraq today. Total now 2,750.')).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true },
      { metric: 'detainees_transferred', value: 2750, bound: 'exact' },
    ]);
  });
});

describe('what a total is, told with a copula', () => {
  it.each(['The total is now 5,700.', 'The total was 5,700.'])('reads "%s" after a move as the total moved', (total) => {
    expect(figuresIn(`US forces moved another 250 detainees to Iraq on Monday. ${total}`)).toEqual([
      { metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true },
      { metric: 'detainees_transferred', value: 5700, bound: 'exact' },
    ]);
  });

  it('still reads a person who "is now" a number as an age', () => {
    expectNoFigure('He is now 45, his mother said of the detainee moved to Iraq.', '45');
  });
});

describe('questions, fact boxes and asides in explainers', () => {
  it('gives no figure for a number asked about in a yes-no question', () => {
    expectNoFigure('FACT CHECK: Did Iraq take in 10,000 IS prisoners from Syria?', '10,000');
  });

  it('reads "six and a half thousand" gone across into Iraq as moved', () => {
    expect(figuresIn('The Americans say about six and a half thousand have now gone across into Iraq.')).toEqual([
      { metric: 'detainees_transferred', value: 6500, bound: 'approx' },
    ]);
  });

  it("reads a fact box's countries of origin as origins", () => {
    expect(figuresIn('<ul><li>Detainees moved to Iraq: 5,400</li><li>Countries of origin: more than 60</li></ul>')).toEqual([
      { metric: 'detainees_transferred', value: 5400, bound: 'exact' },
      { metric: 'detainee_nationalities', value: 60, bound: 'at_least' },
    ]);
  });

  it('reads a number between commas after a person named by a noun as an age', () => {
    expectNoFigure('The guard, 26, says he has not been paid since the detainees were moved to Iraq.', '26');
  });
});

describe('corrections, translated statements and wholes with their parts', () => {
  it('gives no figure for a number a correction says was misstated', () => {
    expectNoFigure('CORRECTION: An earlier version misstated the number of IS detainees moved to Iraq as 4,800.', '4,800');
  });

  it('reads "between 50 and 60 countries" as at most 60 origins', () => {
    expect(figuresIn('The men brought from Syria come from between 50 and 60 countries, an Iraqi official estimated.')).toEqual([
      { metric: 'detainee_nationalities', value: 60, bound: 'at_most' },
    ]);
  });

  it('gives no figure for a last group still to come', () => {
    expectNoFigure('Iraq will accept a last group of about 400 detainees from Syria next week, a spokesman said.', '400');
  });

  it('reads escapees returned "to the grip of justice" as recaptured', () => {
    expect(figuresIn('The units were able to return 214 of the elements who fled the Shaddadi prison to the grip of justice.')).toEqual([
      { metric: 'recaptured', value: 214, bound: 'exact', facility: 'al-Shaddadi' },
    ]);
  });

  it('reads a whole by its own noun when its parts follow ("of whom")', () => {
    expect(
      figuresIn(
        'The total of the fugitives from the Shaddadi prison amounted to 1,300 fugitives, of whom 1,012 were returned to the grip of justice.',
      ),
    ).toEqual([
      { metric: 'escaped', value: 1300, bound: 'exact', facility: 'al-Shaddadi' },
      { metric: 'recaptured', value: 1012, bound: 'exact', facility: 'al-Shaddadi' },
    ]);
  });
});

describe('corrected figures, fact boxes and headlines that name no place', () => {
  it('reads the figure a correction gives in the next sentence', () => {
    expect(
      figuresIn(
        'CORRECTION: An earlier version misstated the number of IS detainees moved to Iraq as 4,800. The figure given by Iraqi officials on Friday was 4,080.',
      ),
    ).toEqual([{ metric: 'detainees_transferred', value: 4080, bound: 'exact' }]);
  });

  it("reads a fact box's nationalities among the detainees as origins", () => {
    expect(figuresIn('FACTBOX\n- Nationalities among detainees: more than 70')).toEqual([
      { metric: 'detainee_nationalities', value: 70, bound: 'at_least' },
    ]);
  });

  it('reads "61 different nationalities" as origins', () => {
    expect(figuresIn('The 6,812 detainees transferred from Syria hold 61 different nationalities.')).toEqual([
      { metric: 'detainees_transferred', value: 6812, bound: 'exact' },
      { metric: 'detainee_nationalities', value: 61, bound: 'exact' },
    ]);
  });

  it('keeps one figure when the headline names no place and the body does', () => {
    expect(
      figuresIn({
        title: 'More than 1,500 IS inmates fled Syrian prison, SDF says',
        text: 'More than 1,500 Islamic State detainees broke out of al-Shaddadi prison, the SDF said on Tuesday.',
      }),
    ).toEqual([{ metric: 'escaped', value: 1500, bound: 'at_least', facility: 'al-Shaddadi' }]);
  });
});

describe('regional and specialist wording', () => {
  it('reads "a total not exceeding" as the upper bound of a plan', () => {
    expect(figuresIn('The ministry was preparing for a total not exceeding 7,000 detainees from Syria.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'at_most' },
    ]);
  });

  it('reads detainees housed in Iraq after their transfer from Syria as moved', () => {
    expect(figuresIn('The ministry had so far registered and housed 5,240 detainees transferred from Syria.')).toEqual([
      { metric: 'detainees_transferred', value: 5240, bound: 'exact' },
    ]);
  });

  it('reads people a flight brought home as repatriated', () => {
    expect(figuresIn('A special flight brought 87 women and children home from the Roj camp on Wednesday.')).toEqual([
      { metric: 'repatriated', value: 87, bound: 'exact', facility: 'Roj' },
    ]);
  });

  it('gives no bound to a total that other figures come "on top of"', () => {
    expect(figuresIn('A further 156 detainees were handed over on Tuesday, on top of the 3,362 already in Iraqi custody.')).toContainEqual({
      metric: 'detainees_transferred',
      value: 3362,
      bound: 'exact',
    });
  });

  it('gives no figure for an escape a claim made and others dismissed', () => {
    expectNoFigure('A channel claimed that 3,000 prisoners escaped from Ghwayran, but the SDF dismissed the report.', '3,000');
  });

  it('gives no figure for people in camps for displaced Iraqis', () => {
    expectNoFigure('The region runs 3 camps for displaced Iraqis near Duhok, which host 45,000 people.', '45,000');
  });

  it('gives no figure for an episode number', () => {
    expectNoFigure('Ep. 52 - Inside the courts trying detainees moved from Syria to Iraq', '52');
  });
});

describe('frameworks, receptions and capacities', () => {
  it('reads what an agreed framework covers as the plan', () => {
    expect(figuresIn('"The agreed framework covers roughly 7,000 individuals," the minister posted.')).toEqual([
      { metric: 'transfer_planned', value: 7000, bound: 'approx' },
    ]);
  });

  it('reads the reception of detainees from Syria as moved', () => {
    expect(figuresIn('Iraq has completed the reception of 5,704 terrorists from Syrian territory.')).toEqual([
      { metric: 'detainees_transferred', value: 5704, bound: 'exact' },
    ]);
  });

  it('gives no figure for the reception a capacity allows', () => {
    expectNoFigure('The capacity of the correctional departments allows the reception of 10,000 inmates from Syria.', '10,000');
  });
});

describe("Iraq's own prison population", () => {
  it('gives no figure for the inmates Iraqi prisons held before the detainees from Syria arrived', () => {
    expectNoFigure("Iraq's prisons already held about 48,000 inmates before the first detainees arrived from Syria.", '48,000');
  });

  it('still reads detainees from Syria now held in Iraqi prisons as moved', () => {
    expect(figuresIn('Some 6,050 detainees from Syria are now held in Iraqi prisons, the ministry said.')).toEqual([
      { metric: 'detainees_transferred', value: 6050, bound: 'approx' },
    ]);
  });
});

describe('taking in', () => {
  it('reads talk of taking in a range of men as the plan, at most its top', () => {
    expect(figuresIn('Iraqi officials now talk of taking in 7-8,000 men in total, a senior MP said.')).toEqual([
      { metric: 'transfer_planned', value: 8000, bound: 'at_most' },
    ]);
  });
});

describe('what "holds" holds, and where', () => {
  it('reads "it now holds" as the prison the sentence names', () => {
    expect(
      figuresIn('After the offensive in January, Ghwayran still held about 4,500 detainees, but it now holds about 2,000.'),
    ).toContainEqual({
      metric: 'detainees_held',
      value: 2000,
      bound: 'approx',
      facility: 'Ghwayran',
    });
  });

  it('gives no figure for people who hold passports', () => {
    expectNoFigure('About 350 of the detainees are believed to hold European passports, a security source said.', '350');
  });

  it("gives no figure for another country's IS prisoners", () => {
    expectNoFigure('In Nigeria, authorities said 3,000 suspected ISWAP members were being held in Maiduguri.', '3,000');
  });
});

describe('tildes, former residents and years before people', () => {
  it('reads a tilde as approximate', () => {
    expect(figuresIn('"JUST IN: Al-Hol camp now under army control. ~24k residents," the post said.')).toEqual([
      { metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol' },
    ]);
  });

  it('gives no figure for former residents', () => {
    expectNoFigure('Interviews were conducted with 42 former residents of al-Hol camp last year.', '42');
  });

  it('reads a year after "since" as a year even when people follow it', () => {
    expectNoFigure('Paris has repatriated in several waves since 2019 women and children from the camps.', '2019');
  });
});

describe('the approximation sign', () => {
  it('reads "n≈610" as approximate', () => {
    expect(figuresIn('Of those recaptured (n≈610 as of 10 February), most were caught near Hasakah.')).toContainEqual(
      expect.objectContaining({ metric: 'recaptured', value: 610, bound: 'approx' }),
    );
  });
});

describe('custody that follows a transfer', () => {
  it('reads suspects in custody after transfers from Syria as moved', () => {
    expect(figuresIn("Iraq's NSS: 2,650 IS suspects in custody after transfers from Syria")).toEqual([
      { metric: 'detainees_transferred', value: 2650, bound: 'exact' },
    ]);
  });
});
