/**
 * The feed queue on SQS, against a moto server: what the scheduler sends is read back from the
 * queue the way a worker's event source would get it.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqsFeedQueue } from '../../lambdas/adapters/queue/sqs-feed-queue.js';
import { parseBatchMessage, type BatchMessage } from '../../lambdas/core/fan-out/batch-message.js';
import { FeedQueueError } from '../../lambdas/core/fan-out/ports.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { credentials, MOTO_ENV } from '../support/moto-stack.js';
import { createQueue, drainQueue, type SqsQueue } from '../support/sqs-over-http.js';

let moto: MotoServer;
let client: SQSClient;
let queue: SqsQueue;
let queues = 0;
let requests: string[];

function batches(count: number, feedsEach = 1): BatchMessage[] {
  return Array.from({ length: count }, (_, index) => ({
    run: 'tick-1',
    batch: index + 1,
    of: count,
    enqueuedAt: '2026-02-01T17:30:00.000Z',
    feeds: Array.from({ length: feedsEach }, (_, feed) => ({ url: `https://host-${index}.example/feed/${feed}/${'x'.repeat(200)}` })),
  }));
}

const received = async () => (await drainQueue(moto.endpoint, queue)).map((body) => parseBatchMessage(body));

beforeAll(async () => {
  moto = await startMotoServer();
  client = new SQSClient({ endpoint: moto.endpoint, region: MOTO_ENV.AWS_REGION, credentials });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'count-requests' },
  );
}, MOTO_SETUP_TIMEOUT_MS);
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  queues += 1;
  queue = await createQueue(moto.endpoint, `feed-batches-${queues}`);
  requests = [];
});

describe('the SQS feed queue', () => {
  it('puts every batch on the queue, ten to a request', async () => {
    await createSqsFeedQueue(client, queue.url).send(batches(23));
    expect(requests).toEqual(['SendMessageBatchCommand', 'SendMessageBatchCommand', 'SendMessageBatchCommand']);
    expect((await received()).map((message) => message.batch).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 23 }, (_, index) => index + 1),
    );
  });

  it('sends large batches in more requests, so that no request passes the 256 KiB SQS takes', async () => {
    // 400 feeds of ~250 bytes: about 100 KiB a message, two to a request.
    await createSqsFeedQueue(client, queue.url).send(batches(5, 400));
    expect(requests).toHaveLength(3);
    expect((await received()).map((message) => message.feeds.length)).toEqual([400, 400, 400, 400, 400]);
  });

  it('refuses a batch too large for one message before sending anything, saying which setting to lower', async () => {
    const send = createSqsFeedQueue(client, queue.url).send(batches(2, 1_100));
    await expect(send).rejects.toThrow(FeedQueueError);
    await expect(send).rejects.toThrow(
      /^feed batch tick-1 1\/2 is \d+ KiB, over the 256 KiB a queue message holds: lower fanOut\.feedsPerMessage$/,
    );
    expect(requests).toEqual([]);
  });

  it('fails with SQS’s own error when the queue does not exist', async () => {
    await expect(createSqsFeedQueue(client, `${queue.url}-gone`).send(batches(1))).rejects.toThrow(/queue does not exist/i);
  });
});
