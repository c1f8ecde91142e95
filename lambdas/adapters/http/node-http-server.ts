/**
 * The HTTP API on a node:http server, for `transfer-watch serve`: requests become the shared
 * layer's, and its responses are written back. A body is counted, never kept (the API only
 * answers GET), and headers are limited as Node limits them by default.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpRequest, HttpResponse } from './http-api.js';
import { MAX_BODY_BYTES } from './request-limits.js';

export interface ListeningServer {
  /** The address it listens on, port resolved, ending in a slash. */
  url: string;
  /** Stops taking connections and resolves once the requests under way are answered. */
  close(): Promise<void>;
}

export class ListenError extends Error {
  override name = 'ListenError';
}

/**
 * How many bytes of body came, read and dropped until past `limit`: reading stops there, so a
 * caller sending without end costs no more than that. A declared length past it is taken at its word.
 */
function measureBody(incoming: IncomingMessage, limit: number): Promise<number> {
  const declared = Number(incoming.headers['content-length']);
  if (declared > limit) return Promise.resolve(declared);
  return new Promise((resolve) => {
    let bytes = 0;
    const stop = () => {
      incoming.off('data', count);
      resolve(bytes);
    };
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) return;
      incoming.pause();
      stop();
    };
    incoming.on('data', count);
    incoming.once('end', stop);
    incoming.once('close', stop);
  });
}

function toHttpRequest(incoming: IncomingMessage, bodyBytes: number): HttpRequest {
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
    bodyBytes,
  };
}

function write(outgoing: ServerResponse, { status, headers, body }: HttpResponse, bodyUnread: boolean): void {
  outgoing.statusCode = status;
  for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
  // Node would otherwise read the rest of the body to keep the connection for another request.
  if (bodyUnread) outgoing.setHeader('connection', 'close');
  // Ended with the whole body at once, Node sets its length, and sends none for a 204 or a 304.
  outgoing.end(body);
}

/** Node's refusals of a request it could not read whole, by the code of its error; any other is a 400. */
const UNREAD = new Map<string | undefined, [status: number, reason: string, message: string]>([
  // Past Node's 16 KB of request line and headers, a long URL and many headers are not told apart.
  ['HPE_HEADER_OVERFLOW', [431, 'Request Header Fields Too Large', 'the URL and headers are over 16 KB']],
  ['ERR_HTTP_REQUEST_TIMEOUT', [408, 'Request Timeout', 'the request did not arrive in time']],
]);

/** Answers what Node refuses before the API sees it with a JSON body, as the API's own refusals have. */
function refuseUnread(error: NodeJS.ErrnoException, socket: Socket): void {
  // A caller that hung up is owed no answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, message] = UNREAD.get(error.code) ?? [400, 'Bad Request', 'the request is not HTTP/1.1 this server can read'];
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
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
    measureBody(incoming, MAX_BODY_BYTES)
      .then((bodyBytes) => handle(toHttpRequest(incoming, bodyBytes)))
      .then((response) => write(outgoing, response, !incoming.complete))
      // The handler answers every error itself; one that escapes it still must not leave the caller waiting.
      .catch(() => outgoing.destroy());
  });
  server.on('clientError', refuseUnread);
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
