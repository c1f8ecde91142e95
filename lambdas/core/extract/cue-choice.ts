import { AUX_BEFORE, FRONTED_WHOLE, PARTICIPLE, RELATIVE, SUBJECT_VERB } from './english.js';
import type { Lexicon } from './lexicon.js';
import type { CountedNoun } from './noun-phrase.js';
import type { NumberMention } from './numbers.js';
import { OTHER_EVENT_METRIC, type CueHit, type SentenceContext } from './sentence-context.js';

/** Nothing but bound words between a verb and its number: "holds roughly 4,500". */
const DIRECT_OBJECT_GAP = /^[^,;:.]{0,24}$/;
/** "81 of the roughly 1,500 who escaped": this number is the whole a part is taken from. */
const WHOLE_OF_A_PART =
  /\d[\d,]*\s+of\s+(?:the\s+)?(?:(?:some|about|around|roughly|nearly|more than|over|approximately|an estimated|estimated)\s+)?$/;
const BRING_FORM = /^(?:brought|bringing|brings|bring)$/;
const TO_THE_NUMBER = /^\s+to\s+(?:(?:some|about|around|nearly|almost|roughly|more than|over|approximately)\s+)?$/;
const BY_AGENT = /^\s+by\b/;
/** "1,300 fugitives, of whom 1,012...": what follows the noun is about a part of this number. */
const PARTS_FOLLOW = /^\s*,?\s*(?:of|among) (?:whom|which)\b/;
/** "81 of the 1,500 who escaped had been recaptured": the verb of 81 is the finite one. */
const PARTITIVE_OF = /^\s+of the\b/;

/** "The census, taken in December, counted 24,300 residents": a verb opening an aside that closes before the number describes something else. */
function inClosedAside(context: SentenceContext, hit: CueHit, mention: NumberMention): boolean {
  return (
    hit.end <= mention.start &&
    /,\s*$/.test(context.lower.slice(Math.max(0, hit.start - 3), hit.start)) &&
    context.lower.slice(hit.end, mention.start).includes(',')
  );
}

/**
 * The cue that tells what happened to the number's people, looked for in its own clause first.
 * A verb right before the number takes it as its object ("recaptured 81 of the men who fled");
 * a subject ("400 have been recaptured") takes the action after it, preferring a finite verb
 * ("have been transported") to a participle that only describes the people ("once held at").
 * Noun cues count only where no action word does.
 */
export function chooseCue(
  context: SentenceContext,
  clause: [number, number],
  mention: NumberMention,
  noun: CountedNoun,
  lexicon: Lexicon,
): CueHit | undefined {
  const afterNoun = context.lower.slice(noun.end, noun.end + 40);
  const movedMetric = lexicon.metricOfRole.moved;
  const heldMetric = lexicon.metricOfRole.held;
  const pick = (hits: CueHit[]): CueHit | undefined => {
    const after = hits.filter((hit) => hit.start >= mention.end);
    const nearestBefore = hits.filter((hit) => hit.end <= mention.start).at(-1);
    if (nearestBefore && DIRECT_OBJECT_GAP.test(context.lower.slice(nearestBefore.end, mention.start))) return nearestBefore;
    const verbNext = after[0] && after[0].start - noun.end <= 12 && !BY_AGENT.test(context.lower.slice(after[0].end));
    const isSubject = SUBJECT_VERB.test(afterNoun) || verbNext;
    if (!isSubject && nearestBefore) return nearestBefore;
    const first = after[0];
    // A participle right after the people describes them ("detainees held at X have been moved"),
    // unless an auxiliary makes it the verb ("850 escapees had been recaptured").
    const describesPeople =
      first &&
      verbNext &&
      !RELATIVE.test(afterNoun) &&
      PARTICIPLE.test(context.lower.slice(first.start, first.end).split(/\s/)[0] ?? '') &&
      !AUX_BEFORE.test(context.lower.slice(noun.end, first.start)) &&
      !first.weak;
    const partOfAnotherSet = first && PARTITIVE_OF.test(context.lower.slice(mention.end, mention.end + 10));
    // "600 who fled al-Hol ... have been rounded up": the relative clause's verb is not the main one,
    // unless another number takes the later verb ("the 1,500 who broke out, 400 have been recaptured").
    const relativeThenMain =
      first &&
      RELATIVE.test(afterNoun) &&
      !WHOLE_OF_A_PART.test(context.lower.slice(Math.max(0, mention.start - 40), mention.start)) &&
      after.length > 1 &&
      !/\d/.test(context.lower.slice(first.end, after.at(-1)!.start));
    const frontedWhole = FRONTED_WHOLE.test(context.lower.slice(0, mention.start));
    const wholeOfPart = WHOLE_OF_A_PART.test(context.lower.slice(Math.max(0, mention.start - 40), mention.start));
    const finite =
      !frontedWhole && !wholeOfPart && (describesPeople || partOfAnotherSet || relativeThenMain)
        ? after
            .slice(1)
            .find(
              (hit) =>
                AUX_BEFORE.test(context.lower.slice(Math.max(noun.end, hit.start - 24), hit.start)) &&
                !/\d/.test(context.lower.slice(first!.end, hit.start)),
            )
        : undefined;
    // "6,050 detainees transferred from Syria were now held in its facilities": the move is the news.
    if (finite && first?.metric === movedMetric && finite.metric === heldMetric) return first;
    return finite ?? first ?? nearestBefore;
  };
  // "brought to 611 the number of people it had repatriated": bringing a tally to a number moves no one.
  const cues = context.cues.filter(
    (hit) =>
      !(BRING_FORM.test(context.lower.slice(hit.start, hit.end)) && TO_THE_NUMBER.test(context.lower.slice(hit.end, mention.start))) &&
      !inClosedAside(context, hit, mention),
  );
  const inClause = cues.filter((hit) => hit.start >= clause[0] && hit.end <= clause[1]);
  // "1,000 of 1,500 escapees recaptured", "1,300 fugitives, of whom 1,012 were returned": the whole is what its own noun says.
  if (WHOLE_OF_A_PART.test(context.lower.slice(Math.max(0, mention.start - 40), mention.start)) || PARTS_FOLLOW.test(afterNoun)) {
    const ownNoun = cues.find((hit) => hit.weak && hit.start >= mention.end && hit.end <= noun.end);
    if (ownNoun) return ownNoun;
  }
  // Beyond its clause a number may take a cue from its sentence, but a number with its own noun not across a semicolon.
  // A number with no noun of its own ("the total now stands at 4,000") leans on what came before.
  const barrier = noun.kind !== 'implicit';
  const segmentStart = barrier ? context.lower.lastIndexOf(';', mention.start) + 1 : 0;
  const semicolonAfter = barrier ? context.lower.indexOf(';', mention.end) : -1;
  const segmentEnd = semicolonAfter < 0 ? context.lower.length : semicolonAfter;
  const inSegment = cues.filter((hit) => hit.start >= segmentStart && hit.end <= segmentEnd);
  const outsideNoun = (hit: CueHit) => hit.start < mention.start || hit.start >= noun.end;
  const chosen =
    pick(inClause.filter((hit) => !hit.weak && outsideNoun(hit))) ??
    pick(inClause.filter((hit) => hit.weak || !outsideNoun(hit))) ??
    pick(inSegment.filter((hit) => !hit.weak && outsideNoun(hit))) ??
    pick(inSegment);
  // "3 inmates and 1 guard were injured": people named only by their noun, whose verb reports another event.
  if (chosen?.weak && !outsideNoun(chosen)) {
    const otherEvent = inSegment.find((hit) => hit.metric === OTHER_EVENT_METRIC && hit.start >= noun.end);
    if (otherEvent) return otherEvent;
  }
  return chosen;
}
