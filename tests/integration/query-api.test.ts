/**
 * Specification of the read-only query API, answered from a real DynamoDB API (dynalite,
 * in-process) that is filled as the poller fills it: committed changes, sent alerts, feed health
 * and run records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import type { RunRecord, Store } from '../../lambdas/core/poll/ports.js';
import { answerQuery } from '../../lambdas/core/query/answer-query.js';
import { hmacCursorSigner, type CursorSigner } from '../../lambdas/core/query/cursor-signer.js';
import type { QueryAnswer } from '../../lambdas/core/query/query-answer.js';
import { emptyStore, observation, record } from '../support/seeded-store.js';

let dynamo: EmbeddedDynamoDb;

const signer = hmacCursorSigner(Buffer.alloc(32, 'query-api'));

/** Marks every pending alert sent at `sentAt`, as a poll cycle does after publishing them. */
async function sendPending(store: Store, sentAt: string): Promise<void> {
  for (const alert of await store.pendingAlerts()) await store.markAlertSent(alert, sentAt);
}

/** Asks the API for `target` (a path with its query string) with `method`, its cursors signed by `by`. */
function ask(store: Store, target: string, method = 'GET', by: CursorSigner = signer): Promise<QueryAnswer> {
  const url = new URL(target, 'https://api.example');
  return answerQuery(store, { method, path: url.pathname, query: Object.fromEntries(url.searchParams) }, by);
}

async function body<T>(store: Store, target: string): Promise<T> {
  const answer = await ask(store, target);
  expect(answer.status).toBe(200);
  return answer.body as T;
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
});
afterAll(async () => {
  await dynamo.close();
});

describe('a store the poller has filled', () => {
  let store: Store;

  beforeAll(async () => {
    store = await emptyStore(dynamo, 'query-api');
    await record(store, observation(150, '2026-02-01T06:00:00.000Z'), '2026-02-01T07:00:00.000Z');
    await record(
      store,
      observation(40_000, '2026-02-02T08:00:00.000Z', {
        metric: 'camp_population',
        facility: 'al-Hol',
        bound: 'approx',
        outlet: 'The Gulf Daily',
        link: 'https://gulfdaily.example/hol',
        quote: 'Some 40,000 people live in al-Hol.',
      }),
      '2026-02-02T09:00:00.000Z',
    );
    await sendPending(store, '2026-02-02T09:01:00.000Z');
    await record(store, observation(150, '2026-02-03T10:00:00.000Z', { outlet: 'The Gulf Daily' }), '2026-02-03T11:00:00.000Z');
    await store.saveHistory([observation(60, '2026-02-04T12:00:00.000Z', { increment: true })]);
    await record(store, observation(1380, '2026-02-05T12:00:00.000Z'), '2026-02-05T13:00:00.000Z');
  });

  describe('GET /series', () => {
    it('lists every series with its current figure, sources and last change, by metric then facility, without its version', async () => {
      expect(await body(store, '/series')).toEqual({
        series: [
          {
            metric: 'camp_population',
            facility: 'al-Hol',
            current: {
              value: 40_000,
              bound: 'approx',
              quote: 'Some 40,000 people live in al-Hol.',
              link: 'https://gulfdaily.example/hol',
              outlet: 'The Gulf Daily',
              published: '2026-02-02T08:00:00.000Z',
            },
            sources: 1,
            outlets: ['The Gulf Daily'],
            lastChange: { type: 'new', at: '2026-02-02T09:00:00.000Z' },
            updatedAt: '2026-02-02T09:00:00.000Z',
          },
          {
            metric: 'detainees_transferred',
            current: {
              value: 1380,
              bound: 'exact',
              quote: 'A total of 1380 detainees have been moved to Iraq.',
              link: 'https://levantwire.example/1380',
              outlet: 'Levant Wire',
              published: '2026-02-05T12:00:00.000Z',
            },
            sources: 1,
            outlets: ['Levant Wire'],
            lastChange: { type: 'increase', at: '2026-02-05T13:00:00.000Z' },
            updatedAt: '2026-02-05T13:00:00.000Z',
          },
        ],
      });
    });
  });

  describe('GET /series/{metric}', () => {
    it('answers one series with its whole history, batches marked, and its alerts oldest first', async () => {
      const answer = await body<Record<string, unknown>>(store, '/series/detainees_transferred');
      expect(answer).toEqual({
        metric: 'detainees_transferred',
        current: expect.objectContaining({ value: 1380, published: '2026-02-05T12:00:00.000Z' }),
        sources: 1,
        outlets: ['Levant Wire'],
        history: [
          {
            value: 150,
            bound: 'exact',
            quote: 'A total of 150 detainees have been moved to Iraq.',
            link: 'https://levantwire.example/150',
            outlet: 'Levant Wire',
            published: '2026-02-01T06:00:00.000Z',
          },
          expect.objectContaining({ value: 150, outlet: 'The Gulf Daily', published: '2026-02-03T10:00:00.000Z' }),
          expect.objectContaining({ value: 60, increment: true, published: '2026-02-04T12:00:00.000Z' }),
          expect.objectContaining({ value: 1380, published: '2026-02-05T12:00:00.000Z' }),
        ],
        alerts: [
          {
            id: expect.any(String),
            type: 'new',
            previous: null,
            current: expect.objectContaining({ value: 150, outlet: 'Levant Wire' }),
            sources: 1,
            createdAt: '2026-02-01T07:00:00.000Z',
            sentAt: '2026-02-02T09:01:00.000Z',
          },
          {
            id: expect.any(String),
            type: 'increase',
            previous: expect.objectContaining({ value: 150, bound: 'exact' }),
            current: expect.objectContaining({ value: 1380 }),
            sources: 1,
            createdAt: '2026-02-05T13:00:00.000Z',
          },
        ],
      });
    });

    it('answers the series at the facility named', async () => {
      const answer = await body<{ facility: string; current: { value: number }; alerts: unknown[] }>(
        store,
        '/series/camp_population?facility=al-Hol',
      );
      expect([answer.facility, answer.current.value, answer.alerts.length]).toEqual(['al-Hol', 40_000, 1]);
    });

    it('leaves out the history published before `since`, and keeps every alert', async () => {
      const answer = await body<{ history: Array<{ published: string }>; alerts: unknown[] }>(
        store,
        '/series/detainees_transferred?since=2026-02-04',
      );
      expect(answer.history.map((entry) => entry.published)).toEqual(['2026-02-04T12:00:00.000Z', '2026-02-05T12:00:00.000Z']);
      expect(answer.alerts).toHaveLength(2);
    });

    it('reads `since` with its zone', async () => {
      const answer = await body<{ history: Array<{ published: string }> }>(
        store,
        `/series/detainees_transferred?since=${encodeURIComponent('2026-02-05T13:00:00+01:00')}`,
      );
      expect(answer.history.map((entry) => entry.published)).toEqual(['2026-02-05T12:00:00.000Z']);
    });

    it('answers 404 for a series never stored', async () => {
      expect(await ask(store, '/series/escaped')).toEqual({ status: 404, body: { error: 'no series escaped' } });
    });

    it('answers 404 for a metric at a facility it was never reported at', async () => {
      expect(await ask(store, '/series/camp_population?facility=Roj')).toEqual({
        status: 404,
        body: { error: 'no series camp_population at Roj' },
      });
    });
  });

  describe('GET /changes', () => {
    it('lists every alert oldest first, naming its series, with the time it was sent', async () => {
      const { changes } = await body<{ changes: Array<Record<string, unknown>> }>(store, '/changes');
      expect(changes.map(({ metric, facility, type, createdAt, sentAt }) => ({ metric, facility, type, createdAt, sentAt }))).toEqual([
        {
          metric: 'detainees_transferred',
          facility: undefined,
          type: 'new',
          createdAt: '2026-02-01T07:00:00.000Z',
          sentAt: '2026-02-02T09:01:00.000Z',
        },
        {
          metric: 'camp_population',
          facility: 'al-Hol',
          type: 'new',
          createdAt: '2026-02-02T09:00:00.000Z',
          sentAt: '2026-02-02T09:01:00.000Z',
        },
        {
          metric: 'detainees_transferred',
          facility: undefined,
          type: 'increase',
          createdAt: '2026-02-05T13:00:00.000Z',
          sentAt: undefined,
        },
      ]);
    });

    it('lists the alerts created from `since` up to, not including, `until`', async () => {
      const { changes } = await body<{ changes: Array<{ createdAt: string }> }>(
        store,
        '/changes?since=2026-02-02T09:00:00Z&until=2026-02-05T13:00:00Z',
      );
      expect(changes.map((change) => change.createdAt)).toEqual(['2026-02-02T09:00:00.000Z']);
    });

    it('lists the alerts of one metric', async () => {
      const { changes } = await body<{ changes: Array<{ type: string }> }>(store, '/changes?metric=detainees_transferred');
      expect(changes.map((change) => change.type)).toEqual(['new', 'increase']);
    });

    it('gives no cursor when the last alert fills the list', async () => {
      expect(await body(store, '/changes?since=2026-02-02&limit=2')).toEqual({ changes: [expect.anything(), expect.anything()] });
    });
  });

  describe('GET /feeds', () => {
    it("shows each feed's health, not its conditional GET validators", async () => {
      const feeds = await emptyStore(dynamo, 'query-api');
      await feeds.saveFeedState({
        url: 'https://gulfdaily.example/rss',
        etag: '"v7"',
        lastModified: 'Mon, 02 Feb 2026 09:00:00 GMT',
        lastSuccess: '2026-02-02T09:00:00.000Z',
        consecutiveFailures: 0,
      });
      await feeds.saveFeedState({
        url: 'https://levantwire.example/rss',
        consecutiveFailures: 3,
        lastError: 'HTTP 503 Service Unavailable',
        nextAttempt: '2026-02-02T10:00:00.000Z',
        failureAlerted: true,
      });
      expect(await body(feeds, '/feeds')).toEqual({
        feeds: [
          { url: 'https://gulfdaily.example/rss', lastSuccess: '2026-02-02T09:00:00.000Z', consecutiveFailures: 0 },
          {
            url: 'https://levantwire.example/rss',
            consecutiveFailures: 3,
            lastError: 'HTTP 503 Service Unavailable',
            nextAttempt: '2026-02-02T10:00:00.000Z',
          },
        ],
      });
    });
  });

  describe('GET /runs', () => {
    let runs: Store;
    const run = (hour: number): RunRecord => ({
      id: `run-${hour}`,
      startedAt: new Date(Date.UTC(2026, 1, 1, hour)).toISOString(),
      finishedAt: new Date(Date.UTC(2026, 1, 1, hour, 2)).toISOString(),
      feeds: 12,
      fetched: 9,
      unchanged: 2,
      waiting: 0,
      failed: 1,
      items: 40,
      figures: 3,
      sent: 1,
      unsent: 0,
    });

    beforeAll(async () => {
      runs = await emptyStore(dynamo, 'query-api');
      for (let hour = 0; hour < 24; hour += 1) await runs.saveRun(run(hour));
    });

    it('lists the last 20 runs, newest first', async () => {
      const answer = await body<{ runs: RunRecord[] }>(runs, '/runs');
      expect(answer.runs).toHaveLength(20);
      expect(answer.runs[0]).toEqual(run(23));
      expect(answer.runs.at(-1)?.id).toBe('run-4');
    });

    it('lists as many runs as `limit` asks', async () => {
      const answer = await body<{ runs: RunRecord[] }>(runs, '/runs?limit=3');
      expect(answer.runs.map((item) => item.id)).toEqual(['run-23', 'run-22', 'run-21']);
    });
  });

  describe('requests it refuses', () => {
    it.each([
      ['/changes?since=yesterday', 'since must be an ISO date or time, like 2026-02-01 or 2026-02-01T09:00:00Z'],
      ['/changes?until=2026-02-30', 'until must be an ISO date or time, like 2026-02-01 or 2026-02-01T09:00:00Z'],
      [
        '/series/detainees_transferred?since=2026-02-01T09:00',
        'since must be an ISO date or time, like 2026-02-01 or 2026-02-01T09:00:00Z',
      ],
      ['/changes?since=2026-02-05&until=2026-02-01', 'since must be before until'],
      ['/changes?limit=0', 'limit must be a whole number from 1 to 100'],
      ['/changes?limit=101', 'limit must be a whole number from 1 to 100'],
      ['/runs?limit=ten', 'limit must be a whole number from 1 to 100'],
      ['/changes?metric=', 'metric must not be empty'],
      [`/changes?metric=${'m'.repeat(101)}`, 'metric must be at most 100 characters'],
      ['/series/camp_population?facility=', 'facility must not be empty'],
      [`/series/camp_population?facility=${'f'.repeat(101)}`, 'facility must be at most 100 characters'],
      [`/series/${'m'.repeat(101)}`, 'metric must be at most 100 characters'],
      [`/changes?${Array.from({ length: 11 }, (_, i) => `p${i}=1`).join('&')}`, 'too many parameters: no route takes more than 10'],
      ['/changes?cursor=not-a-cursor', 'cursor must be a cursor given by /changes, unchanged'],
      [
        `/changes?cursor=${Buffer.from('{"createdAt":"soon","id":"x"}').toString('base64url')}`,
        'cursor must be a cursor given by /changes, unchanged',
      ],
      ['/series?metric=escaped', 'unknown parameter: metric'],
      ['/feeds?page=2&sort=url', 'unknown parameters: page, sort'],
      [
        '/changes?since=soon&colour=red',
        'since must be an ISO date or time, like 2026-02-01 or 2026-02-01T09:00:00Z; unknown parameter: colour',
      ],
    ])('answers 400 to %s, naming the parameter', async (target, error) => {
      expect(await ask(store, target)).toEqual({ status: 400, body: { error } });
    });

    it.each(['/', '/alerts', '/series/', '/series/detainees_transferred/history', '/series/%E0%A4%A'])(
      'answers 404 to %s',
      async (target) => {
        expect(await ask(store, target)).toEqual({ status: 404, body: { error: `no such path: ${target}` } });
      },
    );

    it('answers 405 to a method other than GET', async () => {
      expect(await ask(store, '/series', 'DELETE')).toEqual({
        status: 405,
        body: { error: 'DELETE is not allowed: the API only reads, with GET' },
      });
    });
  });
});

describe('an empty store', () => {
  it('answers empty lists', async () => {
    const store = await emptyStore(dynamo, 'query-api');
    const answers = await Promise.all(['/series', '/changes', '/feeds', '/runs'].map((target) => body(store, target)));
    expect(answers).toEqual([{ series: [] }, { changes: [] }, { feeds: [] }, { runs: [] }]);
  });
});

describe('GET /changes, a page at a time', () => {
  /** More alerts than the store reads in one page (100), alternating between two series, a minute apart. */
  const ALERTS = 130;
  let store: Store;

  beforeAll(async () => {
    store = await emptyStore(dynamo, 'query-api');
    for (let i = 0; i < ALERTS; i += 1) {
      const at = new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString();
      const metric = i % 2 === 0 ? 'detainees_transferred' : 'detainees_held';
      await record(store, observation(100 + i, at, { metric }), at);
    }
  });

  /** Follows `next` from the first list to the last; the lengths of the lists and every alert given, in order. */
  async function walk(target: string): Promise<{ lengths: number[]; values: number[] }> {
    const lengths: number[] = [];
    const values: number[] = [];
    let cursor: string | undefined;
    do {
      const answer = await body<{ changes: Array<{ current: { value: number } }>; next?: string }>(
        store,
        cursor === undefined ? target : `${target}&cursor=${cursor}`,
      );
      lengths.push(answer.changes.length);
      values.push(...answer.changes.map((change) => change.current.value));
      cursor = answer.next;
    } while (cursor);
    return { lengths, values };
  }

  const all = Array.from({ length: ALERTS }, (_, i) => 100 + i);

  it('gives 50 alerts at a time by default, each once and in order, across the pages of the store', async () => {
    expect(await walk('/changes?')).toEqual({ lengths: [50, 50, 30], values: all });
  });

  it('gives as many as `limit` asks, up to 100', async () => {
    expect(await walk('/changes?limit=100')).toEqual({ lengths: [100, 30], values: all });
  });

  it('pages through the alerts of one metric', async () => {
    expect(await walk('/changes?metric=detainees_held&limit=50')).toEqual({
      lengths: [50, 15],
      values: all.filter((value) => value % 2 === 1),
    });
  });

  it('keeps `since` and `until` while paging', async () => {
    expect(await walk('/changes?since=2026-02-01T00:10:00Z&until=2026-02-01T00:20:00Z&limit=4')).toEqual({
      lengths: [4, 4, 2],
      values: all.slice(10, 20),
    });
  });
});

describe('the cursor of /changes', () => {
  let store: Store;
  let cursor: string;

  beforeAll(async () => {
    store = await emptyStore(dynamo, 'query-api');
    for (const [index, at] of ['2026-02-01T07:00:00.000Z', '2026-02-02T07:00:00.000Z'].entries())
      await record(store, observation(100 + index, at), at);
    ({ next: cursor } = (await ask(store, '/changes?limit=1')).body as { next: string });
  });

  const refusal = { status: 400, body: { error: 'cursor must be a cursor given by /changes, unchanged' } };
  const payload = () => cursor.split('.')[0]!;
  const signature = () => cursor.split('.')[1]!;

  it('is a payload and its signature, joined by a dot, both base64url', () => {
    expect(cursor).toMatch(/^[\w-]+\.[\w-]{43}$/);
  });

  it('given back unchanged, resumes the list', async () => {
    expect(await ask(store, `/changes?cursor=${cursor}`)).toMatchObject({ status: 200, body: { changes: [{ current: { value: 101 } }] } });
  });

  it('is refused when forged: a position of the caller’s own, signed or not', async () => {
    const position = Buffer.from(JSON.stringify({ createdAt: '2026-02-01T07:00:00.000Z', id: 'z' })).toString('base64url');
    expect(await ask(store, `/changes?cursor=${position}`)).toEqual(refusal);
    expect(await ask(store, `/changes?cursor=${position}.${signature()}`)).toEqual(refusal);
  });

  it('is refused when cut short', async () => {
    for (const truncated of [cursor.slice(0, -1), payload(), `${payload()}.`, cursor.slice(0, 10)])
      expect(await ask(store, `/changes?cursor=${truncated}`)).toEqual(refusal);
  });

  it('is refused when its payload or signature is altered', async () => {
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(await ask(store, `/changes?cursor=${flip(payload(), 5)}.${signature()}`)).toEqual(refusal);
    expect(await ask(store, `/changes?cursor=${payload()}.${flip(signature(), 5)}`)).toEqual(refusal);
  });

  it('is refused by an API that signs with another key', async () => {
    expect(await ask(store, `/changes?cursor=${cursor}`, 'GET', hmacCursorSigner(Buffer.alloc(32, 'another')))).toEqual(refusal);
  });
});

describe('GET /changes when one poll cycle raised several alerts at once', () => {
  it('resumes after the last alert given, though the others share its time', async () => {
    const store = await emptyStore(dynamo, 'query-api');
    const now = '2026-02-01T07:00:00.000Z';
    const metrics = ['camp_population', 'detainees_held', 'detainees_transferred', 'escaped', 'recaptured'];
    for (const [index, metric] of metrics.entries())
      await record(store, observation(10 + index, '2026-02-01T06:00:00.000Z', { metric }), now);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const answer = await body<{ changes: Array<{ metric: string }>; next?: string }>(
        store,
        `/changes?limit=2${next === undefined ? '' : `&cursor=${next}`}`,
      );
      seen.push(...answer.changes.map((change) => change.metric));
      next = answer.next;
    } while (next);
    expect(seen.sort()).toEqual(metrics);
  });
});
