import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PageReader } from '../../core/poll/ports.js';

/** Below this many characters, what Readability found is a fragment, not an article. */
const MIN_ARTICLE_CHARACTERS = 200;

/**
 * An article page's main text by Mozilla's Readability (Firefox's reader view), on linkedom's DOM:
 * the story without navigation, related links or other stories' teasers, whose figures would
 * otherwise be credited to this item.
 */
export function createReadabilityPageReader(): PageReader {
  return {
    mainText(html: string, url: string): string | undefined {
      const { document } = parseHTML(html);
      if (!document.documentElement) return undefined;
      // Readability resolves relative links against the page's address.
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head?.appendChild(base);
      const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
        charThreshold: MIN_ARTICLE_CHARACTERS,
      }).parse();
      const text = article?.textContent
        ?.replace(/[ \t]+/g, ' ')
        .replace(/\n\s*\n+/g, '\n\n')
        .trim();
      if (!text || text.length < MIN_ARTICLE_CHARACTERS) return undefined;
      return article?.title ? `${article.title}\n\n${text}` : text;
    },
  };
}
