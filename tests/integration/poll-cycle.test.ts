/**
 * The poll cycle end to end on this machine: feeds served on 127.0.0.1 by the test, rss-parser,
 * the extractor, the diff, a real DynamoDB API (dynalite) and a publisher that records what it is
 * given. The story is the demo's: six snapshots of three feeds (demo/feeds/).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import { pollDependencies } from '../../lambdas/composition/poll-dependencies.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { parseConfig } from '../../lambdas/core/config/config.js';
import { runPollCycle, type PollDependencies } from '../../lambdas/core/poll/poll-cycle.js';
import type { OpsMessage, Publisher, Store } from '../../lambdas/core/poll/ports.js';
import { FEED_FILES, SNAPSHOTS, STEP_TIMES } from '../support/demo-story.js';

const ARTICLE_PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'feeds', 'article-page.html'), 'utf8');
const HEADLINE_FEED = (link: string) =>
  `<rss version="2.0"><channel><title>The Gulf Daily</title><item><title>Another 600 IS detainees moved to Iraq</title><link>${link}</link><guid>gd-600</guid><pubDate>Sun, 01 Feb 2026 16:30:00 GMT</pubDate><description>Iraqi officials give the new total.</description></item></channel></rss>`;

/** The name that makes the item about the story is written with a character entity, as some CMSs do. */
const ENTITY_FEED =
  '<rss version="2.0"><channel><title>t</title><item><title>First flight</title><guid>ent-1</guid><pubDate>Sun, 01 Feb 2026 16:30:00 GMT</pubDate>' +
  '<description>&lt;p&gt;US forces flew 150 Islamic&amp;#160;State detainees from Syria to Iraq on Wednesday.&lt;/p&gt;</description></item></channel></rss>';

/** 64 MB of zeros in a few dozen kilobytes. */
const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024));
const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
  '<rss version="2.0"><channel><title>&c;</title><item><title>&c;</title></item></channel></rss>';
/** A figure in the first hundred characters of an item, and another past the thousandth. */
const LONG_ITEM_FEED =
  '<rss version="2.0"><channel><title>t</title><item><title>First flight</title><link>https://levantwire.example/long</link><pubDate>Sun, 01 Feb 2026 16:30:00 GMT</pubDate><description>' +
  'US forces moved 150 Islamic State detainees from Syria to Iraq on Wednesday. ' +
  'Officials gave no further details. '.repeat(40) +
  'Al-Hol camp holds more than 24,000 people, aid groups said.</description></item></channel></rss>';
const CROWDED = `<rss version="2.0"><channel><title>crowded</title>${'<item><title>W</title></item>'.repeat(100_000)}</channel></rss>`;

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

class RecordingPublisher implements Publisher {
  alerts: Alert[] = [];
  ops: OpsMessage[] = [];
  failing = false;
  async publish(alert: Alert) {
    if (this.failing) throw new Error('SNS is unreachable');
    this.alerts.push(alert);
  }
  digests: Alert[][] = [];
  async publishDigest(alerts: Alert[]) {
    if (this.failing) throw new Error('SNS is unreachable');
    this.digests.push(alerts);
  }
  async publishOps(message: OpsMessage) {
    this.ops.push(message);
  }
}

function describeAlert(alert: Alert): string {
  const place = alert.facility ? `@${alert.facility}` : '';
  const previous = alert.previous ? `${alert.previous.value}->` : '';
  return `${alert.type} ${alert.metric}${place} ${previous}${alert.current.value}`;
}

let dynamo: EmbeddedDynamoDb;
let server: SnapshotServer;
let tables = 0;
let store: Store;
let publisher: RecordingPublisher;
let writes: number;
/** Each request of the test so far: its command, and the key of the item it reads or puts, if one. */
let requests: Array<{ command: string; pk?: string }> = [];
let now: Date;

function countWrites(client: DynamoDBClient) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (WRITES.has(context.commandName ?? '')) writes += 1;
      const { Item, Key } = args.input as { Item?: { pk?: { S?: string } }; Key?: { pk?: { S?: string } } };
      const pk = (Item ?? Key)?.pk?.S;
      requests.push({ command: context.commandName ?? '', ...(pk ? { pk } : {}) });
      return next(args);
    },
    { step: 'initialize', name: `count-writes-${tables}` },
  );
}

function dependencies(feedsConfig: Record<string, unknown> = {}): PollDependencies {
  const config = parseConfig(
    { fetch: { allowPrivateHosts: true, hostSpacingMs: 0, timeoutMs: 2000 }, readLinkedPages: false, ...feedsConfig },
    'the test',
  );
  return pollDependencies(config, { store, publisher, clock: { now: () => now } });
}

const storyFeeds = () => FEED_FILES.map(({ file, outlet }) => ({ url: server.url(file), outlet }));

async function pollStep(step: number, deps = dependencies()) {
  server.show(join(SNAPSHOTS, `step-${step}`));
  now = new Date(STEP_TIMES[step - 1]!);
  return runPollCycle(deps, storyFeeds());
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  countWrites(dynamo.client);
  server = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
});
afterAll(async () => {
  await server.close();
  await dynamo.close();
});
beforeEach(async () => {
  tables += 1;
  const tableName = `poll-test-${tables}`;
  await ensureTable(dynamo.client, tableName);
  store = createDynamoStore(dynamo.client, tableName);
  publisher = new RecordingPublisher();
  writes = 0;
  requests = [];
});

describe('the story replayed snapshot by snapshot', () => {
  it('raises exactly the alerts each snapshot deserves', async () => {
    const expected = [
      ['new detainees_transferred 150', 'new transfer_planned 7000'],
      ['new detainees_held 9000', 'new escaped@al-Shaddadi 1500', 'new camp_population@al-Hol 24000'],
      ['increase detainees_transferred 150->1380'],
      ['increase detainees_transferred 1380->2250', 'conflict detainees_transferred 2250->3100'],
      ['new recaptured@al-Shaddadi 81', 'increase detainees_transferred 2250->4100', 'revised transfer_planned 7000->6800'],
      ['decrease camp_population@al-Hol 24000->21000', 'increase detainees_transferred 4100->5700'],
    ];
    for (const [index, alerts] of expected.entries()) {
      publisher.alerts = [];
      await pollStep(index + 1);
      expect(publisher.alerts.map(describeAlert), `step ${index + 1}`).toEqual(alerts);
    }
  });

  it('counts a word-for-word copy in another outlet as a second source, never a second alert', async () => {
    await pollStep(1);
    expect(publisher.alerts.filter((alert) => alert.metric === 'detainees_transferred')).toHaveLength(1);
    expect(await store.series({ metric: 'detainees_transferred' })).toMatchObject({
      sources: 2,
      outlets: ['Levant Wire', 'The Gulf Daily'],
    });
  });

  it('gives every alert its source: quote, link, outlet and publication time', async () => {
    await pollStep(1);
    expect(publisher.alerts[0]?.current).toEqual({
      value: 150,
      bound: 'exact',
      quote: expect.stringContaining('150'),
      link: expect.stringMatching(/^https:\/\/(?:levantwire|gulfdaily)\.example\//),
      outlet: expect.stringMatching(/^(?:Levant Wire|The Gulf Daily)$/),
      published: expect.stringMatching(/^2026-01-22T0[67]:\d\d:00\.000Z$/),
    });
  });
});

describe('what a cycle stores', () => {
  it('writes every observation with its feed’s history, in one batch, none on its own', async () => {
    await pollStep(1);
    expect(requests.filter((request) => request.pk?.startsWith('OBS#'))).toEqual([]);
    const history = await store.history({ metric: 'detainees_transferred' });
    expect(history.items.map((item) => [item.value, item.outlet]).sort()).toEqual([
      [150, 'Levant Wire'],
      [150, 'The Gulf Daily'],
    ]);
  });

  it('reads each series once, the feeds that tell of it deciding on it in turn, never against each other', async () => {
    await pollStep(1);
    const seriesRequests = requests.filter((request) => request.pk === 'SERIES').map((request) => request.command);
    expect(seriesRequests.filter((command) => command === 'GetItemCommand')).toHaveLength(2);
    // Each series started by one feed and corroborated by the other, then its alert taken out of its outbox: no write made twice.
    expect(seriesRequests.filter((command) => command !== 'GetItemCommand').sort()).toEqual([
      'PutItemCommand',
      'PutItemCommand',
      'UpdateItemCommand',
      'UpdateItemCommand',
      'UpdateItemCommand',
      'UpdateItemCommand',
    ]);
  });

  it("marks a feed's items read in the same write as its state", async () => {
    await pollStep(1);
    expect(requests.filter((request) => request.pk === 'FEED')).toEqual([{ command: 'PutItemCommand', pk: 'FEED' }]);
    expect((await store.listFeedStates()).items.map((state) => state.etag !== undefined)).toEqual([true, true, true]);
  });

  it('remembers the items about the story, and nothing of the other news', async () => {
    await pollStep(1);
    const story = 'guid:tag:gulfdaily.example,2026-01-22:/region/us-moves-islamic-state-detainees';
    const rain = 'guid:tag:gulfdaily.example,2026-01-21:/local/rain-warning-manama';
    expect([...(await store.seenItems([story, rain])).keys()]).toEqual([story]);
  });
});

describe('a poll with nothing new', () => {
  it('raises no alert and writes nothing', async () => {
    await pollStep(1);
    publisher.alerts = [];
    writes = 0;
    // A day later: past the wire's TTL, so every feed is asked again.
    now = new Date(Date.parse(STEP_TIMES[0]!) + 24 * 3_600_000);
    const report = await runPollCycle(dependencies(), storyFeeds());
    expect(report.feeds.map((feed) => feed.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(publisher.alerts).toEqual([]);
    expect(writes).toBe(0);
  });

  it("reads every feed's state in one request, and then only the outbox", async () => {
    await pollStep(1);
    requests = [];
    now = new Date(Date.parse(STEP_TIMES[0]!) + 24 * 3_600_000);
    await runPollCycle(dependencies(), storyFeeds());
    expect(requests.map((request) => request.command)).toEqual(['BatchGetItemCommand', 'QueryCommand']);
  });
});

describe("the feeds' states read together", () => {
  it('failing, leaves each feed to read its own, and every feed is polled', async () => {
    const deps = { ...dependencies(), store: { ...store, feedStates: () => Promise.reject(new Error('throttled')) } };
    const report = await pollStep(1, deps);
    expect(report.feeds.map((feed) => feed.status)).toEqual(['fetched', 'fetched', 'fetched']);
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
  });
});

describe('two cycles at once', () => {
  it('alerts each change once', async () => {
    server.show(join(SNAPSHOTS, 'step-1'));
    now = new Date(STEP_TIMES[0]!);
    await Promise.all([runPollCycle(dependencies(), storyFeeds()), runPollCycle(dependencies(), storyFeeds())]);
    expect(publisher.alerts.map(describeAlert).sort()).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
  });
});

describe('a digest window', () => {
  const digest = { digest: { windowMinutes: 60, immediateChanges: ['conflict'] } };

  it('holds alerts until the oldest has waited a whole window, then sends them as one message', async () => {
    await pollStep(1, dependencies(digest));
    expect(publisher.alerts).toEqual([]);
    expect(publisher.digests).toEqual([]);
    now = new Date(Date.parse(STEP_TIMES[0]!) + 61 * 60_000);
    await runPollCycle(dependencies(digest), storyFeeds());
    expect(publisher.digests.map((alerts) => alerts.map(describeAlert))).toEqual([
      ['new detainees_transferred 150', 'new transfer_planned 7000'],
    ]);
  });

  it('still sends a conflict at once', async () => {
    for (const step of [1, 2, 3]) await pollStep(step, dependencies(digest));
    publisher.alerts = [];
    await pollStep(4, dependencies(digest));
    expect(publisher.alerts.map(describeAlert)).toEqual(['conflict detainees_transferred 2250->3100']);
  });
});

describe('a burst of alerts', () => {
  it('goes out as one digest when there are more to send at once than the burst limit', async () => {
    await pollStep(1, dependencies({ digest: { burstLimit: 1 } }));
    expect(publisher.alerts).toEqual([]);
    expect(publisher.digests.map((alerts) => alerts.map(describeAlert))).toEqual([
      ['new detainees_transferred 150', 'new transfer_planned 7000'],
    ]);
  });

  it('goes out alert by alert when there are no more than the limit', async () => {
    await pollStep(1, dependencies({ digest: { burstLimit: 2 } }));
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
    expect(publisher.digests).toEqual([]);
  });
});

describe('a publish that fails', () => {
  it('keeps the alert and sends it in the next cycle', async () => {
    publisher.failing = true;
    const first = await pollStep(1);
    expect(first.unsent.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
    publisher.failing = false;
    const second = await pollStep(1);
    expect(second.sent.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
    expect(await store.pendingAlerts()).toEqual([]);
  });
});

describe('bad feeds', () => {
  let bad: Server;
  let badUrl: (path: string) => string;
  let broken = true;

  beforeAll(async () => {
    bad = createServer((request, response) => {
      const path = request.url ?? '/';
      if (path === '/flaky') {
        if (broken) response.writeHead(500).end('boom');
        else
          response
            .writeHead(200, { 'content-type': 'application/rss+xml' })
            .end('<rss version="2.0"><channel><title>ok</title></channel></rss>');
      } else if (path === '/malformed')
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>x</channel>');
      else if (path === '/html')
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><p>Home</p></body></html>');
      else if (path === '/empty') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('');
      else if (path === '/missing') response.writeHead(404).end('not found');
      else if (path === '/busy') response.writeHead(429, { 'retry-after': '120' }).end();
      else if (path === '/headlines')
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(HEADLINE_FEED(badUrl('/article')));
      else if (path === '/entities') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(ENTITY_FEED);
      else if (path === '/article') response.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE_PAGE);
      else if (path === '/silent')
        request.socket.setTimeout(0); // never answers
      else if (path === '/endless') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<rss version="2.0"><channel><title>endless</title>');
        const drip = setInterval(() => response.write('<item><title>x</title></item>'), 50);
        response.on('close', () => clearInterval(drip));
      } else if (path === '/huge') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 50 && response.write(chunk)) sent += 1;
          if (sent < 50) response.once('drain', pump);
          else response.end();
        };
        response.on('error', () => undefined);
        pump();
      } else if (path === '/bomb')
        response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(GZIP_BOMB);
      else if (path === '/loop') response.writeHead(302, { location: '/loop-back' }).end();
      else if (path === '/loop-back') response.writeHead(302, { location: '/loop' }).end();
      else if (path === '/laughs') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(LAUGHS);
      else if (path === '/crowded') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(CROWDED);
      else if (path === '/long') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(LONG_ITEM_FEED);
      else response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', () => resolve()));
    badUrl = (path) => `http://127.0.0.1:${(bad.address() as AddressInfo).port}${path}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => bad.close(() => resolve()));
  });
  afterEach(() => {
    broken = true;
  });

  it('reports each with a clear error while the good feeds are read', async () => {
    server.show(join(SNAPSHOTS, 'step-1'));
    now = new Date(STEP_TIMES[0]!);
    const badFeeds = ['/malformed', '/html', '/empty', '/missing', '/busy'].map((path) => ({ url: badUrl(path) }));
    const report = await runPollCycle(dependencies(), [...badFeeds, ...storyFeeds()]);
    const errors = Object.fromEntries(
      report.feeds.filter((feed) => feed.status === 'failed').map((feed) => [new URL(feed.feed).pathname, feed.error]),
    );
    expect(errors).toEqual({
      '/malformed': expect.stringMatching(/^not a readable RSS or Atom feed/),
      '/html': expect.stringMatching(/^not a readable RSS or Atom feed/),
      '/empty': expect.stringMatching(/^not a readable RSS or Atom feed/),
      '/missing': expect.stringContaining('404'),
      '/busy': expect.stringContaining('429'),
    });
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
  });

  it('reports hostile feeds the same way: silence, an endless body, 50 MB, a gzip bomb, a redirect loop, entity expansion', async () => {
    server.show(join(SNAPSHOTS, 'step-1'));
    now = new Date(STEP_TIMES[0]!);
    const hostile = ['/silent', '/endless', '/huge', '/bomb', '/loop', '/laughs'].map((path) => ({ url: badUrl(path) }));
    const report = await runPollCycle(dependencies(), [...hostile, ...storyFeeds()]);
    const errors = Object.fromEntries(
      report.feeds.filter((feed) => feed.status === 'failed').map((feed) => [new URL(feed.feed).pathname, feed.error]),
    );
    expect(errors).toEqual({
      '/silent': expect.stringContaining('timed out'),
      '/endless': expect.stringContaining('timed out'),
      '/huge': expect.stringContaining('larger than'),
      '/bomb': expect.stringContaining('larger than'),
      '/loop': expect.stringContaining('redirect loop'),
      '/laughs': expect.stringMatching(/^not a readable RSS or Atom feed/),
    });
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150', 'new transfer_planned 7000']);
  });

  it('reads the first items of a feed of 100,000 and reports the cut', async () => {
    now = new Date(STEP_TIMES[0]!);
    const [feed] = (await runPollCycle(dependencies(), [{ url: badUrl('/crowded') }])).feeds;
    expect(feed).toMatchObject({ status: 'fetched', items: 1000, error: 'feed has 100000 items; read the first 1000' });
  });

  it('reports a feed larger than maxBytes in its report and in its health', async () => {
    now = new Date(STEP_TIMES[0]!);
    const [feed] = (await runPollCycle(dependencies(), [{ url: badUrl('/huge') }])).feeds;
    const error = `response from ${badUrl('/huge')} is larger than 5242880 bytes (the maxBytes setting)`;
    expect(feed).toMatchObject({ status: 'failed', error });
    expect(await store.feedState(badUrl('/huge'))).toMatchObject({ consecutiveFailures: 1, lastError: error });
  });

  it("reads an item's text only up to the limit, and reports the cut", async () => {
    now = new Date('2026-02-01T18:00:00Z');
    const [feed] = (await runPollCycle(dependencies({ limits: { itemTextChars: 1_000 } }), [{ url: badUrl('/long') }])).feeds;
    expect(feed).toMatchObject({
      status: 'fetched',
      figures: 1,
      error: 'item https://levantwire.example/long text cut at 1000 characters',
    });
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150']);
  });

  it('judges an HTML item about the story by its words, entities decoded', async () => {
    now = new Date('2026-02-01T18:00:00Z');
    await runPollCycle(dependencies(), [{ url: badUrl('/entities'), outlet: 'The Gulf Daily' }]);
    expect(publisher.alerts.map(describeAlert)).toEqual(['new detainees_transferred 150']);
  });

  it("reads a headline-only item's linked page, and the figures in its main text", async () => {
    now = new Date('2026-02-01T18:00:00Z');
    await runPollCycle(dependencies({ readLinkedPages: true }), [{ url: badUrl('/headlines'), outlet: 'The Gulf Daily' }]);
    expect(publisher.alerts.map(describeAlert).sort()).toEqual(['new detainees_transferred 1380', 'new transfer_planned 7000']);
    expect(publisher.alerts.find((alert) => alert.metric === 'detainees_transferred')?.current.link).toBe(badUrl('/article'));
  });

  it('waits as long as a 429 asks before trying the feed again', async () => {
    now = new Date('2026-01-22T12:00:00Z');
    await runPollCycle(dependencies(), [{ url: badUrl('/busy') }]);
    expect((await store.feedState(badUrl('/busy')))?.nextAttempt).toBe('2026-01-22T12:05:00.000Z');
  });

  it('raises one ops alert after N failures in a row, and one when the feed recovers', async () => {
    const deps = dependencies({ feedHealth: { alertAfterFailures: 3, backoffBaseMinutes: 1, backoffMaxMinutes: 10 } });
    const flaky = [{ url: badUrl('/flaky') }];
    now = new Date('2026-01-22T00:00:00Z');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await runPollCycle(deps, flaky);
      now = new Date(now.getTime() + 60 * 60_000);
    }
    expect(publisher.ops.map((message) => message.kind)).toEqual(['feed_failing']);
    expect(publisher.ops[0]?.message).toContain('failed 3 times in a row: HTTP 500');
    broken = false;
    await runPollCycle(deps, flaky);
    expect(publisher.ops.map((message) => message.kind)).toEqual(['feed_failing', 'feed_recovered']);
    expect(await store.feedState(badUrl('/flaky'))).toMatchObject({ consecutiveFailures: 0 });
  });
});
