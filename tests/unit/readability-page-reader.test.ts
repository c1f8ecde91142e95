import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReadabilityPageReader } from '../../lambdas/adapters/parse/readability-page-reader.js';

const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'feeds', 'article-page.html'), 'utf8');
const reader = createReadabilityPageReader();

describe("an article page's main text", () => {
  it('keeps the story', () => {
    const text = reader.mainText(page, 'https://gulfdaily.example/region/another-600');
    expect(text).toContain('bringing the total transferred since the operation began to 1,380');
    expect(text).toContain('up to 7,000 detainees could ultimately be moved');
  });

  it('leaves out navigation, teasers of other stories and the footer', () => {
    const text = reader.mainText(page, 'https://gulfdaily.example/region/another-600') ?? '';
    expect(text).not.toContain('1,200 homes');
    expect(text).not.toContain('subscribers');
    expect(text).not.toContain('Sport');
  });

  it('gives nothing for a page with no article', () => {
    expect(reader.mainText('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://x.example/')).toBeUndefined();
  });
});
