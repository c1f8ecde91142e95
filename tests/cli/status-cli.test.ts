/**
 * Specification of `status` in local mode: feed health as a real local poll left it in the data
 * folder, and run records saved into that store as the deployed poller saves them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../lambdas/composition/local.js';
import type { RunRecord } from '../../lambdas/core/poll/ports.js';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';
import { cli, ROOT } from '../support/cli.js';

const RUNS: RunRecord[] = [
  {
    id: 'run-1',
    startedAt: '2026-01-24T09:30:00.000Z',
    finishedAt: '2026-01-24T09:30:04.200Z',
    feeds: 2,
    fetched: 2,
    unchanged: 0,
    waiting: 0,
    failed: 0,
    items: 9,
    figures: 2,
    sent: 2,
    unsent: 0,
  },
  {
    id: 'run-2',
    startedAt: '2026-01-24T09:45:00.000Z',
    finishedAt: '2026-01-24T09:45:01.900Z',
    feeds: 2,
    fetched: 0,
    unchanged: 1,
    waiting: 0,
    failed: 1,
    items: 0,
    figures: 0,
    sent: 0,
    unsent: 0,
  },
];

let feeds: SnapshotServer;
let folder: string;
let dataDir: string;

beforeAll(async () => {
  feeds = await serveFeedSnapshots(join(ROOT, 'demo', 'feeds', 'step-1'));
  folder = mkdtempSync(join(tmpdir(), 'transfer-watch-status-'));
  dataDir = join(folder, 'polled');
  const poll = await cli(
    ['poll', '--json', '--data-dir', dataDir, '--feed', feeds.url('wire.xml'), '--feed', feeds.url('missing.xml')],
    '',
    {
      TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS: '1',
    },
  );
  expect(poll.code).toBe(0);
  const local = await openLocalStore(dataDir);
  try {
    for (const run of RUNS) await local.store.saveRun(run);
  } finally {
    await local.close();
  }
});

afterAll(async () => {
  await feeds.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('status --data-dir', () => {
  it('shows a feed that answered with its last success and no failure, and one that failed with its error', async () => {
    const result = await cli(['status', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Feeds (times in UTC)',
      expect.stringMatching(/^feed +last success +failures +next attempt +last error$/),
    ]);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${feeds.url('wire.xml')} +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +0 +`)));
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${feeds.url('missing.xml')} +never +1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +HTTP 404 Not Found$`)),
    );
  });

  it('shows the runs newest first: the local poll’s own, then earlier ones', async () => {
    const result = await cli(['status', '--data-dir', dataDir]);
    expect(result.stdout).toMatch(
      /Last 3 runs \(times in UTC\)\nstarted .*\n\d{4}-\d\d-\d\d \d\d:\d\d +[\d.]+ s +2 \(1\/0\/1\) +3 +2 +2\/0 +-\n/,
    );
    expect(result.stdout).toContain(
      [
        '2026-01-24 09:45  1.9 s     2 (0/1/1)                         0      0        0/0                   -',
        '2026-01-24 09:30  4.2 s     2 (2/0/0)                         9      2        2/0                   -',
        '',
      ].join('\n'),
    );
  });

  it('prints with --json the feeds as the API shows them, without the validators the store keeps, and the last --runs runs', async () => {
    const result = await cli(['status', '--data-dir', dataDir, '--runs', '2', '--json']);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as { feeds: Record<string, unknown>[]; runs: RunRecord[] };
    expect(status.feeds).toEqual([
      { url: feeds.url('missing.xml'), consecutiveFailures: 1, lastError: expect.stringContaining('404'), nextAttempt: expect.any(String) },
      { url: feeds.url('wire.xml'), lastSuccess: expect.any(String), consecutiveFailures: 0, nextAttempt: expect.any(String) },
    ]);
    expect(status.runs).toEqual([expect.objectContaining({ feeds: 2, fetched: 1, failed: 1, sent: 2 }), RUNS[1]]);
  });

  it('says when no feed has been polled and no run recorded', async () => {
    const result = await cli(['status', '--data-dir', join(folder, 'empty')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Feeds (times in UTC)\nNo feed polled yet.\n\nRuns (times in UTC)\nNo run recorded yet.\n');
  });
});
