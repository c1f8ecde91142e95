import { describe, expect, it } from 'vitest';
import { canonicalLink, contentHash, itemKey, storyId } from '../../lambdas/core/feed/item-identity.js';

const story = {
  title: 'US moves 150 IS detainees to Iraq',
  content: '<p>US forces moved 150 Islamic State detainees from Hasakah to Iraq on Wednesday.</p>',
};

describe('item key', () => {
  it('is the guid when the item has one', () => {
    expect(itemKey({ ...story, guid: ' lw-001 ', link: 'https://a.example/x' })).toBe('guid:lw-001');
  });

  it('is the canonical link when there is no guid', () => {
    expect(itemKey({ ...story, link: 'https://a.example/x/?utm_source=rss#top' })).toBe('link:https://a.example/x');
  });

  it('is a hash of the content when there is neither', () => {
    expect(itemKey(story)).toMatch(/^hash:[0-9a-f]{32}$/);
    expect(itemKey(story)).toBe(itemKey({ ...story }));
  });
});

describe('canonical link', () => {
  it('drops tracking parameters, the fragment and a trailing slash, and orders the rest', () => {
    expect(canonicalLink('https://a.example/news/1/?utm_medium=feed&b=2&a=1&fbclid=x#comments')).toBe('https://a.example/news/1?a=1&b=2');
  });

  it('gives nothing for text that is no URL', () => {
    expect(canonicalLink('not a link')).toBeUndefined();
  });
});

describe('content hash', () => {
  it('changes when a story is revised in place', () => {
    expect(contentHash({ ...story, content: story.content.replace('150', '250') })).not.toBe(contentHash(story));
  });

  it('stays the same for the same text', () => {
    expect(contentHash({ ...story })).toBe(contentHash(story));
  });
});

describe('story id', () => {
  it('is shared by syndicated copies that differ only in markup, spacing and link', () => {
    const copy = {
      title: 'US moves 150 IS  detainees to Iraq',
      content: '<div>US forces moved 150 Islamic State detainees from Hasakah to Iraq on Wednesday.</div>',
      link: 'https://b.example/wire/123',
      guid: 'b-123',
    };
    expect(storyId(copy)).toBe(storyId({ ...story, link: 'https://a.example/x' }));
  });

  it('differs for a different text', () => {
    expect(storyId({ ...story, content: '<p>Another 250 were moved on Thursday.</p>' })).not.toBe(storyId(story));
  });
});
