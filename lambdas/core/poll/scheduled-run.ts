/**
 * A scheduled run: the poll cycle under the poller's lease, so two runs never overlap (a late
 * schedule, a retried event, a terminal `poll` beside the deployed one), and a record of what it
 * did for `status`. The cycle itself stays safe without the lease; the lease spares the work.
 */
import type { CycleReport, PollDependencies } from './poll-cycle.js';
import { runPollCycle } from './poll-cycle.js';
import type { FeedConfig } from '../feed/feed.js';
import type { RunRecord } from './ports.js';

export type ScheduledRunResult = { ran: true; run: RunRecord; report: CycleReport } | { ran: false };

export interface RunOptions {
  /** Names this run as the lease's holder and in its record. */
  runId: string;
  /** How long the lease lasts: past the longest this run can take, so it never ends under a live run. */
  leaseMs: number;
}

export async function runScheduledPoll(
  deps: PollDependencies,
  feeds: FeedConfig[],
  { runId, leaseMs }: RunOptions,
): Promise<ScheduledRunResult> {
  const now = deps.clock.now();
  const acquired = await deps.store.acquireLease(runId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString());
  if (!acquired) return { ran: false };
  try {
    return { ran: true, ...(await runRecordedPoll(deps, feeds, runId)) };
  } finally {
    await deps.store.releaseLease(runId);
  }
}

/**
 * The poll cycle and its record, without a lease: for a terminal, where the embedded store admits
 * one process at a time anyway, and where an interrupted run must not lock out the next one.
 */
export async function runRecordedPoll(
  deps: PollDependencies,
  feeds: FeedConfig[],
  runId: string,
): Promise<{ run: RunRecord; report: CycleReport }> {
  const started = deps.clock.now();
  let report: CycleReport;
  try {
    report = await runPollCycle(deps, feeds);
  } catch (error) {
    await deps.store.saveRun({ ...emptyRun(runId, started, deps.clock.now(), feeds.length), error: (error as Error).message });
    throw error;
  }
  const run = recordOf(runId, started, deps.clock.now(), report);
  await deps.store.saveRun(run);
  return { run, report };
}

function emptyRun(id: string, started: Date, finished: Date, feeds: number): RunRecord {
  return {
    id,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    feeds,
    fetched: 0,
    unchanged: 0,
    waiting: 0,
    failed: 0,
    items: 0,
    figures: 0,
    sent: 0,
    unsent: 0,
  };
}

function recordOf(id: string, started: Date, finished: Date, report: CycleReport): RunRecord {
  const count = (status: string) => report.feeds.filter((feed) => feed.status === status).length;
  const sum = (field: 'items' | 'figures') => report.feeds.reduce((total, feed) => total + feed[field], 0);
  return {
    ...emptyRun(id, started, finished, report.feeds.length),
    fetched: count('fetched'),
    unchanged: count('unchanged'),
    waiting: count('waiting'),
    failed: count('failed'),
    items: sum('items'),
    figures: sum('figures'),
    sent: report.sent.length,
    unsent: report.unsent.length,
  };
}
