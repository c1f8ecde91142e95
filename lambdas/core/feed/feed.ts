/** A feed as configured: its address and the outlet its items are credited to. */
export interface FeedConfig {
  url: string;
  /** Shown as the source of every figure read from the feed; defaults to the feed's host. */
  outlet?: string;
}

/** What is kept between cycles for one feed: conditional GET validators and its health. */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** ISO time of the last fetch that succeeded (200 or 304). */
  lastSuccess?: string;
  consecutiveFailures: number;
  lastError?: string;
  /** ISO time before which the feed is not fetched again (backoff, Retry-After or the feed's TTL). */
  nextAttempt?: string;
  /** An ops alert has been sent for the current run of failures; cleared, with a recovery alert, on success. */
  failureAlerted?: boolean;
}

/** The answer to one fetch of a feed. */
export type FetchOutcome =
  | { status: 'unchanged' }
  | {
      status: 'fetched';
      body: string;
      /** The final URL after redirects. */
      url: string;
      etag?: string;
      lastModified?: string;
    };

/** A fetch that did not give a feed body: the message says what went wrong, in words a user can act on. */
export class FeedFetchError extends Error {
  override name = 'FeedFetchError';
  constructor(
    message: string,
    /** Seconds the server asked us to wait (429/503 Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** One entry of a parsed feed, with only what the pipeline reads. */
export interface FeedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** The short description or summary the feed carries. */
  summary?: string;
  /** The full content, when the feed carries it (content:encoded, Atom content). */
  content?: string;
  /** ISO time of publication, when the item has one. */
  published?: string;
}

/** A parsed feed: its items and, when it declares one, how long it may be cached. */
export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
  ttlMinutes?: number;
  /** The feed had this many items, more than are read: the rest are left out and the cut reported. */
  truncatedFrom?: number;
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}
