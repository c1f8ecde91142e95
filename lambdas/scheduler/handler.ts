/**
 * The fan-out scheduler: on each EventBridge tick, the configured feeds go on the queue in
 * batches by host, for the workers. Configuration is read and checked once, at cold start.
 */
import { randomUUID } from 'node:crypto';
import { composeAwsScheduler } from '../composition/aws-scheduler.js';
import { createObservability } from '../adapters/observability/observability.js';
import { scheduleFeedBatches, type ScheduleResult } from '../core/fan-out/schedule-batches.js';

const { logger } = createObservability('transfer-watch-scheduler');
const scheduler = composeAwsScheduler(process.env);

export async function handler(_event?: unknown, context?: { awsRequestId: string }): Promise<ScheduleResult> {
  const runId = context?.awsRequestId ?? randomUUID();
  const result = await scheduleFeedBatches(scheduler.deps, scheduler.feeds, { runId, feedsPerMessage: scheduler.feedsPerMessage });
  logger.info('feed batches queued', { runId, ...result });
  return result;
}
