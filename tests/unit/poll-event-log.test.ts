import { describe, expect, it } from 'vitest';
import { logPollEvent, type PollLog } from '../../lambdas/adapters/observability/observability.js';
import type { FeedReport } from '../../lambdas/core/poll/poll-cycle.js';

function recordingLog() {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (message: string): void => {
      lines.push(`${level} ${message}`);
    };
  const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as unknown as PollLog;
  return { log, lines };
}

const report = (status: FeedReport['status']): FeedReport => ({
  feed: 'https://levantwire.example/rss',
  status,
  items: 0,
  read: 0,
  relevant: 0,
  figures: 0,
});

describe('the log line of a polled feed', () => {
  it('is info when the feed had something new, a warning when it failed', () => {
    const { log, lines } = recordingLog();
    logPollEvent(log, { type: 'feed', report: report('fetched') });
    logPollEvent(log, { type: 'feed', report: report('failed') });
    expect(lines).toEqual(['info feed polled', 'warn feed failed']);
  });

  it('is debug when the feed was unchanged or still waiting, so a quiet tick costs no log lines at info', () => {
    const { log, lines } = recordingLog();
    logPollEvent(log, { type: 'feed', report: report('unchanged') });
    logPollEvent(log, { type: 'feed', report: report('waiting') });
    expect(lines).toEqual(['debug feed polled', 'debug feed polled']);
  });
});
