import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lambdas/core/config/config.js';
import { pollerSize } from '../../lib/poller-sizing.js';

const feeds = (count: number) => Array.from({ length: count }, (_, index) => ({ url: `https://feed${index}.example/rss` }));

describe('the poller’s size', () => {
  it('is 512 MB and 150 s for the shipped ten feeds: three rounds of four at 15 s, doubled for linked pages, and a minute to spare', () => {
    expect(pollerSize(parseConfig({ feeds: feeds(10) }, 'test'))).toMatchObject({ memoryMb: 512, timeoutSeconds: 150 });
  });

  it('does not double the fetch time when linked pages are not read', () => {
    expect(pollerSize(parseConfig({ feeds: feeds(10), readLinkedPages: false }, 'test')).timeoutSeconds).toBe(105);
  });

  it('doubles the memory past 200 feeds, for the CPU Lambda gives with it and room for larger bodies than the benchmark’s', () => {
    expect(pollerSize(parseConfig({ feeds: feeds(201) }, 'test')).memoryMb).toBe(1024);
  });

  it('never asks for more than Lambda’s fifteen minutes', () => {
    expect(pollerSize(parseConfig({ feeds: feeds(1000) }, 'test')).timeoutSeconds).toBe(900);
  });
});
