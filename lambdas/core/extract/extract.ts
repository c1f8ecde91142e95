import { splitSentences } from '../text/sentences.js';
import { toPlainText } from '../text/html-to-text.js';
import type { Topic } from '../topic/topic.js';
import type { DroppedNumber, Figure } from './figure.js';
import { NO_ACTION, readNumber } from './interpret.js';
import { compileLexicon } from './lexicon.js';
import { findNumbers } from './numbers.js';
import { sentenceContext } from './sentence-context.js';

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

/** Two readings of one figure in a text (a headline and its body) are kept once. */
function repeatKey(figure: Figure): string {
  return [figure.metric, figure.value, figure.bound, figure.facility, figure.increment, figure.as_of].join('|');
}

/** Compiles the topic once; the returned function reads any number of texts. */
export function createExtractor(topic: Topic): Extractor {
  const lexicon = compileLexicon(topic);
  return ({ title, text, published }) => {
    const parts = [title, text].filter((part): part is string => Boolean(part)).map(toPlainText);
    const plain = parts.filter((part) => part.length > 0).join('\n\n');
    const figures: Figure[] = [];
    const dropped: DroppedNumber[] = [];
    const seen = new Set<string>();
    for (const sentence of splitSentences(plain)) {
      const mentions = findNumbers(sentence.text);
      if (mentions.length === 0) continue;
      const context = sentenceContext(sentence.text, lexicon);
      for (const mention of mentions) {
        const start = sentence.start + mention.start;
        const end = sentence.start + mention.end;
        const reading = context ? readNumber({ context, mention, lexicon, published }) : undefined;
        if (!reading || 'dropped' in reading) {
          dropped.push({ text: mention.text, start, end, reason: reading?.dropped ?? NO_ACTION, quote: sentence.text });
          continue;
        }
        const figure: Figure = {
          ...reading.figure,
          quote: sentence.text,
          start: sentence.start,
          end: sentence.end,
          number: { text: mention.text, start, end },
        };
        const key = repeatKey(figure);
        if (seen.has(key)) {
          dropped.push({ text: mention.text, start, end, reason: 'repeats a figure already read from this text', quote: sentence.text });
          continue;
        }
        seen.add(key);
        figures.push(figure);
      }
    }
    return { text: plain, figures, dropped };
  };
}
