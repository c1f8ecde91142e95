import { describe, expect, it } from 'vitest';
import { phraseAlternation } from '../../lambdas/core/text/phrase-alternation.js';

function matcher(phrases: string[]): RegExp {
  return new RegExp(`\\b(?:${phraseAlternation(phrases)})\\b`, 'g');
}

describe('phrase alternation', () => {
  it('matches each phrase as a whole word and nothing else', () => {
    const pattern = matcher(['moved', 'move', 'moves']);
    expect('he moved, she moves, they move, a movement'.match(pattern)).toEqual(['moved', 'moves', 'move']);
  });

  it('prefers the longer of two phrases that share a start', () => {
    expect('they handed over 150 men'.match(matcher(['handed', 'handed over']))).toEqual(['handed over']);
  });

  it('lets a space in a phrase match any run of white space, and either apostrophe match', () => {
    expect('taken  into\ncustody at al-sina’a'.match(matcher(['taken into custody', "al-sina'a"]))).toEqual([
      'taken  into\ncustody',
      'al-sina’a',
    ]);
  });

  it('treats characters with a meaning in regular expressions as plain text', () => {
    expect('approx. 150 (est.)'.match(new RegExp(phraseAlternation(['approx.', '(est.)']), 'g'))).toEqual(['approx.', '(est.)']);
  });
});
