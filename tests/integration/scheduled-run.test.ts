/**
 * A scheduled run on a real store (dynalite): the poll cycle under the poller's lease, and a
 * record of what it did.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import type { PollDependencies } from '../../lambdas/core/poll/poll-cycle.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import { runScheduledPoll } from '../../lambdas/core/poll/scheduled-run.js';
import { FeedFetchError } from '../../lambdas/core/feed/feed.js';
import { parseConfig } from '../../lambdas/core/config/config.js';

let dynamo: EmbeddedDynamoDb;
let store: Store;
let table = 0;
const NOW = new Date('2026-02-20T00:00:00.000Z');

/** A cycle over feeds that all fail to fetch: enough to see the run's bookkeeping, with no network. */
function deps(overrides: Partial<PollDependencies> = {}): PollDependencies {
  return {
    config: parseConfig({}, 'the test'),
    fetcher: {
      fetchFeed: async (feed) => {
        throw new FeedFetchError(`${feed.url}: connection refused`);
      },
      fetchPage: async () => {
        throw new FeedFetchError('no pages here');
      },
    },
    parser: { parse: async () => ({ items: [] }) },
    store,
    publisher: { publish: async () => {}, publishDigest: async () => {}, publishOps: async () => {} },
    clock: { now: () => NOW },
    extract: () => [],
    isRelevant: () => ({ relevant: false, score: 0, terms: [] }),
    kindOf: () => 'cumulative',
    ...overrides,
  } as PollDependencies;
}

const FEEDS = [{ url: 'https://a.example/rss' }, { url: 'https://b.example/rss' }];

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  table += 1;
  await ensureTable(dynamo.client, `scheduled-run-${table}`);
  store = createDynamoStore(dynamo.client, `scheduled-run-${table}`);
});

describe('a scheduled run', () => {
  it('records what the cycle did, and gives the lease back', async () => {
    const result = await runScheduledPoll(deps(), FEEDS, { runId: 'run-1', leaseMs: 60_000 });
    expect(result).toMatchObject({ ran: true, run: { id: 'run-1', feeds: 2, failed: 2, fetched: 0, sent: 0 } });
    expect((await store.recentRuns(5)).map((run) => [run.id, run.failed])).toEqual([['run-1', 2]]);
    expect(await store.acquireLease('next', NOW.toISOString(), new Date(NOW.getTime() + 1).toISOString())).toBe(true);
  });

  it('does not run while another run holds the lease', async () => {
    await store.acquireLease('other', NOW.toISOString(), new Date(NOW.getTime() + 60_000).toISOString());
    expect(await runScheduledPoll(deps(), FEEDS, { runId: 'run-2', leaseMs: 60_000 })).toEqual({ ran: false });
    expect(await store.recentRuns(5)).toEqual([]);
  });

  it('records why a cycle ended early, gives the lease back, and still fails', async () => {
    const failing = deps({
      store: {
        ...store,
        // A feed whose state is unreadable fails alone; without its outbox the cycle cannot go on.
        pendingAlerts: async () => {
          throw new Error('table unreachable');
        },
      },
    });
    await expect(runScheduledPoll(failing, FEEDS, { runId: 'run-3', leaseMs: 60_000 })).rejects.toThrow('table unreachable');
    expect((await store.recentRuns(5)).map((run) => [run.id, run.error])).toEqual([['run-3', 'table unreachable']]);
    expect(await store.acquireLease('next', NOW.toISOString(), new Date(NOW.getTime() + 1).toISOString())).toBe(true);
  });
});
