/**
 * Specification of `serve`, run as a user runs it: a child process on the TypeScript entry point,
 * serving over HTTP the embedded store of a data folder the test filled first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../lambdas/composition/local.js';
import { decide, planChange } from '../../lambdas/core/diff/diff.js';
import type { Observation } from '../../lambdas/core/series/series.js';
import { cli, startCli, type RunningCli } from '../support/cli.js';

const READY =
  /^transfer-watch: serving (http:\/\/127\.0\.0\.1:(\d+)\/) \(dashboard\), API at \/series, \/changes, \/feeds, \/runs, \/openapi\.json$/;

let folder: string;
let dataDir: string;
const running: RunningCli[] = [];

const observed: Observation = {
  metric: 'detainees_transferred',
  value: 150,
  bound: 'exact',
  quote: 'A total of 150 detainees have been moved to Iraq.',
  link: 'https://levantwire.example/150',
  outlet: 'Levant Wire',
  published: '2026-02-01T06:00:00.000Z',
  storyId: 'story-150',
  observedAt: '2026-02-01T06:00:00.000Z',
};

/** Starts `serve` on a free port with `args`; the base URL it printed. */
async function serve(args: string[] = []): Promise<{ url: string; process: RunningCli }> {
  const process = startCli(['serve', '--port', '0', '--data-dir', dataDir, ...args]);
  running.push(process);
  const match = READY.exec(await process.firstLine);
  if (!match) throw new Error(`serve printed ${await process.firstLine}`);
  return { url: match[1]!, process };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'transfer-watch-serve-'));
  dataDir = join(folder, 'data');
  const local = await openLocalStore(dataDir);
  const settings = { thresholds: { absolute: 0, relative: 0 }, conflict: { windowHours: 6, margin: 0.1 } };
  await local.store.commit(
    planChange(undefined, observed, decide(undefined, observed, 'cumulative', settings), '2026-02-01T07:00:00.000Z'),
  );
  await local.close();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((process) => process.stop()));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('serve --port 0', () => {
  it('prints the address of the dashboard and the API, on the port the system chose', async () => {
    const { url } = await serve();
    expect(url).not.toMatch(/:0\/$/);
  });

  it('answers GET /series from the store of the data folder', async () => {
    const { url } = await serve();
    const response = await fetch(new URL('series', url));
    expect([response.status, response.headers.get('etag')]).toEqual([200, expect.stringMatching(/^"[\w-]+"$/)]);
    expect(await response.json()).toEqual({
      series: [expect.objectContaining({ metric: 'detainees_transferred', current: expect.objectContaining({ value: 150 }) })],
    });
  });

  it('answers GET /openapi.json with the document of the API', async () => {
    const { url } = await serve();
    const response = await fetch(new URL('openapi.json', url));
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect([response.status, document.openapi, Object.keys(document.paths)]).toEqual([
      200,
      expect.stringMatching(/^3\.1\./),
      ['/series', '/series/{metric}', '/changes', '/feeds', '/runs'],
    ]);
  });

  it('lets the pages of the origins its configuration names read the API', async () => {
    const config = join(folder, 'cors.json');
    writeFileSync(config, JSON.stringify({ api: { corsOrigins: ['https://dashboard.example'] } }));
    const { url } = await serve(['--config', config]);
    const response = await fetch(new URL('feeds', url), { headers: { origin: 'https://dashboard.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
  });
});

describe('serve, stopped', () => {
  it('by SIGTERM, exits 0 and leaves the store to the next command', async () => {
    const { process } = await serve();
    expect((await process.stop('SIGTERM')).code).toBe(0);
    const query = await cli(['query', '--json', '--data-dir', dataDir]);
    expect([query.code, (JSON.parse(query.stdout) as { series: unknown[] }).series.length]).toEqual([0, 1]);
  });

  it('by SIGINT, exits 0', async () => {
    const { process } = await serve();
    expect((await process.stop('SIGINT')).code).toBe(0);
  });
});

describe('serve on a port in use', () => {
  let taken: Server;

  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  });

  it('fails with exit code 2, naming the port', async () => {
    const { port } = taken.address() as AddressInfo;
    const result = await cli(['serve', '--port', String(port), '--data-dir', dataDir]);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      '',
      `transfer-watch: cannot listen on 127.0.0.1:${port}: the port is in use; give another with --port\n`,
    ]);
  });
});
