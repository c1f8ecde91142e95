import Parser from 'rss-parser';
import { FeedParseError, type FeedItem, type ParsedFeed } from '../../core/feed/feed.js';
import type { FeedParser } from '../../core/poll/ports.js';

type RawFeed = { ttl?: string };
type RawItem = { id?: string; 'content:encoded'?: string; summary?: string };

/** Items past this many in one feed are left unread (and reported): no real news feed carries more. */
export const DEFAULT_MAX_ITEMS = 1_000;

/** The Atom dates rss-parser turns into ISO form unguarded: one that does not parse would refuse the whole feed. */
const ATOM_DATES = new Set(['published', 'updated']);

const XML_OPTIONS = {
  // An entry whose date does not parse is read without a date, as rss-parser already reads an RSS item.
  valueProcessors: [(value: string, name: string) => (ATOM_DATES.has(name) && Number.isNaN(Date.parse(value)) ? '' : value)],
  // Value processors never see a whitespace-only element, and "<published> </published>" is no date either.
  emptyTag: () => '',
};

/** rss-parser for RSS 0.9x, 1.0, 2.0 and Atom; only the fields the pipeline reads are kept. */
export function createRssFeedParser({ maxItems = DEFAULT_MAX_ITEMS }: { maxItems?: number } = {}): FeedParser {
  return {
    async parse(xml: string): Promise<ParsedFeed> {
      // A parser for each feed: xml2js carries a failed document's error state into the next one, where it hides that one's first error.
      const parser = new Parser<RawFeed, RawItem>({ customFields: { feed: ['ttl'] }, xml2js: XML_OPTIONS });
      let raw: Awaited<ReturnType<typeof parser.parseString>>;
      try {
        raw = await parser.parseString(xml);
      } catch (error) {
        throw new FeedParseError(`not a readable RSS or Atom feed: ${firstLine((error as Error).message)}`);
      }
      if (!Array.isArray(raw.items)) throw new FeedParseError('not a readable RSS or Atom feed: no items element');
      const items = raw.items.slice(0, maxItems).map(toFeedItem);
      const ttl = Number.parseInt(raw.ttl ?? '', 10);
      return {
        ...(raw.title ? { title: raw.title } : {}),
        items,
        ...(Number.isFinite(ttl) && ttl > 0 ? { ttlMinutes: ttl } : {}),
        ...(raw.items.length > maxItems ? { truncatedFrom: raw.items.length } : {}),
      };
    },
  };
}

function toFeedItem(item: Parser.Item & RawItem): FeedItem {
  // rss-parser puts RSS's <description> in `content` and <content:encoded> apart; Atom's <summary> and <content> keep their names.
  const atom = item.guid === undefined && item.id !== undefined;
  const summary = atom ? item.summary : item.content;
  const content = atom ? item.content : item['content:encoded'];
  return compact({
    guid: item.guid ?? item.id,
    link: item.link,
    title: item.title,
    summary: summary === content ? undefined : summary,
    content,
    published: item.isoDate,
  });
}

function compact(item: FeedItem): FeedItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as FeedItem;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
