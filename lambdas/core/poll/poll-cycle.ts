import type { Alert } from '../alert/alert.js';
import type { Config } from '../config/config.js';
import { decide, planChange } from '../diff/diff.js';
import type { Extractor } from '../extract/extract.js';
import type { Figure } from '../extract/figure.js';
import type { FeedConfig, FeedItem, FeedState } from '../feed/feed.js';
import { FeedFetchError } from '../feed/feed.js';
import { contentHash, itemKey, storyId } from '../feed/item-identity.js';
import type { RelevanceCheck } from '../relevance/relevance.js';
import { seriesId, type Observation, type SeriesState } from '../series/series.js';
import type { MetricKind } from '../topic/topic.js';
import type { Clock, FeedFetcher, FeedParser, OpsMessage, PageReader, Publisher, Store } from './ports.js';

export interface PollDependencies {
  config: Pick<Config, 'fetch' | 'thresholds' | 'conflict' | 'feedHealth' | 'readLinkedPages' | 'digest'>;
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

/** A short feed entry (headline and a line) is worth fetching the linked page for. */
const SHORT_ENTRY_CHARACTERS = 400;
/** Another run moving the same series at the same moment: decide again, a few times at most. */
const MAX_COMMIT_TRIES = 5;
/** How long a run may hold the right to publish an alert: far longer than one publish takes. */
const PUBLISH_LEASE_MS = 5 * 60_000;

/**
 * One poll cycle: for every feed, fetch -> parse -> extract -> diff -> store, then alert.
 * Alerts are stored before they are published and marked sent after, so a failed publish is
 * retried next cycle and a change read by two overlapping runs is stored, and sent, once.
 */
export async function runPollCycle(deps: PollDependencies, feeds: FeedConfig[]): Promise<CycleReport> {
  const report: CycleReport = { feeds: [], sent: [], unsent: [], ops: [] };
  const cycle: CycleMemory = { extracted: new Map(), series: new Map() };
  await forEachLimited(feeds, deps.config.fetch.concurrency, async (feed) => {
    const feedReport = await pollFeed(deps, feed, cycle, report.ops);
    report.feeds.push(feedReport);
    deps.onEvent?.({ type: 'feed', report: feedReport });
  });
  await publishPending(deps, report);
  return report;
}

/** What one cycle remembers across its feeds. */
interface CycleMemory {
  /** Syndicated copies share a story: its figures are read once per cycle, each copy still a source. */
  extracted: Map<string, Promise<Figure[]>>;
  /** Series as this cycle last read or wrote them; a commit that finds one moved reads it again. */
  series: Map<string, SeriesState | undefined>;
}

async function pollFeed(deps: PollDependencies, feed: FeedConfig, cycle: CycleMemory, ops: OpsMessage[]): Promise<FeedReport> {
  const now = deps.clock.now();
  const state: FeedState = (await deps.store.feedState(feed.url)) ?? { url: feed.url, consecutiveFailures: 0 };
  const empty = { feed: feed.url, items: 0, read: 0, relevant: 0, figures: 0 };
  if (state.nextAttempt && Date.parse(state.nextAttempt) > now.getTime()) return { ...empty, status: 'waiting' };
  try {
    const outcome = await deps.fetcher.fetchFeed(feed, state);
    if (outcome.status === 'unchanged') {
      // An unchanged feed costs one request: nothing is written unless it is recovering.
      if (state.consecutiveFailures > 0) await recover(deps, state, now, ops, {});
      return { ...empty, status: 'unchanged' };
    }
    const parsed = await deps.parser.parse(outcome.body);
    const counts = await readItems(deps, feed, parsed.items, cycle);
    await recover(deps, state, now, ops, {
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
      ...(parsed.ttlMinutes ? { nextAttempt: new Date(now.getTime() + parsed.ttlMinutes * 60_000).toISOString() } : {}),
    });
    const truncated = parsed.truncatedFrom
      ? { error: `feed has ${parsed.truncatedFrom} items; read the first ${parsed.items.length}` }
      : {};
    return { ...empty, status: 'fetched', items: parsed.items.length, ...counts, ...truncated };
  } catch (error) {
    const message = (error as Error).message;
    await fail(deps, state, now, ops, message, error instanceof FeedFetchError ? error.retryAfterSeconds : undefined);
    return { ...empty, status: 'failed', error: message };
  }
}

/** A successful fetch: validators kept, failures forgotten, and operators told if they had been warned. */
async function recover(deps: PollDependencies, state: FeedState, now: Date, ops: OpsMessage[], update: Partial<FeedState>): Promise<void> {
  if (state.failureAlerted) {
    await sendOps(deps, ops, { kind: 'feed_recovered', feed: state.url, message: `feed ${state.url} is working again` });
  }
  const { lastError: _lastError, nextAttempt: _nextAttempt, failureAlerted: _alerted, ...kept } = state;
  await deps.store.saveFeedState({ ...kept, ...update, lastSuccess: now.toISOString(), consecutiveFailures: 0 });
}

/** A failed fetch: the next attempt backs off exponentially (capped), and after N failures in a row operators are told. */
async function fail(deps: PollDependencies, state: FeedState, now: Date, ops: OpsMessage[], message: string, retryAfterSeconds?: number) {
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

/**
 * Reads the feed's items about the story that are new or revised since they were last read. Only
 * those are remembered (other news costs a relevance test per cycle, and no storage), and they are
 * looked up and marked in one batch each, the marks written only once their figures are recorded.
 */
async function readItems(
  deps: PollDependencies,
  feed: FeedConfig,
  items: FeedItem[],
  cycle: CycleMemory,
): Promise<{ read: number; relevant: number; figures: number }> {
  const relevant = new Map<string, { item: FeedItem; hash: string }>();
  for (const item of items) {
    if (deps.isRelevant([item.title ?? '', item.content ?? item.summary ?? ''].join('\n\n')).relevant) {
      relevant.set(itemKey(item), { item, hash: contentHash(item) });
    }
  }
  const seen = await deps.store.seenItems([...relevant.keys()]);
  const fresh = [...relevant].filter(([key, { hash }]) => seen.get(key)?.contentHash !== hash);
  const now = deps.clock.now().toISOString();
  let figures = 0;
  for (const [, { item }] of fresh) {
    const story = storyId(item);
    let reading = cycle.extracted.get(story);
    if (!reading) {
      reading = extractItem(deps, item);
      cycle.extracted.set(story, reading);
    }
    const found = await reading;
    figures += found.length;
    for (const figure of found) await record(deps, cycle, toObservation(feed, item, figure, story, now));
  }
  await deps.store.saveSeenItems(fresh.map(([key, { hash }]) => ({ key, contentHash: hash, feedUrl: feed.url, seenAt: now })));
  return { read: fresh.length, relevant: relevant.size, figures };
}

async function extractItem(deps: PollDependencies, item: FeedItem): Promise<Figure[]> {
  const published = item.published;
  const fromFeed = deps.extract({
    ...(item.title ? { title: item.title } : {}),
    text: item.content ?? item.summary ?? '',
    ...(published ? { published } : {}),
  }).figures;
  const short = (item.content ?? item.summary ?? '').length < SHORT_ENTRY_CHARACTERS;
  if (!short || !deps.config.readLinkedPages || !deps.pageReader || !item.link) return distinct(fromFeed);
  try {
    const page = await deps.fetcher.fetchPage(item.link);
    const text = deps.pageReader.mainText(page.body, page.url);
    const fromPage = text ? deps.extract({ text, ...(published ? { published } : {}) }).figures : [];
    return distinct([...fromFeed, ...fromPage]);
  } catch {
    // The feed's own words still count when the linked page cannot be read.
    return distinct(fromFeed);
  }
}

/** One figure per (metric, facility, value, bound, increment, as_of) in an item: a headline and its body say it once. */
function distinct(figures: Figure[]): Figure[] {
  const seen = new Set<string>();
  return figures.filter((figure) => {
    const key = [figure.metric, figure.facility, figure.value, figure.bound, figure.increment, figure.as_of].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function outletOf(feed: FeedConfig): string {
  return feed.outlet ?? new URL(feed.url).hostname.replace(/^www\./, '');
}

function toObservation(feed: FeedConfig, item: FeedItem, figure: Figure, story: string, now: string): Observation {
  return {
    metric: figure.metric,
    ...(figure.facility !== undefined ? { facility: figure.facility } : {}),
    value: figure.value,
    bound: figure.bound,
    ...(figure.increment ? { increment: true } : {}),
    ...(figure.as_of !== undefined ? { as_of: figure.as_of } : {}),
    quote: figure.quote,
    link: item.link ?? feed.url,
    outlet: outletOf(feed),
    published: item.published ?? now,
    storyId: story,
    observedAt: now,
  };
}

/** Decides and commits against the series as last known; when another run moved it meanwhile, reads it and decides again. */
async function record(deps: PollDependencies, cycle: CycleMemory, observation: Observation): Promise<void> {
  const id = seriesId(observation);
  for (let attempt = 0; attempt < MAX_COMMIT_TRIES; attempt += 1) {
    if (attempt > 0 || !cycle.series.has(id)) cycle.series.set(id, await deps.store.series(observation));
    const series = cycle.series.get(id);
    const decision = decide(series, observation, deps.kindOf(observation.metric), deps.config);
    const change = planChange(series, observation, decision, deps.clock.now().toISOString());
    const result = await deps.store.commit(change);
    if (result === 'committed' && change.series) cycle.series.set(id, change.series);
    if (result !== 'conflict') return;
  }
  throw new Error(`series ${observation.metric} kept moving under ${MAX_COMMIT_TRIES} attempts to record a figure`);
}

/**
 * Sends what is stored and not yet sent: each alert on its own, or, with a digest window, the
 * urgent ones at once and the others together once the oldest has waited a whole window.
 */
async function publishPending(deps: PollDependencies, report: CycleReport): Promise<void> {
  const pending = await deps.store.pendingAlerts();
  const { windowMinutes, immediateChanges, immediateMagnitude } = deps.config.digest;
  if (windowMinutes === 0) {
    for (const alert of pending) await send(deps, report, [alert], () => deps.publisher.publish(alert));
    return;
  }
  const urgent = (alert: Alert) =>
    immediateChanges.includes(alert.type) || (immediateMagnitude !== undefined && magnitude(alert) >= immediateMagnitude);
  for (const alert of pending.filter(urgent)) await send(deps, report, [alert], () => deps.publisher.publish(alert));
  const held = pending.filter((alert) => !urgent(alert));
  const oldest = held[0];
  if (!oldest || deps.clock.now().getTime() - Date.parse(oldest.createdAt) < windowMinutes * 60_000) return;
  await send(deps, report, held, (claimed) => deps.publisher.publishDigest(claimed));
}

function magnitude(alert: Alert): number {
  return alert.previous && alert.type !== 'new' ? Math.abs(alert.current.value - alert.previous.value) : alert.current.value;
}

/** Claims the alerts, publishes those it holds, then marks them sent; on failure gives them back for the next cycle. */
async function send(
  deps: PollDependencies,
  report: CycleReport,
  alerts: Alert[],
  publish: (claimed: Alert[]) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  const leaseEnd = new Date(now.getTime() + PUBLISH_LEASE_MS).toISOString();
  const claimed: Alert[] = [];
  for (const alert of alerts) if (await deps.store.claimAlert(alert, now.toISOString(), leaseEnd)) claimed.push(alert);
  if (claimed.length === 0) return;
  try {
    await publish(claimed);
  } catch (error) {
    for (const alert of claimed) {
      await deps.store.releaseAlert(alert);
      report.unsent.push(alert);
      deps.onEvent?.({ type: 'alert_failed', alert, error: (error as Error).message });
    }
    return;
  }
  for (const alert of claimed) {
    await deps.store.markAlertSent(alert, deps.clock.now().toISOString());
    report.sent.push(alert);
    deps.onEvent?.({ type: 'alert_sent', alert });
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
