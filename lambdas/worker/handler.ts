/**
 * The fan-out worker: each SQS message is a batch of feeds, polled by the same cycle as the
 * single poller. A batch that fails is reported back alone, so SQS retries it and not the rest,
 * and after three tries keeps it in the dead-letter queue.
 */
import { composeAwsWorker } from '../composition/aws-worker.js';
import { createObservability, logPollEvent, recordRunMetrics } from '../adapters/observability/observability.js';
import { parseBatchMessage } from '../core/fan-out/batch-message.js';
import { pollFeedBatch } from '../core/fan-out/poll-batch.js';
import { invocationLease, type InvocationContext } from '../adapters/lambda-invocation.js';

/** What the handler reads of an SQS event. */
export interface QueueEvent {
  Records: Array<{ messageId: string; body: string }>;
}

/** Lambda's partial batch response: the messages to leave on the queue. */
export interface BatchItemFailures {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

// The poller's service name: its metrics, and the alarms on them, count the workers' runs.
const { logger, metrics } = createObservability('transfer-watch-poller');
const worker = composeAwsWorker(process.env, (event) => logPollEvent(logger, event));

export async function handler(event: QueueEvent, context?: InvocationContext): Promise<BatchItemFailures> {
  const batchItemFailures: BatchItemFailures['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = parseBatchMessage(record.body);
      const result = await pollFeedBatch(worker.deps, message, { staleAfterMs: worker.staleAfterMs, ...invocationLease(context) });
      if (result.status === 'stale') {
        logger.warn('feed batch skipped: queued again since', { messageId: record.messageId, ageMs: result.ageMs });
        continue;
      }
      // The next tick queues the same hosts again; by then the worker holding them has let go.
      if (result.status === 'busy') {
        logger.warn('feed batch skipped: another worker is polling its hosts', { messageId: record.messageId, run: message.run });
        continue;
      }
      logger.info('poll finished', { ...result.run });
      recordRunMetrics(metrics, result.run);
    } catch (error) {
      logger.error('feed batch failed', { messageId: record.messageId, error: (error as Error).message });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
