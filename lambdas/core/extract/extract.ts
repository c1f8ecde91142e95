import { splitSentences, type Sentence } from '../text/sentences.js';
import { toPlainText } from '../text/html-to-text.js';
import type { Topic } from '../topic/topic.js';
import type { DroppedNumber, Figure } from './figure.js';
import { NO_ACTION, readNumber, type Reading } from './interpret.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { findNumbers } from './numbers.js';
import { numberOnlyReason } from './not-a-count.js';
import { lowerSameLength, sentenceContext, type SentenceContext } from './sentence-context.js';

export interface ExtractInput {
  title?: string;
  /** Plain text or HTML, as a feed carries it. */
  text: string;
  /** ISO date or time of publication; lets the extractor tell history ("in 2019") from news. */
  published?: string;
}

export interface Extraction {
  /** The normalised text that offsets refer to: the title, a blank line, then the body. */
  text: string;
  figures: Figure[];
  dropped: DroppedNumber[];
}

export type Extractor = (input: ExtractInput) => Extraction;

/**
 * "More than 1,500 escaped" in a headline and "more than 1,500 escaped from al-Shaddadi" in the
 * body are one figure: the reading that names no place gives way to the one that does.
 */
function withoutPlacelessRepeats(figures: Figure[]): Figure[] {
  const placed = new Set(figures.filter((figure) => figure.facility !== undefined).map((figure) => keyWithFacility(figure, undefined)));
  return figures.filter((figure) => figure.facility !== undefined || !placed.has(figureKey(figure)));
}

/** What makes two readings one figure: a headline and its body, or a feed entry and its page, say it once. */
export function figureKey(figure: Pick<Figure, 'metric' | 'value' | 'bound' | 'facility' | 'increment' | 'as_of'>): string {
  return keyWithFacility(figure, figure.facility);
}

/** The key's fields as Array#join writes them (nothing for a missing one), without building an array per figure. */
function keyWithFacility(figure: Pick<Figure, 'metric' | 'value' | 'bound' | 'increment' | 'as_of'>, facility: string | undefined): string {
  return `${figure.metric}|${figure.value}|${figure.bound}|${facility ?? ''}|${figure.increment ?? ''}|${figure.as_of ?? ''}`;
}

/**
 * A reading placed in its quote, its fields in the reading's order. Set one by one rather than
 * spread: spreading readings of several shapes and then adding fields takes V8's slowest path.
 */
function placed(
  reading: Extract<Reading, { figure: unknown }>['figure'],
  quote: string,
  start: number,
  end: number,
  number: Figure['number'],
): Figure {
  const figure = { metric: reading.metric, value: reading.value, bound: reading.bound } as Figure;
  if (reading.facility !== undefined) figure.facility = reading.facility;
  if (reading.increment !== undefined) figure.increment = reading.increment;
  if (reading.as_of !== undefined) figure.as_of = reading.as_of;
  figure.quote = quote;
  figure.start = start;
  figure.end = end;
  figure.number = number;
  return figure;
}

interface Passage {
  text: string;
  start: number;
  context: SentenceContext | undefined;
}

/** A sentence that speaks of a figure the sentence before named: "The total reached 5,700." */
const REFERS_BACK =
  /^\W*(?:(?:the|that|this|its|their) (?:overall |new |running )?(?:total|tally|count|number|figure)\b|(?:total|tally) (?:now|stands|stood|reached|rose|is)\b|(?:it|they|the prison|the camp) (?:now |still )?(?:holds?|houses?|hosts?)\b)|\bput(?:s|ting)? the (?:overall |new |running )?(?:total|tally) at\b/i;

/** Sentences never cross a line break, so a line is the unit the pipeline may pass over whole. */
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/** REFERS_BACK anywhere in a line: whether one of its sentences might lean on the sentence before. */
const REFERS_BACK_IN_LINE = new RegExp(REFERS_BACK.source.replace('^\\W*', '\\b'), 'i');

interface SentenceToRead {
  sentence: Sentence;
  previous: Sentence | undefined;
}

/** Every sentence, each with the one before it: what explain reads. */
function* everySentence(plain: string): Generator<SentenceToRead> {
  let previous: Sentence | undefined;
  for (const sentence of splitSentences(plain)) {
    yield { sentence, previous };
    previous = sentence;
  }
}

/**
 * The sentences that can hold a figure: those with a cue word or a count of countries, or that lean
 * on the sentence before. A line with none of these is passed over before it is split.
 */
function* sentencesThatMayHoldFigures(plain: string, lexicon: Lexicon): Generator<SentenceToRead> {
  let lineStart = 0;
  let lastLine: [number, number] | undefined;
  LINE_BREAK.lastIndex = 0;
  while (lineStart <= plain.length) {
    const found = LINE_BREAK.exec(plain);
    const lineEnd = found ? found.index : plain.length;
    const line = plain.slice(lineStart, lineEnd);
    if (line.trim() !== '') {
      const lower = lowerSameLength(line);
      const lastLineAsks = lastLine !== undefined && plain.slice(lastLine[0], lastLine[1]).trimEnd().endsWith('?');
      if (lexicon.mayHoldFigure.test(lower) || lastLineAsks || line.includes('?') || REFERS_BACK_IN_LINE.test(line)) {
        let previous = lastLine && lastSentence(plain, lastLine);
        for (const inLine of splitSentences(line)) {
          const sentence = { text: inLine.text, start: lineStart + inLine.start, end: lineStart + inLine.end };
          const sentenceLower = lower.slice(inLine.start, inLine.end);
          if (lexicon.mayHoldFigure.test(sentenceLower) || (previous !== undefined && leansOnPrevious(sentence, previous)))
            yield { sentence, previous };
          previous = sentence;
        }
      }
      lastLine = [lineStart, lineEnd];
    }
    if (!found) break;
    lineStart = lineEnd + 1;
  }
}

function lastSentence(plain: string, [start, end]: [number, number]): Sentence | undefined {
  const last = splitSentences(plain.slice(start, end)).at(-1);
  return last && { text: last.text, start: start + last.start, end: start + last.end };
}

/**
 * Whether a sentence is read together with the one before it: it answers a question ("How many
 * have been moved? Officials put the figure at 4,700.") or refers back ("...moved 900 on Monday.
 * The total now stands at 5,700.").
 */
function leansOnPrevious(sentence: Sentence, previous: Sentence): boolean {
  return previous.text.endsWith('?') || REFERS_BACK.test(sentence.text);
}

/**
 * The text a sentence's numbers are read in: the sentence itself, or, when it names no action and
 * leans on the sentence before, the two together, so the number takes the action named just before.
 */
function readablePassage(plain: string, sentence: Sentence, previous: Sentence | undefined, lexicon: Lexicon): Passage {
  const context = sentenceContext(sentence.text, lexicon);
  const namesAction = context?.cues.some((cue) => !cue.weak);
  if (namesAction || previous === undefined || !leansOnPrevious(sentence, previous))
    return { text: sentence.text, start: sentence.start, context };
  const text = plain.slice(previous.start, sentence.end);
  return { text, start: previous.start, context: sentenceContext(text, lexicon) };
}

export interface ExtractorOptions {
  /**
   * Keep a reason for every number that became no figure (what `explain` shows). Without it a
   * sentence with no cue word is passed over before its numbers are read: the pipeline's way.
   */
  reasons?: boolean;
}

/** Compiles the topic once; the returned function reads any number of texts. */
export function createExtractor(topic: Topic, { reasons = true }: ExtractorOptions = {}): Extractor {
  const lexicon = compileLexicon(topic);
  return ({ title, text, published }) => {
    const parts = [title, text].filter((part): part is string => Boolean(part)).map(toPlainText);
    const plain = parts.filter((part) => part.length > 0).join('\n\n');
    const figures: Figure[] = [];
    const dropped: DroppedNumber[] = [];
    const seen = new Set<string>();
    for (const { sentence, previous } of reasons ? everySentence(plain) : sentencesThatMayHoldFigures(plain, lexicon)) {
      const found = findNumbers(sentence.text);
      // Without reasons to keep, numbers that can be no count are never read in their sentence.
      const mentions = reasons ? found : found.filter((mention) => numberOnlyReason(mention) === undefined);
      if (mentions.length === 0) continue;
      const passage = readablePassage(plain, sentence, previous, lexicon);
      const shift = sentence.start - passage.start;
      for (const mention of mentions) {
        const start = sentence.start + mention.start;
        const end = sentence.start + mention.end;
        const inPassage = shift === 0 ? mention : { ...mention, start: mention.start + shift, end: mention.end + shift };
        const reading = passage.context ? readNumber({ context: passage.context, mention: inPassage, lexicon, published }) : undefined;
        if (!reading || 'dropped' in reading) {
          dropped.push({ text: mention.text, start, end, reason: reading?.dropped ?? NO_ACTION, quote: passage.text });
          continue;
        }
        const figure = placed(reading.figure, passage.text, passage.start, sentence.end, { text: mention.text, start, end });
        const key = figureKey(figure);
        if (seen.has(key)) {
          dropped.push({ text: mention.text, start, end, reason: 'repeats a figure already read from this text', quote: passage.text });
          continue;
        }
        seen.add(key);
        figures.push(figure);
      }
    }
    return { text: plain, figures: withoutPlacelessRepeats(figures), dropped };
  };
}
