import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type LoopbackHost = '127.0.0.1' | 'localhost' | '[::1]';

export interface SnapshotServer {
  /**
   * The URL a feed file is served at, whatever step is showing. `host` names the loopback another
   * way (localhost, [::1]), for feeds that must be on different hosts.
   */
  url(file: string, host?: LoopbackHost): string;
  /** Serves the files of another snapshot folder from now on. */
  show(folder: string): void;
  requests(): number;
  close(): Promise<void>;
}

/**
 * Serves feed files from one folder on 127.0.0.1, with ETag and If-None-Match, so a feed that did
 * not change between snapshots costs one request and no parse: the demo's and the tests' feeds.
 */
export async function serveFeedSnapshots(initialFolder: string): Promise<SnapshotServer> {
  let folder = initialFolder;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname.slice(1));
    let body: Buffer;
    try {
      if (name.includes('/') || name.includes('..')) throw new Error('outside the folder');
      body = readFileSync(join(folder, name));
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  // The IPv6 loopback too, on the same port, so one server can stand for feeds on three hosts.
  const server6 = createServer((request, response) => server.emit('request', request, response));
  const listening6 = await new Promise<boolean>((resolve) => {
    server6.once('error', () => resolve(false)).listen(port, '::1', () => resolve(true));
  });
  const close = (which: Server) => new Promise<void>((resolve) => which.close(() => resolve()));
  return {
    url: (file, host = '127.0.0.1') => `http://${host}:${port}/${file}`,
    show: (next) => {
      folder = next;
    },
    requests: () => requests,
    close: async () => {
      await Promise.all([close(server), ...(listening6 ? [close(server6)] : [])]);
    },
  };
}
