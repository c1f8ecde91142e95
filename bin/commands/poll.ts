import { randomUUID } from 'node:crypto';
import { composeLocalPoll } from '../../lambdas/composition/local.js';
import type { Config } from '../../lambdas/core/config/config.js';
import type { Clock } from '../../lambdas/core/poll/ports.js';
import { type CycleReport, type PollEvent } from '../../lambdas/core/poll/poll-cycle.js';
import { runRecordedPoll } from '../../lambdas/core/poll/scheduled-run.js';

export interface PollOptions {
  config: Config;
  /** Feeds given on the command line, polled instead of the configured ones. */
  feeds: string[];
  dataDir?: string;
  json: boolean;
  /** The time the cycle runs at; the demo replays days in seconds. */
  clock?: Clock;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One poll cycle in local mode. Returns the exit code: 0 when the cycle ran, even if some feeds failed. */
export async function pollOnce(options: PollOptions, output: Output): Promise<number> {
  const feeds = options.feeds.length > 0 ? options.feeds.map((url) => ({ url })) : options.config.feeds;
  if (feeds.length === 0) {
    output.err('transfer-watch: no feeds to poll: list them in the configuration file or give --feed URL\n');
    return 2;
  }
  const local = await composeLocalPoll(options.config, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    write: output.out,
    json: options.json,
    onEvent: (event) => output.err(progressLine(event)),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  try {
    const { report } = await runRecordedPoll(local.deps, feeds, randomUUID());
    if (options.json) {
      for (const feed of report.feeds.filter((item) => item.status === 'failed'))
        output.out(`${JSON.stringify({ type: 'feed_error', feed: feed.feed, error: feed.error })}\n`);
    } else {
      output.err(summary(report));
    }
    return 0;
  } finally {
    await local.close();
  }
}

function progressLine(event: PollEvent): string {
  switch (event.type) {
    case 'feed': {
      const { report } = event;
      // The line names the feed once; the error, written to stand alone, names it again.
      if (report.status === 'failed') return `  x ${report.feed}: ${shortError(report.error ?? '', report.feed)}\n`;
      if (report.status === 'unchanged') return `  = ${report.feed}: unchanged\n`;
      if (report.status === 'waiting') return `  . ${report.feed}: not due yet\n`;
      return `  + ${report.feed}: ${report.items} items, ${report.relevant} about the story (${report.read} new or revised), ${report.figures} figures${report.error ? ` (${report.error})` : ''}\n`;
    }
    case 'alert_failed':
      return `  ! alert ${event.alert.id} not sent (kept for the next cycle): ${event.error}\n`;
    case 'ops_failed':
      return `  ! ops message not sent: ${event.error}\n`;
    default:
      return '';
  }
}

function summary(report: CycleReport): string {
  const failed = report.feeds.filter((feed) => feed.status === 'failed').length;
  const unsent = report.unsent.length > 0 ? `, ${report.unsent.length} kept for the next cycle` : '';
  return `\n${plural(report.feeds.length, 'feed')} polled (${failed} failed), ${plural(report.sent.length, 'alert')} sent${unsent}.\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "HTTP 404 Not Found from <url>" on a line that starts with the url: "HTTP 404 Not Found". */
export function shortError(error: string, feed: string): string {
  return error.replaceAll(` from ${feed}`, '').replaceAll(feed, 'it');
}
