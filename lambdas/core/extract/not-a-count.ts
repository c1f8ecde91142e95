import {
  AGE_AFTER,
  AGE_BEFORE,
  AGE_LIMIT_BEFORE,
  APPOSITION_BEFORE,
  CHANGE_BY_BEFORE,
  CLOCK_AFTER,
  CLOCK_BEFORE,
  COST_OF_BEFORE,
  EARLIER_VALUE_BEFORE,
  GROUP_SIZE_BEFORE,
  NUMBER_OF_BEFORE,
  ONE_OF_BEFORE,
  RATE_AFTER,
  RATIO_AFTER,
  RATIO_BEFORE,
  SOURCE_AFTER,
  SOURCE_BEFORE,
  STATE_AFTER,
  SUBGROUP_BEFORE,
} from './english.js';
import type { Lexicon } from './lexicon.js';
import { readCountedNoun, type CountedNoun } from './noun-phrase.js';
import { findNumbers, type NumberMention } from './numbers.js';
import type { SentenceContext } from './sentence-context.js';

/** Above this a "count of people" is a misread, whatever the words say. */
export const MAX_PEOPLE = 10_000_000;

const LABEL_BEFORE =
  /\b(?:episode|ep\.?|table|chart|annex|appendix|graph|issue|volume|season|resolution|article|no\.?|brigade|division|route|highway|unit|flight|page|section|block|wing|room|phase|sector|paragraph|chapter|law|decree|hall|building|gate|code|item|kilometre|km|mile)(?![a-z])\s*(?:[a-z]{1,3}[\s-]*)?$/;
const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_BEFORE = new RegExp(`\\b${MONTH_NAME}\\s+$`);
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b`);
const UNIT_REASON: Record<string, string> = {
  percent: 'a percentage',
  money: 'an amount of money',
  distance: 'a distance',
  duration_hyphen: 'a duration or an age',
};

/** "The total is now 5,700": what a count "is" or "was" is a count, not an age. */
const COUNT_IS_BEFORE = /\b(?:total|tally|number|figure|count|toll|population|headcount)\b[^,;]{0,60}\b(?:is|was|were|are|now)\s+$/;

/** "repatriated since 2019 women and children": after these a year stays a year, whatever noun follows. */
const YEAR_PREPOSITION_BEFORE = /\b(?:since|in|from|until|till|by|before|after|during)\s+$/;

/** "Aigerim, 29, held her daughter": a number between commas after a name is an age. */
const NAME_AGE_BEFORE = /\b[A-Z][a-z]+,\s*$/;
/** "The guard, 26, says": the same between commas after a person named by a noun, if the number can be an age. */
const THE_PERSON_BEFORE = /\b(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir) [a-z]+,\s*$/;
const MAX_AGE = 110;
function isDate(context: SentenceContext, mention: NumberMention): boolean {
  return (
    DATE_BEFORE.test(context.text.slice(Math.max(0, mention.start - 12), mention.start)) ||
    DATE_AFTER.test(context.text.slice(mention.end, mention.end + 16))
  );
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/**
 * Why a number is no count of people, read from the number alone: the pipeline asks this before it
 * pays for reading the sentence around it.
 */
export function numberOnlyReason(mention: NumberMention): string | undefined {
  if (mention.vague || mention.value === null) return 'a vague amount, not a figure';
  if (mention.unit) return UNIT_REASON[mention.unit] ?? `a ${mention.unit}`;
  if (!Number.isInteger(mention.value) || mention.value < 1) return 'not a whole count';
  if (mention.value > MAX_PEOPLE) return `over ${MAX_PEOPLE.toLocaleString('en')}: not a count of people`;
  if (mention.value === 1)
    return mention.form === 'words' ? '"one" is a pronoun here, not a count' : "a single person or a name's number, not a figure";
  return undefined;
}

/** Why a number is no count of tracked people at all, whatever its sentence reports. */
export function droppedFor(
  context: SentenceContext,
  mention: NumberMention,
  before: string,
  noun: CountedNoun,
  lexicon: Lexicon,
): string | undefined {
  const numberOnly = numberOnlyReason(mention);
  if (numberOnly) return numberOnly;
  if (mention.year && (noun.kind !== 'people' || YEAR_PREPOSITION_BEFORE.test(before))) return 'a year';
  if (noun.kind === 'people' && /\bformer\b/.test(context.lower.slice(mention.end, noun.end)))
    return 'counts former members, not the people there now';
  if (mention.range && isYear(mention.range.low) && isYear(mention.range.high)) return 'a span of years';
  if (isDate(context, mention)) return 'a date';
  if (CLOCK_BEFORE.test(before) || CLOCK_AFTER.test(context.lower.slice(mention.end, mention.end + 6))) return 'a time of day';
  if (noun.kind === 'people' && SOURCE_AFTER.test(context.lower.slice(noun.end, noun.end + 20))) return 'counts the sources of a report';
  if (LABEL_BEFORE.test(before)) return 'a label or reference number, not a count';
  if (noun.kind === 'excluded') return `counts ${noun.word}, not tracked people`;
  if (RATIO_BEFORE.test(before) || RATIO_AFTER.test(context.lower.slice(mention.end, mention.end + 12))) return 'part of a ratio';
  if (
    noun.kind === 'implicit' &&
    ((AGE_BEFORE.test(before) && !COUNT_IS_BEFORE.test(before)) || AGE_AFTER.test(context.lower.slice(mention.end, mention.end + 20)))
  )
    return 'an age';
  const between = context.text.slice(Math.max(0, mention.start - 30), mention.start);
  const possibleAge = (mention.value as number) <= MAX_AGE && THE_PERSON_BEFORE.test(between);
  if ((NAME_AGE_BEFORE.test(between) || possibleAge) && /^\s*,/.test(context.text.slice(mention.end))) return 'an age';
  if (ONE_OF_BEFORE.test(before) && noun.kind !== 'people') return 'counts the things the subject is one of';
  if (/\[$/.test(before) && context.text[mention.end] === ']') return 'a footnote mark';
  if (AGE_LIMIT_BEFORE.test(before)) return 'an age';
  if (noun.kind !== 'implicit' && STATE_AFTER.test(context.lower.slice(noun.end, noun.end + 20)))
    return 'describes a state the people are in';
  if (/^-(?!plus\b|odd\b)[a-z]/i.test(context.text.slice(mention.end, mention.end + 6)) && !mention.unit)
    return 'part of a compound word ("30-bed")';
  const counted = NUMBER_OF_BEFORE.exec(before)?.[1];
  // The first noun after "the number of" says what is counted: "US troops", not "prisons" further on.
  const countedClass = counted
    ?.split(/\s+/)
    .map((word) => lexicon.nounClass.get(word))
    .find((kind) => kind !== undefined);
  if (countedClass === 'excluded') return `counts ${counted}, not tracked people`;
  if (SOURCE_BEFORE.test(before)) return 'counts the sources of a report';
  if (COST_OF_BEFORE.test(before)) return 'a cost in lives, not people held';
  if (GROUP_SIZE_BEFORE.test(before)) return 'the size of each group, not a total';
  if (CHANGE_BY_BEFORE.test(before)) return 'a change, not a level';
  if (RATE_AFTER.test(context.lower.slice(noun.end, noun.end + 20))) return 'a rate, not a total';
  const apposition = APPOSITION_BEFORE.exec(before);
  if (apposition && lexicon.nounClass.get(apposition[1]!) === 'excluded' && /^\s*,/.test(context.lower.slice(noun.end)))
    return `describes ${apposition[1]}, not tracked people`;
  if (noun.kind === 'other') return `counts "${noun.word}", not people`;
  if (SUBGROUP_BEFORE.test(before)) return 'part of a larger figure (a subgroup)';
  return undefined;
}

/** "1,400 guards, down from some 3,000": an earlier value counts what the value before it counts. */
export function earlierValueReason(
  context: SentenceContext,
  mention: NumberMention,
  noun: CountedNoun,
  before: string,
  lexicon: Lexicon,
): string | undefined {
  if (noun.kind !== 'implicit' || !EARLIER_VALUE_BEFORE.test(before)) return undefined;
  const previous = findNumbers(context.text.slice(0, mention.start)).at(-1);
  if (!previous) return undefined;
  const counted = readCountedNoun(context.text, previous.end, lexicon);
  return counted.kind === 'excluded' || counted.kind === 'other' ? `an earlier value of a count of ${counted.word}` : undefined;
}
