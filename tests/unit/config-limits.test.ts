/** Specification of the limits a configuration sets on what is read, and the words it refuses too much in. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lambdas/core/config/config.js';

const feeds = (count: number) => Array.from({ length: count }, (_, index) => ({ url: `https://feed${index}.example/rss` }));

describe('the limits of a configuration', () => {
  it('reads 100,000 characters of an item’s text unless told otherwise', () => {
    expect(parseConfig({}, 'config.json').limits).toEqual({ itemTextChars: 100_000 });
  });

  it('refuses an item text limit below 1,000 characters, naming the setting', () => {
    expect(() => parseConfig({ limits: { itemTextChars: 999 } }, 'config.json')).toThrow(
      'invalid configuration in config.json: limits.itemTextChars: ',
    );
  });

  it('takes 5,000 feeds', () => {
    expect(parseConfig({ feeds: feeds(5_000) }, 'config.json').feeds).toHaveLength(5_000);
  });

  it('refuses 5,001 feeds, saying what the limit is and how many there are', () => {
    expect(() => parseConfig({ feeds: feeds(5_001) }, 'config.json')).toThrow(
      'invalid configuration in config.json: feeds: at most 5,000 feeds in one configuration, and this one has 5,001',
    );
  });
});
