import { createHash } from 'node:crypto';
import { toPlainText } from '../text/html-to-text.js';
import type { FeedItem } from './feed.js';

/** Query parameters that track a reader, not name a page: a link with and without them is one item. */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A link without tracking parameters, fragment, default port or trailing slash; undefined if it is no URL. */
export function canonicalLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.toString();
}

/** The item's words, without markup or spacing differences: what syndicated copies share. */
function normalisedText(item: FeedItem): string {
  return [item.title, item.content ?? item.summary]
    .filter((part): part is string => part !== undefined)
    .map((part) => toPlainText(part).toLowerCase().replace(/\s+/g, ' ').trim())
    .join('\n');
}

/** Identifies an item across cycles: its guid, else its canonical link, else a hash of its content. */
export function itemKey(item: FeedItem): string {
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  const link = canonicalLink(item.link);
  if (link) return `link:${link}`;
  return `hash:${hash(normalisedText(item))}`;
}

/** Changes when the item is revised in place: a story updated with a new figure is read again. */
export function contentHash(item: FeedItem): string {
  return hash([item.title ?? '', item.summary ?? '', item.content ?? ''].join('\u0000'));
}

/** One story however many feeds or links carry it: copies of the same wire text share it. */
export function storyId(item: FeedItem): string {
  return hash(normalisedText(item));
}
