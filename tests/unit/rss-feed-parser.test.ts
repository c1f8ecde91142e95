/**
 * The feed parser adapter: what the pipeline reads from RSS 0.91, 1.0, 2.0 and Atom, written for
 * this project in the shape real feeds have.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
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

  it('reads each feed afresh, so a malformed one does not hide the errors of the next', async () => {
    await expect(parser.parse('<rss version="2.0"><channel><title>&a; &b;</title></channel></rss>')).rejects.toThrow(FeedParseError);
    await expect(parser.parse('<rss version="2.0"><channel><title>&c;</title></channel></rss>')).rejects.toThrow(
      'not a readable RSS or Atom feed: Invalid character entity',
    );
  });

  it('reads an Atom entry whose date does not parse as an entry without a date, instead of refusing the feed', async () => {
    const feed = await parser.parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:a,2026:1</id><title>t</title><published>yesterday</published></entry>' +
        '<entry><id>tag:a,2026:2</id><title>u</title><published> </published><updated>2026-01-22T07:30:00Z</updated></entry></feed>',
    );
    expect(feed.items).toEqual([
      { guid: 'tag:a,2026:1', title: 't' },
      { guid: 'tag:a,2026:2', title: 'u', published: '2026-01-22T07:30:00.000Z' },
    ]);
  });

  it('refuses an item whose description nests 10,000 elements deep with a FeedParseError, not a crash', async () => {
    const nested = `${'<div>'.repeat(10_000)}150 moved${'</div>'.repeat(10_000)}`;
    const xml = `<rss version="2.0"><channel><title>t</title><item><title>x</title><description>${nested}</description></item></channel></rss>`;
    await expect(parser.parse(xml)).rejects.toBeInstanceOf(FeedParseError);
  });
});

describe('XML safety', () => {
  it('refuses entity expansion (a "billion laughs" feed) instead of expanding it', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      '<rss version="2.0"><channel><title>&c;</title><item><title>&c;</title></item></channel></rss>';
    await expect(parser.parse(laughs)).rejects.toThrow(/not a readable RSS or Atom feed/);
  });

  /** A file an external entity could name, holding words that must never reach a feed's text. */
  const secret = join(mkdtempSync(join(tmpdir(), 'transfer-watch-xxe-')), 'secret.txt');
  writeFileSync(secret, 'SECRET-6c1f: US forces moved 999 detainees');

  it('refuses a feed that uses an external entity, without reading the file it names', async () => {
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://${secret}">]><rss version="2.0"><channel><title>x</title><item><title>&x;</title></item></channel></rss>`;
    const error = await parser.parse(external).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).not.toContain('SECRET-6c1f');
  });

  it('reads a feed that declares an external entity and never uses it, and nothing of the file', async () => {
    const declared = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "file://${secret}"> %p;]><rss version="2.0"><channel><title>x</title><item><title>t</title></item></channel></rss>`;
    const feed = await parser.parse(declared);
    expect(feed.items).toEqual([{ title: 't' }]);
    expect(JSON.stringify(feed)).not.toContain('SECRET-6c1f');
  });

  it('never fetches an external DTD or entity', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('<!ENTITY x "fetched">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dtd = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.dtd`;
    try {
      const xml = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${dtd}" [<!ENTITY % remote SYSTEM "${dtd}"> %remote;]><rss version="2.0"><channel><title>x</title><item><title>t</title></item></channel></rss>`;
      expect((await parser.parse(xml)).items).toEqual([{ title: 't' }]);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('prototype pollution', () => {
  const hostileFeeds = (name: string): [where: string, xml: string][] => [
    [
      'an item element',
      `<rss version="2.0"><channel><title>x</title><item><title>t</title><${name}><polluted>yes</polluted></${name}></item></channel></rss>`,
    ],
    [
      'a channel element',
      `<rss version="2.0"><channel><title>x</title><${name}><polluted>yes</polluted></${name}><item><title>t</title></item></channel></rss>`,
    ],
    [
      'an element nested in it',
      `<rss version="2.0"><channel><title>x</title><item><title>t</title><${name}><${name}><polluted>yes</polluted></${name}></${name}></item></channel></rss>`,
    ],
    [
      'attributes',
      `<rss version="2.0" ${name}="yes"><channel ${name}="yes"><title>x</title><item ${name}="yes"><title ${name}="yes">t</title><guid ${name}="yes">g</guid></item></channel></rss>`,
    ],
    [
      'Atom XHTML content',
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry ${name}="yes"><id>i</id><title>t</title><content type="xhtml"><div><${name} ${name}="yes"><polluted>yes</polluted></${name}></div></content></entry></feed>`,
    ],
    ['the root element', `<${name}><channel><polluted>yes</polluted></channel></${name}>`],
  ];
  const cases = ['__proto__', 'constructor', 'prototype'].flatMap((name) =>
    hostileFeeds(name).map(([where, xml]) => [name, where, xml] as const),
  );

  it.each(cases)(
    '%s as %s leaves Object.prototype as it was, and reads the feed or refuses it with a FeedParseError',
    async (_name, _where, xml) => {
      const before = Object.getOwnPropertyDescriptors(Object.prototype);
      const refusal = await parser.parse(xml).then(
        (feed) => {
          expect(feed.items).toEqual([expect.objectContaining({ title: 't' })]);
        },
        (reason: unknown) => reason,
      );
      if (refusal !== undefined) expect(refusal).toBeInstanceOf(FeedParseError);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(before);
    },
  );
});
