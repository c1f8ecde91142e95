/**
 * The story replayed: feed snapshots (demo/feeds/step-N) served on 127.0.0.1, one poll cycle as
 * each appears, at the time it shows, then one more a day later with nothing new. The demo prints
 * it; the dashboard's browser test seeds its store with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollOnce } from '../bin/commands/poll.js';
import { parseConfig } from '../lambdas/core/config/config.js';
import { serveFeedSnapshots } from './feed-snapshot-server.js';

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

/** Replays every snapshot into the store under `dataDir`, writing what a terminal would show. */
export async function replayDemo(dataDir: string, write: (text: string) => void): Promise<void> {
  const steps = readdirSync(SNAPSHOTS)
    .filter((name) => /^step-\d+$/.test(name))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
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
  } finally {
    await server.close();
  }
}
