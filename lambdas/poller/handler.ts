/**
 * The scheduled poller: one poll cycle per EventBridge event, under the poller's lease, the same
 * cycle `transfer-watch poll` runs. Configuration is read and checked once, at cold start.
 */
import { composeAwsPoll } from '../composition/aws-poll.js';
import { createObservability, logPollEvent, recordRunMetrics } from '../adapters/observability/observability.js';
import { runScheduledPoll } from '../core/poll/scheduled-run.js';
import { invocationLease, type InvocationContext } from '../adapters/lambda-invocation.js';

export type PollSummary = { skipped: true } | { feeds: number; failed: number; sent: number; unsent: number };

const { logger, metrics } = createObservability('transfer-watch-poller');
const poller = composeAwsPoll(process.env, (event) => logPollEvent(logger, event));

export async function handler(_event?: unknown, context?: InvocationContext): Promise<PollSummary> {
  const { holder: runId, leaseMs } = invocationLease(context);
  const result = await runScheduledPoll(poller.deps, poller.feeds, { runId, leaseMs });
  if (!result.ran) {
    logger.warn('poll skipped: another run holds the lease', { runId });
    return { skipped: true };
  }
  const { run } = result;
  logger.info('poll finished', { ...run });
  recordRunMetrics(metrics, run);
  return { feeds: run.feeds, failed: run.failed, sent: run.sent, unsent: run.unsent };
}
