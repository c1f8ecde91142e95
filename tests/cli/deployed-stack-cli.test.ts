/**
 * Specification of `query` and `status` on a deployed stack: the CLI finds the API through the
 * stack's ApiUrl output (a stack created in a moto server), and asks it with SigV4-signed requests,
 * here of a stand-in API on 127.0.0.1 that checks each signature and answers fixed JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { createStack, credentials, MOTO_ENV } from '../support/moto-stack.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { serveSignedApi, type Answer, type SignedApiServer } from '../support/signed-api-server.js';

const transferred = {
  metric: 'detainees_transferred',
  current: {
    value: 2250,
    bound: 'at_least',
    quote: 'More than 2,250 detainees have now been moved to Iraq, officials said.',
    link: 'https://levantwire.example/2026/01/24/transfers-continue',
    outlet: 'Levant Wire',
    published: '2026-01-24T09:30:00.000Z',
  },
  sources: 2,
  outlets: ['Levant Wire', 'The Gulf Daily'],
};
const held = {
  metric: 'detainees_held',
  facility: 'al-Hol camp',
  current: {
    value: 24000,
    bound: 'approx',
    quote: 'The camp still holds some 24,000 people, most of them women and children.',
    link: 'https://gulfdaily.example/news/al-hol-census',
    outlet: 'The Gulf Daily',
    published: '2026-01-20T11:00:00.000Z',
  },
  sources: 1,
  outlets: ['The Gulf Daily'],
};
const firstGroup = {
  value: 150,
  bound: 'exact',
  quote: 'A first group of 150 detainees was moved to Iraq on Thursday.',
  link: 'https://levantwire.example/2026/01/22/first-transfer',
  outlet: 'Levant Wire',
  published: '2026-01-22T06:14:00.000Z',
};
const batch = {
  value: 500,
  bound: 'exact',
  quote: 'Another 500 were taken across the border overnight.',
  link: 'https://gulfdaily.example/news/second-batch',
  outlet: 'The Gulf Daily',
  published: '2026-01-23T18:05:00.000Z',
  increment: true,
};
const census = { ...held.current, as_of: '2025-12-31' };
const increaseAlert = {
  id: '2026-01-24T09:45:00.000Z#detainees_transferred#increase',
  type: 'increase',
  current: transferred.current,
  sources: 2,
  createdAt: '2026-01-24T09:45:00.000Z',
  sentAt: '2026-01-24T09:45:03.000Z',
};

const ANSWERS: Record<string, Answer> = {
  '/series': {
    status: 200,
    body: {
      series: [
        { ...held, updatedAt: '2026-01-20T11:15:00.000Z' },
        { ...transferred, lastChange: { type: 'increase', at: '2026-01-24T09:45:00.000Z' }, updatedAt: '2026-01-24T09:45:00.000Z' },
      ],
    },
  },
  '/series/detainees_held?facility=al-Hol%20camp': { status: 200, body: { ...held, history: [census], alerts: [] } },
  '/series/detainees_transferred': {
    status: 200,
    body: { ...transferred, history: [firstGroup, batch, transferred.current], alerts: [increaseAlert] },
  },
  '/series/detainees_transferred?since=2026-01-23T00%3A00%3A00.000Z': {
    status: 200,
    body: { ...transferred, history: [batch, transferred.current], alerts: [increaseAlert] },
  },
  '/feeds': {
    status: 200,
    body: {
      feeds: [
        {
          url: 'https://gulfdaily.example/rss',
          lastSuccess: '2026-01-23T18:15:00.000Z',
          consecutiveFailures: 4,
          lastError: 'HTTP 503 Service Unavailable from https://gulfdaily.example/rss',
          nextAttempt: '2026-01-24T11:05:00.000Z',
        },
        { url: 'https://levantwire.example/feed.xml', lastSuccess: '2026-01-24T09:45:02.000Z', consecutiveFailures: 0 },
      ],
    },
  },
  '/runs?limit=2': {
    status: 200,
    body: {
      runs: [
        {
          id: 'c0a8012e-run-2',
          startedAt: '2026-01-24T09:45:00.000Z',
          finishedAt: '2026-01-24T09:45:07.400Z',
          feeds: 2,
          fetched: 1,
          unchanged: 0,
          waiting: 0,
          failed: 1,
          items: 12,
          figures: 3,
          sent: 1,
          unsent: 0,
        },
        {
          id: 'c0a8012e-run-1',
          startedAt: '2026-01-24T09:30:00.000Z',
          finishedAt: '2026-01-24T09:31:12.000Z',
          feeds: 2,
          fetched: 0,
          unchanged: 0,
          waiting: 0,
          failed: 0,
          items: 0,
          figures: 0,
          sent: 0,
          unsent: 0,
          error: 'Rate exceeded',
        },
      ],
    },
  },
  '/runs?limit=7': { status: 503, body: { error: 'the store did not answer in time' } },
};

let moto: MotoServer;
let api: SignedApiServer;

beforeAll(async () => {
  moto = await startMotoServer();
  api = await serveSignedApi(ANSWERS, { region: MOTO_ENV.AWS_REGION, credentials });
  await createStack(moto.endpoint, 'TransferWatch', api.url);
}, MOTO_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await api?.close();
  await moto?.stop();
});

const run = (args: string[], env: Record<string, string> = {}) => cli(args, '', { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint, ...env });

describe('query --stack', () => {
  it('prints the series as the local query does: current figure, then each report with its outlet and link', async () => {
    const result = await run(['query', '--stack', 'TransferWatch']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'detainees_held (al-Hol camp): about 24,000, reported 2026-01-20 by 1 source(s)',
        '    2026-01-20 11:00  about 24,000 (as of 2025-12-31)  The Gulf Daily  https://gulfdaily.example/news/al-hol-census',
        '',
        'detainees_transferred: more than 2,250, reported 2026-01-24 by 2 source(s)',
        '    2026-01-22 06:14  150  Levant Wire  https://levantwire.example/2026/01/22/first-transfer',
        '    2026-01-23 18:05  500 (batch)  The Gulf Daily  https://gulfdaily.example/news/second-batch',
        '    2026-01-24 09:30  more than 2,250  Levant Wire  https://levantwire.example/2026/01/24/transfers-continue',
        '',
      ].join('\n'),
    );
  });

  it('prints with --json the shape the local query prints, without what only the API gives (outlets, alerts)', async () => {
    const result = await run(['query', '--stack', 'TransferWatch', '--metric', 'detainees_transferred', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      series: [
        {
          metric: 'detainees_transferred',
          current: { value: 2250, bound: 'at_least', published: '2026-01-24T09:30:00.000Z', link: transferred.current.link },
          sources: 2,
          history: [firstGroup, batch, transferred.current],
        },
      ],
    });
  });

  it('asks the API for the history since --since, as a UTC ISO time', async () => {
    const result = await run(['query', '--stack', 'TransferWatch', '--metric', 'detainees_transferred', '--since', '2026-01-23', '--json']);
    expect(result.code).toBe(0);
    expect(api.received).toContain('/series/detainees_transferred?since=2026-01-23T00%3A00%3A00.000Z');
    expect((JSON.parse(result.stdout) as { series: { history: unknown[] }[] }).series[0]?.history).toEqual([batch, transferred.current]);
  });

  it('is refused by the API when the request is signed with other credentials, and says so with the status', async () => {
    const result = await run(['query', '--stack', 'TransferWatch'], { AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'GET /series answered HTTP 403: The request signature we calculated does not match the signature you provided. (are these AWS credentials allowed execute-api:Invoke on this API, and is the region right?)',
    );
  });
});

describe('status --stack', () => {
  it('prints the health of each feed and the last runs as tables', async () => {
    const result = await run(['status', '--stack', 'TransferWatch', '--runs', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Feeds (times in UTC)',
        'feed                                 last success      failures  next attempt      last error',
        'https://gulfdaily.example/rss        2026-01-23 18:15  4         2026-01-24 11:05  HTTP 503 Service Unavailable',
        'https://levantwire.example/feed.xml  2026-01-24 09:45  0         -                 -',
        '',
        'Last 2 runs (times in UTC)',
        'started           duration    feeds (fetched/unchanged/failed)  items  figures  alerts (sent/unsent)  error',
        '2026-01-24 09:45  7.4 s       2 (1/0/1)                         12     3        1/0                   -',
        '2026-01-24 09:30  1 min 12 s  2 (0/0/0)                         0      0        0/0                   Rate exceeded',
        '',
      ].join('\n'),
    );
  });

  it('prints with --json the feeds and runs as the API gives them', async () => {
    const result = await run(['status', '--stack', 'TransferWatch', '--runs', '2', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      feeds: (ANSWERS['/feeds']?.body as { feeds: unknown[] }).feeds,
      runs: (ANSWERS['/runs?limit=2']?.body as { runs: unknown[] }).runs,
    });
  });

  it("fails with the API's own message and the HTTP status when the API answers an error", async () => {
    const result = await run(['status', '--stack', 'TransferWatch', '--runs', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GET /runs?limit=7 answered HTTP 503: the store did not answer in time');
  });
});

describe('--api-url', () => {
  it('reads that API without looking up any stack, signing for the region AWS_REGION names', async () => {
    const result = await cli(['status', '--api-url', api.url, '--runs', '2', '--json'], '', {
      ...MOTO_ENV,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { runs: unknown[] }).runs).toHaveLength(2);
  });
});
