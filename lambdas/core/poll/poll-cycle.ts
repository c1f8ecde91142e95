import type { Alert } from '../alert/alert.js';
import type { Config } from '../config/config.js';
import type { Extractor } from '../extract/extract.js';
import type { Figure } from '../extract/figure.js';
import type { FeedConfig, FeedState } from '../feed/feed.js';
import { FeedFetchError } from '../feed/feed.js';
import { capItemText } from '../feed/item-text-limit.js';
import type { RelevanceCheck } from '../relevance/relevance.js';
import type { SeriesState } from '../series/series.js';
import type { MetricKind } from '../topic/topic.js';
import { fail, recover } from './feed-health.js';
import type { Clock, FeedFetcher, FeedParser, OpsMessage, PageReader, Publisher, Store } from './ports.js';
import { publishPending } from './publish-pending.js';
import { readItems } from './read-items.js';

export interface PollDependencies {
  config: Pick<Config, 'fetch' | 'thresholds' | 'conflict' | 'feedHealth' | 'readLinkedPages' | 'digest' | 'limits'>;
  fetcher: FeedFetcher;
  parser: FeedParser;
  pageReader?: PageReader;
  store: Store;
  publisher: Publisher;
  clock: Clock;
  extract: Extractor;
  isRelevant: RelevanceCheck;
  kindOf: (metric: string) => MetricKind;
  /** Called as the cycle goes, for progress on a terminal or structured logs. */
  onEvent?: (event: PollEvent) => void;
}

export type PollEvent =
  | { type: 'feed'; report: FeedReport }
  | { type: 'alert_sent'; alert: Alert }
  | { type: 'alert_failed'; alert: Alert; error: string }
  | { type: 'ops'; message: OpsMessage }
  | { type: 'ops_failed'; message: OpsMessage; error: string };

export interface FeedReport {
  feed: string;
  status: 'fetched' | 'unchanged' | 'waiting' | 'failed';
  items: number;
  /** Items about the story that are new or revised since the last cycle. */
  read: number;
  relevant: number;
  figures: number;
  error?: string;
}

export interface CycleReport {
  feeds: FeedReport[];
  /** Alerts published in this cycle, including ones left over from an earlier cycle. */
  sent: Alert[];
  /** Alerts that could not be published; they stay stored and are retried next cycle. */
  unsent: Alert[];
  ops: OpsMessage[];
}

/**
 * One poll cycle: for every feed, fetch -> parse -> extract -> diff -> store, then alert.
 * Alerts are stored before they are published and marked sent after, so a failed publish is
 * retried next cycle and a change read by two overlapping runs is stored, and sent, once.
 */
export async function runPollCycle(deps: PollDependencies, feeds: FeedConfig[]): Promise<CycleReport> {
  const report: CycleReport = { feeds: [], sent: [], unsent: [], ops: [] };
  const cycle: CycleMemory = { extracted: new Map(), series: new Map(), turns: new Map(), feedStates: await readFeedStates(deps, feeds) };
  await forEachLimited(feeds, deps.config.fetch.concurrency, async (feed) => {
    // A store that fails this feed (its state unreadable, its failure unrecordable) fails the feed,
    // not the cycle: the other feeds are read, and the next cycle reads this one again.
    const feedReport = await pollFeed(deps, feed, cycle, report.ops).catch((error: Error): FeedReport => ({
      feed: feed.url,
      status: 'failed',
      items: 0,
      read: 0,
      relevant: 0,
      figures: 0,
      error: error.message,
    }));
    report.feeds.push(feedReport);
    deps.onEvent?.({ type: 'feed', report: feedReport });
  });
  await publishPending(deps, report);
  return report;
}

/** What one cycle remembers across its feeds. */
export interface CycleMemory {
  /** Syndicated copies share a story: its figures are read once per cycle, each copy still a source. */
  extracted: Map<string, Promise<Figure[]>>;
  /** Series as this cycle last read or wrote them; a commit that finds one moved reads it again. */
  series: Map<string, SeriesState | undefined>;
  /**
   * The last decision taken or waiting on each series: feeds are read side by side, but decide on a
   * series in turn, each from the state the one before left, so that they do not conflict with each other.
   */
  turns: Map<string, Promise<void>>;
  /** Every feed's state, read together as the cycle starts; absent when that read failed, and each feed reads its own. */
  feedStates?: Map<string, FeedState>;
}

/** One request per hundred feeds; a store failing here fails no feed yet: each tries its own read. */
async function readFeedStates(deps: PollDependencies, feeds: FeedConfig[]): Promise<Map<string, FeedState> | undefined> {
  return deps.store.feedStates(feeds.map((feed) => feed.url)).catch(() => undefined);
}

async function pollFeed(deps: PollDependencies, feed: FeedConfig, cycle: CycleMemory, ops: OpsMessage[]): Promise<FeedReport> {
  const now = deps.clock.now();
  const known = cycle.feedStates ? cycle.feedStates.get(feed.url) : await deps.store.feedState(feed.url);
  const state: FeedState = known ?? { url: feed.url, consecutiveFailures: 0 };
  const empty = { feed: feed.url, items: 0, read: 0, relevant: 0, figures: 0 };
  // A wait set by a fetch the clock now places in the future would last as long as the clock is off.
  const setInTheFuture = state.lastSuccess !== undefined && Date.parse(state.lastSuccess) > now.getTime();
  if (state.nextAttempt && Date.parse(state.nextAttempt) > now.getTime() && !setInTheFuture) return { ...empty, status: 'waiting' };
  try {
    const outcome = await deps.fetcher.fetchFeed(feed, state);
    if (outcome.status === 'unchanged') {
      // An unchanged feed costs its conditional GET alone: nothing is written unless it is recovering.
      if (state.consecutiveFailures > 0) await recover(deps, state, now, ops, [], {});
      return { ...empty, status: 'unchanged' };
    }
    const parsed = await deps.parser.parse(outcome.body);
    const { items, notice } = capItemText(parsed.items, deps.config.limits.itemTextChars);
    const { marks, ...counts } = await readItems(deps, feed, items, cycle);
    await recover(deps, state, now, ops, marks, {
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
      ...(parsed.ttlMinutes ? { nextAttempt: new Date(now.getTime() + parsed.ttlMinutes * 60_000).toISOString() } : {}),
    });
    const notices = [
      ...(parsed.truncatedFrom ? [`feed has ${parsed.truncatedFrom} items; read the first ${parsed.items.length}`] : []),
      ...(notice ? [notice] : []),
    ];
    return {
      ...empty,
      status: 'fetched',
      items: parsed.items.length,
      ...counts,
      ...(notices.length > 0 ? { error: notices.join('; ') } : {}),
    };
  } catch (error) {
    const message = (error as Error).message;
    await fail(deps, state, now, ops, message, error instanceof FeedFetchError ? error.retryAfterSeconds : undefined);
    return { ...empty, status: 'failed', error: message };
  }
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
