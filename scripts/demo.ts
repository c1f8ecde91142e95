/**
 * The demo: serves feed snapshots that replay how the story unfolded (demo/feeds/step-N) on
 * 127.0.0.1, runs a poll cycle as each snapshot appears, shows every alert as a subscriber would
 * get it, then the stored series. Offline, on the embedded store, in a fresh data folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollOnce } from '../bin/commands/poll.js';
import { queryStore } from '../bin/commands/query.js';
import { serveFeedSnapshots } from './feed-snapshot-server.js';
import { parseConfig } from '../lambdas/core/config/config.js';

// The demo supports Node 20 as the CLI does; the deployed Lambdas run Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SNAPSHOTS = join(import.meta.dirname, '..', 'demo', 'feeds');
const FEEDS = [
  { file: 'wire.xml', outlet: 'Levant Wire' },
  { file: 'daily.xml', outlet: 'The Gulf Daily' },
  { file: 'monitor.xml', outlet: 'Syria Detention Monitor' },
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The newest date any feed of a snapshot shows (RSS pubDate or Atom updated). */
function latestPublication(folder: string): number {
  const dates = FEEDS.flatMap(({ file }) =>
    [...readFileSync(join(folder, file), 'utf8').matchAll(/<(?:pubDate|updated|published)>([^<]+)</g)].map((match) =>
      Date.parse(match[1]!),
    ),
  );
  return Math.max(...dates.filter((date) => !Number.isNaN(date)));
}

const steps = readdirSync(SNAPSHOTS)
  .filter((name) => /^step-\d+$/.test(name))
  .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
const dataDir = mkdtempSync(join(tmpdir(), 'transfer-watch-demo-'));
const server = await serveFeedSnapshots(join(SNAPSHOTS, steps[0]!));
const config = parseConfig(
  {
    feeds: FEEDS.map(({ file, outlet }) => ({ url: server.url(file), outlet })),
    // The demo's feeds are on this machine; nothing else may reach loopback addresses.
    fetch: { allowPrivateHosts: true, hostSpacingMs: 0 },
    readLinkedPages: false,
  },
  'the demo',
);
const write = (text: string) => process.stdout.write(text);
try {
  // Each snapshot is polled at the time it shows, so feed TTLs and backoff behave as on those days.
  let now = new Date(0);
  const clock = { now: () => now };
  for (const step of steps) {
    server.show(join(SNAPSHOTS, step));
    now = new Date(latestPublication(join(SNAPSHOTS, step)) + HOUR_MS);
    write(`\n######## ${step}, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC: polling ${FEEDS.length} feeds\n`);
    await pollOnce({ config, feeds: [], dataDir, json: false, clock }, { out: write, err: write });
  }
  const before = server.requests();
  now = new Date(now.getTime() + DAY_MS);
  write('\n######## a day later, nothing new: no alert, no parse, no write\n');
  await pollOnce({ config, feeds: [], dataDir, json: false, clock }, { out: write, err: write });
  write(`(${server.requests() - before} requests, one per feed)\n`);
  write('\n######## what is stored now (transfer-watch query)\n\n');
  await queryStore({ dataDir, json: false }, write);
} finally {
  await server.close();
  if (!process.env.TRANSFER_WATCH_KEEP_DEMO) rmSync(dataDir, { recursive: true, force: true });
}
