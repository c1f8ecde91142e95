/**
 * The scheduled poller: one poll cycle per EventBridge event, under the poller's lease, the same
 * cycle `transfer-watch poll` runs. Configuration is read and checked once, at cold start.
 */
import { randomUUID } from 'node:crypto';
import { composeAwsPoll } from '../composition/aws-poll.js';
import { createObservability, logPollEvent, recordRunMetrics } from '../adapters/observability/observability.js';
import { runScheduledPoll } from '../core/poll/scheduled-run.js';

/** What the handler reads of Lambda's context object. */
export interface InvocationContext {
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

export type PollSummary = { skipped: true } | { feeds: number; failed: number; sent: number; unsent: number };

/** Past the end of the invocation: a lease must outlive the run that holds it, never the reverse. */
const LEASE_MARGIN_MS = 60_000;
/** Outside Lambda (a test, a terminal), when no context says how long is left. */
const DEFAULT_LEASE_MS = 15 * 60_000;

const { logger, metrics } = createObservability('transfer-watch-poller');
const poller = composeAwsPoll(process.env, (event) => logPollEvent(logger, event));

export async function handler(_event?: unknown, context?: InvocationContext): Promise<PollSummary> {
  const runId = context?.awsRequestId ?? randomUUID();
  const leaseMs = context ? context.getRemainingTimeInMillis() + LEASE_MARGIN_MS : DEFAULT_LEASE_MS;
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
