/** The feed queue on SQS: batches sent ten messages a request, entries SQS refused sent again. */
import { SendMessageBatchCommand, type SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { batchRunId, type BatchMessage } from '../../core/fan-out/batch-message.js';
import { FeedQueueError, type FeedQueue } from '../../core/fan-out/ports.js';

/** SQS takes at most ten entries, and 256 KiB of them, in one request. */
const ENTRIES_PER_REQUEST = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
/** Entries SQS failed on its side (not the sender's fault) are sent again this many times in all. */
const ATTEMPTS = 3;

export function createSqsFeedQueue(client: SQSClient, queueUrl: string): FeedQueue {
  const sendRequest = async (entries: SendMessageBatchRequestEntry[]): Promise<string[]> => {
    let pending = entries;
    let refused: string[] = [];
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt += 1) {
      const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
      refused = Failed.map((failure) => `${failure.Id}: ${failure.Code} ${failure.Message ?? ''}`.trim());
      if (Failed.some((failure) => failure.SenderFault)) break;
      const failedIds = new Set(Failed.map((failure) => failure.Id));
      pending = pending.filter((entry) => failedIds.has(entry.Id));
    }
    return refused;
  };

  return {
    async send(messages) {
      const requests = packRequests(messages.map(entryOf));
      const refused: string[] = [];
      for (const entries of requests) refused.push(...(await sendRequest(entries)));
      if (refused.length > 0)
        throw new FeedQueueError(`${refused.length} of ${messages.length} feed batches not queued: ${refused.join('; ')}`);
    },
  };
}

function entryOf(message: BatchMessage): SendMessageBatchRequestEntry {
  const body = JSON.stringify(message);
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_REQUEST_BYTES)
    throw new FeedQueueError(
      `feed batch ${batchRunId(message)} is ${Math.ceil(bytes / 1024)} KiB, over the 256 KiB a queue message holds: lower fanOut.feedsPerMessage`,
    );
  return { Id: `batch-${message.batch}`, MessageBody: body };
}

/** Cuts the entries into requests SQS accepts: ten at most, and their bodies within 256 KiB together. */
function packRequests(entries: SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const requests: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? '');
    if (current.length === ENTRIES_PER_REQUEST || (current.length > 0 && bytes + size > MAX_REQUEST_BYTES)) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
