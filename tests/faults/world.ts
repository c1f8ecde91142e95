/**
 * Where the fault scenarios run: feeds served on 127.0.0.1 from the demo's snapshots, a real
 * DynamoDB API (dynalite, in-process) and a real SNS (a moto server) delivering to an SQS queue,
 * read back to see what subscribers got. Each scenario has a table, a topic and a queue of its own,
 * and clients that carry its faults; the store, publisher and cycle are the deployed ones.
 */
import { BatchWriteItemCommand, DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { createSnsPublisher } from '../../lambdas/adapters/publish/sns-publisher.js';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import { MOTO_SETUP_TIMEOUT_MS } from '../support/moto-server.js';
import { pollDependencies } from '../../lambdas/composition/poll-dependencies.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import type { Config } from '../../lambdas/core/config/config.js';
import type { FeedConfig } from '../../lambdas/core/feed/feed.js';
import { runPollCycle, type CycleReport, type PollDependencies } from '../../lambdas/core/poll/poll-cycle.js';
import type { Publisher, Store } from '../../lambdas/core/poll/ports.js';
import type { Observation, SeriesState } from '../../lambdas/core/series/series.js';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { startMotoServer, type MotoServer } from '../support/moto-server.js';
import { createQueue, drainQueueMessages, type SqsQueue } from '../support/sqs-over-http.js';
import type { KilledCycleJob, KillPoint } from './killed-cycle.js';
import { injectFaults, type Faults } from './sdk-faults.js';
import { describeChange, FEED_FILES, pollConfig, SNAPSHOTS, STORY, stepTime, storyAlerts } from '../support/demo-story.js';
import { recordFigures, type Figures } from './tally.js';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const REGION = 'us-east-1';
/** One retry: a fault on two attempts in a row is one the SDK cannot hide. */
const MAX_ATTEMPTS = 2;
const KILLED_CYCLE = join(import.meta.dirname, 'killed-cycle.ts');
const REPOSITORY = join(import.meta.dirname, '..', '..');

type Item = Record<string, AttributeValue>;

export interface World {
  dynamo: EmbeddedDynamoDb;
  moto: MotoServer;
  feeds: SnapshotServer;
  sns: SNSClient;
  /** Operators' messages (a feed failing, recovering): one topic for every scenario, as no test reads it. */
  opsTopicArn: string;
  /** The table as a run without faults leaves it after each snapshot. */
  reference: Array<{ items: Item[]; state: StoreState }>;
  /** Numbers the tables, topics, queues and folders made, so that no two scenarios share one. */
  serial: number;
  /** Where rewritten snapshots are kept until the world stops. */
  scratch: string;
}

export async function startWorld(): Promise<World> {
  const [dynamo, moto, feeds] = await Promise.all([
    startEmbeddedDynamoDb(),
    startMotoServer(),
    serveFeedSnapshots(join(SNAPSHOTS, 'step-1')),
  ]);
  const sns = new SNSClient({ endpoint: moto.endpoint, region: REGION, credentials: CREDENTIALS });
  const world: World = {
    dynamo,
    moto,
    feeds,
    sns,
    opsTopicArn: (await sns.send(new CreateTopicCommand({ Name: 'operators' }))).TopicArn!,
    reference: [],
    serial: 0,
    scratch: mkdtempSync(join(tmpdir(), 'transfer-watch-feeds-')),
  };
  const clean = await Scenario.open(world);
  for (let step = 1; step <= STORY.length; step += 1) {
    await clean.poll(step);
    const items = await scanTable(dynamo.client, clean.tableName);
    world.reference.push({ items, state: stateOf(items) });
  }
  return world;
}

export async function stopWorld(world: World | undefined): Promise<void> {
  world?.sns.destroy();
  await world?.feeds.close();
  await world?.dynamo.close();
  await world?.moto.stop();
  if (world) rmSync(world.scratch, { recursive: true, force: true });
}

/** A snapshot with some of its feeds rewritten, as a feed that changed its ways would serve it; returns its folder. */
export function rewrittenSnapshot(world: World, step: number, rewrites: Record<string, (xml: string) => string>): string {
  world.serial += 1;
  const folder = join(world.scratch, `step-${step}-${world.serial}`);
  cpSync(join(SNAPSHOTS, `step-${step}`), folder, { recursive: true });
  for (const [file, rewrite] of Object.entries(rewrites)) {
    writeFileSync(join(folder, file), rewrite(readFileSync(join(folder, file), 'utf8')));
  }
  return folder;
}

/** What a subscriber got: one alert (a digest carries several). */
interface Delivery {
  id: string;
  change: string;
}

export interface SettleOptions {
  /**
   * Changes (or alert ids) SNS may deliver twice because, once it took them, the run died, failed to
   * record it, or lost Publish's answer: counted apart from duplicates, as no store can prevent them.
   */
  redeliveredAfterCrash?: string[];
}

/** How a snapshot is polled; a clock that is off and a rewritten feed count as faults injected. */
export interface PollOptions {
  /** Minutes after the snapshot's time (the next scheduled run), or the time itself: a clock that is off. */
  at?: number | Date;
  /** A folder of feeds made from the snapshot, served in its place. */
  serving?: string;
  deps?: PollDependencies;
}

export class Scenario {
  readonly store: Store;
  private readonly publisher: Publisher;
  /** The cycle's time, read whenever it asks. */
  now: Date;
  /** What the scenario measured, once settled. */
  figures: Figures | undefined;
  /** Faults outside the SDK: processes killed, clocks off, feeds rewritten. */
  private faultsOfTheWorld = 0;
  private readonly deliveries: Delivery[] = [];

  private constructor(
    private readonly world: World,
    readonly tableName: string,
    readonly dynamoFaults: Faults,
    readonly snsFaults: Faults,
    dynamo: DynamoDBClient,
    sns: SNSClient,
    private readonly topics: { topicArn: string; opsTopicArn: string },
    private readonly queue: SqsQueue,
    /** The snapshot the table was left at by a run without faults when the scenario began. */
    readonly startedAfter: number,
  ) {
    this.store = createDynamoStore(dynamo, tableName);
    this.publisher = createSnsPublisher(sns, topics);
    this.now = stepTime(Math.max(1, startedAfter));
  }

  /** A scenario on a fresh table, or on a copy of the table a run without faults left after snapshot `after`. */
  static async open(world: World, { after = 0 }: { after?: number } = {}): Promise<Scenario> {
    world.serial += 1;
    const name = `faults-${world.serial}`;
    await ensureTable(world.dynamo.client, name);
    if (after > 0) await restore(world.dynamo.client, name, world.reference[after - 1]!.items);
    const dynamo = new DynamoDBClient({
      endpoint: world.dynamo.endpoint,
      region: 'local',
      credentials: CREDENTIALS,
      maxAttempts: MAX_ATTEMPTS,
    });
    const sns = new SNSClient({ endpoint: world.moto.endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: MAX_ATTEMPTS });
    const topicArn = (await world.sns.send(new CreateTopicCommand({ Name: `${name}-alerts` }))).TopicArn!;
    const queue = await createQueue(world.moto.endpoint, `${name}-subscriber`);
    await world.sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queue.arn, Attributes: { RawMessageDelivery: 'true' } }),
    );
    return new Scenario(
      world,
      name,
      injectFaults(dynamo),
      injectFaults(sns),
      dynamo,
      sns,
      { topicArn, opsTopicArn: world.opsTopicArn },
      queue,
      after,
    );
  }

  feeds(): FeedConfig[] {
    return FEED_FILES.map(({ file, outlet }) => ({ url: this.world.feeds.url(file), outlet }));
  }

  deps(config: Config = pollConfig()): PollDependencies {
    return pollDependencies(config, { store: this.store, publisher: this.publisher, clock: { now: () => this.now } });
  }

  /** Serves a snapshot: the demo's step, or a folder of feeds a test made from one. */
  show(snapshot: number | string): void {
    this.world.feeds.show(typeof snapshot === 'number' ? join(SNAPSHOTS, `step-${snapshot}`) : snapshot);
  }

  /** Polls a snapshot: by default when it was current, with the cycle as deployed. */
  async poll(step: number, { at = 0, serving, deps = this.deps() }: PollOptions = {}): Promise<CycleReport> {
    this.show(serving ?? step);
    this.now = typeof at === 'number' ? stepTime(step, at) : at;
    this.faultsOfTheWorld += (typeof at === 'number' ? 0 : 1) + (serving === undefined ? 0 : 1);
    return runPollCycle(deps, this.feeds());
  }

  /** Polls a snapshot in a child process that dies (SIGKILL) as it is about to send the request `killAt` names. */
  async pollKilled(step: number, killAt: KillPoint): Promise<void> {
    this.show(step);
    this.now = stepTime(step);
    const job: KilledCycleJob = {
      dynamoEndpoint: this.world.dynamo.endpoint,
      tableName: this.tableName,
      snsEndpoint: this.world.moto.endpoint,
      ...this.topics,
      feeds: this.feeds(),
      now: this.now.toISOString(),
      killAt,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', KILLED_CYCLE, JSON.stringify(job)], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (signal !== 'SIGKILL') throw new Error(`the cycle was to die at ${killAt}, but it ended with ${code ?? signal}:\n${stderr}`);
    this.faultsOfTheWorld += 1;
  }

  /** Every change the subscriber has been sent so far, in the order it arrived. */
  async delivered(): Promise<string[]> {
    for (const message of await drainQueueMessages(this.world.moto.endpoint, this.queue)) {
      const body = JSON.parse(message.body) as { type: string; alerts?: unknown[] };
      const alerts = (body.type === 'digest' ? body.alerts! : [body]) as Alert[];
      const ids = body.type === 'digest' ? (JSON.parse(message.attributes.alert_id ?? '[]') as string[]) : [message.attributes.alert_id];
      alerts.forEach((alert, index) => this.deliveries.push({ id: ids[index] ?? '(no alert_id)', change: describeChange(alert) }));
    }
    return this.deliveries.map((delivery) => delivery.change);
  }

  /**
   * Once the faults are over and a cycle has run: what went wrong, compared with the story up to
   * snapshot `to` and with the table a run without faults leaves. Empty when the store healed and
   * each alert reached the subscriber once. Adds the scenario's figures to the suite's tally.
   */
  async settle(to: number, { redeliveredAfterCrash = [] }: SettleOptions = {}): Promise<string[]> {
    const expected = storyAlerts(this.startedAfter + 1, to);
    await this.delivered();
    const idOfChange = new Map<string, string>();
    const ids = new Set<string>();
    const duplicated: string[] = [];
    const redelivered: string[] = [];
    for (const { id, change } of this.deliveries) {
      if (ids.has(id) && (redeliveredAfterCrash.includes(change) || redeliveredAfterCrash.includes(id))) redelivered.push(change);
      else if (ids.has(id) || idOfChange.has(change)) duplicated.push(change);
      else idOfChange.set(change, id);
      ids.add(id);
    }
    const lost = expected.filter((change) => !idOfChange.has(change));
    const unexpected = [...idOfChange.keys()].filter((change) => !expected.includes(change));
    this.figures = {
      injected: this.dynamoFaults.injected + this.snsFaults.injected + this.faultsOfTheWorld,
      expected: expected.length,
      delivered: expected.length - lost.length,
      lost: lost.length,
      duplicated: duplicated.length,
      unexpected: unexpected.length,
      redelivered: redelivered.length,
    };
    recordFigures(inject('faultTally'), this.figures);

    const table = factsOf(await scanTable(this.world.dynamo.client, this.tableName));
    const reference = this.world.reference[to - 1]!.state;
    return [
      ...lost.map((change) => `lost: ${change}`),
      ...duplicated.map((change) => `delivered again: ${change}`),
      ...unexpected.map((change) => `not in the story: ${change}`),
      ...table.pending.map((alert) => `still in an outbox: ${alert}`),
      ...table.unsent.map((alert) => `logged, never marked sent: ${alert}`),
      ...[...ids].filter((id) => !table.logged.has(id)).map((id) => `delivered, missing from the alert log: ${id}`),
      ...differences('series', table.series, reference.series),
      ...differences('history', table.history, reference.history),
    ];
  }
}

/** What is compared with a run without faults: every series, and every observation of the history. */
export interface StoreState {
  series: string[];
  history: string[];
}

interface TableFacts extends StoreState {
  /** Alerts still in a series' outbox. */
  pending: string[];
  /** Alerts in the log without a time sent. */
  unsent: string[];
  logged: Set<string>;
}

function factsOf(items: Item[]): TableFacts {
  const facts: TableFacts = { series: [], history: [], pending: [], unsent: [], logged: new Set() };
  for (const item of items) {
    const pk = item.pk!.S!;
    const doc = item.doc?.S === undefined ? undefined : JSON.parse(item.doc.S);
    if (pk === 'SERIES') {
      const series = doc as SeriesState;
      const outlets = [...series.outlets].sort().join(', ');
      facts.series.push(`${item.sk!.S}: ${series.current.value} ${series.current.bound}, ${series.sources} sources (${outlets})`);
      for (const value of Object.values(item.outbox?.M ?? {})) facts.pending.push(describeChange(JSON.parse(value.S!) as Alert));
    } else if (pk.startsWith('OBS#')) {
      const observation = doc as Observation;
      const told = `${observation.increment ? ' batch' : ''}${observation.as_of ? ` as of ${observation.as_of}` : ''}`;
      facts.history.push(
        `${pk.slice(4)}: ${observation.value} ${observation.bound}${told} from ${observation.outlet}, story ${observation.storyId}`,
      );
    } else if (pk === 'ALERT') {
      const alert = doc as Alert;
      facts.logged.add(alert.id);
      if (alert.sentAt === undefined) facts.unsent.push(describeChange(alert));
    }
  }
  facts.series.sort();
  facts.history.sort();
  return facts;
}

function stateOf(items: Item[]): StoreState {
  const { series, history } = factsOf(items);
  return { series, history };
}

/** Lines one list has more often than the other: what a table has, or lacks, against a run without faults. */
function differences(label: string, actual: string[], expected: string[]): string[] {
  const count = (lines: string[]) =>
    lines.reduce((counts, line) => counts.set(line, (counts.get(line) ?? 0) + 1), new Map<string, number>());
  const [have, want] = [count(actual), count(expected)];
  const found: string[] = [];
  for (const [line, times] of have) if (times > (want.get(line) ?? 0)) found.push(`${label} has, unlike a run without faults: ${line}`);
  for (const [line, times] of want) if (times > (have.get(line) ?? 0)) found.push(`${label} lacks, unlike a run without faults: ${line}`);
  return found;
}

async function scanTable(client: DynamoDBClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function restore(client: DynamoDBClient, tableName: string, items: Item[]): Promise<void> {
  for (let index = 0; index < items.length; index += 25) {
    const requests = items.slice(index, index + 25).map((item) => ({ PutRequest: { Item: item } }));
    let unprocessed: Record<string, typeof requests> | undefined = { [tableName]: requests };
    while (unprocessed && Object.keys(unprocessed).length > 0) {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: unprocessed }));
      unprocessed = result.UnprocessedItems as typeof unprocessed;
    }
  }
}

/** One world for a test file: started before its tests, stopped after; the getter reads it once started. */
export function useWorld(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  }, MOTO_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await stopWorld(world);
  });
  return () => world!;
}
