/**
 * Fan-out on this machine: the scheduler's batches carried as queue messages (JSON, as SQS would)
 * to workers running the real poll cycle on a real DynamoDB API (dynalite), against the demo's
 * story served on three loopback host names. The story must come out as the single poller tells it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { pollDependencies } from '../../lambdas/composition/poll-dependencies.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { parseBatchMessage, type BatchMessage } from '../../lambdas/core/fan-out/batch-message.js';
import { hostsLease } from '../../lambdas/core/fan-out/feed-batches.js';
import { pollFeedBatch } from '../../lambdas/core/fan-out/poll-batch.js';
import type { FeedQueue } from '../../lambdas/core/fan-out/ports.js';
import { scheduleFeedBatches } from '../../lambdas/core/fan-out/schedule-batches.js';
import type { Publisher, Store } from '../../lambdas/core/poll/ports.js';
import { serveFeedSnapshots, type LoopbackHost, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { describeChange, FEED_FILES, pollConfig, SNAPSHOTS, STORY, stepTime } from '../support/demo-story.js';
import { emptyStore } from '../support/seeded-store.js';

/** Each feed of the story on a host of its own, so each is a batch of its own. */
const HOSTS: LoopbackHost[] = ['127.0.0.1', 'localhost', '[::1]'];
const INTERVAL_MS = 15 * 60_000;

class ArrayQueue implements FeedQueue {
  messages: BatchMessage[] = [];
  async send(messages: BatchMessage[]) {
    this.messages.push(...messages);
  }
}

let dynamo: EmbeddedDynamoDb;
let server: SnapshotServer;
let store: Store;
const queue = new ArrayQueue();
let sent: Alert[];
let now: Date;

const publisher: Publisher = {
  publish: async (alert) => {
    sent.push(alert);
  },
  publishDigest: async (alerts) => {
    sent.push(...alerts);
  },
  publishOps: async () => {},
};
const workerDeps = () => pollDependencies(pollConfig(), { store, publisher, clock: { now: () => now } });
const storyFeeds = () => FEED_FILES.map(({ file, outlet }, index) => ({ url: server.url(file, HOSTS[index]), outlet }));

/** One tick: the scheduler queues the batches, and they reach the workers as message bodies. */
async function schedule(step: number, runId: string): Promise<BatchMessage[]> {
  server.show(join(SNAPSHOTS, `step-${step}`));
  now = stepTime(step);
  queue.messages = [];
  await scheduleFeedBatches({ queue, clock: { now: () => now } }, storyFeeds(), { runId, feedsPerMessage: 1 });
  return queue.messages.map((message) => parseBatchMessage(JSON.stringify(message)));
}

let invocations = 0;
/** One worker invocation on one batch, holding its hosts' lease under an id of its own. */
const work = (message: BatchMessage) =>
  pollFeedBatch(workerDeps(), message, { staleAfterMs: INTERVAL_MS, holder: `invocation-${(invocations += 1)}`, leaseMs: 60_000 });

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  server = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
});
afterAll(async () => {
  await server.close();
  await dynamo.close();
});
beforeEach(async () => {
  store = await emptyStore(dynamo, 'fan-out');
  sent = [];
});

describe('the story polled by workers, one batch per host', () => {
  it('queues one batch for each of the three hosts', async () => {
    const messages = await schedule(1, 'tick-1');
    expect(messages.map((message) => [message.batch, message.of, message.feeds.map((feed) => feed.outlet)])).toEqual([
      [1, 3, ['Levant Wire']],
      [2, 3, ['The Gulf Daily']],
      [3, 3, ['Syria Detention Monitor']],
    ]);
  });

  // Each worker sends what its batch raised, so only the order within a batch is the story's.
  it('raises exactly the alerts each snapshot deserves, as the single poller does', async () => {
    for (const [index, expected] of STORY.entries()) {
      sent = [];
      for (const message of await schedule(index + 1, `tick-${index + 1}`)) await work(message);
      expect(sent.map(describeChange).sort(), `step ${index + 1}`).toEqual([...expected].sort());
    }
  });

  it('records each batch as a run of its own', async () => {
    for (const message of await schedule(1, 'tick-1')) await work(message);
    expect((await store.recentRuns(5)).map((run) => `${run.id}: ${run.fetched} fetched, ${run.sent} sent`).sort()).toEqual([
      'tick-1 1/3: 1 fetched, 2 sent',
      'tick-1 2/3: 1 fetched, 0 sent',
      'tick-1 3/3: 1 fetched, 0 sent',
    ]);
  });
});

describe('a batch delivered more than once', () => {
  it('sends nothing again when delivered after it was polled', async () => {
    const messages = await schedule(1, 'tick-1');
    for (const message of messages) await work(message);
    sent = [];
    for (const message of messages) await work(message);
    expect(sent).toEqual([]);
  });

  it('is polled by one of two workers that get it at the same time, the other finding its hosts taken', async () => {
    const messages = await schedule(1, 'tick-1');
    const results = await Promise.all(
      messages.map(async (message) => (await Promise.all([work(message), work(message)])).map((result) => result.status).sort()),
    );
    expect(results).toEqual([
      ['busy', 'polled'],
      ['busy', 'polled'],
      ['busy', 'polled'],
    ]);
    expect(sent.map(describeChange).sort()).toEqual([...STORY[0]!].sort());
  });
});

describe('a batch whose hosts another worker holds', () => {
  it('is skipped as busy, polling nothing', async () => {
    const [first] = await schedule(1, 'tick-1');
    expect(
      await store.acquireLease(
        'the tick before',
        now.toISOString(),
        new Date(now.getTime() + 60_000).toISOString(),
        hostsLease(first!.feeds),
      ),
    ).toBe(true);
    expect(await work(first!)).toEqual({ status: 'busy' });
    expect(sent).toEqual([]);
  });

  it('is polled once that lease has expired', async () => {
    const [first] = await schedule(1, 'tick-1');
    await store.acquireLease('a worker that died', now.toISOString(), new Date(now.getTime() - 1).toISOString(), hostsLease(first!.feeds));
    expect(await work(first!)).toMatchObject({ status: 'polled' });
  });

  it('is free again once its worker is done', async () => {
    const [first] = await schedule(1, 'tick-1');
    await work(first!);
    expect(
      await store.acquireLease(
        'the next tick',
        now.toISOString(),
        new Date(now.getTime() + 60_000).toISOString(),
        hostsLease(first!.feeds),
      ),
    ).toBe(true);
  });
});

describe('a batch that waited past the schedule interval', () => {
  it('is skipped, since the next tick has queued the same feeds again', async () => {
    const [first] = await schedule(1, 'tick-1');
    now = new Date(now.getTime() + INTERVAL_MS + 1);
    expect(await work(first!)).toEqual({ status: 'stale', ageMs: INTERVAL_MS + 1 });
    expect(sent).toEqual([]);
    expect(await store.recentRuns(5)).toEqual([]);
  });
});
