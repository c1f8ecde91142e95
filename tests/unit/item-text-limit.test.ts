/** Specification of the cap on one item's text: what is cut, where, and how the cut is told. */
import { describe, expect, it } from 'vitest';
import { capItemText } from '../../lambdas/core/feed/item-text-limit.js';

const LINK = 'https://levantwire.example/2026/01/21/first-batch';

describe('capping the text of feed items', () => {
  it('leaves items within the limit as they are, and says nothing', () => {
    const items = [{ link: LINK, title: 'US moves 150 IS detainees', content: 'x'.repeat(1_000) }];
    expect(capItemText(items, 1_000)).toEqual({ items });
  });

  it('cuts a title, summary or content longer than the limit to the limit, and names the item by its link', () => {
    const item = { link: LINK, title: 't'.repeat(1_500), summary: 's'.repeat(900), content: 'c'.repeat(250_000) };
    expect(capItemText([item], 1_000)).toEqual({
      items: [{ link: LINK, title: 't'.repeat(1_000), summary: 's'.repeat(900), content: 'c'.repeat(1_000) }],
      notice: `item ${LINK} text cut at 1000 characters`,
    });
  });

  it('names an item without a link by its guid, and counts the other items cut', () => {
    const long = 'c'.repeat(1_001);
    const items = [{ guid: 'lw-1', content: long }, { title: 'short' }, { link: LINK, content: long }, { content: long }];
    expect(capItemText(items, 1_000).notice).toBe('item lw-1 text cut at 1000 characters (and 2 more items)');
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const content = `${'c'.repeat(999)}😀 and more`;
    expect(capItemText([{ content }], 1_000).items).toEqual([{ content: 'c'.repeat(999) }]);
  });
});
