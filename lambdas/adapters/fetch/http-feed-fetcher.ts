/**
 * The FeedFetcher over HTTP, with Node's own http and https clients. Feed URLs come from
 * configuration and redirects from servers nobody here controls, so every hop is held to the same
 * limits: http or https only, no address inside the machine or its network, a deadline and a size
 * cap on the decompressed body, and a polite gap between two requests to one host.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import { request as httpRequest, STATUS_CODES, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import type { FetchSettings } from '../../core/config/config.js';
import { FeedFetchError, type FeedState } from '../../core/feed/feed.js';
import type { FeedFetcher } from '../../core/poll/ports.js';
import { describeRange, restrictedRange, type RestrictedRange } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to, as dns.promises.lookup(host, { all: true }) gives them. */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface HttpFetcherOptions {
  /** How the gap between two requests to one host is waited out. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch, for that gap and for Retry-After dates. */
  now?: () => number;
  lookup?: HostLookup;
  /** The restricted range an address is in, if any: the address policy, unless a test lets a server on loopback stand for one on the internet. */
  addressPolicy?: (address: string) => RestrictedRange | undefined;
}

type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What is asked for: it decides the Accept header and where a document may declare its charset. */
interface Resource {
  accept: string;
  /** The charset named inside the document, read from its first bytes. */
  declaredCharset(head: string): string | undefined;
}

const FEED: Resource = {
  accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  declaredCharset: (head) => /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1],
};

const PAGE: Resource = {
  accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  declaredCharset: (head) => /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1],
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** How much of a body is searched for a charset declaration. */
const DECLARATION_WINDOW = 1024;

/** One request and its answer; the body is read only from a 2xx answer. */
interface Reply {
  url: URL;
  status: number;
  headers: ResponseHeaders;
  body: string;
}

export function createHttpFetcher(settings: FetchSettings, options: HttpFetcherOptions = {}): FeedFetcher {
  const now = options.now ?? Date.now;
  const lookup = options.lookup ?? ((hostname: string) => systemLookup(hostname, { all: true }));
  const addressPolicy = options.addressPolicy ?? restrictedRange;
  const awaitTurn = hostGate(settings.hostSpacingMs, options.sleep ?? ((ms) => delay(ms)), now);

  /** The addresses the URL's host may be reached at; throws when policy refuses any of them. */
  async function allowedAddresses(url: URL): Promise<[string, ...string[]]> {
    const host = bareHostname(url);
    if (isIP(host)) {
      refuseRestricted(host, `${host} is`);
      return [host];
    }
    const [first, ...rest] = (await lookup(host)).map((resolved) => resolved.address);
    if (first === undefined) throw new FeedFetchError(`could not resolve ${host}: the lookup gave no address`);
    for (const address of [first, ...rest]) refuseRestricted(address, `${host} resolves to ${address}, which is`);
    return [first, ...rest];
  }

  function refuseRestricted(address: string, subject: string): void {
    const range = addressPolicy(address);
    if (range !== undefined && !settings.allowPrivateHosts) {
      throw new FeedFetchError(`refused: ${subject} ${describeRange(range)} (set allowPrivateHosts to allow it)`);
    }
  }

  /** One GET, from the turn at the host to the last byte of the body, within the deadline. */
  async function exchange(url: URL, resource: Resource, conditional: Record<string, string>): Promise<Reply> {
    await awaitTurn(url.hostname);
    const signal = AbortSignal.timeout(settings.timeoutMs);
    let response: IncomingMessage | undefined;
    try {
      const addresses = await untilAborted(allowedAddresses(url), signal);
      const headers = { 'user-agent': settings.userAgent, accept: resource.accept, 'accept-encoding': 'gzip, deflate, br', ...conditional };
      response = await untilAborted(sendGet(url, headers, pinnedLookup(addresses), signal), signal);
      const reply = { url, status: response.statusCode ?? 0, headers: response.headers, body: '' };
      if (!isSuccess(reply.status)) return reply;
      const body = decompressed(response, header(reply.headers, 'content-encoding'));
      const bytes = await untilAborted(readCapped(body, settings.maxBytes, url), signal);
      return { ...reply, body: decodeText(bytes, header(reply.headers, 'content-type'), resource) };
    } catch (error) {
      throw asFetchError(error, url, signal);
    } finally {
      // The connection is this request's own, so an unread or half-read body is dropped with it.
      response?.destroy();
    }
  }

  function asFetchError(error: unknown, url: URL, signal: AbortSignal): FeedFetchError {
    if (error instanceof FeedFetchError) return error;
    if (signal.aborted) return new FeedFetchError(`timed out after ${settings.timeoutMs} ms fetching ${url.href}`);
    return new FeedFetchError(`could not fetch ${url.href}: ${failureReason(error)}`);
  }

  /** Follows redirects to the answer; throws for an HTTP error, and for a 304 to a request that was not conditional. */
  async function follow(start: string, resource: Resource, conditional: Record<string, string>): Promise<Reply> {
    let url = httpUrl(parseUrl(start));
    const visited = new Set([url.href]);
    for (;;) {
      const reply = await exchange(url, resource, conditional);
      if (!REDIRECT_STATUSES.has(reply.status)) {
        if (isSuccess(reply.status) || (reply.status === 304 && Object.keys(conditional).length > 0)) return reply;
        throw httpError(reply, now());
      }
      const next = redirectTarget(reply);
      if (visited.has(next.href)) throw new FeedFetchError(`redirect loop at ${next.href} (redirected to again from ${url.href})`);
      if (visited.size > settings.maxRedirects) {
        throw new FeedFetchError(`more than ${settings.maxRedirects} redirects from ${start} (the maxRedirects setting)`);
      }
      visited.add(next.href);
      url = next;
    }
  }

  return {
    async fetchFeed(feed, state) {
      const reply = await follow(feed.url, FEED, conditionalHeaders(state));
      if (reply.status === 304) return { status: 'unchanged' };
      return {
        status: 'fetched',
        body: reply.body,
        url: reply.url.href,
        etag: header(reply.headers, 'etag'),
        lastModified: header(reply.headers, 'last-modified'),
      };
    },

    async fetchPage(url) {
      const reply = await follow(url, PAGE, {});
      return { body: reply.body, url: reply.url.href };
    },
  };
}

/**
 * Spaces the starts of requests to one host by at least `spacingMs`: each request waits for the
 * one queued before it at that host to start, then for the rest of the gap.
 */
function hostGate(spacingMs: number, sleep: (ms: number) => Promise<void>, now: () => number): (host: string) => Promise<void> {
  const lastStart = new Map<string, Promise<number>>();
  return async (host) => {
    const previous = lastStart.get(host);
    const start = (async () => {
      if (previous !== undefined) {
        const wait = (await previous) + spacingMs - now();
        if (wait > 0) await sleep(wait);
      }
      return now();
    })();
    lastStart.set(host, start);
    await start;
  };
}

/**
 * A DNS lookup for the connection that answers with the addresses already checked, so that a
 * host whose DNS answer changes between the check and the connection is still reached only at
 * a checked address.
 */
function pinnedLookup(addresses: readonly [string, ...string[]]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  const [primary] = addresses;
  return (_hostname, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
    if (options.all) callback(null, entries);
    else callback(null, primary, isIP(primary));
  };
}

/**
 * Sends a GET on a connection of its own (no pool: a socket kept from an earlier request would
 * skip this request's address check) and settles with the response once its head has arrived.
 */
function sendGet(url: URL, headers: Record<string, string>, lookup: LookupFunction, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    send(url, { headers, lookup, signal, agent: false }, resolve).on('error', reject).end();
  });
}

/** Settles with `work`, or rejects as soon as the signal aborts: a DNS lookup cannot be cancelled. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new FeedFetchError(`invalid URL: ${text}`);
  }
}

function httpUrl(url: URL): URL {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedFetchError(`refused: ${url.href} is not an http or https URL`);
  }
  return url;
}

/** The host as an address or name, without the brackets of an IPv6 literal. */
function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function redirectTarget(reply: Reply): URL {
  const location = header(reply.headers, 'location');
  if (location === undefined) throw new FeedFetchError(`HTTP ${reply.status} redirect from ${reply.url.href} has no Location header`);
  let target: URL;
  try {
    target = new URL(location, reply.url);
  } catch {
    throw new FeedFetchError(`HTTP ${reply.status} from ${reply.url.href} redirects to an invalid URL: ${location}`);
  }
  return httpUrl(target);
}

function conditionalHeaders(state: FeedState | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.lastModified) headers['if-modified-since'] = state.lastModified;
  return headers;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function httpError(reply: Reply, nowMs: number): FeedFetchError {
  const retryAfter =
    reply.status === 429 || reply.status === 503 ? retryAfterSeconds(header(reply.headers, 'retry-after'), nowMs) : undefined;
  const wait = retryAfter === undefined ? '' : ` (retry after ${retryAfter} s)`;
  const reason = STATUS_CODES[reply.status] ?? 'Unknown Status';
  return new FeedFetchError(`HTTP ${reply.status} ${reason} from ${reply.url.href}${wait}`, retryAfter);
}

/** Retry-After as seconds from now: it is either a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The body with its Content-Encoding undone; codings are listed in the order they were applied. */
function decompressed(body: Readable, contentEncoding: string | undefined): Readable {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  // A failure anywhere in the pipeline destroys its last stream with the error, so reading it reports the failure.
  return codings.reduce<Readable>((stream, coding) => pipeline(stream, decompressor(coding), () => {}), body);
}

function decompressor(coding: string): Transform {
  // Sync flush at the end, as browsers do, so that a gzip stream cut short of its trailer still gives its text.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(lenient);
    case 'deflate':
      return zlib.createInflate(lenient);
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FeedFetchError(`unsupported Content-Encoding "${coding}"`);
  }
}

/** Reads the whole stream, giving up as soon as it passes `maxBytes`, so no more than that is ever held. */
async function readCapped(stream: Readable, maxBytes: number, url: URL): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new FeedFetchError(`response from ${url.href} is larger than ${maxBytes} bytes (the maxBytes setting)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Text from bytes, in the charset a byte order mark, the Content-Type or the document itself names, else UTF-8. */
function decodeText(bytes: Buffer, contentType: string | undefined, resource: Resource): string {
  const label =
    byteOrderMarkCharset(bytes) ??
    contentTypeCharset(contentType) ??
    resource.declaredCharset(bytes.subarray(0, DECLARATION_WINDOW).toString('latin1')) ??
    'utf-8';
  const decoder = textDecoder(label);
  // Node 20's TextDecoder reads windows-1252, which every Latin-1 label also means, as ISO-8859-1: quotes, dashes and € come out as control characters.
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** What windows-1252 puts at 0x80–0x9F, where it differs from ISO-8859-1 (the WHATWG table: unassigned bytes keep their code). */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_C1.charAt(char.charCodeAt(0) - 0x80));
}

function byteOrderMarkCharset(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function contentTypeCharset(contentType: string | undefined): string | undefined {
  return contentType === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

function textDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    // A charset the decoder does not know is most often a misspelt common one; UTF-8 reads most of such a text.
    return new TextDecoder('utf-8');
  }
}

const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the server up and the port right?)',
  ECONNRESET: 'the server closed the connection',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved just now',
  Z_DATA_ERROR: 'the body is not valid for its Content-Encoding',
  Z_BUF_ERROR: 'the body is not valid for its Content-Encoding',
};

function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && NETWORK_FAILURES[code]) || error.message;
}
