/**
 * Specification of the HTTP fetcher against a real server on 127.0.0.1 that the test starts:
 * what it asks for, how it reads the answer, and every limit it holds a fetch to. Private hosts
 * are allowed unless a test is about refusing them; the gap between requests to one host is
 * waited out on a fake clock, so no test spends it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { restrictedRange } from '../../lambdas/adapters/fetch/address-policy.js';
import { createHttpFetcher, type HostLookup, type HttpFetcherOptions } from '../../lambdas/adapters/fetch/http-feed-fetcher.js';
import { fetchSettingsSchema, type FetchSettings } from '../../lambdas/core/config/config.js';
import { FeedFetchError, type FeedState } from '../../lambdas/core/feed/feed.js';
import type { FeedFetcher } from '../../lambdas/core/poll/ports.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
}

const routes = new Map<string, Handler>();
/** Every request that reached the server in the current test. */
const received: Received[] = [];
let server: Server;
let port: number;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    received.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  routes.clear();
  received.length = 0;
});

function respond(path: string, answer: { status?: number; headers?: Record<string, string>; body?: string | Buffer }): void {
  routes.set(path, (_request, response) => response.writeHead(answer.status ?? 200, answer.headers).end(answer.body ?? ''));
}

function redirect(path: string, location: string, status = 302): void {
  respond(path, { status, headers: { location } });
}

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Detainee transfers</title></channel></rss>';
const START = Date.parse('2026-02-05T09:00:00Z');

/** A clock that moves only when the fetcher sleeps or a test advances it; every sleep is recorded. */
function fakeClock() {
  let time = START;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function settings(overrides: Partial<FetchSettings> = {}): FetchSettings {
  return fetchSettingsSchema.parse({ allowPrivateHosts: true, hostSpacingMs: 0, timeoutMs: 2_000, ...overrides });
}

function fetcher(overrides: Partial<FetchSettings> = {}, options: HttpFetcherOptions = {}): FeedFetcher {
  const clock = fakeClock();
  return createHttpFetcher(settings(overrides), { now: clock.now, sleep: clock.sleep, ...options });
}

/** A lookup that answers every host with the given addresses and records the hosts asked for. */
function fixedLookup(...addresses: string[]): HostLookup & { hosts: string[] } {
  const hosts: string[] = [];
  const lookup = async (hostname: string) => {
    hosts.push(hostname);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { hosts });
}

async function fetchFailure(work: Promise<unknown>): Promise<FeedFetchError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

async function fetchedBody(f: FeedFetcher, url: string): Promise<string> {
  const outcome = await f.fetchFeed({ url }, undefined);
  if (outcome.status !== 'fetched') throw new Error(`expected a body from ${url}, got ${outcome.status}`);
  return outcome.body;
}

describe('what a request asks for', () => {
  beforeEach(() => respond('/feed', { body: RSS }));

  it('sends the configured User-Agent', async () => {
    await fetcher({ userAgent: 'transfer-watch-test/1.0 (+https://example.org/about)' }).fetchFeed({ url: `${base}/feed` }, undefined);
    expect(received[0]?.headers['user-agent']).toBe('transfer-watch-test/1.0 (+https://example.org/about)');
  });

  it('asks for RSS, Atom or XML when fetching a feed', async () => {
    await fetcher().fetchFeed({ url: `${base}/feed` }, undefined);
    const accept = received[0]?.headers.accept ?? '';
    expect(accept).toContain('application/rss+xml');
    expect(accept).toContain('application/atom+xml');
    expect(accept).toContain('application/xml');
    expect(accept).toContain('text/xml');
  });

  it('asks for HTML when fetching a page', async () => {
    await fetcher().fetchPage(`${base}/feed`);
    expect(received[0]?.headers.accept).toMatch(/^text\/html\b/);
  });

  it('offers gzip, deflate and br', async () => {
    await fetcher().fetchFeed({ url: `${base}/feed` }, undefined);
    expect(received[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('reading the body', () => {
  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ])('undoes Content-Encoding %s', async (coding, compress) => {
    respond('/feed', { headers: { 'content-encoding': coding }, body: compress(Buffer.from(RSS)) });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(RSS);
  });

  it('undoes Content-Encodings applied one over another, the last applied first', async () => {
    respond('/feed', { headers: { 'content-encoding': 'deflate, br' }, body: zlib.brotliCompressSync(zlib.deflateSync(Buffer.from(RSS))) });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(RSS);
  });

  it('reads a gzip body cut short of its trailer as far as it goes', async () => {
    const whole = zlib.gzipSync(Buffer.from(RSS));
    // A gzip trailer is eight bytes: the checksum and the length.
    respond('/feed', { headers: { 'content-encoding': 'gzip' }, body: whole.subarray(0, whole.length - 8) });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(RSS);
  });

  it('reports a body that does not decompress as its Content-Encoding says', async () => {
    respond('/feed', { headers: { 'content-encoding': 'gzip' }, body: RSS });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`could not fetch ${base}/feed: the body is not valid for its Content-Encoding`);
  });

  it('decodes the charset named in Content-Type', async () => {
    const xml = '<rss><title>Détenus transférés à Bagdad</title></rss>';
    respond('/feed', { headers: { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }, body: Buffer.from(xml, 'latin1') });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(xml);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do, for the quotes and dashes such feeds carry', async () => {
    const body = Buffer.from('<rss><title>l\x92Irak \x97 co\xfbt \x80 5m</title></rss>', 'latin1');
    respond('/feed', { headers: { 'content-type': 'application/rss+xml; charset=iso-8859-1' }, body });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe('<rss><title>l\u2019Irak \u2014 co\u00fbt \u20ac 5m</title></rss>');
  });

  it('decodes the charset named in the XML declaration when Content-Type names none', async () => {
    const body = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>\x93Handover complete\x94</title></rss>', 'latin1');
    respond('/feed', { headers: { 'content-type': 'application/rss+xml' }, body });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(
      '<?xml version="1.0" encoding="windows-1252"?><rss><title>\u201cHandover complete\u201d</title></rss>',
    );
  });

  it('follows Content-Type over the XML declaration when they disagree', async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Détenus</title></rss>';
    respond('/feed', { headers: { 'content-type': 'text/xml; charset=utf-8' }, body: Buffer.from(xml, 'utf8') });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(xml);
  });

  it('reads UTF-8 when nothing names a charset', async () => {
    const xml = '<rss><title>Détenus transférés — 2 350</title></rss>';
    respond('/feed', { body: Buffer.from(xml, 'utf8') });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe(xml);
  });

  it('reads UTF-16 announced by a byte order mark, without the mark', async () => {
    respond('/feed', { body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>Señor</rss>', 'utf16le')]) });
    expect(await fetchedBody(fetcher(), `${base}/feed`)).toBe('<rss>Señor</rss>');
  });

  it('decodes the charset a page names in its meta tag', async () => {
    const html = '<html><head><meta charset="windows-1252"></head><body>Détenus transférés</body></html>';
    respond('/article', { headers: { 'content-type': 'text/html' }, body: Buffer.from(html, 'latin1') });
    expect((await fetcher().fetchPage(`${base}/article`)).body).toBe(html);
  });
});

describe('conditional GET', () => {
  const state: FeedState = { url: '', etag: '"v42"', lastModified: 'Wed, 04 Feb 2026 18:00:00 GMT', consecutiveFailures: 0 };

  it('sends the validators kept from the last fetch', async () => {
    respond('/feed', { status: 304 });
    await fetcher().fetchFeed({ url: `${base}/feed` }, { ...state, url: `${base}/feed` });
    expect(received[0]?.headers['if-none-match']).toBe('"v42"');
    expect(received[0]?.headers['if-modified-since']).toBe('Wed, 04 Feb 2026 18:00:00 GMT');
  });

  it('sends no validators for a feed without state', async () => {
    respond('/feed', { body: RSS });
    await fetcher().fetchFeed({ url: `${base}/feed` }, undefined);
    expect(received[0]?.headers).not.toHaveProperty('if-none-match');
    expect(received[0]?.headers).not.toHaveProperty('if-modified-since');
  });

  it('reports a 304 as unchanged', async () => {
    respond('/feed', { status: 304 });
    expect(await fetcher().fetchFeed({ url: `${base}/feed` }, { ...state, url: `${base}/feed` })).toEqual({ status: 'unchanged' });
  });

  it('returns the body, final URL and the new validators of a 200', async () => {
    respond('/feed', { headers: { etag: '"v43"', 'last-modified': 'Thu, 05 Feb 2026 08:30:00 GMT' }, body: RSS });
    expect(await fetcher().fetchFeed({ url: `${base}/feed` }, { ...state, url: `${base}/feed` })).toEqual({
      status: 'fetched',
      body: RSS,
      url: `${base}/feed`,
      etag: '"v43"',
      lastModified: 'Thu, 05 Feb 2026 08:30:00 GMT',
    });
  });

  it('treats a 304 to a request that carried no validators as an error', async () => {
    respond('/article', { status: 304 });
    const error = await fetchFailure(fetcher().fetchPage(`${base}/article`));
    expect(error.message).toBe(`HTTP 304 Not Modified from ${base}/article`);
  });
});

describe('the deadline', () => {
  it('gives up when the headers do not come in time', async () => {
    routes.set('/feed', () => {});
    const error = await fetchFailure(fetcher({ timeoutMs: 300 }).fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`timed out after 300 ms fetching ${base}/feed`);
  });

  it('gives up on a body that never ends', async () => {
    routes.set('/feed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss><channel><title>Detainee transfers</title>');
    });
    const error = await fetchFailure(fetcher({ timeoutMs: 300 }).fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`timed out after 300 ms fetching ${base}/feed`);
  });

  it('counts a host lookup that never answers', async () => {
    const error = await fetchFailure(
      fetcher({ timeoutMs: 300 }, { lookup: () => new Promise(() => {}) }).fetchFeed({ url: 'http://feeds.invalid/rss' }, undefined),
    );
    expect(error.message).toBe('timed out after 300 ms fetching http://feeds.invalid/rss');
  });
});

describe('the size cap', () => {
  it('reads a body of exactly maxBytes', async () => {
    respond('/feed', { body: 'x'.repeat(2048) });
    expect(await fetchedBody(fetcher({ maxBytes: 2048 }), `${base}/feed`)).toHaveLength(2048);
  });

  it('refuses a body one byte over maxBytes, naming the cap', async () => {
    respond('/feed', { body: 'x'.repeat(2049) });
    const error = await fetchFailure(fetcher({ maxBytes: 2048 }).fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`response from ${base}/feed is larger than 2048 bytes (the maxBytes setting)`);
  });

  it('counts decompressed bytes, so a small gzip bomb is refused', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    respond('/feed', { headers: { 'content-encoding': 'gzip' }, body: bomb });
    const error = await fetchFailure(fetcher({ maxBytes: 1024 * 1024 }).fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`response from ${base}/feed is larger than 1048576 bytes (the maxBytes setting)`);
  });

  it('holds a page to the same cap', async () => {
    respond('/article', { body: 'x'.repeat(4096) });
    const error = await fetchFailure(fetcher({ maxBytes: 2048 }).fetchPage(`${base}/article`));
    expect(error.message).toBe(`response from ${base}/article is larger than 2048 bytes (the maxBytes setting)`);
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i to its Location, resolved against the current URL', async (status) => {
    redirect('/old/feed', '../new/feed', status);
    respond('/new/feed', { body: RSS });
    expect(await fetcher().fetchFeed({ url: `${base}/old/feed` }, undefined)).toEqual({
      status: 'fetched',
      body: RSS,
      url: `${base}/new/feed`,
    });
  });

  it('follows as many redirects as maxRedirects allows', async () => {
    redirect('/1', '/2');
    redirect('/2', '/3');
    respond('/3', { body: RSS });
    expect(await fetchedBody(fetcher({ maxRedirects: 2 }), `${base}/1`)).toBe(RSS);
  });

  it('refuses one redirect more than maxRedirects', async () => {
    redirect('/1', '/2');
    redirect('/2', '/3');
    redirect('/3', '/4');
    respond('/4', { body: RSS });
    const error = await fetchFailure(fetcher({ maxRedirects: 2 }).fetchFeed({ url: `${base}/1` }, undefined));
    expect(error.message).toBe(`more than 2 redirects from ${base}/1 (the maxRedirects setting)`);
    expect(received.map((request) => request.path)).toEqual(['/1', '/2', '/3']);
  });

  it('stops at a redirect loop, naming the URL it came back to', async () => {
    redirect('/a', '/b');
    redirect('/b', '/a');
    const error = await fetchFailure(fetcher({ maxRedirects: 10 }).fetchFeed({ url: `${base}/a` }, undefined));
    expect(error.message).toBe(`redirect loop at ${base}/a (redirected to again from ${base}/b)`);
  });

  it('refuses a redirect to a scheme other than http or https', async () => {
    redirect('/feed', 'file:///etc/passwd');
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe('refused: file:///etc/passwd is not an http or https URL');
  });

  it('reports a redirect without a Location header', async () => {
    respond('/feed', { status: 301 });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`HTTP 301 redirect from ${base}/feed has no Location header`);
  });

  it('looks up the host of every hop, so that each one is checked', async () => {
    const lookup = fixedLookup('127.0.0.1');
    routes.set('/feed', (request, response) => {
      const next = request.headers.host?.startsWith('first.invalid') ? `http://second.invalid:${port}/feed` : undefined;
      if (next) response.writeHead(302, { location: next }).end();
      else response.end(RSS);
    });
    const outcome = await fetcher({}, { lookup }).fetchFeed({ url: `http://first.invalid:${port}/feed` }, undefined);
    expect(outcome).toEqual({ status: 'fetched', body: RSS, url: `http://second.invalid:${port}/feed` });
    expect(lookup.hosts).toEqual(['first.invalid', 'second.invalid']);
  });

  it('returns the final URL of a page', async () => {
    redirect('/story', '/2026/02/05/story');
    respond('/2026/02/05/story', { body: '<html></html>' });
    expect(await fetcher().fetchPage(`${base}/story`)).toEqual({ body: '<html></html>', url: `${base}/2026/02/05/story` });
  });
});

describe('schemes', () => {
  it.each(['ftp://feeds.example.org/rss.xml', 'file:///etc/passwd', 'gopher://feeds.example.org/', 'data:text/xml,<rss version="2.0"/>'])(
    'refuses %s',
    async (url) => {
      const error = await fetchFailure(fetcher().fetchFeed({ url }, undefined));
      expect(error.message).toBe(`refused: ${url} is not an http or https URL`);
    },
  );

  it('reports a URL that does not parse', async () => {
    const error = await fetchFailure(fetcher().fetchPage('not a url'));
    expect(error.message).toBe('invalid URL: not a url');
  });
});

describe('the address policy, when private hosts are not allowed', () => {
  const strict = { allowPrivateHosts: false };

  it('refuses a loopback IPv4 address without sending the request', async () => {
    const error = await fetchFailure(fetcher(strict).fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe('refused: 127.0.0.1 is a loopback address (set allowPrivateHosts to allow it)');
    expect(received).toEqual([]);
  });

  it('refuses the IPv6 loopback address', async () => {
    const error = await fetchFailure(fetcher(strict).fetchFeed({ url: `http://[::1]:${port}/feed` }, undefined));
    expect(error.message).toBe('refused: ::1 is a loopback address (set allowPrivateHosts to allow it)');
    expect(received).toEqual([]);
  });

  it('refuses a loopback address written as IPv4-mapped IPv6', async () => {
    const error = await fetchFailure(fetcher(strict).fetchFeed({ url: `http://[::ffff:127.0.0.1]:${port}/feed` }, undefined));
    expect(error.message).toBe('refused: ::ffff:7f00:1 is a loopback address (set allowPrivateHosts to allow it)');
    expect(received).toEqual([]);
  });

  it('refuses the cloud metadata service', async () => {
    const error = await fetchFailure(fetcher(strict).fetchPage('http://169.254.169.254/latest/meta-data/'));
    expect(error.message).toBe('refused: 169.254.169.254 is a link-local address (set allowPrivateHosts to allow it)');
  });

  it('refuses a host name that resolves to a private address', async () => {
    const lookup = fixedLookup('10.0.0.5');
    const error = await fetchFailure(fetcher(strict, { lookup }).fetchFeed({ url: 'http://intranet.invalid/feed' }, undefined));
    expect(error.message).toBe(
      'refused: intranet.invalid resolves to 10.0.0.5, which is a private address (set allowPrivateHosts to allow it)',
    );
    expect(lookup.hosts).toEqual(['intranet.invalid']);
  });

  it.each([
    ['the Lambda runtime API', 'http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', '127.0.0.1 is a loopback address'],
    ['loopback written short', 'http://127.1/feed', '127.0.0.1 is a loopback address'],
    ['loopback written as one hexadecimal number', 'http://0x7f000001/feed', '127.0.0.1 is a loopback address'],
    ['loopback written as one decimal number', 'http://2130706433/feed', '127.0.0.1 is a loopback address'],
    ['10.0.0.0/8', 'http://10.1.2.3/feed', '10.1.2.3 is a private address'],
    ['172.16.0.0/12', 'http://172.31.255.254/feed', '172.31.255.254 is a private address'],
    ['192.168.0.0/16', 'http://192.168.1.1/feed', '192.168.1.1 is a private address'],
    ['169.254.0.0/16', 'http://169.254.0.1/feed', '169.254.0.1 is a link-local address'],
    ['fe80::/10', 'http://[fe80::1]/feed', 'fe80::1 is a link-local address'],
    ['fc00::/7, where the IPv6 metadata service is', 'http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254 is a unique-local address'],
    ['100.64.0.0/10', 'http://100.64.0.1/feed', '100.64.0.1 is a carrier-grade NAT address'],
    ['0.0.0.0', 'http://0.0.0.0/feed', '0.0.0.0 is an unspecified address'],
    ['::', 'http://[::]/feed', ':: is an unspecified address'],
  ])('refuses %s (%s) before connecting', async (_range, url, reason) => {
    const error = await fetchFailure(fetcher(strict).fetchFeed({ url }, undefined));
    expect(error.message).toBe(`refused: ${reason} (set allowPrivateHosts to allow it)`);
  });

  it('refuses localhost, judged by the address the system resolves it to', async () => {
    const error = await fetchFailure(fetcher(strict).fetchFeed({ url: `http://localhost:${port}/feed` }, undefined));
    expect(error.message).toMatch(/^refused: localhost resolves to (?:127\.0\.0\.1|::1), which is a loopback address/);
    expect(received).toEqual([]);
  });

  it('refuses a host name that resolves to a loopback address', async () => {
    const error = await fetchFailure(
      fetcher(strict, { lookup: fixedLookup('127.0.0.1') }).fetchFeed({ url: `http://feeds.invalid:${port}/feed` }, undefined),
    );
    expect(error.message).toBe(
      'refused: feeds.invalid resolves to 127.0.0.1, which is a loopback address (set allowPrivateHosts to allow it)',
    );
    expect(received).toEqual([]);
  });

  it('refuses a host name when any one of its addresses is restricted', async () => {
    const lookup = fixedLookup('93.184.215.14', '::1');
    const error = await fetchFailure(fetcher(strict, { lookup }).fetchFeed({ url: 'http://mixed.invalid/feed' }, undefined));
    expect(error.message).toBe('refused: mixed.invalid resolves to ::1, which is a loopback address (set allowPrivateHosts to allow it)');
  });
});

describe('the address policy at every hop, when private hosts are not allowed', () => {
  /** The test server, on 127.0.0.1, stands for a server on the internet; every other address is judged as usual. */
  const publicLoopback = (address: string) => (address === '127.0.0.1' ? undefined : restrictedRange(address));

  /** A lookup that answers each host with its own addresses. */
  function hostsLookup(hosts: Record<string, string>): HostLookup {
    return async (hostname) => {
      const address = hosts[hostname];
      return address === undefined ? [] : [{ address, family: 4 }];
    };
  }

  it('refuses a redirect from a public host to the metadata service', async () => {
    redirect('/feed', 'http://169.254.169.254/latest/meta-data/');
    const f = fetcher({ allowPrivateHosts: false }, { addressPolicy: publicLoopback });
    const error = await fetchFailure(f.fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe('refused: 169.254.169.254 is a link-local address (set allowPrivateHosts to allow it)');
    expect(received.map((request) => request.path)).toEqual(['/feed']);
  });

  it('refuses a redirect from a public host to a host name that resolves to a private address', async () => {
    redirect('/feed', 'http://intranet.invalid/feed');
    const lookup = hostsLookup({ 'news.invalid': '127.0.0.1', 'intranet.invalid': '10.0.0.5' });
    const f = fetcher({ allowPrivateHosts: false }, { addressPolicy: publicLoopback, lookup });
    const error = await fetchFailure(f.fetchFeed({ url: `http://news.invalid:${port}/feed` }, undefined));
    expect(error.message).toBe(
      'refused: intranet.invalid resolves to 10.0.0.5, which is a private address (set allowPrivateHosts to allow it)',
    );
  });

  it('connects to the public address it checked, even when the host resolves to a private one later (DNS rebinding)', async () => {
    // Where a second, rebound answer would lead: a loopback address the policy refuses, with a server that notes any request.
    const privateServer = createServer((request, response) => {
      received.push({ path: `private:${request.url}`, headers: request.headers });
      response.end(RSS);
    });
    await new Promise<void>((resolve) => privateServer.listen(port, '127.0.0.2', resolve));
    try {
      let answers = 0;
      const rebinding: HostLookup = async () => [{ address: answers++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
      respond('/feed', { body: RSS });
      const f = fetcher({ allowPrivateHosts: false }, { addressPolicy: publicLoopback, lookup: rebinding });
      expect(await fetchedBody(f, `http://rebind.invalid:${port}/feed`)).toBe(RSS);
      expect(received.map((request) => request.path)).toEqual(['/feed']);
      expect(answers).toBe(1);
    } finally {
      await new Promise((resolve) => privateServer.close(resolve));
    }
  });
});

describe('the address policy, when private hosts are allowed', () => {
  it('fetches from a loopback address', async () => {
    respond('/feed', { body: RSS });
    expect(await fetchedBody(fetcher({ allowPrivateHosts: true }), `${base}/feed`)).toBe(RSS);
  });

  it('connects to the address that was checked rather than resolving the host again', async () => {
    // .invalid never resolves in DNS: the fetch can only succeed by connecting to the checked address.
    const lookup = fixedLookup('127.0.0.1');
    respond('/feed', { body: RSS });
    expect(await fetchedBody(fetcher({}, { lookup }), `http://pinned.invalid:${port}/feed`)).toBe(RSS);
    expect(lookup.hosts).toEqual(['pinned.invalid']);
  });
});

describe('connections', () => {
  it('opens a connection of its own for every request, so none outlives the address check it was made after', async () => {
    const clientPorts: number[] = [];
    routes.set('/feed', (request, response) => {
      clientPorts.push(request.socket.remotePort ?? 0);
      response.end(RSS);
    });
    const f = fetcher();
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    expect(clientPorts).toHaveLength(2);
    expect(clientPorts[0]).not.toBe(clientPorts[1]);
  });

  it('sends the Host header of the URL while connecting to the checked address', async () => {
    respond('/feed', { body: RSS });
    await fetcher({}, { lookup: fixedLookup('127.0.0.1') }).fetchFeed({ url: `http://pinned.invalid:${port}/feed` }, undefined);
    expect(received[0]?.headers.host).toBe(`pinned.invalid:${port}`);
  });
});

describe('HTTP errors', () => {
  it('reports a 404 with its status and URL', async () => {
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/missing` }, undefined));
    expect(error.message).toBe(`HTTP 404 Not Found from ${base}/missing`);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reports a 500', async () => {
    respond('/feed', { status: 500, body: 'stack trace' });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`HTTP 500 Internal Server Error from ${base}/feed`);
  });

  it('passes on the seconds of a 429 Retry-After', async () => {
    respond('/feed', { status: 429, headers: { 'retry-after': '120' } });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`HTTP 429 Too Many Requests from ${base}/feed (retry after 120 s)`);
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('turns a 503 Retry-After date into seconds from now', async () => {
    respond('/feed', { status: 503, headers: { 'retry-after': new Date(START + 300_000).toUTCString() } });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`HTTP 503 Service Unavailable from ${base}/feed (retry after 300 s)`);
    expect(error.retryAfterSeconds).toBe(300);
  });

  it('leaves retryAfterSeconds unset for a 503 without Retry-After', async () => {
    respond('/feed', { status: 503 });
    const error = await fetchFailure(fetcher().fetchFeed({ url: `${base}/feed` }, undefined));
    expect(error.message).toBe(`HTTP 503 Service Unavailable from ${base}/feed`);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('says so when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await fetchFailure(fetcher().fetchFeed({ url: `http://127.0.0.1:${closedPort}/feed` }, undefined));
    expect(error.message).toBe(
      `could not fetch http://127.0.0.1:${closedPort}/feed: the connection was refused (is the server up and the port right?)`,
    );
  });
});

describe('spacing requests to one host', () => {
  beforeEach(() => respond('/feed', { body: RSS }));

  function spaced(clock: ReturnType<typeof fakeClock>, lookup?: HostLookup): FeedFetcher {
    return createHttpFetcher(settings({ hostSpacingMs: 1_000 }), { now: clock.now, sleep: clock.sleep, ...(lookup ? { lookup } : {}) });
  }

  it('does not wait before the first request to a host', async () => {
    const clock = fakeClock();
    await spaced(clock).fetchFeed({ url: `${base}/feed` }, undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it('waits the whole gap before a second request that follows at once', async () => {
    const clock = fakeClock();
    const f = spaced(clock);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('waits only what is left of the gap', async () => {
    const clock = fakeClock();
    const f = spaced(clock);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    clock.advance(400);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    expect(clock.sleeps).toEqual([600]);
  });

  it('does not wait once the gap has passed', async () => {
    const clock = fakeClock();
    const f = spaced(clock);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    clock.advance(1_500);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it('spaces requests made at the same moment one gap apart each', async () => {
    const clock = fakeClock();
    const f = spaced(clock);
    await Promise.all([1, 2, 3].map(() => f.fetchFeed({ url: `${base}/feed` }, undefined)));
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    expect(received).toHaveLength(3);
  });

  it('does not make different hosts wait for each other', async () => {
    const clock = fakeClock();
    const f = spaced(clock, fixedLookup('127.0.0.1'));
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    await f.fetchFeed({ url: `http://localhost:${port}/feed` }, undefined);
    expect(clock.sleeps).toEqual([]);
  });

  it('spaces a page after a feed on the same host', async () => {
    const clock = fakeClock();
    const f = spaced(clock);
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    await f.fetchPage(`${base}/feed`);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it('sends nothing to the host until the wait is over', async () => {
    const sleeps: number[] = [];
    let endWait = (): void => {};
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => (endWait = resolve));
    };
    const f = createHttpFetcher(settings({ hostSpacingMs: 1_000 }), { now: () => START, sleep, lookup: fixedLookup('127.0.0.1') });
    await f.fetchFeed({ url: `${base}/feed` }, undefined);
    const second = f.fetchFeed({ url: `${base}/feed` }, undefined);
    await vi.waitFor(() => expect(sleeps).toEqual([1_000]));
    // A whole round trip to another host while the second request waits: had it been sent, it would be here by now.
    await f.fetchFeed({ url: `http://localhost:${port}/feed` }, undefined);
    expect(received.map((request) => request.headers.host)).toEqual([`127.0.0.1:${port}`, `localhost:${port}`]);
    endWait();
    await second;
    expect(received.map((request) => request.headers.host)).toEqual([`127.0.0.1:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  });
});
