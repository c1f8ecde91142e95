/**
 * A worker run: one batch of feeds through the same poll cycle, conditional writes and alert
 * claims as the single poller, so a batch delivered twice, or two batches of one feed running
 * at once, store and send each alert once.
 */
import type { CycleReport, PollDependencies } from '../poll/poll-cycle.js';
import type { RunRecord } from '../poll/ports.js';
import { runRecordedPoll } from '../poll/scheduled-run.js';
import { batchRunId, type BatchMessage } from './batch-message.js';

export type BatchResult = { status: 'polled'; run: RunRecord; report: CycleReport } | { status: 'stale'; ageMs: number };

/**
 * Polls the batch unless it waited longer than `staleAfterMs` (a schedule interval): by then the
 * next tick has put the same feeds on the queue, and polling both would only double the work.
 */
export async function pollFeedBatch(
  deps: PollDependencies,
  message: BatchMessage,
  { staleAfterMs }: { staleAfterMs: number },
): Promise<BatchResult> {
  const ageMs = deps.clock.now().getTime() - Date.parse(message.enqueuedAt);
  if (ageMs > staleAfterMs) return { status: 'stale', ageMs };
  return { status: 'polled', ...(await runRecordedPoll(deps, message.feeds, batchRunId(message))) };
}
