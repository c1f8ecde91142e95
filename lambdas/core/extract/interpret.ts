import type { Bound } from './figure.js';
import {
  BATCH_OF_PLAN,
  boundOf,
  ACTION_NOUN_OF,
  AGE_AFTER,
  AGE_BEFORE,
  APPOSITION_BEFORE,
  AUX_BEFORE,
  CAPACITY,
  CLOCK_AFTER,
  CLAIM_BEFORE,
  CLOCK_BEFORE,
  COUNTER_CLAIM,
  DENIAL_AFTER,
  DESIGNED_FOR_BEFORE,
  DISMISSAL,
  EMBEDDED_PLAN,
  EARLIER_VALUE_BEFORE,
  EPISTEMIC_PAST,
  FACILITY_PART,
  GROUP_SIZE_BEFORE,
  HISTORY,
  INCREMENT_AFTER,
  INCREMENT_BEFORE,
  INCREMENT_WINDOW,
  LEAD_IN,
  MODAL,
  MODAL_AFTER_SUBJECT,
  NEGATED_ACTION,
  OF_ITS_NATIONALS,
  OF_THEM,
  ORIGIN_AFTER,
  OTHER_NAMED_CAMP,
  ORIGIN_BEFORE,
  OWN_PRISONS,
  PARTICIPLE,
  PART_OF_THEM_BEFORE,
  PLAN_BEFORE,
  PROCESS_OF_BEFORE,
  QUOTE_MARKS,
  QUESTION_BEFORE,
  RATIO_AFTER,
  ROOM_FOR,
  RATIO_BEFORE,
  RATE_AFTER,
  RELATIVE,
  SINCE_YEAR,
  SOURCE_AFTER,
  SUBGROUP_AFTER,
  SUBGROUP_BEFORE,
  SUBGROUP_SUBJECT,
  SUBJECT_VERB,
  TOTAL,
} from './english.js';
import type { MetricRole } from '../topic/topic.js';
import type { Lexicon } from './lexicon.js';
import { readCountedNoun, type CountedNoun } from './noun-phrase.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { clauseAround, OTHER_EVENT_METRIC, type CueHit, type SentenceContext } from './sentence-context.js';

/** What one number in a sentence means: a figure's fields, or the reason it is none. */
export type Reading =
  | { figure: { metric: string; value: number; bound: Bound; facility?: string; increment?: boolean; as_of?: string } }
  | { dropped: string };

export const NO_ACTION = 'no tracked action (moved, held, escaped...) in its sentence';

/** Above this a "count of people" is a misread, whatever the words say. */
export const MAX_PEOPLE = 10_000_000;

const LABEL_BEFORE = /\b(?:resolution|article|no\.?|brigade|division|route|highway|unit|flight|page|section|block|wing|room|phase|sector|paragraph|chapter|law|decree|hall|building|gate|code|item|kilometre|km|mile)\s*$/;
const MONTH_NAME = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_BEFORE = new RegExp(`\\b${MONTH_NAME}\\s+$`);
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b`);
const STOCK_ROLES = new Set<MetricRole | undefined>(['held', 'population']);
/** Who a subgroup noun may name in full: people sent home by nationality, escapees caught again. */
const WHOLE_BY_NATURE = new Set<MetricRole | undefined>(['recaptured', 'moved', 'planned']);
const CAMP_WORD = /\bcamps?\b/;
const TRANSFER_LIKE_PEOPLE = /^(?:fighters|militants|detainees|prisoners|suspects|members|jihadists|operatives|extremists|terrorists|inmates|implicit)$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATED = new RegExp(`\\b(?:(${MONTHS.join('|')})\\s+)?((?:19|20)\\d\\d)\\b`, 'g');

const UNIT_REASON: Record<string, string> = {
  percent: 'a percentage',
  money: 'an amount of money',
  distance: 'a distance',
  duration_hyphen: 'a duration or an age',
};

function isDate(context: SentenceContext, mention: NumberMention): boolean {
  return (
    DATE_BEFORE.test(context.text.slice(Math.max(0, mention.start - 12), mention.start)) ||
    DATE_AFTER.test(context.text.slice(mention.end, mention.end + 16))
  );
}

function droppedFor(context: SentenceContext, mention: NumberMention, before: string, noun: CountedNoun, lexicon: Lexicon): string | undefined {
  if (mention.vague || mention.value === null) return 'a vague amount, not a figure';
  if (mention.unit) return UNIT_REASON[mention.unit] ?? `a ${mention.unit}`;
  if (mention.year && noun.kind !== 'people') return 'a year';
  if (isDate(context, mention)) return 'a date';
  if (CLOCK_BEFORE.test(before) || CLOCK_AFTER.test(context.lower.slice(mention.end, mention.end + 6))) return 'a time of day';
  if (noun.kind !== 'implicit' && SOURCE_AFTER.test(context.lower.slice(noun.end, noun.end + 20))) return 'counts the sources of a report';
  if (!Number.isInteger(mention.value) || mention.value < 1) return 'not a whole count';
  if (mention.value > MAX_PEOPLE) return `over ${MAX_PEOPLE.toLocaleString('en')}: not a count of people`;
  if (LABEL_BEFORE.test(before)) return 'a label or reference number, not a count';
  if (noun.kind === 'excluded') return `counts ${noun.word}, not tracked people`;
  if (mention.form === 'words' && mention.value === 1) return '"one" is a pronoun here, not a count';
  if (RATIO_BEFORE.test(before) || RATIO_AFTER.test(context.lower.slice(mention.end, mention.end + 12))) return 'part of a ratio';
  if (noun.kind === 'implicit' && (AGE_BEFORE.test(before) || AGE_AFTER.test(context.lower.slice(mention.end, mention.end + 20)))) return 'an age';
  if (NAME_AGE_BEFORE.test(context.text.slice(Math.max(0, mention.start - 30), mention.start)) && /^\s*,/.test(context.text.slice(mention.end))) return 'an age';
  if (GROUP_SIZE_BEFORE.test(before)) return 'the size of each group, not a total';
  if (RATE_AFTER.test(context.lower.slice(noun.end, noun.end + 20))) return 'a rate, not a total';
  const apposition = APPOSITION_BEFORE.exec(before);
  if (apposition && lexicon.nounClass.get(apposition[1]!) === 'excluded') return `describes ${apposition[1]}, not tracked people`;
  if (noun.kind === 'other') return `counts "${noun.word}", not people`;
  if (SUBGROUP_BEFORE.test(before)) return 'part of a larger figure (a subgroup)';
  return undefined;
}

/** Nothing but bound words between a verb and its number: "holds roughly 4,500". */
const DIRECT_OBJECT_GAP = /^[^,;:.]{0,24}$/;
/** "Aigerim, 29, held her daughter": a number between commas after a name is an age. */
const NAME_AGE_BEFORE = /\b[A-Z][a-z]+,\s*$/;
const BY_AGENT = /^\s+by\b/;
/** "US to ship 7,000", "agreed to take 7,000": an action in the infinitive is intended, not done. */
const INFINITIVE_BEFORE = /\bto\s+$/;
/** "81 of the 1,500 who escaped had been recaptured": the verb of 81 is the finite one. */
const PARTITIVE_OF = /^\s+of the\b/;

/**
 * The cue that tells what happened to the number's people, looked for in its own clause first.
 * A verb right before the number takes it as its object ("recaptured 81 of the men who fled");
 * a subject ("400 have been recaptured") takes the action after it, preferring a finite verb
 * ("have been transported") to a participle that only describes the people ("once held at").
 * Noun cues count only where no action word does.
 */
function chooseCue(context: SentenceContext, clause: [number, number], mention: NumberMention, noun: CountedNoun): CueHit | undefined {
  const afterNoun = context.lower.slice(noun.end, noun.end + 40);
  const pick = (hits: CueHit[]): CueHit | undefined => {
    const after = hits.filter((hit) => hit.start >= mention.end);
    const nearestBefore = hits.filter((hit) => hit.end <= mention.start).at(-1);
    if (nearestBefore && DIRECT_OBJECT_GAP.test(context.lower.slice(nearestBefore.end, mention.start))) return nearestBefore;
    const verbNext = after[0] && after[0].start - noun.end <= 12 && !BY_AGENT.test(context.lower.slice(after[0].end));
    const isSubject = SUBJECT_VERB.test(afterNoun) || verbNext;
    if (!isSubject && nearestBefore) return nearestBefore;
    const first = after[0];
    const describesPeople =
      first && verbNext && !RELATIVE.test(afterNoun) && PARTICIPLE.test(context.lower.slice(first.start, first.end).split(/\s/)[0] ?? '');
    const partOfAnotherSet = first && PARTITIVE_OF.test(context.lower.slice(mention.end, mention.end + 10));
    const finite = describesPeople || partOfAnotherSet
      ? after.slice(1).find((hit) => AUX_BEFORE.test(context.lower.slice(Math.max(noun.end, hit.start - 24), hit.start)))
      : undefined;
    return finite ?? first ?? nearestBefore;
  };
  const inClause = context.cues.filter((hit) => hit.start >= clause[0] && hit.end <= clause[1]);
  const outsideNoun = (hit: CueHit) => hit.start < mention.start || hit.start >= noun.end;
  return (
    pick(inClause.filter((hit) => !hit.weak && outsideNoun(hit))) ??
    pick(inClause.filter((hit) => hit.weak || !outsideNoun(hit))) ??
    pick(context.cues.filter((hit) => !hit.weak && outsideNoun(hit))) ??
    pick(context.cues)
  );
}

/** A denial covers the claim it introduces, up to where the speaker gives their own figure. */
function isDenied(context: SentenceContext, clause: [number, number], mention: NumberMention): boolean {
  const denialEnd = context.denialEnds.filter((end) => end <= mention.start).at(-1);
  if (denialEnd !== undefined && !COUNTER_CLAIM.test(context.lower.slice(denialEnd, mention.start))) return true;
  return DENIAL_AFTER.test(context.lower.slice(mention.end, clause[1]));
}

/** The words that carry the verb's mood: between subject and verb, or before verb and object. */
function verbWindow(context: SentenceContext, clause: [number, number], mention: NumberMention, cue: CueHit, noun: CountedNoun): string {
  const window =
    cue.start > mention.start
      ? context.lower.slice(mention.end, cue.end)
      : context.lower.slice(Math.max(clause[0], cue.start - 45), mention.start) +
        (ACTION_NOUN_OF.test(context.lower.slice(cue.start)) ? context.lower.slice(noun.end, Math.min(clause[1], noun.end + 40)) : '');
  return window.replace(EPISTEMIC_PAST, ' ').replace(EMBEDDED_PLAN, ' ');
}

function isPlanned(context: SentenceContext, clause: [number, number], mention: NumberMention, cue: CueHit, noun: CountedNoun, before: string): boolean {
  if (BATCH_OF_PLAN.test(before) || PLAN_BEFORE.test(before)) return true;
  if (cue.end <= mention.start && MODAL_AFTER_SUBJECT.test(context.lower.slice(noun.end, noun.end + 30))) return true;
  if (cue.end <= mention.start && INFINITIVE_BEFORE.test(context.lower.slice(Math.max(0, cue.start - 4), cue.start))) return true;
  return MODAL.test(verbWindow(context, clause, mention, cue, noun));
}

/** "2,600 residents are in Roj": a place right after the number's phrase is its place. */
const FACILITY_RIGHT_AFTER = /^[^,;]{0,30}\b(?:in|at|from|inside)\s+(?:the\s+)?$/;
const FACILITY_LIST = /^\s*(?:,|and|or|&)\s*(?:the\s+)?$/;

/**
 * The facility named in the number's clause. With several there, a place right after the
 * number's phrase, else the last one named before the number ("Al-Hol holds 24,000 and Roj
 * about 2,600"), unless facilities are listed together ("al-Hol and Roj together hold 27,000"),
 * which leaves the figure to no single one.
 */
function facilityInClause(context: SentenceContext, clause: [number, number], mention: NumberMention): string | undefined {
  const inClause = context.facilities.filter(
    (hit) => hit.start >= clause[0] && hit.end <= clause[1] && !PART_OF_THEM_BEFORE.test(context.lower.slice(Math.max(clause[0], hit.start - 40), hit.start)),
  );
  const distinct = new Set(inClause.map((hit) => hit.facility.name));
  if (distinct.size <= 1) return [...distinct][0];
  const rightIndex = inClause.findIndex((hit) => hit.start >= mention.end && FACILITY_RIGHT_AFTER.test(context.lower.slice(mention.end, hit.start)));
  const right = inClause[rightIndex];
  if (right) {
    const next = inClause[rightIndex + 1];
    return next && FACILITY_LIST.test(context.lower.slice(right.end, next.start)) ? undefined : right.facility.name;
  }
  const before = inClause.filter((hit) => hit.end <= mention.start);
  const last = before.at(-1);
  const previous = before.at(-2);
  const listed = previous && last && FACILITY_LIST.test(context.lower.slice(previous.end, last.start));
  return last && !listed ? last.facility.name : undefined;
}

/** A camp named anywhere in the sentence is the camp a population figure is about. */
function onlyCampNamed(context: SentenceContext): string | undefined {
  const camps = new Set(context.facilities.filter((hit) => hit.facility.kind === 'camp').map((hit) => hit.facility.name));
  return camps.size === 1 ? [...camps][0] : undefined;
}

function datedTo(clauseText: string, ownNumber: string, published: string | undefined): string | undefined {
  const history = HISTORY.exec(clauseText);
  if (!history || SINCE_YEAR.test(clauseText)) return undefined;
  const reference = published?.slice(0, 7);
  for (const match of clauseText.matchAll(DATED)) {
    if (match[2] === ownNumber) continue;
    const month = match[1] ? MONTHS.indexOf(match[1]) + 1 : 0;
    const date = month ? `${match[2]}-${String(month).padStart(2, '0')}` : match[2]!;
    if (reference && date >= reference.slice(0, date.length)) continue;
    return date;
  }
  return /\d{4}/.test(history[0]) ? undefined : 'earlier';
}

/**
 * The role the number's figure plays, from its cue's role and where it is: custody in a camp is
 * the camp's population, a population in a prison is custody, people "received" from a camp are
 * returned home, and a return along the topic's route of fighters is a move.
 */
function roleFor(context: SentenceContext, mention: NumberMention, cueRole: MetricRole | undefined, noun: CountedNoun, facility: string | undefined, lexicon: Lexicon): MetricRole | undefined {
  const facilityKind = lexicon.topic.facilities.find((known) => known.name === facility)?.kind;
  const kindsNamed = new Set(context.facilities.map((hit) => hit.facility.kind));
  const nearby = context.lower.slice(Math.max(0, mention.start - 60), mention.end + 40);
  const inCamp =
    facilityKind === 'camp' ||
    (facilityKind === undefined && (CAMP_WORD.test(nearby) || (kindsNamed.has('camp') && !kindsNamed.has('prison'))));
  const onRoute = lexicon.route !== undefined && lexicon.route.from.test(context.lower) && lexicon.route.to.test(context.lower);
  switch (cueRole) {
    case 'held':
      return inCamp ? 'population' : 'held';
    case 'population':
      return facilityKind === 'prison' ? 'held' : 'population';
    case 'returned':
      return onRoute && !inCamp && TRANSFER_LIKE_PEOPLE.test(noun.word || 'implicit') ? 'moved' : 'returned';
    case 'moved':
      return facilityKind === 'camp' ? 'returned' : 'moved';
    default:
      return cueRole;
  }
}

const PREDICATE = /^\s+(?:were|are|was|is)\s+/;
/** What may follow "N were" without saying what kind of people they are. */
const NOT_A_CLASS = /^(?:[a-z]+ed|[a-z]+ing|being|been|still|now|already|due|to|in|at|inside|behind|under|held|kept|sent|taken|flown|brought|thought|said|believed|reported|expected|set|about|also|then|later|not|never|back|on|out|free|missing)\b/;

/**
 * Whether the number counts only part of a figure: the Iraqis among the transferred, the women
 * among the escapees. Who is repatriated is often named by nationality, and the recaptured are
 * by nature "81 of the escapees", so those keep such nouns.
 */
function subgroupReason(context: SentenceContext, clause: [number, number], mention: NumberMention, noun: CountedNoun, role: MetricRole | undefined, after: string, lexicon: Lexicon): string | undefined {
  if (role === 'origins') return undefined;
  if (noun.kind === 'subgroup' && role !== 'returned') return `counts ${noun.word}: a subgroup, not a total`;
  const predicate = noun.kind === 'implicit' ? PREDICATE.exec(context.text.slice(noun.end, noun.end + 80)) : null;
  if (predicate && !NOT_A_CLASS.test(context.lower.slice(noun.end + predicate[0].length, noun.end + predicate[0].length + 20))) {
    return 'says what kind of people part of a larger figure are (a subgroup)';
  }
  if (SUBGROUP_SUBJECT.test(context.lower.slice(clause[0], mention.start))) {
    return 'counts a named part of a larger figure (a subgroup)';
  }
  if (STOCK_ROLES.has(role) && OF_ITS_NATIONALS.test(after)) return "counts one state's nationals: a subgroup, not a total";
  const ofThem = OF_THEM.exec(after);
  if (ofThem && readCountedNoun(context.text, mention.end + ofThem[0].length, lexicon).kind === 'subgroup') {
    return 'says what kind of people part of a larger figure are (a subgroup)';
  }
  if (!WHOLE_BY_NATURE.has(role) && SUBGROUP_AFTER.test(after)) {
    return 'part of a larger figure (a subgroup)';
  }
  return undefined;
}

/** "1,400 guards, down from some 3,000": an earlier value counts what the value before it counts. */
function earlierValueReason(context: SentenceContext, mention: NumberMention, noun: CountedNoun, before: string, lexicon: Lexicon): string | undefined {
  if (noun.kind !== 'implicit' || !EARLIER_VALUE_BEFORE.test(before)) return undefined;
  const previous = findNumbers(context.text.slice(0, mention.start)).at(-1);
  if (!previous) return undefined;
  const counted = readCountedNoun(context.text, previous.end, lexicon);
  return counted.kind === 'excluded' || counted.kind === 'other' ? `an earlier value of a count of ${counted.word}` : undefined;
}

export interface ReadInput {
  context: SentenceContext;
  mention: NumberMention;
  lexicon: Lexicon;
  published?: string;
}

export function readNumber({ context, mention, lexicon, published }: ReadInput): Reading {
  const before = context.lower.slice(Math.max(0, mention.start - 80), mention.start);
  const after = context.lower.slice(mention.end, mention.end + 80);
  const noun = readCountedNoun(context.text, mention.end, lexicon);
  const reason = droppedFor(context, mention, before, noun, lexicon) ?? earlierValueReason(context, mention, noun, before, lexicon);
  if (reason) return { dropped: reason };
  const value = mention.value as number;
  const clause = clauseAround(context, mention.start);
  const clauseText = context.lower.slice(clause[0], clause[1]);
  if (isDenied(context, clause, mention)) return { dropped: 'the sentence denies or disputes it' };
  if (CLAIM_BEFORE.test(before) && DISMISSAL.test(context.lower)) return { dropped: 'a claim the sentence dismisses' };
  if (PROCESS_OF_BEFORE.test(before)) return { dropped: 'counts people in a later process (questioning, trial), not a total' };
  if (QUESTION_BEFORE.test(context.lower.slice(clause[0], mention.start))) return { dropped: 'asked about, not reported' };
  if (OWN_PRISONS.test(clauseText)) return { dropped: "counts another state's own prisoners" };
  if (DESIGNED_FOR_BEFORE.test(before)) return { dropped: 'the size a place was built for, not a count' };

  let role: MetricRole | undefined;
  let cue: CueHit | undefined;
  if (noun.kind === 'countries') {
    if (!context.aboutPeople) return { dropped: 'counts countries, but not of detainees' };
    if (noun.word !== 'nationalities' && !ORIGIN_BEFORE.test(before) && !ORIGIN_AFTER.test(context.lower.slice(noun.end, noun.end + 40))) return { dropped: 'counts countries that act, not where detainees come from' };
    role = 'origins';
  } else {
    cue = chooseCue(context, clause, mention, noun);
    if (!cue) return { dropped: NO_ACTION };
    if (cue.metric === OTHER_EVENT_METRIC) return { dropped: `counts people in another event ("${context.text.slice(cue.start, cue.end)}")` };
    const between = cue.start > mention.end ? context.lower.slice(noun.end, cue.start) : context.lower.slice(Math.max(clause[0], cue.start - 30), cue.start);
    if (NEGATED_ACTION.test(between)) return { dropped: 'the action is negated' };
  }

  const unquoted = before.replace(QUOTE_MARKS, '');
  const trimmed = unquoted.replace(LEAD_IN, '');
  let bound = boundOf(unquoted, after, mention.range !== undefined);
  if (bound === 'exact' && trimmed !== unquoted) bound = boundOf(trimmed, after, mention.range !== undefined);
  const placeInClause = facilityInClause(context, clause, mention);
  if (cue) role = roleFor(context, mention, lexicon.roleOf.get(cue.metric), noun, placeInClause, lexicon);
  if (cue && PLAN_BEFORE.test(before) && context.cues.some((hit) => lexicon.roleOf.get(hit.metric) === 'moved')) role = 'planned';
  if (cue) {
    const mood = verbWindow(context, clause, mention, cue, noun);
    if ((STOCK_ROLES.has(role) && CAPACITY.test(mood)) || (role === 'moved' && ROOM_FOR.test(mood))) return { dropped: 'a capacity, not a count' };
  }
  if (role === 'moved' && cue && isPlanned(context, clause, mention, cue, noun, before)) role = 'planned';
  if (cue && role !== 'planned' && role !== 'origins') {
    const mood = verbWindow(context, clause, mention, cue, noun);
    if (MODAL.test(mood)) return { dropped: 'a possibility or a plan, not a count' };
    if (STOCK_ROLES.has(role) && FACILITY_PART.test(context.lower.slice(clause[0], mention.start))) {
      return { dropped: 'counts one part of a facility (a subgroup)' };
    }
  }
  const subgroup = subgroupReason(context, clause, mention, noun, role, after, lexicon);
  if (subgroup) return { dropped: subgroup };
  const metric = (role && lexicon.metricOfRole[role]) ?? cue?.metric;
  if (!metric) return { dropped: `the topic tracks no ${role} figure` };
  const facility = placeInClause ?? (role === 'population' ? onlyCampNamed(context) : undefined);
  if (role === 'population' && !facility && OTHER_NAMED_CAMP.test(context.text.slice(clause[0], clause[1]))) {
    return { dropped: 'a camp the topic does not follow' };
  }
  if (cue && (cue.end <= clause[0] || cue.start >= clause[1]) && OWN_PRISONS.test(context.lower)) {
    return { dropped: "counts another state's own prisoners" };
  }

  const figure: Extract<Reading, { figure: unknown }>['figure'] = { metric, value, bound };
  if (facility) figure.facility = facility;
  const kind = lexicon.kindOf.get(metric);
  if (kind === 'cumulative' && !TOTAL.test(clauseText.slice(0, mention.start - clause[0]))) {
    if (INCREMENT_BEFORE.test(before) || INCREMENT_AFTER.test(after) || INCREMENT_WINDOW.test(clauseText)) figure.increment = true;
  }
  if (kind !== 'target') {
    const asOf = datedTo(clauseText, mention.text, published);
    if (asOf) figure.as_of = asOf;
  }
  return { figure };
}
