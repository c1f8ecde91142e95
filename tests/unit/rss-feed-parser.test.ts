/**
 * The feed parser adapter: what the pipeline reads from RSS 0.91, 1.0, 2.0 and Atom, written for
 * this project in the shape real feeds have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRssFeedParser } from '../../lambdas/adapters/parse/rss-feed-parser.js';
import { FeedParseError } from '../../lambdas/core/feed/feed.js';

const feeds = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const read = (name: string) => readFileSync(join(feeds, name), 'utf8');
const parser = createRssFeedParser();

describe('RSS 2.0', () => {
  it('reads guid, link, title, description as summary, content:encoded as content and the date', async () => {
    const feed = await parser.parse(read('rss2.xml'));
    expect(feed.items[0]).toEqual({
      guid: 'lw-20260121-001',
      link: 'https://levantwire.example/2026/01/21/first-batch',
      title: 'US moves 150 IS detainees from Syria to Iraq',
      summary: 'US forces moved 150 Islamic State detainees out of Hasakah on Wednesday.',
      content:
        '<p>US forces moved 150 Islamic State detainees from a prison in Hasakah to Iraq on Wednesday, officials said.</p><p>Up to 7,000 could ultimately be moved.</p>',
      published: '2026-01-21T14:05:00.000Z',
    });
  });

  it("reads the channel's ttl in minutes", async () => {
    expect((await parser.parse(read('rss2.xml'))).ttlMinutes).toBe(30);
  });

  it('keeps an item with no guid, identified later by its link', async () => {
    expect((await parser.parse(read('rss2.xml'))).items[1]).toMatchObject({ link: 'https://levantwire.example/2026/01/21/rates' });
    expect((await parser.parse(read('rss2.xml'))).items[1]?.guid).toBeUndefined();
  });
});

describe('Atom', () => {
  it('reads id as guid, summary and html content, and the published date rather than the updated one', async () => {
    const feed = await parser.parse(read('atom.xml'));
    expect(feed.items).toEqual([
      {
        guid: 'tag:gulfdaily.example,2026:al-hol-24000',
        link: 'https://gulfdaily.example/news/al-hol-24000',
        title: 'Al-Hol camp holds more than 24,000 people',
        summary: "Aid groups say the camp's population is above 24,000.",
        content: '<p>Al-Hol camp holds more than 24,000 people, most of them women and children, aid groups said.</p>',
        published: '2026-01-22T07:30:00.000Z',
      },
    ]);
  });
});

describe('RSS 1.0 and 0.91', () => {
  it('reads an RDF item with its dc:date', async () => {
    const [item] = (await parser.parse(read('rss1.xml'))).items;
    expect(item).toMatchObject({
      title: 'More than 1,500 detainees escape al-Shaddadi prison',
      link: 'https://detentionmonitor.example/briefs/escape',
      summary: 'The SDF says more than 1,500 escaped.',
    });
  });

  it('reads a 0.91 item with no date', async () => {
    expect((await parser.parse(read('rss091.xml'))).items).toEqual([
      {
        title: 'Iraq receives another 250 IS detainees',
        link: 'https://olddesk.example/250',
        summary: 'Another 250 detainees were transferred to Iraq on Monday.',
      },
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['malformed XML', '<rss><channel><item><title>x</title></channel>'],
    ['an HTML page', '<!doctype html><html><head><title>Home</title></head><body><p>Hello</p></body></html>'],
    ['an empty body', ''],
  ])('rejects %s with a FeedParseError', async (_name, body) => {
    await expect(parser.parse(body)).rejects.toBeInstanceOf(FeedParseError);
  });

  it('reads no more than the item limit and reports how many there were', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>Item ${i}</title><link>https://x.example/${i}</link></item>`).join('');
    const feed = await createRssFeedParser({ maxItems: 10 }).parse(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
    expect(feed.items).toHaveLength(10);
    expect(feed.truncatedFrom).toBe(30);
  });

  it('refuses entity expansion (a "billion laughs" feed) instead of expanding it', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      '<rss version="2.0"><channel><title>&c;</title><item><title>&c;</title></item></channel></rss>';
    await expect(parser.parse(laughs)).rejects.toThrow(/not a readable RSS or Atom feed/);
  });

  it('never reads an external entity', async () => {
    const external =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x</title><item><title>&x;</title></item></channel></rss>';
    expect((await parser.parse(external)).items).toEqual([{ title: '&x;' }]);
  });

  it('leaves objects unpolluted by items named __proto__ or constructor', async () => {
    const hostile =
      '<rss version="2.0"><channel><title>x</title><item><title>t</title><__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor></item></channel></rss>';
    await parser.parse(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
