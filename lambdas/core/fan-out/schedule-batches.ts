/**
 * A scheduler run: the configured feeds, cut into batches by host, put on the queue for workers.
 * It reads and writes nothing else, so a tick costs one queue request per ten batches.
 */
import type { FeedConfig } from '../feed/feed.js';
import type { Clock } from '../poll/ports.js';
import type { BatchMessage } from './batch-message.js';
import { batchFeedsByHost } from './feed-batches.js';
import type { FeedQueue } from './ports.js';

export interface ScheduleDependencies {
  queue: FeedQueue;
  clock: Clock;
}

export interface ScheduleResult {
  feeds: number;
  batches: number;
  /** Feeds in the largest batch: the worker's timeout is sized for it. */
  largestBatch: number;
}

export async function scheduleFeedBatches(
  { queue, clock }: ScheduleDependencies,
  feeds: FeedConfig[],
  { runId, feedsPerMessage }: { runId: string; feedsPerMessage: number },
): Promise<ScheduleResult> {
  const batches = batchFeedsByHost(feeds, feedsPerMessage);
  const enqueuedAt = clock.now().toISOString();
  const messages: BatchMessage[] = batches.map((batch, index) => ({
    run: runId,
    batch: index + 1,
    of: batches.length,
    enqueuedAt,
    feeds: batch.map((feed) => ({ url: feed.url, ...(feed.outlet ? { outlet: feed.outlet } : {}) })),
  }));
  if (messages.length > 0) await queue.send(messages);
  return { feeds: feeds.length, batches: batches.length, largestBatch: Math.max(0, ...batches.map((batch) => batch.length)) };
}
