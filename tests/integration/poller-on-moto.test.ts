/**
 * The deployed poller, run in-process with exactly the environment its stack gives it and the AWS
 * SDK pointed at a moto server: its DynamoDB table, its SNS topics, a queue subscribed to the
 * alerts topic, and the demo's feeds served on 127.0.0.1.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PollSummary } from '../../lambdas/poller/handler.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { createQueue, drainQueue, type SqsQueue } from '../support/sqs-over-http.js';

const SNAPSHOTS = join(import.meta.dirname, '..', '..', 'demo', 'feeds');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let moto: MotoServer;
let feeds: SnapshotServer;
let queue: SqsQueue;
let handler: () => Promise<PollSummary>;

beforeAll(async () => {
  moto = await startMotoServer();
  feeds = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
  const region = 'us-east-1';
  const dynamo = new DynamoDBClient({ endpoint: moto.endpoint, region, credentials });
  await ensureTable(dynamo, 'poller-e2e-table');
  dynamo.destroy();
  const sns = new SNSClient({ endpoint: moto.endpoint, region, credentials });
  const alerts = (await sns.send(new CreateTopicCommand({ Name: 'poller-e2e-alerts' }))).TopicArn!;
  const ops = (await sns.send(new CreateTopicCommand({ Name: 'poller-e2e-ops' }))).TopicArn!;
  queue = await createQueue(moto.endpoint, 'poller-e2e-queue');
  await sns.send(
    new SubscribeCommand({ TopicArn: alerts, Protocol: 'sqs', Endpoint: queue.arn, Attributes: { RawMessageDelivery: 'true' } }),
  );
  sns.destroy();
  vi.stubEnv('AWS_ENDPOINT_URL', moto.endpoint);
  vi.stubEnv('AWS_REGION', region);
  vi.stubEnv('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
  vi.stubEnv('TABLE_NAME', 'poller-e2e-table');
  vi.stubEnv('ALERTS_TOPIC_ARN', alerts);
  vi.stubEnv('OPS_TOPIC_ARN', ops);
  const configFile = join(mkdtempSync(join(tmpdir(), 'poller-e2e-')), 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      feeds: [
        { url: feeds.url('wire.xml'), outlet: 'Levant Wire' },
        { url: feeds.url('daily.xml'), outlet: 'The Gulf Daily' },
      ],
      fetch: { allowPrivateHosts: true, hostSpacingMs: 0 },
      readLinkedPages: false,
    }),
  );
  vi.stubEnv('TRANSFER_WATCH_CONFIG_FILE', configFile);
  vi.resetModules();
  ({ handler } = await import('../../lambdas/poller/handler.js'));
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  vi.unstubAllEnvs();
  await feeds?.close();
  await moto?.stop();
});

describe('the poller on AWS services', () => {
  it('stores the figures in its table and delivers one message per alert to a subscribed queue', async () => {
    expect(await handler()).toEqual({ feeds: 2, failed: 0, sent: 2, unsent: 0 });
    const delivered = (await drainQueue(moto.endpoint, queue)).map(
      (body) => JSON.parse(body) as { type: string; metric: string; current: { value: number } },
    );
    expect(delivered.map(({ type, metric, current }) => `${type} ${metric} ${current.value}`).sort()).toEqual([
      'new detainees_transferred 150',
      'new transfer_planned 7000',
    ]);
  });

  it('delivers nothing when run again with nothing new', async () => {
    expect(await handler()).toEqual({ feeds: 2, failed: 0, sent: 0, unsent: 0 });
    expect(await drainQueue(moto.endpoint, queue)).toEqual([]);
  });
});
