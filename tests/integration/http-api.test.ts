/**
 * Specification of the query API over HTTP, as both carriers (the Lambda, `transfer-watch serve`)
 * serve it: entity tags and caching, CORS, refusals, the OpenAPI document and the dashboard,
 * answered from a real DynamoDB API (dynalite, in-process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, type HttpApiOptions, type HttpResponse } from '../../lambdas/adapters/http/http-api.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import { hmacCursorSigner } from '../../lambdas/core/query/cursor-signer.js';
import type { OpenApiDocument } from '../../lambdas/core/query/openapi.js';
import { ROUTES } from '../../lambdas/core/query/routes.js';
import { emptyStore, observation, record } from '../support/seeded-store.js';

let dynamo: EmbeddedDynamoDb;
let store: Store;

const DASHBOARD_ORIGIN = 'https://dashboard.example';

/** What Object.prototype has before any request: no request may add to it. */
const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

/** Sends `target` (a path with its raw query string) as a carrier would. */
function send(
  target: string,
  {
    method = 'GET',
    headers = {},
    bodyBytes = 0,
    options = {},
    from = store,
  }: { method?: string; headers?: Record<string, string>; bodyBytes?: number; options?: Partial<HttpApiOptions>; from?: Store } = {},
): Promise<HttpResponse> {
  const mark = target.indexOf('?');
  const [path, query] = mark < 0 ? [target, ''] : [target.slice(0, mark), target.slice(mark + 1)];
  return respond(
    from,
    { method, path, query, headers, bodyBytes },
    { corsOrigins: [DASHBOARD_ORIGIN], signer: hmacCursorSigner(Buffer.alloc(32, 'http-api')), onError: () => {}, ...options },
  );
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  store = await emptyStore(dynamo, 'http-api');
  await record(store, observation(150, '2026-02-01T06:00:00.000Z'), '2026-02-01T07:00:00.000Z');
  for (const alert of await store.pendingAlerts()) await store.markAlertSent(alert, '2026-02-01T07:01:00.000Z');
  await record(store, observation(1380, '2026-02-05T12:00:00.000Z'), '2026-02-05T13:00:00.000Z');
  await store.saveFeedState({ url: 'https://levantwire.example/rss', consecutiveFailures: 0, lastSuccess: '2026-02-05T12:30:00.000Z' });
  await store.saveRun({
    id: 'run-1',
    startedAt: '2026-02-05T13:00:00.000Z',
    finishedAt: '2026-02-05T13:01:00.000Z',
    feeds: 1,
    fetched: 1,
    unchanged: 0,
    waiting: 0,
    failed: 0,
    items: 3,
    figures: 1,
    sent: 1,
    unsent: 0,
  });
});
afterAll(async () => {
  await dynamo.close();
});

describe('an answer read', () => {
  it('carries a strong entity tag made from its body', async () => {
    const [first, second] = await Promise.all([send('/series'), send('/series')]);
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('tells caches to check it again before using it', async () => {
    expect((await send('/series')).headers['cache-control']).toBe('no-cache');
  });

  it('is JSON the browser may not take for anything else', async () => {
    expect((await send('/series')).headers).toMatchObject({ 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
  });

  it('is answered 304 without a body when If-None-Match names its tag', async () => {
    const { headers } = await send('/changes?limit=1');
    const again = await send('/changes?limit=1', { headers: { 'if-none-match': headers.etag! } });
    expect(again).toEqual({ status: 304, headers: { etag: headers.etag, 'cache-control': 'no-cache', vary: 'Origin' }, body: '' });
  });

  it('is answered 304 when If-None-Match names its tag weakly, among others', async () => {
    const { headers } = await send('/feeds');
    const again = await send('/feeds', { headers: { 'if-none-match': `"older", W/${headers.etag!}` } });
    expect(again.status).toBe(304);
  });

  it('is answered in full, with a new tag, once what it shows has moved', async () => {
    const moving = await emptyStore(dynamo, 'http-api');
    await record(moving, observation(150, '2026-02-01T06:00:00.000Z'), '2026-02-01T07:00:00.000Z');
    const before = await send('/series', { from: moving });
    await record(moving, observation(1380, '2026-02-05T12:00:00.000Z'), '2026-02-05T13:00:00.000Z');
    const after = await send('/series', { from: moving, headers: { 'if-none-match': before.headers.etag! } });
    expect([after.status, after.headers.etag === before.headers.etag]).toEqual([200, false]);
  });
});

describe('a request refused', () => {
  it('is answered with its error, which no cache keeps and no tag names', async () => {
    const answer = await send('/runs?limit=0');
    expect(answer).toEqual({
      status: 400,
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', vary: 'Origin' },
      body: '{"error":"limit must be a whole number from 1 to 100"}',
    });
  });

  it('is answered 404 on a path the API does not know', async () => {
    const answer = await send('/alerts');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([404, { error: 'no such path: /alerts' }]);
  });

  it('is answered 405 naming GET, on a document as on a route', async () => {
    const answers = await Promise.all(['/openapi.json', '/', '/series'].map((path) => send(path, { method: 'POST' })));
    expect(answers.map(({ status, headers, body }) => [status, headers.allow, JSON.parse(body)])).toEqual(
      Array(3).fill([405, 'GET', { error: 'POST is not allowed: the API only reads, with GET' }]),
    );
  });

  it('when a parameter is given twice, names it', async () => {
    const answer = await send('/runs?limit=5&limit=6');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([400, { error: 'limit is given more than once' }]);
  });

  it('when the store fails, is answered 500 saying nothing of why, and the carrier is told the error', async () => {
    const failure = new Error('ResourceNotFoundException: table transfer-watch gone');
    const failing = { listSeries: () => Promise.reject(failure) } as unknown as Store;
    const told: unknown[] = [];
    const answer = await send('/series', { from: failing, options: { onError: (error) => told.push(error) } });
    expect([answer.status, answer.headers['cache-control'], answer.body, told]).toEqual([
      500,
      'no-store',
      '{"error":"internal error"}',
      [failure],
    ]);
  });
});

describe('a request too large', () => {
  it('with a body over 8 KB is answered 413, whatever its method and path, as JSON no cache keeps', async () => {
    for (const [target, method] of [
      ['/series', 'GET'],
      ['/series', 'POST'],
      ['/alerts', 'PUT'],
    ] as const) {
      const answer = await send(target, { method, bodyBytes: 8 * 1024 + 1, headers: { origin: DASHBOARD_ORIGIN } });
      expect([answer.status, answer.headers, JSON.parse(answer.body)]).toEqual([
        413,
        expect.objectContaining({
          'content-type': 'application/json',
          'cache-control': 'no-store',
          'access-control-allow-origin': DASHBOARD_ORIGIN,
        }),
        { error: 'the request body is over 8192 bytes; the API reads none' },
      ]);
    }
  });

  it('with a body of 8 KB or less is answered as without one: a GET’s body is ignored', async () => {
    const [without, withBody] = await Promise.all([send('/series'), send('/series', { bodyBytes: 8 * 1024 })]);
    expect(withBody).toEqual(without);
  });

  it('with a URL over 4 KB is answered 414', async () => {
    for (const target of [`/series/${'m'.repeat(4096)}`, `/changes?metric=${'m'.repeat(100 * 1024)}`]) {
      const answer = await send(target);
      expect([answer.status, JSON.parse(answer.body)]).toEqual([414, { error: 'the URL is over 4096 characters' }]);
    }
  });

  it('with a thousand parameters is refused, without their names listed back', async () => {
    const distinct = await send(`/changes?${Array.from({ length: 1000 }, (_, i) => `p${i}`).join('&')}`);
    const short = await send(`/changes?${Array.from({ length: 1000 }, (_, i) => i.toString(36)).join('&')}`);
    const repeated = await send(`/changes?${'a&'.repeat(1000)}`);
    expect([distinct, short, repeated].map((answer) => [answer.status, JSON.parse(answer.body)])).toEqual([
      [414, { error: 'the URL is over 4096 characters' }],
      [400, { error: 'too many parameters: no route takes more than 10' }],
      [400, { error: 'a is given more than once' }],
    ]);
  });
});

describe('names that mean something to JavaScript', () => {
  it.each([
    ['/changes?__proto__[polluted]=1', 400],
    ['/changes?__proto__=1', 400],
    ['/changes?constructor=1&prototype=1', 400],
    ['/changes?metric=__proto__', 200],
    ['/changes?cursor=__proto__', 400],
    ['/series?toString=1', 400],
    ['/series/__proto__', 404],
    ['/series/constructor?facility=x', 404],
    ['/series/prototype?facility=__proto__', 404],
    ['/series/hasOwnProperty', 404],
    ['/__proto__', 404],
    ['/constructor', 404],
    ['/series/__proto__/polluted', 404],
  ])('are only names: %s is answered %i, and no object gains a property', async (target, status) => {
    const answer = await send(target, { headers: { __proto__: 'x', constructor: 'y' } as Record<string, string> });
    expect(answer.status).toBe(status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE);
  });
});

describe('CORS', () => {
  it('lets a page of an allowed origin read an answer, which caches keep apart by origin', async () => {
    const { headers } = await send('/series', { headers: { origin: DASHBOARD_ORIGIN } });
    expect(headers).toMatchObject({ 'access-control-allow-origin': DASHBOARD_ORIGIN, vary: 'Origin' });
  });

  it('lets a page of an allowed origin read a refusal too', async () => {
    const { status, headers } = await send('/alerts', { headers: { origin: DASHBOARD_ORIGIN } });
    expect([status, headers['access-control-allow-origin']]).toEqual([404, DASHBOARD_ORIGIN]);
  });

  it('gives a page of another origin no CORS header', async () => {
    const { headers } = await send('/series', { headers: { origin: 'https://elsewhere.example' } });
    expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('gives no CORS header, and no Vary, when no origin is allowed', async () => {
    const { headers } = await send('/series', { headers: { origin: DASHBOARD_ORIGIN }, options: { corsOrigins: [] } });
    expect([headers['access-control-allow-origin'], headers.vary]).toEqual([undefined, undefined]);
  });

  it('lets any page read an answer when `*` is allowed, with one answer for all', async () => {
    const { headers } = await send('/series', { headers: { origin: 'https://elsewhere.example' }, options: { corsOrigins: ['*'] } });
    expect([headers['access-control-allow-origin'], headers.vary]).toEqual(['*', undefined]);
  });

  it('answers the preflight of an allowed origin with what it may send, for two hours', async () => {
    const answer = await send('/series/detainees_transferred', {
      method: 'OPTIONS',
      headers: { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(answer).toEqual({
      status: 204,
      headers: {
        'access-control-allow-origin': DASHBOARD_ORIGIN,
        vary: 'Origin',
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256',
        'access-control-max-age': '7200',
      },
      body: '',
    });
  });

  it('answers the preflight of another origin without CORS headers, which the browser takes as a no', async () => {
    const answer = await send('/series', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect([answer.status, Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))]).toEqual([204, []]);
  });

  it('answers a preflight on a path the API does not know with 404', async () => {
    const answer = await send('/alerts', {
      method: 'OPTIONS',
      headers: { origin: DASHBOARD_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(answer.status).toBe(404);
  });
});

describe('GET /openapi.json', () => {
  let document: OpenApiDocument;

  beforeAll(async () => {
    const answer = await send('/openapi.json');
    expect(answer.status).toBe(200);
    document = JSON.parse(answer.body) as OpenApiDocument;
  });

  it('is an OpenAPI 3.1 document: info, paths of operations each with responses, schemas among its components', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toEqual({ title: expect.any(String), version: expect.any(String), description: expect.any(String) });
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path).toMatch(/^\//);
      expect(Object.keys(item)).toEqual(['get']);
      expect(item.get.operationId).toMatch(/^[a-zA-Z]+$/);
      expect(Object.keys(item.get.responses)).toContain('200');
      for (const response of Object.values(item.get.responses)) expect(response.description).not.toBe('');
      // Each {name} of a path is a required path parameter, and no path parameter is outside the path.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = item.get.parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => [parameter.name, parameter.required])).toEqual(inPath.map((name) => [name, true]));
    }
    expect(Object.keys(document.components.schemas).length).toBeGreaterThan(0);
  });

  it('refers only to schemas its components define', () => {
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of new Set(references)) {
      expect(reference).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas).toHaveProperty([reference.split('/').at(-1)!]);
    }
  });

  it('lists every route the API answers, and each is answered', async () => {
    expect(Object.keys(document.paths)).toEqual(['/series', '/series/{metric}', '/changes', '/feeds', '/runs']);
    const answers = await Promise.all(Object.keys(document.paths).map((path) => send(path.replace('{metric}', 'detainees_transferred'))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('lists every parameter: where it goes, whether it is required, its schema and what it means', () => {
    const parameters = Object.fromEntries(
      Object.entries(document.paths).map(([path, { get }]) => [
        path,
        get.parameters.map((parameter) => {
          expect(parameter.description).toEqual(expect.any(String));
          expect(parameter.schema).toHaveProperty('type');
          return `${parameter.in} ${parameter.name}${parameter.required ? ' (required)' : ''}`;
        }),
      ]),
    );
    expect(parameters).toEqual({
      '/series': [],
      '/series/{metric}': ['path metric (required)', 'query facility', 'query since'],
      '/changes': ['query since', 'query until', 'query metric', 'query cursor', 'query limit'],
      '/feeds': [],
      '/runs': ['query limit'],
    });
  });

  it('gives `limit` the bounds and default the API checks it with', async () => {
    const limits = ['/changes', '/runs'].map(
      (path) => document.paths[path]!.get.parameters.find((parameter) => parameter.name === 'limit')?.schema,
    );
    expect(limits).toEqual([
      { type: 'integer', minimum: 1, maximum: 100, default: 50 },
      { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    ]);
    const [atMost, above] = await Promise.all([send('/runs?limit=100'), send('/runs?limit=101')]);
    expect([atMost.status, above.status]).toEqual([200, 400]);
  });

  it('shows each error as {error}', () => {
    expect(document.components.schemas.Error).toEqual({
      type: 'object',
      properties: { error: { type: 'string', description: expect.any(String) } },
      required: ['error'],
      additionalProperties: false,
    });
    expect(document.paths['/series/{metric}']!.get.responses['404']?.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });

  it('shows no field that could hold a subscriber', () => {
    expect(JSON.stringify(document)).not.toMatch(/email|sms|phone|subscri/i);
  });
});

describe('the schemas the document shows the answers with', () => {
  it.each(ROUTES.map((route) => [route.path, route] as const))('describe what %s answers, field for field', async (path, route) => {
    const answer = await send(path.replace('{metric}', 'detainees_transferred'));
    const body: unknown = JSON.parse(answer.body);
    // Parsing leaves out any field the schema does not show, so an answer with one would differ.
    expect(route.body.parse(body)).toEqual(body);
  });
});

describe('GET /', () => {
  it('is the dashboard, HTML with a policy that lets only its own inline style and script run', async () => {
    const answer = await send('/');
    expect([answer.status, answer.body.slice(0, 15).toLowerCase()]).toEqual([200, '<!doctype html>']);
    expect(answer.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'cache-control': 'no-cache',
      etag: expect.stringMatching(/^"[\w-]{27}"$/),
    });
  });

  it('is answered 304 while the store has not moved, however much later it is asked for', async () => {
    const first = await send('/');
    const again = await send('/', { headers: { 'if-none-match': first.headers.etag! } });
    expect(again.status).toBe(304);
  });
});
