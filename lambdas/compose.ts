/**
 * Builds the real dependencies of a poll cycle and hands them over as arguments: the one place
 * that knows which adapter serves which port. Local mode: embedded DynamoDB and the console.
 */
import { join } from 'node:path';
import { loadTopicFile } from './adapters/topic-file.js';
import { createHttpFetcher } from './adapters/fetch/http-feed-fetcher.js';
import { createReadabilityPageReader } from './adapters/parse/readability-page-reader.js';
import { createRssFeedParser } from './adapters/parse/rss-feed-parser.js';
import { createConsolePublisher } from './adapters/publish/console-publisher.js';
import { createDynamoStore } from './adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb } from './adapters/store/embedded-dynamodb.js';
import type { Config } from './core/config/config.js';
import { createExtractor } from './core/extract/extract.js';
import type { PollDependencies, PollEvent } from './core/poll/poll-cycle.js';
import type { Clock, Publisher, Store } from './core/poll/ports.js';
import { createRelevanceCheck } from './core/relevance/relevance.js';
import type { MetricKind } from './core/topic/topic.js';

export const DEFAULT_DATA_DIR = '.transfer-watch';

export interface LocalStore {
  store: Store;
  close(): Promise<void>;
}

/** The store of local mode: dynalite keeping its tables under `dataDir`, so state persists between runs. */
export async function openLocalStore(dataDir: string = DEFAULT_DATA_DIR): Promise<LocalStore> {
  const dynamo = await startEmbeddedDynamoDb({ dataDir: join(dataDir, 'dynamodb') });
  return { store: createDynamoStore(dynamo.client, dynamo.tableName), close: () => dynamo.close() };
}

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

export interface LocalPoll {
  deps: PollDependencies;
  store: Store;
  close(): Promise<void>;
}

export interface LocalOptions extends Omit<Wiring, 'store' | 'publisher'> {
  dataDir?: string;
  write: (text: string) => void;
  json: boolean;
}

/** Local mode: the embedded store under `dataDir`, and alerts written out instead of published. */
export async function composeLocalPoll(config: Config, { dataDir, write, json, ...wiring }: LocalOptions): Promise<LocalPoll> {
  const local = await openLocalStore(dataDir);
  const publisher = createConsolePublisher(write, { json });
  return { deps: pollDependencies(config, { store: local.store, publisher, ...wiring }), store: local.store, close: local.close };
}
