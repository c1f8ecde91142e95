/**
 * The scheduled poller: one poll cycle per EventBridge event, the same cycle `transfer-watch poll`
 * runs. Configuration is read and checked once, at cold start.
 */
import { composeAwsPoll } from '../composition/aws.js';
import { runPollCycle, type PollEvent } from '../core/poll/poll-cycle.js';

/** One JSON line per event, with fixed messages and structured keys, for CloudWatch Logs. */
function log(event: PollEvent): void {
  if (event.type === 'feed') console.log(JSON.stringify({ message: 'feed polled', ...event.report }));
  else if (event.type === 'alert_sent')
    console.log(JSON.stringify({ message: 'alert sent', alertId: event.alert.id, change: event.alert.type }));
  else if (event.type === 'alert_failed')
    console.error(JSON.stringify({ message: 'alert not sent', alertId: event.alert.id, error: event.error }));
  else if (event.type === 'ops')
    console.log(JSON.stringify({ message: 'ops message', kind: event.message.kind, feed: event.message.feed }));
  else console.error(JSON.stringify({ message: 'ops message not sent', feed: event.message.feed, error: event.error }));
}

const poller = composeAwsPoll(process.env, log);

export interface PollSummary {
  feeds: number;
  failed: number;
  sent: number;
  unsent: number;
}

export async function handler(): Promise<PollSummary> {
  const report = await runPollCycle(poller.deps, poller.feeds);
  return {
    feeds: report.feeds.length,
    failed: report.feeds.filter((feed) => feed.status === 'failed').length,
    sent: report.sent.length,
    unsent: report.unsent.length,
  };
}
