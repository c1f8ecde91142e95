/**
 * RSS 2.0 feeds for the poll-cycle benchmark, in the words bench/news-text.ts writes: 50 items a
 * feed, one in ten about the detainee transfers and carrying figures, the rest other news. Each
 * feed has a seed of its own, so the first N feeds are the same bytes whatever the count. They are
 * served from one HTTP server on 127.0.0.1 with an ETag, and a 304 to a matching If-None-Match.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateArticle } from './news-text.js';

export const ITEMS_PER_FEED = 50;
/** The time of the first benchmark cycle: every item is published in the three days before it. */
export const FEEDS_NOW = Date.parse('2026-03-02T12:00:00Z');

/** Where the server answers for feed `index`. */
export const feedPath = (index: number): string => `/feed-${index}.xml`;

export interface GeneratedFeed {
  /** Where the server answers for it: feedPath(index). */
  path: string;
  outlet: string;
  xml: string;
}

/** The generator of bench/news-text.ts (not exported there), seeded per feed here. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Feed `index`: items newest first, every tenth about the story, each with a guid, a link, a date and an HTML description. */
export function generateFeed(index: number, items = ITEMS_PER_FEED): GeneratedFeed {
  const random = seededRandom(7919 * (index + 1));
  const host = `outlet-${index}.example`;
  const outlet = `Bench Outlet ${index}`;
  const entries = Array.from({ length: items }, (_, item) => {
    const article = generateArticle(random, (item + index) % 10 === 0);
    const link = `https://${host}/news/${index}-${item}`;
    // Newest first, spread over the three days before FEEDS_NOW.
    const slot = (72 * 3_600_000) / items;
    const published = new Date(FEEDS_NOW - Math.floor((item + random()) * slot)).toUTCString();
    const paragraphs = article.text
      .split(/(?<=\.) /)
      .map((sentence) => `<p>${escapeXml(sentence)}</p>`)
      .join('');
    return [
      '    <item>',
      `      <title>${escapeXml(article.title)}</title>`,
      `      <link>${link}</link>`,
      `      <guid isPermaLink="true">${link}</guid>`,
      `      <pubDate>${published}</pubDate>`,
      `      <description><![CDATA[${paragraphs}]]></description>`,
      '    </item>',
    ].join('\n');
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${outlet}</title>`,
    `    <link>https://${host}/</link>`,
    `    <description>News from ${outlet}</description>`,
    '    <language>en</language>',
    `    <lastBuildDate>${new Date(FEEDS_NOW).toUTCString()}</lastBuildDate>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
  return { path: feedPath(index), outlet, xml };
}

export function generateFeeds(count: number, items = ITEMS_PER_FEED): GeneratedFeed[] {
  return Array.from({ length: count }, (_, index) => generateFeed(index, items));
}

export interface FeedServer {
  /** http://127.0.0.1:<port>: feed `index` is at origin + feedPath(index). */
  origin: string;
  /** Requests answered, and how many of them with a 304. */
  requests(): { total: number; notModified: number };
  close(): Promise<void>;
}

/** Serves the feeds from memory on 127.0.0.1: 200 with an ETag, 304 when If-None-Match names it, 404 for anything else. */
export async function serveFeeds(feeds: readonly GeneratedFeed[]): Promise<FeedServer> {
  const bodies = new Map(
    feeds.map((feed) => {
      const body = Buffer.from(feed.xml);
      return [feed.path, { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` }] as const;
    }),
  );
  let total = 0;
  let notModified = 0;
  const server = createServer((request, response) => {
    total += 1;
    const feed = bodies.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!feed) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const asked = request.headers['if-none-match'];
    if (asked !== undefined && asked.split(',').some((tag) => tag.trim() === feed.etag)) {
      notModified += 1;
      response.writeHead(304, { etag: feed.etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => ({ total, notModified }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
