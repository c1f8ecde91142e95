import { createExtractor } from '../lambdas/core/extract/extract.js';
import type { Topic } from '../lambdas/core/topic/topic.js';
import { generateArticles } from './news-text.js';

export interface ExtractThroughput {
  megabytes: number;
  extract_mb_s: number;
  regex_mb_s: number;
  extract_vs_regex: number;
  /** The same texts with a reason kept for every dropped number, as `explain` reads them. */
  extract_with_reasons_mb_s: number;
  figures: number;
}

const BARE_NUMBER_SCAN = /\d[\d,.]*/g;

function bestOf<T>(runs: number, work: () => T): { seconds: number; result: T } {
  let best = Infinity;
  let result: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    result = work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { seconds: best, result: result as T };
}

/** Extraction over >= 5 MB of generated news, against a bare regex scan for numbers of the same bytes. */
export function measureExtraction(topic: Topic, bytes = 6 * 1024 * 1024): ExtractThroughput {
  const articles = generateArticles(bytes);
  const megabytes =
    articles.reduce((sum, article) => sum + Buffer.byteLength(article.title) + Buffer.byteLength(article.text), 0) / 1024 / 1024;
  // The pipeline's extractor keeps no reasons for dropped numbers; explain's does, at a cost shown beside it.
  const extract = createExtractor(topic, { reasons: false });
  const explain = createExtractor(topic);
  const extraction = bestOf(3, () => articles.reduce((count, article) => count + extract(article).figures.length, 0));
  const withReasons = bestOf(3, () => articles.reduce((count, article) => count + explain(article).figures.length, 0));
  if (withReasons.result !== extraction.result) throw new Error('keeping reasons changed the figures read');
  const scan = bestOf(5, () =>
    articles.reduce(
      (count, article) =>
        count + (article.title.match(BARE_NUMBER_SCAN)?.length ?? 0) + (article.text.match(BARE_NUMBER_SCAN)?.length ?? 0),
      0,
    ),
  );
  return {
    megabytes,
    extract_mb_s: megabytes / extraction.seconds,
    regex_mb_s: megabytes / scan.seconds,
    extract_vs_regex: extraction.seconds / scan.seconds,
    extract_with_reasons_mb_s: megabytes / withReasons.seconds,
    figures: extraction.result,
  };
}
