/**
 * The deployed fan-out: a scheduler that queues feed batches on SQS, and workers that poll them
 * with the single poller's dependencies (aws-poll.ts).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadSchedulerSettings } from '../adapters/config-file.js';
import { createSqsFeedQueue } from '../adapters/queue/sqs-feed-queue.js';
import type { FeedConfig } from '../core/feed/feed.js';
import type { ScheduleDependencies } from '../core/fan-out/schedule-batches.js';
import type { PollDependencies, PollEvent } from '../core/poll/poll-cycle.js';
import { composeAwsPoll } from './aws-poll.js';

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

export interface AwsWorker {
  deps: PollDependencies;
  /** A batch that waited longer than one schedule interval has been queued again since. */
  staleAfterMs: number;
}

export function composeAwsWorker(env: NodeJS.ProcessEnv, onEvent?: (event: PollEvent) => void): AwsWorker {
  const poll = composeAwsPoll(env, onEvent);
  return { deps: poll.deps, staleAfterMs: poll.schedule.everyMinutes * 60_000 };
}
