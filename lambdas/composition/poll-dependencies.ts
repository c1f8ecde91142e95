/**
 * The composition: the one place that knows which adapter serves which port, building the real
 * dependencies of a poll cycle and handing them over as arguments. Local mode (local.ts) and the
 * deployed functions (aws.ts) share this part; they are apart so that a Lambda bundle never
 * carries the embedded database.
 */
import { loadTopicFile } from '../adapters/topic-file.js';
import { createHttpFetcher } from '../adapters/fetch/http-feed-fetcher.js';
import { createReadabilityPageReader } from '../adapters/parse/readability-page-reader.js';
import { createRssFeedParser } from '../adapters/parse/rss-feed-parser.js';
import type { Config } from '../core/config/config.js';
import { createExtractor } from '../core/extract/extract.js';
import type { PollDependencies, PollEvent } from '../core/poll/poll-cycle.js';
import type { Clock, Publisher, Store } from '../core/poll/ports.js';
import { createRelevanceCheck } from '../core/relevance/relevance.js';
import type { MetricKind } from '../core/topic/topic.js';

export interface Wiring {
  store: Store;
  publisher: Publisher;
  onEvent?: (event: PollEvent) => void;
  /** The time cycles run at; the demo replays days in seconds. */
  clock?: Clock;
}

export function pollDependencies(config: Config, { store, publisher, onEvent, clock }: Wiring): PollDependencies {
  const topic = loadTopicFile(config.topicFile);
  const kinds = new Map<string, MetricKind>(topic.metrics.map((metric) => [metric.id, metric.kind]));
  return {
    config,
    fetcher: createHttpFetcher(config.fetch),
    parser: createRssFeedParser(),
    ...(config.readLinkedPages ? { pageReader: createReadabilityPageReader() } : {}),
    store,
    publisher,
    clock: clock ?? { now: () => new Date() },
    extract: createExtractor(topic, { reasons: false }),
    isRelevant: createRelevanceCheck(topic),
    kindOf: (metric) => kinds.get(metric) ?? 'stock',
    ...(onEvent ? { onEvent } : {}),
  };
}
