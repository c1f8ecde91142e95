/**
 * The poll cycle at scale: generated feeds (bench/feed-xml.ts) served on 127.0.0.1, fetched,
 * parsed, read and stored in a fresh in-memory dynalite, then polled again a day later with
 * nothing changed. Each run is a child process of its own while this process serves the feeds,
 * so the peak memory measured is the poller's and its embedded store's, not the extraction
 * benchmark's that ran before, nor the feed server's.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fork } from 'node:child_process';
import { createDynamoStore } from '../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb } from '../lambdas/adapters/store/embedded-dynamodb.js';
import { pollDependencies } from '../lambdas/composition/poll-dependencies.js';
import { parseConfig } from '../lambdas/core/config/config.js';
import { runPollCycle, type CycleReport } from '../lambdas/core/poll/poll-cycle.js';
import type { Publisher } from '../lambdas/core/poll/ports.js';
import { timeFeedParsers, type ParserTimes } from './feed-parsers.js';
import { FEEDS_NOW, ITEMS_PER_FEED, feedPath, generateFeeds, serveFeeds } from './feed-xml.js';

const CHILD_FLAG = '--poll-cycle-child';
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const SAMPLE_MS = 50;
const DAY_MS = 24 * 3_600_000;
const MB = 1024 * 1024;

/** One child's two cycles over `feeds` feeds. */
export interface PollCycleRun {
  feeds: number;
  items: number;
  cycle_first_s: number;
  cycle_unchanged_s: number;
  /** Highest resident set size of the child during the cycles: a sample every 50 ms, or the kernel's high-water mark if higher. */
  peak_rss_mb: number;
  /** Resident set size of the child once dynalite is up, before the first cycle. */
  baseline_rss_mb: number;
  writes_first: number;
  writes_unchanged: number;
  /** Every DynamoDB request of the first cycle, reads included, by command. */
  requests_first: Record<string, number>;
  publishes_first: number;
  publishes_unchanged: number;
  ops_first: number;
  /** Feed outcomes of each cycle: fetched, unchanged, waiting, failed. */
  statuses_first: Record<string, number>;
  statuses_unchanged: Record<string, number>;
  errors_first: string[];
  relevant_first: number;
  figures_first: number;
}

export interface PollCycleBench {
  /** The run at `feeds` feeds. */
  main: PollCycleRun;
  /** rss-parser's bare parseString over the same feed bodies, in this process, best of 3. */
  parse_only_s: number;
  /** The same bodies' size, and a faster feed parser timed over them the same way. */
  parsers: ParserTimes;
  /** One run per count, in a fresh child and store each. */
  scaling: PollCycleRun[];
}

export interface PollCycleOptions {
  feeds?: number;
  scaling?: number[];
  /** Node flags added to the main run's child, e.g. --cpu-prof. */
  mainExecArgv?: string[];
  progress?: (line: string) => void;
}

/** Runs the main count and every scaling count, each in its own child process, and times the parsers alone on the main count's feeds. */
export async function measurePollCycle({
  feeds = 200,
  scaling = [10, 100, 1_000],
  mainExecArgv = [],
  progress = (line) => process.stderr.write(`${line}\n`),
}: PollCycleOptions = {}): Promise<PollCycleBench> {
  const generated = generateFeeds(Math.max(feeds, ...scaling));
  const server = await serveFeeds(generated);
  try {
    const runs = new Map<number, PollCycleRun>();
    for (const count of [feeds, ...scaling]) {
      if (runs.has(count)) continue;
      progress(`poll cycle: ${count} feeds x ${ITEMS_PER_FEED} items, in a child process`);
      runs.set(count, await runChild(server.origin, count, count === feeds ? mainExecArgv : [], progress));
    }
    progress('poll cycle: rss-parser, and a faster feed parser, alone on the same feeds');
    const parsers = await timeFeedParsers(
      generated.slice(0, feeds).map((feed) => feed.xml),
      feeds * ITEMS_PER_FEED,
    );
    return { main: runs.get(feeds)!, parse_only_s: parsers.rss_parser_s, parsers, scaling: scaling.map((count) => runs.get(count)!) };
  } finally {
    await server.close();
  }
}

function runChild(origin: string, feeds: number, execArgv: string[], progress: (line: string) => void): Promise<PollCycleRun> {
  return new Promise((resolve, reject) => {
    // The child writes nothing to stdout; whatever it might print goes to stderr, so --json's output stays one object.
    const child = fork(import.meta.filename, [CHILD_FLAG, origin, String(feeds)], {
      execArgv: [...process.execArgv, ...execArgv],
      stdio: ['ignore', 2, 2, 'ipc'],
      // As the demo does: no AWS SDK Node-version warning in the progress lines.
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true',
      },
    });
    let result: PollCycleRun | undefined;
    child.on('message', (message: { progress?: string; result?: PollCycleRun }) => {
      if (message.progress) progress(message.progress);
      if (message.result) result = message.result;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`the poll-cycle child for ${feeds} feeds ended (${signal ?? `exit code ${code}`}) without a result`));
    });
  });
}

function tally(report: CycleReport): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const feed of report.feeds) statuses[feed.status] = (statuses[feed.status] ?? 0) + 1;
  return statuses;
}

/** In the child: a fresh store, the first cycle, and the same feeds a day later. */
async function childMain(origin: string, feedCount: number): Promise<void> {
  const send = (message: { progress?: string; result?: PollCycleRun }) =>
    new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));

  const dynamo = await startEmbeddedDynamoDb();
  const requests: Record<string, number> = {};
  let writes = 0;
  countRequests(dynamo.client, (command) => {
    requests[command] = (requests[command] ?? 0) + 1;
    if (WRITES.has(command)) writes += 1;
  });
  // Messages published: an alert is one, and so is a digest (none here: the default configuration sends each alert).
  let publishes = 0;
  let ops = 0;
  const publisher: Publisher = {
    publish: async () => {
      publishes += 1;
    },
    publishDigest: async () => {
      publishes += 1;
    },
    publishOps: async () => {
      ops += 1;
    },
  };
  let now = new Date(FEEDS_NOW);
  let done = 0;
  let firstCycle = true;
  const config = parseConfig(
    { fetch: { allowPrivateHosts: true, hostSpacingMs: 0, concurrency: 8 }, readLinkedPages: false },
    'the poll-cycle benchmark',
  );
  const deps = pollDependencies(config, {
    store: createDynamoStore(dynamo.client, dynamo.tableName),
    publisher,
    clock: { now: () => now },
    onEvent: (event) => {
      if (event.type !== 'feed') return;
      done += 1;
      // Every tenth of the feeds of a first cycle that takes a while.
      if (firstCycle && feedCount >= 100 && done % Math.ceil(feedCount / 10) === 0)
        void send({ progress: `  first cycle: ${done}/${feedCount} feeds` });
    },
  });
  const feeds = Array.from({ length: feedCount }, (_, index) => ({ url: `${origin}${feedPath(index)}`, outlet: `Bench Outlet ${index}` }));

  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);

  const timed = async () => {
    done = 0;
    const started = process.hrtime.bigint();
    const report = await runPollCycle(deps, feeds);
    return { report, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const first = await timed();
  const writesFirst = writes;
  const requestsFirst = { ...requests };
  const publishesFirst = publishes;
  const opsFirst = ops;
  await send({ progress: `  first cycle: ${first.seconds.toFixed(2)} s` });

  writes = 0;
  publishes = 0;
  firstCycle = false;
  // A day later, so no feed's TTL or backoff keeps it from being asked again.
  now = new Date(FEEDS_NOW + DAY_MS);
  const unchanged = await timed();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await send({ progress: `  unchanged cycle: ${unchanged.seconds.toFixed(2)} s` });

  const sum = (report: CycleReport, field: 'relevant' | 'figures') => report.feeds.reduce((total, feed) => total + feed[field], 0);
  await send({
    result: {
      feeds: feedCount,
      items: first.report.feeds.reduce((total, feed) => total + feed.items, 0),
      cycle_first_s: first.seconds,
      cycle_unchanged_s: unchanged.seconds,
      peak_rss_mb: peak / MB,
      baseline_rss_mb: baseline / MB,
      writes_first: writesFirst,
      writes_unchanged: writes,
      requests_first: requestsFirst,
      publishes_first: publishesFirst,
      publishes_unchanged: publishes,
      ops_first: opsFirst,
      statuses_first: tally(first.report),
      statuses_unchanged: tally(unchanged.report),
      errors_first: [...new Set(first.report.feeds.flatMap((feed) => (feed.error ? [feed.error] : [])))],
      relevant_first: sum(first.report, 'relevant'),
      figures_first: sum(first.report, 'figures'),
    },
  });
  await dynamo.close();
}

function countRequests(client: DynamoDBClient, count: (command: string) => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      count((context.commandName ?? 'unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'bench-count-requests' },
  );
}

if (process.argv[2] === CHILD_FLAG && process.send) {
  childMain(process.argv[3]!, Number(process.argv[4])).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
