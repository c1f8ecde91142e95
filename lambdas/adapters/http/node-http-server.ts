/**
 * The HTTP API on a node:http server, for `transfer-watch serve`: requests become the shared
 * layer's, and its responses are written back. Bodies are never read (the API only answers GET),
 * and headers are limited as Node limits them by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from './http-api.js';

export interface ListeningServer {
  /** The address it listens on, port resolved, ending in a slash. */
  url: string;
  /** Stops taking connections and resolves once the requests under way are answered. */
  close(): Promise<void>;
}

export class ListenError extends Error {
  override name = 'ListenError';
}

function toHttpRequest(incoming: IncomingMessage): HttpRequest {
  const target = incoming.url ?? '/';
  const mark = target.indexOf('?');
  const headers = Object.fromEntries(
    Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
  return {
    method: incoming.method ?? 'GET',
    path: mark < 0 ? target : target.slice(0, mark),
    query: mark < 0 ? '' : target.slice(mark + 1),
    headers,
  };
}

function write(outgoing: ServerResponse, { status, headers, body }: HttpResponse): void {
  outgoing.statusCode = status;
  for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
  // Ended with the whole body at once, Node sets its length, and sends none for a 204 or a 304.
  outgoing.end(body);
}

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): ListenError {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') return new ListenError(`cannot listen on ${where}: the port is in use; give another with --port`);
  if (error.code === 'EACCES') return new ListenError(`cannot listen on ${where}: permission denied; give a port above 1023 with --port`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new ListenError(`cannot listen on ${where}: this machine has no such address; give another with --host`);
  return new ListenError(`cannot listen on ${where}: ${error.message}`);
}

export async function listenHttp(
  handle: (request: HttpRequest) => Promise<HttpResponse>,
  { host, port }: { host: string; port: number },
): Promise<ListeningServer> {
  const server = createServer((incoming, outgoing) => {
    handle(toHttpRequest(incoming))
      .then((response) => write(outgoing, response))
      // The handler answers every error itself; one that escapes it still must not leave the caller waiting.
      .catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(listenProblem(error, host, port));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
