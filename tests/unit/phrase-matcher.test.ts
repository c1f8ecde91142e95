import { describe, expect, it } from 'vitest';
import { PhraseMatcher, tokenize } from '../../lambdas/core/text/phrase-matcher.js';

describe('tokens', () => {
  it('keeps hyphens, apostrophes and dots inside a word and reads a typographic apostrophe as straight', () => {
    expect(tokenize('al-hol and al-sina’a, u.s. forces').map((token) => token.word)).toEqual([
      'al-hol',
      'and',
      "al-sina'a",
      'u.s',
      'forces',
    ]);
  });

  it("keeps a possessive 's apart from the name it follows", () => {
    expect(tokenize("al-hol's population").map((token) => token.word)).toEqual(['al-hol', 's', 'population']);
  });

  it('gives each word its offsets in the text', () => {
    const text = 'moved 150 men';
    expect(tokenize(text).map((token) => text.slice(token.start, token.end))).toEqual(['moved', '150', 'men']);
  });
});

describe('phrase matching', () => {
  const matcher = new PhraseMatcher<string>([
    ['handed', 'one word'],
    ['handed over', 'two words'],
    ['al hol', 'alias'],
  ]);

  it('takes the longest phrase starting at a word, and still finds phrases that start inside it', () => {
    const overlapping = new PhraseMatcher<string>([
      ['are in', 'stock'],
      ['in custody again', 'recapture'],
      ['handed', 'one word'],
      ['handed over', 'two words'],
    ]);
    expect(overlapping.findAll(tokenize('they handed over 150 men')).map((hit) => hit.value)).toEqual(['two words']);
    expect(overlapping.findAll(tokenize('600 are in custody again')).map((hit) => hit.value)).toEqual(['stock', 'recapture']);
  });

  it('gives the offsets of the whole phrase', () => {
    const text = 'people in al  hol camp';
    const [hit] = matcher.findAll(tokenize(text));
    expect(text.slice(hit!.start, hit!.end)).toBe('al  hol');
  });

  it('matches whole words only', () => {
    expect(matcher.findAll(tokenize('the handedness of al-hol'))).toEqual([]);
  });
});
