import type { MetricRole } from '../topic/topic.js';
import {
  AMONG_AFTER,
  OF_AFTER,
  OF_ITS_NATIONALS,
  OF_THEM,
  OF_WHOM_BEFORE,
  PAIRED_PARTS,
  PAIRED_PARTS_AFTER,
  PARTITIVE_PARTICIPLE_AFTER,
  SUBGROUP_SUBJECT,
} from './english.js';
import type { Lexicon } from './lexicon.js';
import { readCountedNoun, type CountedNoun } from './noun-phrase.js';
import type { NumberMention } from './numbers.js';
import type { SentenceContext } from './sentence-context.js';

export const STOCK_ROLES = new Set<MetricRole | undefined>(['held', 'population']);
/** Whose figures are often told as "N of them" without being a part: "recaptured 81 of them", "moved 2,250 of the detainees". */
const WHOLE_BY_NATURE = new Set<MetricRole | undefined>(['recaptured', 'moved', 'planned', 'escaped', 'returned']);

/** "38 people, 11 women and 27 children": the parts follow the total they break down. */
const BREAKDOWN_OF_TOTAL =
  /\d[\d,]*\s+(?:[a-z-]+\s+){0,2}(?:people|persons|individuals|citizens|nationals|detainees|returnees|residents),\s+(?:including\s+)?(?:\d[\d,]*\s+[a-z]+\s+and\s+)?$/;
/** "Britain alone has about 20 women and children still in the camp": one state's people among those held. */
const STATE_HAS_BEFORE =
  /\b[A-Z][a-z]+(?:\s+alone)?\s+(?:still\s+)?(?:has|had)\s+(?:(?:some|about|around|nearly|almost|roughly|more than|over|fewer than|at least)\s+)?$/;
const PREDICATE = /^\s+(?:were|are|was|is)\s+/;
/** What may follow "N were" without saying what kind of people they are. */
const NOT_A_CLASS =
  /^(?:[a-z]+ed|[a-z]+ing|being|been|still|now|already|due|to|in|at|inside|behind|under|held|kept|sent|taken|flown|brought|thought|said|believed|reported|expected|set|about|also|then|later|not|never|back|on|out|free|missing)\b/;

/**
 * Whether the number counts only part of a figure: the Iraqis among the transferred, the women
 * among the escapees. Who is repatriated is often named by nationality, and the recaptured are
 * by nature "81 of the escapees", so those keep such nouns.
 */
export function subgroupReason(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  noun: CountedNoun,
  role: MetricRole | undefined,
  after: string,
  lexicon: Lexicon,
): string | undefined {
  if (role === 'origins') return undefined;
  if (noun.kind === 'subgroup' && role !== 'returned') return `counts ${noun.word}: a subgroup, not a total`;
  if (noun.kind === 'subgroup' && BREAKDOWN_OF_TOTAL.test(context.lower.slice(Math.max(0, mention.start - 60), mention.start))) {
    return `counts ${noun.word}: part of a total just given`;
  }
  const sameAction = PARTITIVE_PARTICIPLE_AFTER.exec(after)?.[1];
  if (sameAction && role !== undefined && lexicon.roleOf.get(lexicon.cueMetric.get(sameAction)?.metric ?? '') === role) {
    return 'counts part of the people the same action counts (a subgroup)';
  }
  if (!WHOLE_BY_NATURE.has(role) && OF_WHOM_BEFORE.test(context.lower.slice(Math.max(0, mention.start - 40), mention.start))) {
    return 'part of a larger figure (a subgroup)';
  }
  // "6,200 of the residents were foreigners": the predicate names the part.
  const partitive = /^\s+of (?:the|those)\b/.test(after);
  const predicate = noun.kind === 'implicit' || partitive ? PREDICATE.exec(context.text.slice(noun.end, noun.end + 80)) : null;
  if (predicate && !NOT_A_CLASS.test(context.lower.slice(noun.end + predicate[0].length, noun.end + predicate[0].length + 20))) {
    return 'says what kind of people part of a larger figure are (a subgroup)';
  }
  if (SUBGROUP_SUBJECT.test(context.lower.slice(clause[0], mention.start))) {
    return 'counts a named part of a larger figure (a subgroup)';
  }
  const stateHas = STATE_HAS_BEFORE.test(context.text.slice(Math.max(0, mention.start - 40), mention.start));
  if (STOCK_ROLES.has(role) && (OF_ITS_NATIONALS.test(after) || /^(?:citizens|nationals)$/.test(noun.word) || stateHas)) {
    return "counts one state's nationals: a subgroup, not a total";
  }
  if (
    noun.kind === 'subgroup' &&
    (PAIRED_PARTS.test(context.lower.slice(Math.max(0, mention.start - 40), mention.start)) || PAIRED_PARTS_AFTER.test(after))
  ) {
    return `counts ${noun.word}: one of the parts of an untold total`;
  }
  const ofThem = OF_THEM.exec(after);
  if (ofThem && readCountedNoun(context.text, mention.end + ofThem[0].length, lexicon).kind === 'subgroup') {
    return 'says what kind of people part of a larger figure are (a subgroup)';
  }
  if (AMONG_AFTER.test(after) || (!WHOLE_BY_NATURE.has(role) && OF_AFTER.test(after))) {
    return 'part of a larger figure (a subgroup)';
  }
  return undefined;
}
