import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopicFile } from '../../lambdas/adapters/topic-file.js';
import { createExtractor } from '../../lambdas/core/extract/extract.js';
import { MAX_PEOPLE } from '../../lambdas/core/extract/not-a-count.js';

const extract = createExtractor(loadTopicFile());

/** Words the extractor reacts to, so random texts reach its deeper rules, not just the gate. */
const storyWords = fc.constantFrom(
  'moved',
  'transferred',
  'held',
  'escaped',
  'recaptured',
  'repatriated',
  'could',
  'up to',
  'more than',
  'about',
  'detainees',
  'people',
  'countries',
  'al-Hol',
  'Roj',
  'Ghwayran',
  'camp',
  'prison',
  'Iraq',
  'Syria',
  'another',
  'denied',
  'including',
  'of them',
  'whether',
  'in 2019',
  'seven thousand',
  'a dozen',
  '1,500',
  '7 000',
  '24,000',
  '999,999,999,999,999,999,999,999',
  '5-7,000',
  '; ',
  ', ',
  '. ',
  '\n',
  '<p>',
  '</p>',
  '&amp;',
  '<script>1,000 moved</script>',
  'İ',
  '’',
  '"',
);
const storyText = fc
  .array(fc.oneof(storyWords, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(' '));

describe('extraction on any input', () => {
  it('never throws, and every figure is a sane count pointing at its own text', () => {
    fc.assert(
      fc.property(storyText, fc.option(storyText, { nil: undefined }), (text, title) => {
        const extraction = extract({ text, title });
        for (const figure of extraction.figures) {
          expect(Number.isInteger(figure.value)).toBe(true);
          expect(figure.value).toBeGreaterThanOrEqual(1);
          expect(figure.value).toBeLessThanOrEqual(MAX_PEOPLE);
          expect(extraction.text.slice(figure.start, figure.end)).toBe(figure.quote);
          expect(extraction.text.slice(figure.number.start, figure.number.end)).toBe(figure.number.text);
        }
        for (const number of extraction.dropped) {
          expect(extraction.text.slice(number.start, number.end)).toBe(number.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives no figure from inside a script, however the text around it reads', () => {
    fc.assert(
      fc.property(storyText, (text) => {
        const extraction = extract({ text: `<p>${text}</p><script>var moved = "9,876,543 detainees were moved";</script>` });
        expect(extraction.figures.map((figure) => figure.value)).not.toContain(9_876_543);
      }),
      { numRuns: 200 },
    );
  });
});
