/**
 * Fan-out deployed end to end on an AWS emulator: the stack synthesized with `fanOut.enabled`,
 * the shipped scheduler and worker bundles run in-process with exactly the environment the stack
 * gave their functions, the scheduler's batches carried by the stack's own queue on moto's SQS.
 * The same specification as the single poller (tests/support/deployed-polling.ts), and then what
 * only a queue brings: batches delivered twice, and a batch that fails every try.
 */
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { describeDeployedPolling } from '../support/deployed-polling.js';
import { describeChange, SNAPSHOTS } from '../support/demo-story.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { deployOnMoto, type MotoDeployment } from '../support/moto-deployment.js';
import { MOTO_SETUP_TIMEOUT_MS } from '../support/moto-server.js';
import {
  createQueue,
  deleteMessage,
  drainQueue,
  queueAt,
  receiveOne,
  releaseMessage,
  sendMessage,
  type ReceivedMessage,
  type SqsQueue,
} from '../support/sqs-over-http.js';

const STACK = 'TransferWatchFanOutE2e';
const EVENT_SOURCE = 'AWS::Lambda::EventSourceMapping';

type SchedulerHandler = (event: unknown, context: { awsRequestId: string }) => Promise<{ feeds: number; batches: number }>;
type WorkerHandler = (event: {
  Records: Array<ReceivedMessage & { eventSource: string; eventSourceARN: string }>;
}) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;

let feeds: SnapshotServer;
let deployment: MotoDeployment;
let removedEventSource: { Properties: Record<string, unknown> } | undefined;
let scheduler: SchedulerHandler;
let worker: WorkerHandler;
let batches: SqsQueue;

/**
 * moto runs a function subscribed to a queue in Docker the moment a message arrives, and there is
 * no Docker here: the event source mapping is taken out before deploying, and `deliver` plays
 * Lambda's part, as the template configures it (a batch of one, partial batch responses).
 */
function withoutEventSource(template: Record<string, unknown>): Record<string, unknown> {
  const resources = { ...(template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>) };
  const ids = Object.keys(resources).filter((id) => resources[id]!.Type === EVENT_SOURCE);
  expect(ids).toHaveLength(1);
  removedEventSource = resources[ids[0]!];
  delete resources[ids[0]!];
  return { ...template, Resources: resources };
}

const invokeWorker = (message: ReceivedMessage) =>
  worker({ Records: [{ ...message, eventSource: 'aws:sqs', eventSourceARN: batches.arn }] });

/** Lambda's event source: each visible batch to a worker, deleted when the worker did not report it failed. */
async function deliver(): Promise<void> {
  for (
    let message = await receiveOne(deployment.moto.endpoint, batches);
    message;
    message = await receiveOne(deployment.moto.endpoint, batches)
  ) {
    const { batchItemFailures } = await invokeWorker(message);
    if (batchItemFailures.length === 0) await deleteMessage(deployment.moto.endpoint, batches, message);
  }
}

beforeAll(async () => {
  feeds = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
  deployment = await deployOnMoto(
    {
      // Two hosts, so two batches.
      feeds: [
        { url: feeds.url('wire.xml', '127.0.0.1'), outlet: 'Levant Wire' },
        { url: feeds.url('daily.xml', 'localhost'), outlet: 'The Gulf Daily' },
      ],
      fetch: { allowPrivateHosts: true, hostSpacingMs: 0 },
      readLinkedPages: false,
      subscriptions: [{ email: 'desk@example.org', filter: { metrics: ['detainees_transferred'] } }],
      fanOut: { enabled: true, feedsPerMessage: 1, maxWorkers: 2 },
    },
    { stackName: STACK, adapt: withoutEventSource },
  );
  batches = await queueAt(deployment.moto.endpoint, deployment.outputs.FeedQueueUrl!);
  ({ handler: scheduler } = await deployment.importFunction<{ handler: SchedulerHandler }>('FanOutSchedulerFunction'));
  ({ handler: worker } = await deployment.importFunction<{ handler: WorkerHandler }>('FanOutWorkerFunction'));
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await feeds?.close();
  await deployment?.close();
});

describe('the fan-out stack on the emulator', () => {
  it('creates the scheduler, the workers, the batch queue and its dead-letter queue', async () => {
    const cloudFormation = deployment.client(CloudFormationClient);
    const { StackResourceSummaries = [] } = await cloudFormation.send(new ListStackResourcesCommand({ StackName: STACK }));
    cloudFormation.destroy();
    const created = StackResourceSummaries.map(
      (resource) => `${resource.ResourceType} ${resource.LogicalResourceId?.replace(/[0-9A-F]{8}$/, '')}`,
    );
    expect(created).toEqual(
      expect.arrayContaining([
        'AWS::Lambda::Function FanOutSchedulerFunction',
        'AWS::Lambda::Function FanOutWorkerFunction',
        'AWS::SQS::Queue FanOutBatches',
        'AWS::SQS::Queue FanOutDeadBatches',
        'AWS::Events::Rule FanOutSchedule',
      ]),
    );
    expect(created.filter((resource) => resource.includes('Poller'))).toEqual([]);
  });

  it('had its event source hand the workers one batch at a time, two at most at once, retrying only failed batches', () => {
    expect(removedEventSource?.Properties).toMatchObject({
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('the shipped scheduler and workers, run with the environment the stack gave them', () => {
  describeDeployedPolling({
    deployment: () => deployment,
    tick: async (runId) => {
      expect(await scheduler({}, { awsRequestId: runId })).toEqual({ feeds: 2, batches: 2, largestBatch: 1 });
      await deliver();
    },
    runIds: (runId) => [`${runId} 1/2`, `${runId} 2/2`],
  });

  it('alerts each change once when every batch of a tick is delivered twice, to two workers at once', async () => {
    const everything = await createQueue(deployment.moto.endpoint, 'every-alert-of-the-second-snapshot');
    await deployment.subscribeQueue(deployment.outputs.AlertsTopicArn!, everything);
    feeds.show(join(SNAPSHOTS, 'step-2'));
    await scheduler({}, { awsRequestId: 'run-3' });
    const received = [await receiveOne(deployment.moto.endpoint, batches), await receiveOne(deployment.moto.endpoint, batches)];
    await Promise.all(received.flatMap((message) => [invokeWorker(message!), invokeWorker(message!)]));
    for (const message of received) await deleteMessage(deployment.moto.endpoint, batches, message!);
    const alerts = (await drainQueue(deployment.moto.endpoint, everything)).map((body) => describeChange(JSON.parse(body) as Alert));
    expect(alerts).toEqual(['new detainees_held 9000']);
  });

  it('keeps a batch no worker can read in the dead-letter queue after three tries, reported failed each time', async () => {
    await sendMessage(deployment.moto.endpoint, batches, '{"run":"by hand","feeds":"all of them"}');
    const failures: string[][] = [];
    for (
      let message = await receiveOne(deployment.moto.endpoint, batches);
      message;
      message = await receiveOne(deployment.moto.endpoint, batches)
    ) {
      const { batchItemFailures } = await invokeWorker(message);
      failures.push(batchItemFailures.map((failure) => (failure.itemIdentifier === message!.messageId ? 'this batch' : 'another')));
      await releaseMessage(deployment.moto.endpoint, batches, message);
    }
    expect(failures).toEqual([['this batch'], ['this batch'], ['this batch']]);
    const dead = await queueAt(deployment.moto.endpoint, await deployment.physicalId('AWS::SQS::Queue', 'FanOutDeadBatches'));
    expect(await drainQueue(deployment.moto.endpoint, dead)).toEqual(['{"run":"by hand","feeds":"all of them"}']);
  });
});
