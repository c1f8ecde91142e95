/**
 * The deployed fan-out's scheduler: the configuration and the SQS queue of feed batches, and
 * nothing of the poll cycle, so its bundle carries no fetcher, parser or store.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadSchedulerSettings } from '../adapters/config-file.js';
import { createSqsFeedQueue } from '../adapters/queue/sqs-feed-queue.js';
import type { FeedConfig } from '../core/feed/feed.js';
import type { ScheduleDependencies } from '../core/fan-out/schedule-batches.js';

export interface AwsScheduler {
  deps: ScheduleDependencies;
  feeds: FeedConfig[];
  feedsPerMessage: number;
}

export function composeAwsScheduler(env: NodeJS.ProcessEnv): AwsScheduler {
  const settings = loadSchedulerSettings(env);
  return {
    // The queue is in the function's own region: the SDK's regional endpoint reaches it, and an
    // endpoint set for an emulator (AWS_ENDPOINT_URL) is honoured instead of the URL's host.
    deps: {
      queue: createSqsFeedQueue(new SQSClient({ useQueueUrlAsEndpoint: false }), settings.feedQueueUrl),
      clock: { now: () => new Date() },
    },
    feeds: settings.config.feeds,
    feedsPerMessage: settings.config.fanOut.feedsPerMessage,
  };
}
