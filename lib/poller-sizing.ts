/**
 * The poller's memory and timeout, worked out from the configuration and the measured cycle
 * (`npm run bench`): 200 feeds of 50 items took 5.6 to 6 s and peaked at 224 to 250 MB of
 * resident memory on one core, 1,000 feeds 25 to 27 s and 290 to 360 MB; an unchanged rerun 0.2 s.
 */
import type { Config } from '../lambdas/core/config/config.js';

export interface PollerSize {
  memoryMb: number;
  timeoutSeconds: number;
  /** Said in the function's description, so whoever reads the console knows why. */
  reason: string;
}

/** Lambda's longest run. */
const MAX_TIMEOUT_SECONDS = 900;
/** Time for the store reads and writes and the publishing after the fetches, measured at seconds; kept generous. */
const BOOKKEEPING_SECONDS = 60;

/**
 * At most 250 MB at 200 feeds and 360 MB at 1,000 in the benchmark, whose feeds are small: 512 MB
 * leaves half again for up to 200 feeds, and past that Lambda's CPU, which grows with memory, is
 * what the first cycle of a large list needs.
 */
export function pollerMemoryMb(feeds: number): number {
  return feeds <= 200 ? 512 : 1024;
}

export function pollerSize(config: Pick<Config, 'feeds' | 'fetch' | 'readLinkedPages'>): PollerSize {
  const feeds = Math.max(1, config.feeds.length);
  const memoryMb = pollerMemoryMb(feeds);
  // The worst cycle is every feed taking its whole timeout, `concurrency` at a time, and as long
  // again for linked pages read when a feed's items are headlines only.
  const rounds = Math.ceil(feeds / config.fetch.concurrency);
  const perRound = (config.fetch.timeoutMs / 1000) * (config.readLinkedPages ? 2 : 1);
  const timeoutSeconds = Math.min(MAX_TIMEOUT_SECONDS, Math.ceil(BOOKKEEPING_SECONDS + rounds * perRound));
  return {
    memoryMb,
    timeoutSeconds,
    reason: `${memoryMb} MB for ${feeds} feeds (measured peak 250 MB at 200); ${timeoutSeconds} s covers every feed timing out, ${config.fetch.concurrency} at a time`,
  };
}
