/**
 * How the SQS feed queue answers entries SQS refuses in a batch: moto never refuses one, so an
 * SQS stand-in answers with the refusals SQS documents.
 */
import type { SendMessageBatchCommand, BatchResultErrorEntry, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createSqsFeedQueue } from '../../lambdas/adapters/queue/sqs-feed-queue.js';
import { FeedQueueError } from '../../lambdas/core/fan-out/ports.js';

const message = (batch: number) => ({
  run: 'tick-1',
  batch,
  of: 3,
  enqueuedAt: '2026-02-01T17:30:00.000Z',
  feeds: [{ url: `https://host-${batch}.example/rss` }],
});

/** Answers each request with the next list of refusals, and remembers the entry ids it was sent. */
function sqsRefusing(...answers: BatchResultErrorEntry[][]) {
  const sent: string[][] = [];
  const client = {
    send: async (command: SendMessageBatchCommand) => {
      sent.push((command.input.Entries ?? []).map((entry) => entry.Id!));
      return { Successful: [], Failed: answers.shift() ?? [] };
    },
  } as unknown as SQSClient;
  return { client, sent };
}

const internalError = (id: string) => ({ Id: id, Code: 'InternalError', SenderFault: false, Message: 'try again' });

describe('entries SQS refuses', () => {
  it('are sent again, alone, when SQS failed on its side', async () => {
    const sqs = sqsRefusing([internalError('batch-2')], []);
    await createSqsFeedQueue(sqs.client, 'https://sqs.example/q').send([message(1), message(2), message(3)]);
    expect(sqs.sent).toEqual([['batch-1', 'batch-2', 'batch-3'], ['batch-2']]);
  });

  it('fail the send, naming them, after three tries', async () => {
    const sqs = sqsRefusing([internalError('batch-2')], [internalError('batch-2')], [internalError('batch-2')]);
    const send = createSqsFeedQueue(sqs.client, 'https://sqs.example/q').send([message(1), message(2), message(3)]);
    await expect(send).rejects.toThrow(new FeedQueueError('1 of 3 feed batches not queued: batch-2: InternalError try again'));
    expect(sqs.sent).toHaveLength(3);
  });

  it('fail the send at once when the fault is the sender’s, which no retry mends', async () => {
    const sqs = sqsRefusing([{ Id: 'batch-1', Code: 'InvalidMessageContents', SenderFault: true }]);
    await expect(createSqsFeedQueue(sqs.client, 'https://sqs.example/q').send([message(1)])).rejects.toThrow(
      '1 of 1 feed batches not queued: batch-1: InvalidMessageContents',
    );
    expect(sqs.sent).toHaveLength(1);
  });
});
