/**
 * A cap on the text of one feed item: relevance and extraction read every character they are given,
 * so an item the size of a book costs as much as a book. A longer text is cut, and the cut said.
 */
import type { FeedItem } from './feed.js';

const TEXT_FIELDS = ['title', 'summary', 'content'] as const;

export interface CappedItems {
  items: FeedItem[];
  /** What the feed's report says about the cut, when an item was cut. */
  notice?: string;
}

/** The items with each text field longer than `limit` characters cut to that many. */
export function capItemText(items: FeedItem[], limit: number): CappedItems {
  const cut: FeedItem[] = [];
  const capped = items.map((item) => {
    if (TEXT_FIELDS.every((field) => (item[field]?.length ?? 0) <= limit)) return item;
    const shortened = { ...item };
    for (const field of TEXT_FIELDS) {
      const text = item[field];
      if (text !== undefined && text.length > limit) shortened[field] = cutAt(text, limit);
    }
    cut.push(shortened);
    return shortened;
  });
  const [first, ...others] = cut;
  if (first === undefined) return { items: capped };
  const more = others.length === 0 ? '' : ` (and ${others.length} more ${others.length === 1 ? 'item' : 'items'})`;
  return { items: capped, notice: `item ${first.link ?? first.guid ?? '(no link or guid)'} text cut at ${limit} characters${more}` };
}

/** A character outside the Basic Multilingual Plane is two code units: the cut never leaves half of one. */
function cutAt(text: string, limit: number): string {
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
