import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/news-text.js';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { createExtractor } from '../../lambdas/core/extract/extract.js';

const topic = loadTopicFile();
const explain = createExtractor(topic);
const pipeline = createExtractor(topic, { reasons: false });

/** Words that open or close the pipeline's shortcuts: cue words, questions, references back, numbers of every form. */
const words = fc.constantFrom(
  'moved',
  'held',
  'escaped',
  'recaptured',
  'detainees',
  'countries',
  'al-Hol',
  'Iraq',
  'Syria',
  'the total now stands at',
  'It now holds',
  'How many?',
  'US forces moved 900 IS detainees to Iraq on Monday.',
  'The total now stands at 5,700.',
  'How many detainees have been moved to Iraq so far?',
  'Upwards of 4,700, officials said.',
  'percent',
  '$',
  'in 2019',
  'seven thousand',
  'one',
  '1,500',
  '24,000',
  '. ',
  '? ',
  ', ',
  '\n',
  '\n\n',
);
const text = fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 50 }).map((parts) => parts.join(' '));

/** The generator's random draws, reused in turn once spent. */
const draws = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 16, maxLength: 120 });

describe('the pipeline, which passes over lines and sentences without a cue word, reads what explain reads', () => {
  it('gives the same figures on random text', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (body, title) => {
        expect(pipeline({ title, text: body }).figures).toEqual(explain({ title, text: body }).figures);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same figures on generated news, about the story or not', () => {
    fc.assert(
      fc.property(draws, fc.boolean(), (values, aboutStory) => {
        let drawn = 0;
        const article = generateArticle(() => values[drawn++ % values.length]!, aboutStory);
        expect(pipeline(article).figures).toEqual(explain(article).figures);
      }),
      { numRuns: 300 },
    );
  });
});
