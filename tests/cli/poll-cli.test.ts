/**
 * Specification of the `poll` and `query` commands in local mode, run as a user runs them: a child
 * process on the TypeScript entry point, feeds served on 127.0.0.1 by the test, the embedded store
 * in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';
import { serveFeedSnapshots, type SnapshotServer } from '../../scripts/feed-snapshot-server.js';

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let server: SnapshotServer;
let folder: string;
const SNAPSHOTS = join(ROOT, 'demo', 'feeds');
const LOCAL = { TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS: '1' };

beforeAll(async () => {
  server = await serveFeedSnapshots(join(SNAPSHOTS, 'step-1'));
  folder = mkdtempSync(join(tmpdir(), 'transfer-watch-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('poll --json', () => {
  it('writes one contract line per alert and one feed_error line per failing feed, and exits 0', async () => {
    const dataDir = join(folder, 'json');
    const result = await cli(
      ['poll', '--json', '--data-dir', dataDir, '--feed', server.url('wire.xml'), '--feed', server.url('missing.xml')],
      '',
      LOCAL,
    );
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      {
        type: 'new',
        metric: 'detainees_transferred',
        previous: null,
        current: {
          value: 150,
          bound: 'exact',
          quote: expect.stringContaining('150'),
          link: expect.stringMatching(/^https:\/\/levantwire\.example\//),
          outlet: '127.0.0.1',
          published: '2026-01-22T06:14:00.000Z',
        },
        sources: 1,
      },
      expect.objectContaining({
        type: 'new',
        metric: 'transfer_planned',
        current: expect.objectContaining({ value: 7000, bound: 'at_most' }),
      }),
      { type: 'feed_error', feed: server.url('missing.xml'), error: expect.stringContaining('404') },
    ]);
  });

  it('alerts nothing the second time, the state kept in the data folder', async () => {
    const dataDir = join(folder, 'twice');
    await cli(['poll', '--json', '--data-dir', dataDir, '--feed', server.url('wire.xml')], '', LOCAL);
    const again = await cli(['poll', '--json', '--data-dir', dataDir, '--feed', server.url('wire.xml')], '', LOCAL);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
  });
});

describe('poll on a terminal', () => {
  it('shows each feed on a line of its own, an error without repeating the address', async () => {
    const result = await cli(
      ['poll', '--data-dir', join(folder, 'text'), '--feed', server.url('wire.xml'), '--feed', server.url('missing.xml')],
      '',
      LOCAL,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`  x ${server.url('missing.xml')}: HTTP 404 Not Found\n`);
    expect(result.stderr).toContain(`  + ${server.url('wire.xml')}: 3 items, 1 about the story (1 new or revised), 2 figures\n`);
    expect(result.stderr).toContain('2 feeds polled (1 failed), 2 alerts sent.');
  });
});

describe('poll refuses local addresses by default', () => {
  it('reports the feed as refused, naming the setting that allows it', async () => {
    const result = await cli(['poll', '--json', '--data-dir', join(folder, 'refused'), '--feed', server.url('wire.xml')]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      { type: 'feed_error', feed: server.url('wire.xml'), error: expect.stringMatching(/loopback.*allowPrivateHosts/) },
    ]);
  });
});

describe('bad configuration', () => {
  it('fails at start saying what is wrong and where', async () => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, JSON.stringify({ feeds: [{ url: 'ftp://example.com/feed' }], fetch: { timeoutMs: -5 } }));
    const result = await cli(['poll', '--config', file, '--data-dir', join(folder, 'bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`invalid configuration in ${file}`);
    expect(result.stderr).toContain('feeds.0.url: must be an http or https URL');
    expect(result.stderr).toContain('fetch.timeoutMs');
  });

  it('names a wrong environment value', async () => {
    const result = await cli(['poll', '--data-dir', join(folder, 'env')], '', { TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS: 'maybe' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS must be 1 or 0, not "maybe"');
  });
});

describe('query --json', () => {
  it('prints every series with its current figure, sources and history', async () => {
    const dataDir = join(folder, 'query');
    await cli(['poll', '--json', '--data-dir', dataDir, '--feed', server.url('wire.xml'), '--feed', server.url('daily.xml')], '', LOCAL);
    const result = await cli(['query', '--json', '--data-dir', dataDir, '--metric', 'detainees_transferred']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      series: [
        {
          metric: 'detainees_transferred',
          current: { value: 150, bound: 'exact', published: expect.any(String), link: expect.any(String) },
          sources: 1,
          history: [expect.objectContaining({ value: 150 }), expect.objectContaining({ value: 150 })],
        },
      ],
    });
  });
});
