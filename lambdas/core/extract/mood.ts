import {
  ACTION_NOUN_OF,
  BATCH_OF_PLAN,
  COUNTER_CLAIM,
  DENIAL_AFTER,
  EMBEDDED_PLAN,
  EPISTEMIC_PAST,
  LEVEL_REACHED_BEFORE,
  MODAL,
  MODAL_AFTER_SUBJECT,
  MODAL_BEFORE_NUMBER,
  PARTICIPLE,
  PLAN_BEFORE,
  PLAN_VERB_BEFORE,
} from './english.js';
import type { CountedNoun } from './noun-phrase.js';
import type { NumberMention } from './numbers.js';
import type { CueHit, SentenceContext } from './sentence-context.js';

/** "US to ship 7,000", "agreed to take 7,000": an action in the infinitive is intended, not done. */
const INFINITIVE_BEFORE = /(?<!\b(?:managed|able|began|begun|started|continued|had|have|has|used|went on|succeeded|helped))\s+to\s+$/;
/** A denial covers the claim it introduces, up to where the speaker gives their own figure. */
/** A full stop after a lowercase word or a digit, then a capital: a new sentence, not "U.S. Forces". */
const SENTENCE_END = /[a-z0-9][.!?]["”’]?\s+["“‘]?[A-Z]/;

export function isDenied(context: SentenceContext, clause: [number, number], mention: NumberMention): boolean {
  const denialEnd = context.denialEnds.filter((end) => end <= mention.start).at(-1);
  if (
    denialEnd !== undefined &&
    !COUNTER_CLAIM.test(context.lower.slice(denialEnd, mention.start)) &&
    // "...misstated the number as 4,800. The figure was 4,080.": the next sentence gives the right one.
    !SENTENCE_END.test(context.text.slice(denialEnd, mention.start))
  )
    return true;
  return DENIAL_AFTER.test(context.lower.slice(mention.end, clause[1]));
}

/** The words that carry the verb's mood: between subject and verb, or before verb and object. */
export function verbWindow(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  cue: CueHit,
  noun: CountedNoun,
): string {
  const window =
    cue.start > mention.start
      ? context.lower.slice(mention.end, cue.end)
      : context.lower.slice(Math.max(clause[0], cue.start - 45), mention.start) +
        (ACTION_NOUN_OF.test(context.lower.slice(cue.start)) ? context.lower.slice(noun.end, Math.min(clause[1], noun.end + 40)) : '');
  return window.replace(EPISTEMIC_PAST, ' ').replace(EMBEDDED_PLAN, ' ');
}

/** Participles that are never a simple past: "150 men taken by helicopter", not "7,000 detainees arrived". */
const DONE_PARTICIPLE = /^(?:taken|flown|driven|given|shown|ridden)$/;

export function isPlanned(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  cue: CueHit,
  noun: CountedNoun,
  before: string,
): boolean {
  // "the first group of about 150 men taken by helicopter": a batch done, named by its participle.
  const cueWord = context.lower.slice(cue.start, cue.end).split(/\s/)[0] ?? '';
  const doneBatch =
    cue.start >= noun.end &&
    cue.start - noun.end <= 2 &&
    (DONE_PARTICIPLE.test(cueWord) || (PARTICIPLE.test(cueWord) && /^\s+by\b/.test(context.lower.slice(cue.end))));
  if ((BATCH_OF_PLAN.test(before) && !doneBatch) || PLAN_BEFORE.test(before)) return true;
  if (LEVEL_REACHED_BEFORE.test(before)) return false;
  if (cue.start > mention.start && (MODAL_BEFORE_NUMBER.test(before) || PLAN_VERB_BEFORE.test(before))) return true;
  if (cue.end <= mention.start && MODAL_AFTER_SUBJECT.test(context.lower.slice(noun.end, noun.end + 30))) return true;
  if (cue.end <= mention.start && INFINITIVE_BEFORE.test(context.lower.slice(Math.max(0, cue.start - 16), cue.start))) return true;
  return MODAL.test(verbWindow(context, clause, mention, cue, noun));
}
