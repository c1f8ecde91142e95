/**
 * What a poll cycle needs from the outside world, each as a narrow interface with one
 * implementation per technology in lambdas/adapters (HTTP, rss-parser, DynamoDB or embedded,
 * SNS or console).
 */
import type { Alert } from '../alert/alert.js';
import type { FeedConfig, FeedState, FetchOutcome, ParsedFeed } from '../feed/feed.js';
import type { Observation, SeriesKey, SeriesState } from '../series/series.js';

export interface FeedFetcher {
  /** Fetches a feed, conditionally when `state` has validators; throws FeedFetchError. */
  fetchFeed(feed: FeedConfig, state: FeedState | undefined): Promise<FetchOutcome>;
  /** Fetches an article page (same limits and address rules); throws FeedFetchError. */
  fetchPage(url: string): Promise<{ body: string; url: string }>;
}

export interface FeedParser {
  /** Parses RSS 0.9x/1.0/2.0 or Atom; throws FeedParseError. */
  parse(xml: string): Promise<ParsedFeed>;
}

/** Reads an article page's main text, leaving out navigation and other stories. */
export interface PageReader {
  mainText(html: string, url: string): string | undefined;
}

/** An item already read: its content hash tells a story revised in place from a repeat. */
export interface SeenItem {
  key: string;
  contentHash: string;
  feedUrl: string;
  seenAt: string;
  /**
   * When each figure it carried was published, by figure key, as first read: revised after losing
   * its date, or never having one, the item's old figures keep their dates and stay old news.
   */
  figures?: Record<string, string>;
}

export type CommitResult = 'committed' | 'duplicate' | 'conflict';

export interface Change {
  observation: Observation;
  /** The series after this observation, or nothing when the observation leaves it as it was. */
  series?: SeriesState;
  /** The version the series had when it was read: null when it did not exist. */
  expectedVersion: number | null;
  alert?: Alert;
}

/** A change that moves its series: a corroboration, a move or a conflict. */
export type SeriesMove = Change & { series: SeriesState };

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last one. */
  next?: string;
}

export interface Store {
  feedState(url: string): Promise<FeedState | undefined>;
  /** The states of the feeds among `urls` that have one, by URL: one request per hundred feeds. */
  feedStates(urls: string[]): Promise<Map<string, FeedState>>;
  saveFeedState(state: FeedState): Promise<void>;
  /** The items among `keys` already read, by key: one request per hundred keys. */
  seenItems(keys: string[]): Promise<Map<string, SeenItem>>;
  /**
   * Marks items read. With `feedState`, the feed's state goes in the same batch, after the marks:
   * both say that a fetch's items are recorded, so either may be written without the other.
   */
  saveSeenItems(items: SeenItem[], feedState?: FeedState): Promise<void>;
  series(key: SeriesKey): Promise<SeriesState | undefined>;
  /**
   * Writes an observation, the series it moves and the alert it raises, all or nothing.
   * 'duplicate': this observation was already recorded (nothing written). 'conflict': the series
   * moved since it was read (nothing written); read it again and decide again.
   */
  commit(change: Change): Promise<CommitResult>;
  /**
   * As commit, for a change that moves its series, without writing the observation: the caller saves
   * it with saveHistory afterwards (unless 'conflict'), with the feed's others in one batch. A run
   * cut short before then leaves its items unmarked: the next reads them, and saves it then.
   */
  moveSeries(change: SeriesMove): Promise<CommitResult>;
  /** Observations, whether they moved a series or not, written together; writing one twice changes nothing. */
  saveHistory(observations: Observation[]): Promise<void>;
  /**
   * Alerts stored and not yet marked sent, oldest first. One whose marking was cut short after it was
   * published carries its `sentAt`: it is to be marked, not sent again.
   */
  pendingAlerts(): Promise<Alert[]>;
  /**
   * Takes the right to publish an alert until `until`, unless another run holds it: two runs at once
   * never both publish it, and a run that dies holding it lets the next one retry once it expires.
   */
  claimAlert(alert: Alert, now: string, until: string): Promise<boolean>;
  /** Gives the right back after a failed publish, so the next cycle retries at once. */
  releaseAlert(alert: Alert): Promise<void>;
  /** Records the time sent in the alert log, then takes the alert out of its outbox; doing it twice changes nothing. */
  markAlertSent(alert: Alert, sentAt: string): Promise<void>;
  listSeries(cursor?: string): Promise<Page<SeriesState>>;
  history(key: SeriesKey, cursor?: string): Promise<Page<Observation>>;
  /** Alerts created in [since, until), oldest first. */
  alerts(range: { since?: string; until?: string }, cursor?: string): Promise<Page<Alert>>;
  listFeedStates(cursor?: string): Promise<Page<FeedState>>;
  /**
   * Takes a lease until `until`, unless another run holds it and it has not expired: the poller's
   * (by default), so runs never overlap, or a fan-out batch's hosts, so two workers never poll one
   * host at once. A run that dies holding one blocks the next only until it expires.
   */
  acquireLease(holder: string, now: string, until: string, lease?: string): Promise<boolean>;
  /** Gives a lease back, if `holder` still holds it. */
  releaseLease(holder: string, lease?: string): Promise<void>;
  saveRun(run: RunRecord): Promise<void>;
  /** The last `limit` runs, newest first. */
  recentRuns(limit: number): Promise<RunRecord[]>;
}

/** What one scheduled run did, kept for a while so `status` can show the last runs. */
export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt: string;
  feeds: number;
  fetched: number;
  unchanged: number;
  waiting: number;
  failed: number;
  items: number;
  figures: number;
  sent: number;
  unsent: number;
  /** Why the run ended early, when it did. */
  error?: string;
}

/** A message to operators about the pipeline itself, not about a figure. */
export interface OpsMessage {
  kind: 'feed_failing' | 'feed_recovered';
  feed: string;
  message: string;
}

export interface Publisher {
  /** Publishes one alert; throws when it could not, so that it stays pending. */
  publish(alert: Alert): Promise<void>;
  /** Publishes several alerts as one message (a digest); throws when it could not. */
  publishDigest(alerts: Alert[]): Promise<void>;
  publishOps(message: OpsMessage): Promise<void>;
}

export interface Clock {
  now(): Date;
}
