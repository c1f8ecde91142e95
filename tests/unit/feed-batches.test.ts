import { describe, expect, it } from 'vitest';
import { batchFeedsByHost, hostOf, hostsLease } from '../../lambdas/core/fan-out/feed-batches.js';

const feed = (url: string) => ({ url });
const urls = (batches: Array<Array<{ url: string }>>) => batches.map((batch) => batch.map((one) => one.url));

describe('cutting a feed list into batches by host', () => {
  it('keeps every feed of a host in one batch, wherever the list names them', () => {
    const batches = batchFeedsByHost(
      [feed('https://a.example/1'), feed('https://b.example/1'), feed('https://a.example/2'), feed('https://c.example/1')],
      2,
    );
    expect(urls(batches)).toEqual([
      ['https://a.example/1', 'https://a.example/2'],
      ['https://b.example/1', 'https://c.example/1'],
    ]);
  });

  it('fills a batch with whole hosts up to the size, and starts another when the next host does not fit', () => {
    const batches = batchFeedsByHost(
      [feed('https://a.example/1'), feed('https://b.example/1'), feed('https://b.example/2'), feed('https://c.example/1')],
      3,
    );
    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
  });

  it('gives a host with more feeds than a batch holds a batch of its own, uncut', () => {
    const many = Array.from({ length: 5 }, (_, index) => feed(`https://big.example/${index}`));
    const batches = batchFeedsByHost([feed('https://small.example/1'), ...many, feed('https://other.example/1')], 2);
    expect(batches.map((batch) => batch.length)).toEqual([1, 5, 1]);
  });

  it('treats host names that differ only in case as one host, and ports as the same host', () => {
    expect(hostOf(feed('https://Wire.Example:8443/rss'))).toBe('wire.example');
    expect(batchFeedsByHost([feed('https://WIRE.example/a'), feed('http://wire.example:8080/b')], 1)).toHaveLength(1);
  });

  it('makes one batch a feed when every feed has a host of its own and a batch holds one', () => {
    expect(batchFeedsByHost([feed('https://a.example/'), feed('https://b.example/'), feed('https://c.example/')], 1)).toHaveLength(3);
  });

  it('makes no batch of no feeds', () => {
    expect(batchFeedsByHost([], 50)).toEqual([]);
  });
});

describe('the lease on a batch’s hosts', () => {
  it('has one name for the same hosts, whatever their feeds and their order', () => {
    expect(hostsLease([feed('https://a.example/1'), feed('https://b.example/1')])).toBe(
      hostsLease([feed('https://B.example/2'), feed('https://a.example/3'), feed('https://a.example/4')]),
    );
  });

  it('has another name for other hosts, as short for fifty hosts as for one', () => {
    const fifty = Array.from({ length: 50 }, (_, index) => feed(`https://outlet-${index}.example/rss`));
    expect(hostsLease(fifty)).not.toBe(hostsLease([feed('https://a.example/1')]));
    expect(hostsLease(fifty)).toMatch(/^hosts [0-9a-f]{32}$/);
  });
});
