/** The deployed poller: the stack's DynamoDB table and SNS topics, with the AWS SDK's own retries. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { loadPollerSettings } from '../adapters/config-file.js';
import { createSnsPublisher } from '../adapters/publish/sns-publisher.js';
import { createDynamoStore } from '../adapters/store/dynamo-store.js';
import type { Config } from '../core/config/config.js';
import type { FeedConfig } from '../core/feed/feed.js';
import type { PollDependencies, PollEvent } from '../core/poll/poll-cycle.js';
import { pollDependencies } from './poll-dependencies.js';

export interface AwsPoll {
  deps: PollDependencies;
  feeds: FeedConfig[];
  schedule: Config['schedule'];
}

/** Reads and checks the environment once: a wrong value fails the cold start, saying which. */
export function composeAwsPoll(env: NodeJS.ProcessEnv, onEvent?: (event: PollEvent) => void): AwsPoll {
  const settings = loadPollerSettings(env);
  const store = createDynamoStore(new DynamoDBClient({}), settings.tableName);
  const publisher = createSnsPublisher(new SNSClient({}), { topicArn: settings.alertsTopicArn, opsTopicArn: settings.opsTopicArn });
  return {
    deps: pollDependencies(settings.config, { store, publisher, ...(onEvent ? { onEvent } : {}) }),
    feeds: settings.config.feeds,
    schedule: settings.config.schedule,
  };
}
