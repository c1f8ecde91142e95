/**
 * The demo's story as tests replay it: six snapshots of three feeds (demo/feeds/), polled when each
 * was current, and the alerts each deserves. Free of vitest, so that a cycle in a child process
 * can use it.
 */
import { join } from 'node:path';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { parseConfig, type Config } from '../../lambdas/core/config/config.js';

export const SNAPSHOTS = join(import.meta.dirname, '..', '..', 'demo', 'feeds');

export const FEED_FILES = [
  { file: 'wire.xml', outlet: 'Levant Wire' },
  { file: 'daily.xml', outlet: 'The Gulf Daily' },
  { file: 'monitor.xml', outlet: 'Syria Detention Monitor' },
];

/** When each snapshot is polled: an hour after its newest item. */
export const STEP_TIMES = [
  '2026-01-22T12:20:00Z',
  '2026-01-25T11:00:00Z',
  '2026-02-01T17:30:00Z',
  '2026-02-10T15:15:00Z',
  '2026-02-20T16:45:00Z',
  '2026-03-03T11:30:00Z',
];

export const STORY: string[][] = [
  ['new detainees_transferred 150', 'new transfer_planned 7000'],
  ['new detainees_held 9000', 'new escaped@al-Shaddadi 1500', 'new camp_population@al-Hol 24000'],
  ['increase detainees_transferred 150->1380'],
  ['increase detainees_transferred 1380->2250', 'conflict detainees_transferred 2250->3100'],
  ['new recaptured@al-Shaddadi 81', 'increase detainees_transferred 2250->4100', 'revised transfer_planned 7000->6800'],
  ['decrease camp_population@al-Hol 24000->21000', 'increase detainees_transferred 4100->5700'],
];

/** The alerts of snapshots `from` to `to`, in the order they are raised. */
export function storyAlerts(from: number, to: number): string[] {
  return STORY.slice(from - 1, to).flat();
}

/** When the scheduled run after a snapshot's comes: past the wire's 15-minute TTL, a failed feed's first backoff and a publish claim's lease. */
export const NEXT_RUN_MINUTES = 20;

export function stepTime(step: number, minutesAfter = 0): Date {
  return new Date(Date.parse(STEP_TIMES[step - 1]!) + minutesAfter * 60_000);
}

/**
 * One feed at a time, so that a fault planned for the nth request hits the same request every run,
 * and the wire is read before the monitor as in the story (its 2,250 then conflicts with their 3,100).
 */
export function pollConfig(overrides: Record<string, unknown> = {}): Config {
  return parseConfig(
    { fetch: { allowPrivateHosts: true, hostSpacingMs: 0, timeoutMs: 2000, concurrency: 1 }, readLinkedPages: false, ...overrides },
    'the fault suite',
  );
}

/** A change as people read it: "increase detainees_transferred 150->1380". */
export function describeChange(
  alert: Pick<Alert, 'type' | 'metric' | 'facility' | 'current'> & { previous: { value: number } | null },
): string {
  const place = alert.facility ? `@${alert.facility}` : '';
  const previous = alert.previous ? `${alert.previous.value}->` : '';
  return `${alert.type} ${alert.metric}${place} ${previous}${alert.current.value}`;
}
