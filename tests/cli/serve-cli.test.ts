/**
 * Specification of `serve`, run as a user runs it: a child process on the TypeScript entry point,
 * serving over HTTP the embedded store of a data folder the test filled first.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
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

/** Starts `serve` on a free port with `args`, on `data` (the folder filled first when not given); the base URL it printed. */
async function serve(args: string[] = [], data = dataDir): Promise<{ url: string; process: RunningCli }> {
  const process = startCli(['serve', '--port', '0', '--data-dir', data, ...args]);
  running.push(process);
  const match = READY.exec(await process.firstLine);
  if (!match) throw new Error(`serve printed ${await process.firstLine}`);
  return { url: match[1]!, process };
}

/**
 * Sends `request` as raw bytes, as no well-behaved client would, and reads what comes back until
 * the server closes the connection or has answered in full, never sending more than `request`.
 */
function sendRaw(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let received = '';
    const answer = () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), body, length: Number(/content-length: (\d+)/i.exec(head)?.[1]) };
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const { status, body, length } = answer();
      if (body.length === length) {
        socket.destroy();
        resolve({ status, body });
      }
    });
    socket.on('end', () => resolve(answer()));
    socket.on('error', reject);
  });
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

describe('serve, hardened', () => {
  /** A data folder with two alerts, so that /changes?limit=1 gives a cursor. */
  let paged: string;

  beforeAll(async () => {
    paged = join(folder, 'paged');
    const local = await openLocalStore(paged);
    const settings = { thresholds: { absolute: 0, relative: 0 }, conflict: { windowHours: 6, margin: 0.1 } };
    for (const [at, each] of [
      ['2026-02-01T07:00:00.000Z', observed],
      ['2026-02-02T07:00:00.000Z', { ...observed, metric: 'camp_population', storyId: 'story-camp', value: 40_000 }],
    ] as const)
      await local.store.commit(planChange(undefined, each, decide(undefined, each, 'cumulative', settings), at));
    await local.close();
  });

  it('keeps its cursor key in the data folder, for its owner only, so that a cursor outlives a restart', async () => {
    const first = await serve([], paged);
    const { next } = (await (await fetch(new URL('changes?limit=1', first.url))).json()) as { next: string };
    await first.process.stop();
    expect(statSync(join(paged, 'cursor-key')).mode & 0o777).toBe(0o600);
    const again = await serve([], paged);
    const response = await fetch(new URL(`changes?cursor=${next}`, again.url));
    expect([response.status, ((await response.json()) as { changes: Array<{ metric: string }> }).changes.map((c) => c.metric)]).toEqual([
      200,
      ['camp_population'],
    ]);
  });

  it('refuses a cursor made with another data folder’s key, naming it', async () => {
    const { url } = await serve([], paged);
    const { next } = (await (await fetch(new URL('changes?limit=1', url))).json()) as { next: string };
    const elsewhere = await serve([], join(folder, 'elsewhere'));
    const response = await fetch(new URL(`changes?cursor=${next}`, elsewhere.url));
    expect([response.status, await response.json()]).toEqual([400, { error: 'cursor must be a cursor given by /changes, unchanged' }]);
  });
});

describe('serve, sent what the API does not read', () => {
  /** One server for every request here: none of them changes what it serves. */
  let server: { url: string; process: RunningCli };

  beforeAll(async () => {
    server = await serve();
    running.splice(running.indexOf(server.process), 1);
  });
  afterAll(async () => {
    await server.process.stop();
  });

  it('ignores the body of a GET of 8 KB or less', async () => {
    const answer = await sendRaw(
      server.url,
      `GET /feeds HTTP/1.1\r\nhost: x\r\ncontent-length: 8192\r\nconnection: close\r\n\r\n${'x'.repeat(8192)}`,
    );
    expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { feeds: [] }]);
  });

  it('answers 413 to a body declared over 8 KB, without waiting for it', async () => {
    const answer = await sendRaw(server.url, 'POST /series HTTP/1.1\r\nhost: x\r\ncontent-length: 104857600\r\n\r\n');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([413, { error: 'the request body is over 8192 bytes; the API reads none' }]);
  });

  it('answers 413 once a body of no declared length passes 8 KB, though the caller has not finished sending', async () => {
    const chunk = 'x'.repeat(4096);
    const chunks = `1000\r\n${chunk}\r\n`.repeat(3);
    const answer = await sendRaw(server.url, `GET /series HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n${chunks}`);
    expect([answer.status, JSON.parse(answer.body)]).toEqual([413, { error: 'the request body is over 8192 bytes; the API reads none' }]);
    // Still serving.
    expect((await fetch(new URL('feeds', server.url))).status).toBe(200);
  });

  it('answers a URL over 4 KB with 414, and one past Node’s 16 KB of headers with 431, both as JSON', async () => {
    const request = (length: number) => `GET /series/${'m'.repeat(length)} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`;
    const long = await sendRaw(server.url, request(5 * 1024));
    const huge = await sendRaw(server.url, request(100 * 1024));
    expect([long.status, JSON.parse(long.body)]).toEqual([414, { error: 'the URL is over 4096 characters' }]);
    expect([huge.status, JSON.parse(huge.body)]).toEqual([431, { error: 'the URL and headers are over 16 KB' }]);
  });

  it('answers 400 as JSON to what is not HTTP', async () => {
    const answer = await sendRaw(server.url, 'HELLO\r\n\r\n');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([400, { error: 'the request is not HTTP/1.1 this server can read' }]);
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
