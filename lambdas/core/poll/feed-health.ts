/** A feed's health between cycles: backoff after failures, and operators told when it fails and recovers. */
import type { FeedState } from '../feed/feed.js';
import type { PollDependencies } from './poll-cycle.js';
import type { OpsMessage, SeenItem } from './ports.js';

/**
 * A successful fetch: validators kept, failures forgotten, and operators told if they had been
 * warned. The items it read are marked in the same write as the state.
 */
export async function recover(
  deps: PollDependencies,
  state: FeedState,
  now: Date,
  ops: OpsMessage[],
  read: SeenItem[],
  update: Partial<FeedState>,
): Promise<void> {
  if (state.failureAlerted) {
    await sendOps(deps, ops, { kind: 'feed_recovered', feed: state.url, message: `feed ${state.url} is working again` });
  }
  const { lastError: _lastError, nextAttempt: _nextAttempt, failureAlerted: _alerted, ...kept } = state;
  const recovered = { ...kept, ...update, lastSuccess: now.toISOString(), consecutiveFailures: 0 };
  await (read.length > 0 ? deps.store.saveSeenItems(read, recovered) : deps.store.saveFeedState(recovered));
}

/** A failed fetch: the next attempt backs off exponentially (capped), and after N failures in a row operators are told. */
export async function fail(
  deps: PollDependencies,
  state: FeedState,
  now: Date,
  ops: OpsMessage[],
  message: string,
  retryAfterSeconds?: number,
) {
  const failures = state.consecutiveFailures + 1;
  const { backoffBaseMinutes, backoffMaxMinutes, alertAfterFailures } = deps.config.feedHealth;
  const backoffMs = Math.min(backoffBaseMinutes * 2 ** (failures - 1), backoffMaxMinutes) * 60_000;
  const waitMs = Math.max(backoffMs, (retryAfterSeconds ?? 0) * 1000);
  const alerting = failures >= alertAfterFailures && !state.failureAlerted;
  if (alerting) {
    await sendOps(deps, ops, {
      kind: 'feed_failing',
      feed: state.url,
      message: `feed ${state.url} has failed ${failures} times in a row: ${message}`,
    });
  }
  await deps.store.saveFeedState({
    ...state,
    consecutiveFailures: failures,
    lastError: message,
    nextAttempt: new Date(now.getTime() + waitMs).toISOString(),
    ...(alerting || state.failureAlerted ? { failureAlerted: true } : {}),
  });
}

async function sendOps(deps: PollDependencies, ops: OpsMessage[], message: OpsMessage): Promise<void> {
  ops.push(message);
  deps.onEvent?.({ type: 'ops', message });
  try {
    await deps.publisher.publishOps(message);
  } catch (error) {
    // The feed's state still records the failure; the ops message is reported in the cycle's events.
    deps.onEvent?.({ type: 'ops_failed', message, error: (error as Error).message });
  }
}
