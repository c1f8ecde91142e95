/**
 * The DynamoDB store against a real DynamoDB API (dynalite, in-process): conditional writes keep
 * every alert single and every change whole; reads are paginated.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { decide, planChange } from '../../lambdas/core/diff/diff.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import type { Observation } from '../../lambdas/core/series/series.js';

let dynamo: EmbeddedDynamoDb;
let store: Store;
let table = 0;

const settings = { thresholds: { absolute: 0, relative: 0 }, conflict: { windowHours: 6, margin: 0.1 } };

function observation(value: number, overrides: Partial<Observation> = {}): Observation {
  return {
    metric: 'detainees_transferred',
    value,
    bound: 'exact',
    quote: `A total of ${value} detainees have been moved to Iraq.`,
    link: `https://levantwire.example/${value}`,
    outlet: 'Levant Wire',
    published: `2026-02-${String(10 + (value % 10)).padStart(2, '0')}T09:00:00.000Z`,
    storyId: `story-${value}`,
    observedAt: '2026-02-20T00:00:00.000Z',
    ...overrides,
  };
}

/** Reads the series, decides and commits, as a poll cycle does. */
async function record(observed: Observation, now = '2026-02-20T00:00:00.000Z') {
  const series = await store.series(observed);
  return store.commit(planChange(series, observed, decide(series, observed, 'cumulative', settings), now));
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  table += 1;
  const tableName = `store-test-${table}`;
  await ensureTable(dynamo.client, tableName);
  store = createDynamoStore(dynamo.client, tableName);
});

describe('a new series', () => {
  it('stores the series, its observation and one pending alert', async () => {
    expect(await record(observation(150))).toBe('committed');
    expect(await store.series({ metric: 'detainees_transferred' })).toMatchObject({ current: { value: 150 }, sources: 1, version: 1 });
    expect((await store.history({ metric: 'detainees_transferred' })).items.map((item) => item.value)).toEqual([150]);
    expect((await store.pendingAlerts()).map((alert) => [alert.type, alert.current.value])).toEqual([['new', 150]]);
  });
});

describe('the same observation read twice', () => {
  it('is recorded once and adds no source', async () => {
    await record(observation(150));
    await record(observation(150, { storyId: 'another-story', outlet: 'The Gulf Daily' }));
    expect(await record(observation(150, { storyId: 'another-story', outlet: 'The Gulf Daily' }))).toBe('duplicate');
    expect((await store.series({ metric: 'detainees_transferred' }))?.sources).toBe(2);
  });
});

describe('two runs deciding from the same state', () => {
  it('lets only the first move the series and raise the alert', async () => {
    await record(observation(150));
    const series = await store.series({ metric: 'detainees_transferred' });
    const next = observation(1380);
    const change = planChange(series, next, decide(series, next, 'cumulative', settings), '2026-02-20T00:00:00.000Z');
    expect(await Promise.all([store.commit(change), store.commit(change)])).toEqual(expect.arrayContaining(['committed', 'conflict']));
    expect((await store.pendingAlerts()).filter((alert) => alert.type === 'increase')).toHaveLength(1);
  });
});

describe('a move of a series, its observation left to the history', () => {
  it('moves the series and raises the alert, and writes no observation', async () => {
    const first = observation(150);
    const change = planChange(undefined, first, decide(undefined, first, 'cumulative', settings), '2026-02-20T00:00:00.000Z');
    expect(await store.moveSeries({ ...change, series: change.series! })).toBe('committed');
    expect(await store.series({ metric: 'detainees_transferred' })).toMatchObject({ current: { value: 150 }, version: 1 });
    expect((await store.pendingAlerts()).map((alert) => [alert.type, alert.current.value])).toEqual([['new', 150]]);
    expect((await store.history({ metric: 'detainees_transferred' })).items).toEqual([]);
  });

  it('counts a corroboration sent twice (its first answer lost) once, and keeps its observation saved twice once', async () => {
    await record(observation(150));
    const series = await store.series({ metric: 'detainees_transferred' });
    const copy = observation(150, { storyId: 'another-story', outlet: 'The Gulf Daily' });
    const change = planChange(series, copy, decide(series, copy, 'cumulative', settings), '2026-02-20T00:00:00.000Z');
    expect(await store.moveSeries({ ...change, series: change.series! })).toBe('committed');
    // Sent again from the version it was decided at, it finds the series moved: the cycle reads it and decides again.
    expect(await store.moveSeries({ ...change, series: change.series! })).toBe('conflict');
    await store.saveHistory([copy]);
    await store.saveHistory([copy]);
    expect(await store.series({ metric: 'detainees_transferred' })).toMatchObject({ sources: 2, version: 2 });
    expect((await store.history({ metric: 'detainees_transferred' })).items.map((item) => item.outlet).sort()).toEqual([
      'Levant Wire',
      'The Gulf Daily',
    ]);
  });
});

describe('history in batches', () => {
  it('keeps 60 batches and dated figures in the history, written together, each once', async () => {
    const batches = Array.from({ length: 60 }, (_, i) =>
      observation(100 + i, { increment: true, storyId: `batch-${i}`, published: new Date(Date.UTC(2026, 1, 1, i)).toISOString() }),
    );
    await store.saveHistory([...batches, batches[0]!]);
    const { items } = await store.history({ metric: 'detainees_transferred' });
    expect(items.map((item) => item.value)).toEqual(batches.map((item) => item.value));
    expect(await store.series({ metric: 'detainees_transferred' })).toBeUndefined();
  });
});

describe('sending alerts', () => {
  it('moves a sent alert out of the pending ones and keeps it, with its time, in the log', async () => {
    await record(observation(150));
    const [alert] = await store.pendingAlerts();
    await store.markAlertSent(alert as Alert, '2026-02-20T00:01:00.000Z');
    expect(await store.pendingAlerts()).toEqual([]);
    expect((await store.alerts({})).items).toEqual([{ ...alert, sentAt: '2026-02-20T00:01:00.000Z' }]);
  });

  it('lists alerts created in a time range, oldest first', async () => {
    await record(observation(150), '2026-02-01T00:00:00.000Z');
    await record(observation(1380), '2026-02-05T00:00:00.000Z');
    await record(observation(2250), '2026-02-09T00:00:00.000Z');
    const { items } = await store.alerts({ since: '2026-02-02T00:00:00.000Z', until: '2026-02-09T00:00:00.000Z' });
    expect(items.map((alert) => alert.current.value)).toEqual([1380]);
  });
});

describe('paginated reads', () => {
  it('pages through a history of 250 observations in time order', async () => {
    for (let i = 0; i < 250; i += 1) {
      await store.commit({
        observation: observation(150, { storyId: `copy-${i}`, published: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString() }),
        expectedVersion: null,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.history({ metric: 'detainees_transferred' }, cursor);
      seen.push(...page.items.map((item) => item.published));
      cursor = page.next;
      pages += 1;
    } while (cursor);
    expect(seen).toHaveLength(250);
    expect([...seen].sort()).toEqual(seen);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('rejects a cursor it did not make', async () => {
    await expect(store.listSeries('not-a-cursor')).rejects.toThrow('invalid page cursor');
  });
});

describe('feed state and items', () => {
  it('keeps feed health and validators per feed', async () => {
    const state = { url: 'https://levantwire.example/rss', etag: '"abc"', consecutiveFailures: 2, lastError: 'HTTP 503' };
    await store.saveFeedState(state);
    expect(await store.feedState(state.url)).toEqual(state);
    expect((await store.listFeedStates()).items).toEqual([state]);
  });

  it('remembers items with their content hash, looked up in batches', async () => {
    const items = Array.from({ length: 130 }, (_, i) => ({
      key: `guid:lw-${i}`,
      contentHash: `h${i}`,
      feedUrl: 'https://levantwire.example/rss',
      seenAt: '2026-02-01T00:00:00.000Z',
    }));
    await store.saveSeenItems(items);
    const found = await store.seenItems([...items.map((item) => item.key), 'guid:other', 'guid:lw-0']);
    expect(found.size).toBe(130);
    expect(found.get('guid:lw-129')).toEqual(items[129]);
    expect(found.has('guid:other')).toBe(false);
  });
});

describe('items marked read with their feed’s state', () => {
  it('keeps both', async () => {
    const state = { url: 'https://levantwire.example/rss', etag: '"abc"', consecutiveFailures: 0 };
    const item = { key: 'guid:lw-1', contentHash: 'h1', feedUrl: state.url, seenAt: '2026-02-01T00:00:00.000Z' };
    await store.saveSeenItems([item], state);
    expect(await store.feedState(state.url)).toEqual(state);
    expect(await store.seenItems([item.key])).toEqual(new Map([[item.key, item]]));
  });
});

describe('the poller’s lease', () => {
  it('is held by one run at a time until it expires', async () => {
    expect(await store.acquireLease('run-1', '2026-02-20T00:00:00.000Z', '2026-02-20T00:15:00.000Z')).toBe(true);
    expect(await store.acquireLease('run-2', '2026-02-20T00:05:00.000Z', '2026-02-20T00:20:00.000Z')).toBe(false);
    expect(await store.acquireLease('run-3', '2026-02-20T00:16:00.000Z', '2026-02-20T00:31:00.000Z')).toBe(true);
  });

  it('is given back only by its holder', async () => {
    await store.acquireLease('run-1', '2026-02-20T00:00:00.000Z', '2026-02-20T00:15:00.000Z');
    await store.releaseLease('run-0');
    expect(await store.acquireLease('run-2', '2026-02-20T00:01:00.000Z', '2026-02-20T00:16:00.000Z')).toBe(false);
    await store.releaseLease('run-1');
    expect(await store.acquireLease('run-2', '2026-02-20T00:01:00.000Z', '2026-02-20T00:16:00.000Z')).toBe(true);
  });
});

describe('runs', () => {
  it('lists the last ones, newest first', async () => {
    const run = (id: string, startedAt: string) => ({
      id,
      startedAt,
      finishedAt: startedAt,
      feeds: 2,
      fetched: 2,
      unchanged: 0,
      waiting: 0,
      failed: 0,
      items: 5,
      figures: 4,
      sent: 1,
      unsent: 0,
    });
    for (const [id, at] of [
      ['a', '2026-02-20T00:00:00.000Z'],
      ['c', '2026-02-20T00:30:00.000Z'],
      ['b', '2026-02-20T00:15:00.000Z'],
    ] as const)
      await store.saveRun(run(id, at));
    expect((await store.recentRuns(2)).map((saved) => saved.id)).toEqual(['c', 'b']);
  });
});
