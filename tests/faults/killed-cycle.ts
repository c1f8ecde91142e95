/**
 * A poll cycle in a process of its own that kills itself (SIGKILL: no catch, no finally runs) as it
 * is about to send a chosen request: what a Lambda timeout or an out-of-memory kill leaves behind.
 * Started by Scenario.pollKilled, with its job as JSON in argv[2]; the same adapters and composition
 * as the deployed poller, around clients that carry the kill.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { createSnsPublisher } from '../../lambdas/adapters/publish/sns-publisher.js';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { pollDependencies } from '../../lambdas/composition/poll-dependencies.js';
import type { FeedConfig } from '../../lambdas/core/feed/feed.js';
import { runPollCycle } from '../../lambdas/core/poll/poll-cycle.js';
import { pollConfig } from '../support/demo-story.js';

export type KillPoint = 'publish' | 'sent-mark' | 'outbox-removal';

export interface KilledCycleJob {
  dynamoEndpoint: string;
  tableName: string;
  snsEndpoint: string;
  topicArn: string;
  opsTopicArn: string;
  feeds: FeedConfig[];
  now: string;
  killAt: KillPoint;
}

interface Input {
  TopicArn?: string;
  Item?: { pk?: { S?: string }; doc?: { S?: string } };
  UpdateExpression?: string;
}

const KILLS: Record<KillPoint, (command: string, input: Input, job: KilledCycleJob) => boolean> = {
  // Every alert of the cycle is stored; none is sent.
  publish: (command, input, job) => command === 'PublishCommand' && input.TopicArn === job.topicArn,
  // SNS has taken the first alert; nothing says so yet.
  'sent-mark': (command, input) =>
    command === 'PutItemCommand' && input.Item?.pk?.S === 'ALERT' && JSON.parse(input.Item.doc?.S ?? '{}').sentAt !== undefined,
  // The alert log says sent; the alert is still in its series' outbox.
  'outbox-removal': (command, input) => command === 'UpdateItemCommand' && (input.UpdateExpression ?? '').startsWith('REMOVE outbox'),
};

const job = JSON.parse(process.argv[2] ?? '') as KilledCycleJob;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const dynamo = new DynamoDBClient({ endpoint: job.dynamoEndpoint, region: 'local', credentials });
const sns = new SNSClient({ endpoint: job.snsEndpoint, region: 'us-east-1', credentials });
for (const client of [dynamo, sns]) {
  (client.middlewareStack as DynamoDBClient['middlewareStack']).add(
    (next, context) => async (args) => {
      if (KILLS[job.killAt](context.commandName ?? '', args.input as Input, job)) process.kill(process.pid, 'SIGKILL');
      return next(args);
    },
    { step: 'initialize', name: 'kill-here' },
  );
}
const store = createDynamoStore(dynamo, job.tableName);
const publisher = createSnsPublisher(sns, { topicArn: job.topicArn, opsTopicArn: job.opsTopicArn });
const now = new Date(job.now);
await runPollCycle(pollDependencies(pollConfig(), { store, publisher, clock: { now: () => now } }), job.feeds);
