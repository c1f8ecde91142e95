/** What fan-out needs beyond a poll cycle's ports: a queue of feed batches (SQS when deployed). */
import type { BatchMessage } from './batch-message.js';

export interface FeedQueue {
  /** Puts every message on the queue, or throws FeedQueueError naming how many could not be. */
  send(messages: BatchMessage[]): Promise<void>;
}

export class FeedQueueError extends Error {
  override name = 'FeedQueueError';
}
