/** A fetched feed's items: relevance, extraction (with the linked page of a short entry), and each figure recorded against its series. */
import { decide, planChange } from '../diff/diff.js';
import { figureKey } from '../extract/extract.js';
import type { Figure } from '../extract/figure.js';
import type { FeedConfig, FeedItem } from '../feed/feed.js';
import { contentHash, itemKey, storyId } from '../feed/item-identity.js';
import { toPlainText } from '../text/html-to-text.js';
import { seriesId, type Observation, type SeriesKey } from '../series/series.js';
import type { CycleMemory, PollDependencies } from './poll-cycle.js';
import type { SeenItem } from './ports.js';

/** A short feed entry (headline and a line) is worth fetching the linked page for. */
const SHORT_ENTRY_CHARACTERS = 400;
/** Another run moving the same series at the same moment: decide again, a few times at most. */
const MAX_COMMIT_TRIES = 5;
/**
 * Reads the feed's items about the story that are new or revised since they were last read. Only
 * those are remembered (other news costs a relevance test per cycle, and no storage), and they are
 * looked up in one batch, and their marks returned, to be written with the feed's state once their
 * figures are recorded. Only the moves of a series are written one at a time, conditionally; every
 * observation read, moving or not, is written with the others in one batch.
 */
export async function readItems(
  deps: PollDependencies,
  feed: FeedConfig,
  items: FeedItem[],
  cycle: CycleMemory,
): Promise<{ read: number; relevant: number; figures: number; marks: SeenItem[] }> {
  const relevant = new Map<string, { item: FeedItem; hash: string }>();
  for (const item of items) {
    // Relevance reads words, as extraction does: markup and entities ("al&#8209;Hol") decoded first.
    if (deps.isRelevant(toPlainText([item.title ?? '', item.content ?? item.summary ?? ''].join('\n\n'))).relevant) {
      relevant.set(itemKey(item), { item, hash: contentHash(item) });
    }
  }
  const seen = await deps.store.seenItems([...relevant.keys()]);
  const fresh = [...relevant].filter(([key, { hash }]) => seen.get(key)?.contentHash !== hash);
  const now = deps.clock.now().toISOString();
  let figures = 0;
  const history: Observation[] = [];
  const marks: SeenItem[] = [];
  for (const [key, { item, hash }] of fresh) {
    const story = storyId(item);
    let reading = cycle.extracted.get(story);
    if (!reading) {
      reading = extractItem(deps, item);
      cycle.extracted.set(story, reading);
    }
    const found = await reading;
    figures += found.length;
    // An item without a date is dated when it is read; a figure it carried before keeps the date it had then.
    const before = seen.get(key)?.figures ?? {};
    const dated = found.map((figure) => ({ figure, published: item.published ?? before[figureKey(figure)] ?? now }));
    for (const { figure, published } of dated) {
      const observation = toObservation(feed, item, figure, story, published, now);
      // A batch or a figure told as history never moves a series, whatever it holds: its series is not even read.
      if (!observation.increment && observation.as_of === undefined)
        await inTurn(cycle, observation, () => record(deps, cycle, observation));
      history.push(observation);
    }
    const figureDates = Object.fromEntries(dated.map(({ figure, published }) => [figureKey(figure), published]));
    marks.push({ key, contentHash: hash, feedUrl: feed.url, seenAt: now, figures: figureDates });
  }
  await deps.store.saveHistory(history);
  return { read: fresh.length, relevant: relevant.size, figures, marks };
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
    const key = figureKey(figure);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function outletOf(feed: FeedConfig): string {
  return feed.outlet ?? new URL(feed.url).hostname.replace(/^www\./, '');
}

function toObservation(feed: FeedConfig, item: FeedItem, figure: Figure, story: string, published: string, now: string): Observation {
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
    published,
    storyId: story,
    observedAt: now,
  };
}

/** Runs `work` once every decision on the same series asked before it in this cycle has ended, well or not. */
async function inTurn(cycle: CycleMemory, key: SeriesKey, work: () => Promise<void>): Promise<void> {
  const id = seriesId(key);
  const mine = (cycle.turns.get(id) ?? Promise.resolve()).then(work);
  cycle.turns.set(
    id,
    mine.catch(() => undefined),
  );
  await mine;
}

/**
 * Decides against the series as last known and commits what moves it; when another run moved it
 * meanwhile, reads it and decides again. The observation itself is left to the feed's history.
 */
async function record(deps: PollDependencies, cycle: CycleMemory, observation: Observation): Promise<void> {
  const id = seriesId(observation);
  for (let attempt = 0; attempt < MAX_COMMIT_TRIES; attempt += 1) {
    if (attempt > 0 || !cycle.series.has(id)) cycle.series.set(id, await deps.store.series(observation));
    const series = cycle.series.get(id);
    const decision = decide(series, observation, deps.kindOf(observation.metric), deps.config);
    const change = planChange(series, observation, decision, deps.clock.now().toISOString());
    // Moving nothing, it needs no condition: written with the history, once however often, as its key is its content.
    if (!change.series) return;
    const result = await deps.store.moveSeries({ ...change, series: change.series });
    if (result === 'committed') cycle.series.set(id, change.series);
    if (result !== 'conflict') return;
  }
  throw new Error(`series ${observation.metric} kept moving under ${MAX_COMMIT_TRIES} attempts to record a figure`);
}
