import type { Facility } from '../topic/topic.js';
import { CLAUSE_BREAK, DENIAL, ESCAPE_HELPERS, OTHER_EVENT, OTHER_EVENT_NOUN } from './english.js';
import { tokenize } from '../text/phrase-matcher.js';
import type { Lexicon } from './lexicon.js';

/** Where a word tells what happened: a metric's cue, or an event whose numbers are not tracked. */
export interface CueHit {
  metric: string;
  start: number;
  end: number;
  /** A noun cue ("escapees"): it names who, so an action word in reach outranks it. */
  weak: boolean;
}

export const OTHER_EVENT_METRIC = 'other_event';

export interface FacilityHit {
  facility: Facility;
  start: number;
  end: number;
}

/** Everything about one sentence that does not depend on which number is read: computed once. */
export interface SentenceContext {
  text: string;
  lower: string;
  clauseStarts: number[];
  cues: CueHit[];
  facilities: FacilityHit[];
  /** The sentence speaks of people held somewhere, so a count of countries is of their origins. */
  aboutPeople: boolean;
  /** Where each denial word ends ("denied", "false"): what follows it up to a counter-claim is denied. */
  denialEnds: number[];
}

const CAPTURE_VERB = /^(?:captured|arrested|detained|caught|apprehended|seized|nabbed)$/;

/** Runs a global pattern over a text; patterns are compiled once by their owners, never here. */
function scan(pattern: RegExp, text: string, each: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex += 1;
    else each(match);
  }
}

const OTHER_EVENTS = new RegExp(OTHER_EVENT.source, 'g');
const OTHER_EVENT_NOUNS = new RegExp(OTHER_EVENT_NOUN.source, 'g');
const DENIALS = new RegExp(DENIAL.source, 'g');

function byStart(a: CueHit, b: CueHit): number {
  return a.start - b.start;
}

function overlaps(a: CueHit, b: CueHit): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Of overlapping cues, an action word outranks a noun, and the longer phrase the shorter:
 * in "600 are in custody again", "in custody again" is the reading, not "are in".
 */
function keepStrongest(hits: CueHit[]): CueHit[] {
  const rank = (hit: CueHit) => (hit.weak ? 0 : 1000) + (hit.end - hit.start);
  return hits.filter((hit) => !hits.some((other) => other !== hit && overlaps(hit, other) && rank(other) > rank(hit)));
}

/**
 * Other-event verbs ("arrested") compete with the metric cues for a number. Where the two
 * overlap, the longer reading is the more specific one: "detained in" is custody, "remain at
 * large" is not. Capture verbs next to escapees mean a recapture.
 */
function otherEventHits(lower: string, clauseStarts: number[], metricHits: CueHit[], lexicon: Lexicon): CueHit[] {
  const recaptured = lexicon.metricOfRole.recaptured;
  const hits: CueHit[] = [];
  const add = (hit: CueHit) => {
    const rivals = metricHits.filter((other) => overlaps(other, hit));
    if (rivals.some((other) => other.end - other.start >= hit.end - hit.start)) return;
    for (const rival of rivals) metricHits.splice(metricHits.indexOf(rival), 1);
    hits.push(hit);
  };
  scan(OTHER_EVENTS, lower, (match) => {
    const [start, end] = clauseOf(clauseStarts, lower.length, match.index);
    const clause = lower.slice(start, end);
    const aboutEscapees = recaptured && CAPTURE_VERB.test(match[0]) && lexicon.escapeContext?.test(clause) && !ESCAPE_HELPERS.test(clause);
    const metric = aboutEscapees && recaptured ? recaptured : OTHER_EVENT_METRIC;
    add({ metric, start: match.index, end: match.index + match[0].length, weak: false });
  });
  scan(OTHER_EVENT_NOUNS, lower, (match) =>
    add({ metric: OTHER_EVENT_METRIC, start: match.index, end: match.index + match[0].length, weak: true }),
  );
  return hits;
}

/**
 * Lower case with every offset kept: a few characters ("İ") grow when lowered, and offsets into
 * the lowered text must stay offsets into the original.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = '';
  for (const unit of text.split('')) {
    const lowered = unit.toLowerCase();
    kept += lowered.length === 1 ? lowered : unit;
  }
  return kept;
}

/**
 * Reads what a sentence offers every number in it, or nothing when it holds no cue word and no
 * count of countries: most sentences with numbers in a general feed say nothing the topic tracks.
 */
export function sentenceContext(text: string, lexicon: Lexicon): SentenceContext | undefined {
  const lower = lowerSameLength(text);
  // One compiled alternation rules out most sentences faster than splitting them into words.
  if (!lexicon.mayHoldFigure.test(lower)) return undefined;
  const tokens = tokenize(lower);
  const metricHits = keepStrongest(
    lexicon.cues.findAll(tokens).map(({ value, start, end }) => ({ metric: value.metric, weak: value.weak, start, end })),
  );
  if (metricHits.length === 0 && !lexicon.countryWords.has(tokens)) return undefined;
  const clauseStarts = [0];
  scan(CLAUSE_BREAK, lower, (match) => clauseStarts.push(match.index + match[0].length));
  // Other events first: where one outranks an overlapping metric cue, that cue is taken out.
  const otherEvents = otherEventHits(lower, clauseStarts, metricHits, lexicon);
  // Metric cues come in text order; only other events, found by their own scans, need merging in.
  const cues = otherEvents.length === 0 ? metricHits : metricHits.concat(otherEvents).sort(byStart);
  const facilities: FacilityHit[] = lexicon.facilities.findAll(tokens).map(({ value, start, end }) => ({ facility: value, start, end }));
  const denialEnds: number[] = [];
  scan(DENIALS, lower, (match) => denialEnds.push(match.index + match[0].length));
  return { text, lower, clauseStarts, cues, facilities, aboutPeople: lexicon.peopleContext.has(tokens), denialEnds };
}

/** The [start, end) of the clause holding `offset`. */
export function clauseAround(context: SentenceContext, offset: number): [number, number] {
  return clauseOf(context.clauseStarts, context.text.length, offset);
}

function clauseOf(clauseStarts: number[], length: number, offset: number): [number, number] {
  let start = 0;
  let end = length;
  for (const clauseStart of clauseStarts) {
    if (clauseStart <= offset) start = clauseStart;
    else {
      end = clauseStart;
      break;
    }
  }
  return [start, end];
}
