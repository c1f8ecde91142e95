/**
 * Specification of the dashboard page read from a real DynamoDB API (dynalite, in-process),
 * filled as the poller fills it: committed changes, a conflict, a batch told as history, feed
 * health and a run record.
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { dashboardPage } from '../../lambdas/core/dashboard/dashboard.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import type { Observation } from '../../lambdas/core/series/series.js';
import { emptyStore, observation, record } from '../support/seeded-store.js';
import type { DomElement } from '../support/reports.js';

let dynamo: EmbeddedDynamoDb;

async function page(store: Store) {
  const html = await dashboardPage(store);
  return { html, document: parseHTML(html).document };
}

const text = (element: DomElement | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
});
afterAll(async () => {
  await dynamo.close();
});

describe('the dashboard of a store the poller has filled', () => {
  let store: Store;
  const history: Observation[] = [
    observation(150, '2026-02-01T06:00:00.000Z'),
    observation(150, '2026-02-03T10:00:00.000Z', { outlet: 'The Gulf Daily', link: 'https://gulfdaily.example/150' }),
    observation(60, '2026-02-04T12:00:00.000Z', { increment: true }),
    observation(1380, '2026-02-05T12:00:00.000Z'),
    // Another outlet, an hour later and far off: a conflict, which leaves the series at 1,380.
    observation(2100, '2026-02-05T13:00:00.000Z', { outlet: 'Syria Detention Monitor', link: 'https://detentionmonitor.example/2100' }),
  ];
  const camp = observation(40_000, '2026-02-02T08:00:00.000Z', {
    metric: 'camp_population',
    facility: 'al-Hol',
    bound: 'approx',
    outlet: 'The Gulf Daily',
    link: 'https://gulfdaily.example/hol',
    quote: 'Some 40,000 people live in al-Hol.',
  });

  beforeAll(async () => {
    store = await emptyStore(dynamo, 'dashboard');
    await record(store, history[0]!, '2026-02-01T07:00:00.000Z');
    await record(store, camp, '2026-02-02T09:00:00.000Z');
    await record(store, history[1]!, '2026-02-03T11:00:00.000Z');
    await store.saveHistory([history[2]!]);
    await record(store, history[3]!, '2026-02-05T12:30:00.000Z');
    await record(store, history[4]!, '2026-02-05T14:00:00.000Z');
    await store.saveFeedState({
      url: 'https://gulfdaily.example/rss',
      etag: '"v7"',
      lastSuccess: '2026-02-05T14:00:00.000Z',
      consecutiveFailures: 0,
    });
    await store.saveFeedState({
      url: 'https://levantwire.example/rss',
      consecutiveFailures: 2,
      lastError: 'HTTP 503 Service Unavailable',
      nextAttempt: '2026-02-05T15:00:00.000Z',
    });
    await store.saveRun({
      id: 'run-1',
      startedAt: '2026-02-05T13:58:00.000Z',
      finishedAt: '2026-02-05T14:00:00.000Z',
      feeds: 2,
      fetched: 1,
      unchanged: 0,
      waiting: 0,
      failed: 1,
      items: 9,
      figures: 1,
      sent: 1,
      unsent: 0,
    });
  });

  it('shows every stored series, by metric then facility, with its current figure in words', async () => {
    const { document } = await page(store);
    expect(
      [...document.querySelectorAll('section[data-series]')].map((section) => [
        section.getAttribute('data-series'),
        text(section.querySelector('.figure')),
      ]),
    ).toEqual([
      ['camp_population@al-Hol', 'about 40,000'],
      ['detainees_transferred', '1,380'],
    ]);
  });

  it('draws every stored observation of a series as a point, the batch and the disputed report included', async () => {
    const { document } = await page(store);
    const points = [...document.querySelectorAll('section[data-series="detainees_transferred"] .point')];
    expect(
      points.map((point) => [
        Number(point.getAttribute('data-value')),
        point.getAttribute('data-outlet'),
        point.getAttribute('data-published'),
      ]),
    ).toEqual(history.map(({ value, outlet, published }) => [value, outlet, published]));
    expect(points.map((point) => point.getAttribute('class'))).toEqual([
      'point step',
      'point step',
      'point batch',
      'point step',
      'point disputed',
    ]);
  });

  it('marks the conflict the store recorded on the chart of its series', async () => {
    const { document } = await page(store);
    expect(
      [...document.querySelectorAll('section[data-series] .conflict')].map((marker) => [
        marker.closest('section')!.getAttribute('data-series'),
        marker.getAttribute('aria-label'),
      ]),
    ).toEqual([['detainees_transferred', 'Sources disagree, 2026-02-05: Levant Wire had 1,380, Syria Detention Monitor reported 2,100']]);
  });

  it('lists every stored alert as a change, newest first', async () => {
    const { document } = await page(store);
    const alerts = await store.alerts({});
    const newestFirst = [...alerts.items].reverse().map((alert) => [alert.id, alert.type]);
    expect(
      [...document.querySelectorAll('li.change')].map((item) => [item.getAttribute('data-alert-id'), item.getAttribute('data-type')]),
    ).toEqual(newestFirst);
    expect(newestFirst.map(([, type]) => type)).toEqual(['conflict', 'increase', 'new', 'new']);
  });

  it("shows each feed's health and what the last run did", async () => {
    const { document } = await page(store);
    const feeds = document.querySelector('section.feeds')!;
    expect([...feeds.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map(text))).toEqual([
      ['https://gulfdaily.example/rss', '2026-02-05 14:00 UTC', '0', 'next run', 'none'],
      ['https://levantwire.example/rss', 'never', '2', '2026-02-05 15:00 UTC', 'HTTP 503 Service Unavailable'],
    ]);
    expect(text(feeds.querySelector('p'))).toBe('The last run finished 2026-02-05 14:00 UTC: 2 feeds, 1 figure read, 1 feed failed.');
  });

  it('says the data is as of the end of the last run, the latest thing that moved it', async () => {
    const { document } = await page(store);
    expect(document.querySelector('header time')!.getAttribute('datetime')).toBe('2026-02-05T14:00:00.000Z');
  });
});

describe('the dashboard of a store with many changes', () => {
  it('lists only the latest 30 changes, newest first', async () => {
    const store = await emptyStore(dynamo, 'dashboard');
    for (let minute = 0; minute < 35; minute += 1) {
      const at = new Date(Date.UTC(2026, 1, 1, 0, minute)).toISOString();
      await record(store, observation(100 + minute, at), at);
    }
    const { document } = await page(store);
    const figures = [...document.querySelectorAll('li.change .figures')].map(text);
    expect(figures).toHaveLength(30);
    expect([figures[0], figures.at(-1)]).toEqual(['133 → to 134', '104 → to 105']);
  });

  it('stays under 100 KB for twice the demo’s reports: six series of six, each one a change', async () => {
    const store = await emptyStore(dynamo, 'dashboard');
    const metrics = ['detainees_transferred', 'transfer_planned', 'detainees_held', 'escaped', 'recaptured', 'repatriated'];
    for (const [index, metric] of metrics.entries()) {
      for (let day = 0; day < 6; day += 1) {
        const at = new Date(Date.UTC(2026, 0, 20 + 3 * day, 6 + index)).toISOString();
        const value = 1000 + 250 * day;
        await record(
          store,
          observation(value, at, {
            metric,
            quote: `The US military said on Tuesday that it had moved ${value} Islamic State detainees from prisons in north-eastern Syria to Iraq.`,
            link: `https://levantwire.example/world/2026/01/${metric}/us-moves-islamic-state-detainees-${value}`,
          }),
          at,
        );
      }
    }
    const { html, document } = await page(store);
    expect([document.querySelectorAll('.point').length, document.querySelectorAll('li.change').length]).toEqual([36, 30]);
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });
});

describe('the dashboard of an empty store', () => {
  it('says that no figure is stored yet, and how to get some', async () => {
    const { document } = await page(await emptyStore(dynamo, 'dashboard'));
    expect(text(document.querySelector('main .empty'))).toBe('No figures stored yet: run transfer-watch poll.');
  });
});
