import type { MetricRole } from '../topic/topic.js';
import type { Bound } from './figure.js';
import {
  BACK_TO_CUSTODY,
  CAPACITY,
  CLAIM_BEFORE,
  COMPARISON_BEFORE,
  DESIGNED_FOR_BEFORE,
  DISMISSAL,
  FACILITY_PART,
  INCREMENT_AFTER,
  INCREMENT_BEFORE,
  INCREMENT_WINDOW,
  IN_FACILITY_PART,
  LAWFUL_RELEASE,
  LEAD_IN,
  LEVEL_VERB,
  MODAL,
  MOVE_WITHIN,
  NEGATED_ACTION,
  ORIGIN_AFTER,
  ORIGIN_BEFORE,
  DISPLACEMENT_CAMP,
  OTHER_NAMED_CAMP,
  OWN_NATIONALS_AFTER,
  OWN_PRISONS,
  PLAN_BEFORE,
  PLAN_NOUN_AFTER,
  PROCESS_OF_BEFORE,
  QUESTION_BEFORE,
  QUOTE_MARKS,
  ROOM_FOR,
  TOTAL,
  UNTRACKED_VERB_AFTER,
  boundOf,
} from './english.js';

import type { Lexicon } from './lexicon.js';
import { readCountedNoun, type CountedNoun } from './noun-phrase.js';
import type { NumberMention } from './numbers.js';
import { chooseCue } from './cue-choice.js';
import { facilityInClause, onlyNamed } from './facility-choice.js';
import { datedTo } from './history.js';
import { isDenied, isPlanned, verbWindow } from './mood.js';
import { droppedFor, earlierValueReason } from './not-a-count.js';
import { STOCK_ROLES, subgroupReason } from './subgroup.js';
import { clauseAround, OTHER_EVENT_METRIC, type CueHit, type SentenceContext } from './sentence-context.js';

/** What one number in a sentence means: a figure's fields, or the reason it is none. */
export type Reading =
  { figure: { metric: string; value: number; bound: Bound; facility?: string; increment?: boolean; as_of?: string } } | { dropped: string };

export const NO_ACTION = 'no tracked action (moved, held, escaped...) in its sentence';

/** "The camp, including the annex, holds 24,000": the part is inside the whole that is counted. */
const INCLUDING_PART = /\bincluding\b[^,;]*\b(?:annexe?s?|sections?|wings?|blocks?|sectors?|wards?)\b/;
const CAMP_WORD = /\bcamps?\b/;
const PRISON_PRONOUN_BEFORE =
  /\b(?:it|the prison|the facility|the jail) (?:now |still |currently )?(?:holds?|held|houses?|housed)\s+(?:(?:some|about|around|roughly|nearly|almost|more than|over|fewer than|just)\s+)?$/;
/** "350 are believed to hold European passports": holding things is no custody. */
const HOLDS_THINGS_AFTER =
  /^\s+(?:[a-z-]+\s+){0,2}?(?:passports?|citizenship|nationalit(?:y|ies)|documents|papers|views|beliefs|positions|posts|office|talks|meetings|elections|rallies)\b/;
/** "Iraqi prisons already held 48,000 before the first detainees arrived": a stock older than the moves. */
const STOCK_BEFORE_MOVES =
  /\balready (?:held|hold|holds|had|housed)\b|\bbefore the\b[^,;.]{0,50}\b(?:arrivals?|arrived|transfers? began)\b/;
const AFTER_TRANSFER_FROM = /\b(?:after|following) (?:their |the )?(?:transfers?|relocation|move) from syria\b/;
const MOVED_HERE_AFTER =
  /^\s*(?:who (?:were|have been|had been) )?(?:transferred|moved|brought|flown|relocated|handed over)\s+(?:from syria|to iraq|into iraq)\b/;
const HOME_AFTER = /^[^,;.]{0,30}?\bhome\b/;
/** "Countries of origin: more than 60": a fact box's label names what the number counts. */
const ORIGIN_LABEL_BEFORE =
  /\b(?:countries of origin|nationalities|countries represented)(?: [a-z]+){0,3}\s*:\s*(?:(?:more than|over|at least|about|around|some|nearly|roughly|up to|almost|approx\.?)\s+)?$/;
const YES_NO_QUESTION = /^\W*(?:[a-z][\w ]{0,20}:\s*)?(?:did|do|does|is|are|was|were|has|have|had|will|would|could|can|should)\b/;
const CAMP_LEVEL_BEFORE =
  /\b(?:population|numbers|headcount|census|(?:the )?number(?: of (?:people|residents|inhabitants|internees))?|unchanged|steady|stable)\b[^,;]{0,40}?\b(?:is|are|was|were|stands?|stood|remains?|remained|steady|stable|unchanged|fallen|fell|dropped|dipped|declined|rose|risen|grown|grew|climbed|reached|hit|totals?|totalled|at|to|below|above|under)\s+(?:(?:some|about|around|roughly|nearly|almost|approximately|just over|just under|more than|fewer than|less than|an estimated|approx\.?)\s+)?$/;
const TRANSFER_LIKE_PEOPLE =
  /^(?:fighters|militants|detainees|prisoners|suspects|members|jihadists|operatives|extremists|terrorists|inmates|implicit)$/;

/**
 * The role the number's figure plays, from its cue's role and where it is: custody in a camp is
 * the camp's population, a population in a prison is custody, people "received" from a camp are
 * returned home, and a return along the topic's route of fighters is a move.
 */
function roleFor(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  cueRole: MetricRole | undefined,
  noun: CountedNoun,
  facility: string | undefined,
  lexicon: Lexicon,
): MetricRole | undefined {
  const facilityKind = lexicon.topic.facilities.find((known) => known.name === facility)?.kind;
  const kindsNamed = new Set(context.facilities.map((hit) => hit.facility.kind));
  const nearby = context.lower.slice(Math.max(0, mention.start - 60), mention.end + 40);
  const inCamp =
    facilityKind === 'camp' ||
    (facilityKind === undefined && (CAMP_WORD.test(nearby) || (kindsNamed.has('camp') && !kindsNamed.has('prison'))));
  const onRoute = lexicon.route !== undefined && lexicon.route.from.test(context.lower) && lexicon.route.to.test(context.lower);
  // Where the people are held is said near them, not by "a diplomat in Baghdad" at the sentence's end.
  const clauseText = context.lower.slice(clause[0], clause[1]);
  const comma = context.lower.indexOf(',', noun.end);
  const place = context.lower.slice(clause[0], comma > 0 && comma < clause[1] ? comma : clause[1]);
  const heldElsewhere = lexicon.heldElsewhere?.test(place) ?? false;
  switch (cueRole) {
    case 'held':
      // Held at the route's end: the people moved, unless the stock was there before them.
      if (heldElsewhere) return onRoute && !STOCK_BEFORE_MOVES.test(context.lower) ? 'moved' : undefined;
      return inCamp ? 'population' : 'held';
    case 'population':
      if (heldElsewhere) return undefined;
      return facilityKind === 'prison' ? 'held' : 'population';
    case 'returned':
      if (BACK_TO_CUSTODY.test(clauseText)) return 'recaptured';
      return onRoute && !inCamp && TRANSFER_LIKE_PEOPLE.test(noun.word || 'implicit') ? 'moved' : 'returned';
    case 'moved':
      if (MOVE_WITHIN.test(clauseText) && !lexicon.route?.to.test(clauseText)) return undefined;
      if (lexicon.movedElsewhere?.test(clauseText) && !lexicon.route?.to.test(clauseText)) return undefined;
      if (OWN_NATIONALS_AFTER.test(context.lower.slice(mention.end, mention.end + 40))) return 'returned';
      return facilityKind === 'camp' ? 'returned' : 'moved';
    default:
      return cueRole;
  }
}

/** Only the noun names the people ("700 residents") while the verb after them is no cue ("have applied"). */
function untrackedAction(context: SentenceContext, mention: NumberMention, noun: CountedNoun, cue: CueHit, lexicon: Lexicon): boolean {
  if (!cue.weak || cue.start < mention.end || cue.end > noun.end) return false;
  const verb = UNTRACKED_VERB_AFTER.exec(context.lower.slice(noun.end, noun.end + 60))?.[1];
  return verb !== undefined && !lexicon.cueMetric.has(verb) && !LEVEL_VERB.test(verb);
}

/** Between subject and verb, or the words leading up to a verb that takes the number as object. */
function textBeforeAction(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  noun: CountedNoun,
  cue: CueHit,
): string {
  return cue.start > mention.end
    ? context.lower.slice(noun.end, cue.start)
    : context.lower.slice(Math.max(clause[0], cue.start - 30), cue.start);
}

/** "They came from at least 57 countries": people's origins even when the sentence does not name them. */
const CAME_FROM_BEFORE = /\b(?:come|comes|came|coming|hail|hails|hailed|hailing) from\s+(?:\S+\s+){0,3}$/;

/** "handing over 4,500", "the total handed over to 550": the "over" belongs to the verb. */
const CUE_ENDS_IN_BOUND_WORD = /\b(?:over|up|under)$/;

/** The words before a number that may bound it, leaving out a cue that ends right there: "handing over 4,500". */
function boundWords(context: SentenceContext, mention: NumberMention, before: string): string {
  const adjacent = context.cues.find((hit) => hit.end <= mention.start && /^\s*$/.test(context.lower.slice(hit.end, mention.start)));
  return adjacent && CUE_ENDS_IN_BOUND_WORD.test(context.lower.slice(adjacent.start, adjacent.end)) ? '' : before;
}

/**
 * Where the clause names no facility, the sentence may: the place a headline opens with, a camp
 * for a population or for people sent home from it, the prison of the escapees caught again.
 */
function sentenceFacility(context: SentenceContext, role: MetricRole | undefined, at: number): string | undefined {
  // "Ghwayran prison: 4,000 inmates await transfer": a headline's topic before its colon.
  const colon = context.lower.indexOf(':');
  const topicPlaces = new Set(
    context.facilities.filter((hit) => colon > 0 && colon <= 50 && hit.end <= colon).map((hit) => hit.facility.name),
  );
  if (topicPlaces.size === 1 && role !== 'origins') return [...topicPlaces][0];
  if (role === 'population' || role === 'returned') return onlyNamed(context, 'camp');
  if (role === 'recaptured') return onlyNamed(context, 'prison');
  // "Ghwayran still held 4,500, but it now holds 2,000": the pronoun is the prison the sentence names.
  if (role === 'held' && PRISON_PRONOUN_BEFORE.test(context.lower.slice(0, at))) return onlyNamed(context, 'prison');
  return undefined;
}

/**
 * "The population of al-Hol has fallen to 21,000", "Roj camp numbers steady at roughly 2,800": the
 * number is the level a named camp's population stands at, whatever else the sentence reports.
 */
function isCampLevel(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  noun: CountedNoun,
  lexicon: Lexicon,
): boolean {
  if (noun.kind !== 'implicit' && noun.kind !== 'people') return false;
  const subject = context.lower.slice(clause[0], mention.start);
  const level = CAMP_LEVEL_BEFORE.exec(subject);
  if (!level) return false;
  // "the number returned from al-Hol to 2,100" is a tally of an action, not a level.
  const levelStart = clause[0] + level.index;
  const action = context.cues.some(
    (hit) => !hit.weak && hit.start >= levelStart && hit.end <= mention.start && lexicon.roleOf.get(hit.metric) !== 'population',
  );
  if (action) return false;
  const campNamed = context.facilities.some(
    (hit) => hit.facility.kind === 'camp' && hit.start >= clause[0] && hit.end <= clause[0] + level.index + level[0].length,
  );
  return campNamed || CAMP_WORD.test(level[0]);
}

/** "a target of 7,000", "its up-to-7,000 goal": the number sizes a plan. */
function isPlanSize(before: string, after: string): boolean {
  return PLAN_BEFORE.test(before) || PLAN_NOUN_AFTER.test(after);
}

/** "the objective remains a maximum of 7,000": the cue word is the plan's own verb, not an action. */
function isVerbOfPlan(before: string, mention: NumberMention, cue: CueHit): boolean {
  const plan = PLAN_BEFORE.exec(before);
  return plan !== null && cue.start >= mention.start - before.length + plan.index;
}

/** "FACT CHECK: Did Iraq take in 10,000 IS prisoners?": a number in a yes-no question is asked about. */
function inYesNoQuestion(context: SentenceContext, mention: NumberMention): boolean {
  const end = context.text.slice(mention.end).search(/[.!?](?:\s|$)/);
  if (end < 0 || context.text[mention.end + end] !== '?') return false;
  const start = Math.max(...['. ', '? ', '! ', '\n'].map((mark) => context.text.lastIndexOf(mark, mention.start) + mark.length), 0);
  return YES_NO_QUESTION.test(context.lower.slice(start, mention.start));
}

const CLAUSE_PUNCTUATION = /[,;.]/g;

/** Where the first comma, semicolon or full stop from `from` on stands, or the text's end. */
function punctuationAfter(text: string, from: number): number {
  CLAUSE_PUNCTUATION.lastIndex = from;
  return CLAUSE_PUNCTUATION.exec(text)?.index ?? text.length;
}

export interface ReadInput {
  context: SentenceContext;
  mention: NumberMention;
  lexicon: Lexicon;
  published?: string;
}

export function readNumber({ context, mention, lexicon, published }: ReadInput): Reading {
  // Quote marks around words ("from 'more than 40 countries'") change nothing they say.
  const before = context.lower.slice(Math.max(0, mention.start - 80), mention.start).replace(QUOTE_MARKS, '');
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
  if (QUESTION_BEFORE.test(context.lower.slice(clause[0], mention.start)) || inYesNoQuestion(context, mention))
    return { dropped: 'asked about, not reported' };
  if (OWN_PRISONS.test(clauseText)) return { dropped: "counts another state's own prisoners" };
  if (DESIGNED_FOR_BEFORE.test(before)) return { dropped: 'the size a place was built for, not a count' };

  let role: MetricRole | undefined;
  let cue: CueHit | undefined;
  if (noun.kind === 'countries') {
    if (!context.aboutPeople && noun.word !== 'nationalities' && !CAME_FROM_BEFORE.test(before))
      return { dropped: 'counts countries, but not of detainees' };
    if (/^\s+of (?:the|those)\b/.test(after)) return { dropped: 'counts some of the countries, not all the detainees come from' };
    if (noun.word !== 'nationalities' && !ORIGIN_BEFORE.test(before) && !ORIGIN_AFTER.test(context.lower.slice(noun.end, noun.end + 40)))
      return { dropped: 'counts countries that act, not where detainees come from' };
    role = 'origins';
  } else if (noun.kind === 'implicit' && ORIGIN_LABEL_BEFORE.test(before)) {
    role = 'origins';
  } else if (isCampLevel(context, clause, mention, noun, lexicon)) {
    role = 'population';
  } else {
    cue = chooseCue(context, clause, mention, noun, lexicon);
    if (!cue && isPlanSize(before, after)) role = 'planned';
    else if (!cue) return { dropped: NO_ACTION };
    if (cue?.metric === OTHER_EVENT_METRIC)
      return { dropped: `counts people in another event ("${context.text.slice(cue.start, cue.end)}")` };
    if (cue && untrackedAction(context, mention, noun, cue, lexicon))
      return { dropped: 'the people do something the topic does not track' };
    if (cue && NEGATED_ACTION.test(textBeforeAction(context, clause, mention, noun, cue))) return { dropped: 'the action is negated' };
  }

  const unquoted = boundWords(context, mention, before).replace(QUOTE_MARKS, '');
  const withoutLeadIn = unquoted.replace(LEAD_IN, '');
  const trimmed = CUE_ENDS_IN_BOUND_WORD.test(withoutLeadIn.trimEnd()) ? unquoted : withoutLeadIn;
  let bound = boundOf(unquoted, after, mention.range !== undefined);
  if (bound === 'exact' && trimmed !== unquoted) bound = boundOf(trimmed, after, mention.range !== undefined);
  if (COMPARISON_BEFORE.test(unquoted)) bound = 'exact';
  const placeInClause = facilityInClause(context, clause, mention);
  if (cue) role = roleFor(context, clause, mention, lexicon.roleOf.get(cue.metric), noun, placeInClause, lexicon);
  if (cue && role === undefined) {
    const cueRole = lexicon.roleOf.get(cue.metric);
    if (cueRole === 'held' || cueRole === 'population') return { dropped: 'people held outside the region the topic follows' };
    if (cueRole === 'moved') return { dropped: 'a move between prisons inside the region' };
  }
  if (role === 'escaped' && LAWFUL_RELEASE.test(clauseText)) return { dropped: 'a lawful release, not an escape' };
  if (role === 'held' && cue && cue.start > mention.start && HOLDS_THINGS_AFTER.test(context.lower.slice(cue.end, cue.end + 40)))
    return { dropped: 'the people hold things, they are not held' };
  const afterNoun = context.lower.slice(noun.end, noun.end + 60);
  // "housed 5,240 detainees transferred from Syria": people held at the route's end are the ones moved.
  if (role === 'held' && cue && cue.end <= mention.start && MOVED_HERE_AFTER.test(afterNoun) && lexicon.metricOfRole.moved) role = 'moved';
  // "2,650 IS suspects in custody after transfers from Syria": held because they were moved.
  if (role === 'held' && AFTER_TRANSFER_FROM.test(context.lower.slice(mention.end, mention.end + 80)) && lexicon.metricOfRole.moved)
    role = 'moved';
  // "a special flight brought 87 women and children home": taking people home is a return.
  if (role === 'moved' && cue && cue.end <= mention.start && HOME_AFTER.test(afterNoun) && lexicon.metricOfRole.returned) role = 'returned';
  // "returned 214 of those who fled the prison": escapees brought back are recaptured, not repatriated.
  if (role === 'returned' && lexicon.escapeContext?.test(clauseText) && lexicon.metricOfRole.recaptured) role = 'recaptured';
  if (
    cue &&
    isPlanSize(before, after) &&
    (context.cues.some((hit) => lexicon.roleOf.get(hit.metric) === 'moved') || isVerbOfPlan(before, mention, cue))
  )
    role = 'planned';
  if (cue) {
    const mood = verbWindow(context, clause, mention, cue, noun);
    if (
      (STOCK_ROLES.has(role) && CAPACITY.test(mood)) ||
      (role === 'moved' && (ROOM_FOR.test(mood) || ROOM_FOR.test(clauseText.slice(0, mention.start - clause[0]))))
    )
      return { dropped: 'a capacity, not a count' };
  }
  if (role === 'moved' && cue && isPlanned(context, clause, mention, cue, noun, before)) role = 'planned';
  if (role === 'planned' && (INCREMENT_BEFORE.test(before) || INCREMENT_AFTER.test(after))) {
    return { dropped: 'a batch still to come, not the planned total' };
  }
  if (cue && role !== 'planned' && role !== 'origins') {
    const mood = verbWindow(context, clause, mention, cue, noun);
    if (MODAL.test(mood)) return { dropped: 'a possibility or a plan, not a count' };
    const subject = context.lower.slice(clause[0], mention.start);
    if (STOCK_ROLES.has(role) && ((FACILITY_PART.test(subject) && !INCLUDING_PART.test(subject)) || IN_FACILITY_PART.test(after))) {
      return { dropped: 'counts one part of a facility (a subgroup)' };
    }
  }
  const subgroup = subgroupReason(context, clause, mention, noun, role, after, lexicon);
  if (subgroup) return { dropped: subgroup };
  const metric = (role && lexicon.metricOfRole[role]) ?? cue?.metric;
  if (!metric) return { dropped: `the topic tracks no ${role} figure` };
  const facility = placeInClause ?? sentenceFacility(context, role, mention.start);
  if (role === 'population' && !facility && DISPLACEMENT_CAMP.test(clauseText))
    return { dropped: 'a camp for displaced people the topic does not follow' };
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
  const asOf = datedTo({
    // A dating phrase often opens the next clause: "held 9,000 before the transfers began".
    clauseText: clauseText + context.lower.slice(clause[1], punctuationAfter(context.lower, clause[1])),
    ownAt: mention.start - clause[0],
    ownNumber: mention.text,
    published,
    eventDates: lexicon.eventDates,
  });
  if (asOf) figure.as_of = asOf;
  return { figure };
}
