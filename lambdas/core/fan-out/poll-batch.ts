/**
 * A worker run: one batch of feeds through the same poll cycle, conditional writes and alert
 * claims as the single poller, so a batch delivered twice, or two batches of one feed running
 * at once, store and send each alert once. A lease on the batch's hosts keeps a second worker off
 * them while one polls them, so a host is never asked by two at once.
 */
import type { CycleReport, PollDependencies } from '../poll/poll-cycle.js';
import type { RunRecord } from '../poll/ports.js';
import { runRecordedPoll } from '../poll/scheduled-run.js';
import { batchRunId, type BatchMessage } from './batch-message.js';
import { hostsLease } from './feed-batches.js';

export type BatchResult =
  { status: 'polled'; run: RunRecord; report: CycleReport } | { status: 'stale'; ageMs: number } | { status: 'busy' };

export interface BatchOptions {
  /** A schedule interval: a batch older than this has been queued again since. */
  staleAfterMs: number;
  /** Names this worker run as the holder of the hosts' lease: unique to the invocation. */
  holder: string;
  /** How long the lease lasts: past the longest this run can take. */
  leaseMs: number;
}

/**
 * Polls the batch unless it waited longer than a schedule interval (by then the next tick has put
 * the same feeds on the queue, and polling both would only double the work) or another worker
 * still holds its hosts (a batch of the tick before, still running).
 */
export async function pollFeedBatch(deps: PollDependencies, message: BatchMessage, options: BatchOptions): Promise<BatchResult> {
  const now = deps.clock.now();
  const ageMs = now.getTime() - Date.parse(message.enqueuedAt);
  if (ageMs > options.staleAfterMs) return { status: 'stale', ageMs };
  const lease = hostsLease(message.feeds);
  const until = new Date(now.getTime() + options.leaseMs).toISOString();
  if (!(await deps.store.acquireLease(options.holder, now.toISOString(), until, lease))) return { status: 'busy' };
  try {
    return { status: 'polled', ...(await runRecordedPoll(deps, message.feeds, batchRunId(message))) };
  } finally {
    await deps.store.releaseLease(options.holder, lease);
  }
}
