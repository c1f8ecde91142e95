/** Sending the alerts stored and not yet sent, each claimed first so that overlapping runs send it once. */
import type { Alert } from '../alert/alert.js';
import { magnitudeOf } from '../alert/format.js';
import type { CycleReport, PollDependencies } from './poll-cycle.js';

/** How long a run may hold the right to publish an alert: far longer than one publish takes. */
const PUBLISH_LEASE_MS = 5 * 60_000;

/**
 * Sends what is stored and not yet sent: each alert on its own, or, with a digest window, the
 * urgent ones at once and the others together once the oldest has waited a whole window.
 */
export async function publishPending(deps: PollDependencies, report: CycleReport): Promise<void> {
  const stored = await deps.store.pendingAlerts();
  // Published by a run that stopped before marking them: marked now, never sent again.
  for (const alert of stored) if (alert.sentAt !== undefined) await markSent(deps, alert, alert.sentAt);
  const pending = stored.filter((alert) => alert.sentAt === undefined);
  const { windowMinutes, immediateChanges, immediateMagnitude } = deps.config.digest;
  if (windowMinutes === 0) {
    await sendNow(deps, report, pending);
    return;
  }
  const urgent = (alert: Alert) =>
    immediateChanges.includes(alert.type) || (immediateMagnitude !== undefined && magnitudeOf(alert) >= immediateMagnitude);
  await sendNow(deps, report, pending.filter(urgent));
  const held = pending.filter((alert) => !urgent(alert));
  const oldest = held[0];
  if (!oldest || deps.clock.now().getTime() - Date.parse(oldest.createdAt) < windowMinutes * 60_000) return;
  await send(deps, report, held, (claimed) => deps.publisher.publishDigest(claimed));
}

/** Each alert on its own, unless there are more than a burst's worth: then all of them as one digest. */
async function sendNow(deps: PollDependencies, report: CycleReport, alerts: Alert[]): Promise<void> {
  if (alerts.length > deps.config.digest.burstLimit) {
    await send(deps, report, alerts, (claimed) => deps.publisher.publishDigest(claimed));
    return;
  }
  for (const alert of alerts) await send(deps, report, [alert], () => deps.publisher.publish(alert));
}

/**
 * Claims the alerts, publishes those it holds, then marks them sent; on failure gives them back for
 * the next cycle. A store that fails here fails one alert, never the others or the cycle.
 */
async function send(
  deps: PollDependencies,
  report: CycleReport,
  alerts: Alert[],
  publish: (claimed: Alert[]) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  const leaseEnd = new Date(now.getTime() + PUBLISH_LEASE_MS).toISOString();
  const claimed: Alert[] = [];
  for (const alert of alerts) {
    try {
      if (await deps.store.claimAlert(alert, now.toISOString(), leaseEnd)) claimed.push(alert);
    } catch (error) {
      // Unclaimed, it stays pending; a claim written but unanswered lapses with its lease.
      unsent(deps, report, alert, error as Error);
    }
  }
  if (claimed.length === 0) return;
  try {
    await publish(claimed);
  } catch (error) {
    for (const alert of claimed) {
      // A claim not given back lapses with its lease: the alert waits that much longer, no more.
      await deps.store.releaseAlert(alert).catch(() => undefined);
      unsent(deps, report, alert, error as Error);
    }
    return;
  }
  for (const alert of claimed) {
    report.sent.push(alert);
    deps.onEvent?.({ type: 'alert_sent', alert });
    await markSent(deps, alert, deps.clock.now().toISOString());
  }
}

function unsent(deps: PollDependencies, report: CycleReport, alert: Alert, error: Error): void {
  report.unsent.push(alert);
  deps.onEvent?.({ type: 'alert_failed', alert, error: error.message });
}

/**
 * Marks a published alert sent. If the store fails, the alert stays in its outbox: the next cycle
 * finishes marking it when the log took the time sent, and otherwise, once the claim lapses,
 * publishes it again, as SNS has no way to publish a message only once.
 */
async function markSent(deps: PollDependencies, alert: Alert, sentAt: string): Promise<void> {
  await deps.store.markAlertSent(alert, sentAt).catch(() => undefined);
}
