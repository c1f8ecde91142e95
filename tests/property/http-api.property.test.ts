/**
 * Whatever a caller sends, the HTTP API answers it without failing: any method, path, query string,
 * headers and body length sent to `respond`, against a real DynamoDB API (dynalite, in-process),
 * gets a status below 500; a refusal is JSON {error} that shows no stack nor file; and no request
 * adds anything to Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond, type HttpApiOptions, type HttpRequest } from '../../lambdas/adapters/http/http-api.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import { hmacCursorSigner } from '../../lambdas/core/query/cursor-signer.js';
import { PROJECT_ROOT } from '../../lib/constructs/bundled-function.js';
import { emptyStore, observation, record } from '../support/seeded-store.js';

let dynamo: EmbeddedDynamoDb;
let store: Store;
/** A cursor the API gave, so that the property also reaches a list resumed, and cursors altered from a real one. */
let cursor: string;

const unexpected: unknown[] = [];
const options: HttpApiOptions = {
  corsOrigins: ['https://dashboard.example'],
  signer: hmacCursorSigner(Buffer.alloc(32, 'property')),
  onError: (error) => unexpected.push(error),
};

const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  store = await emptyStore(dynamo, 'http-property');
  for (const [index, at] of ['2026-02-01T07:00:00.000Z', '2026-02-02T07:00:00.000Z', '2026-02-03T07:00:00.000Z'].entries())
    await record(store, observation(100 + index, at), at);
  const first = await respond(store, { method: 'GET', path: '/changes', query: 'limit=1', headers: {}, bodyBytes: 0 }, options);
  cursor = (JSON.parse(first.body) as { next: string }).next;
});
afterAll(async () => {
  await dynamo.close();
});

/** Any UTF-16 code unit, lone surrogates included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 });

/** Words the API knows, words JavaScript gives meaning to, and encodings a decoder may choke on. */
const MEANINGFUL = [
  'series',
  'changes',
  'feeds',
  'runs',
  'openapi.json',
  'detainees_transferred',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  '',
  '.',
  '..',
  '%2F',
  '%00',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
];

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MEANINGFUL) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  // Past what DynamoDB takes in a key, short of what the API refuses as too long a URL.
  { weight: 1, arbitrary: fc.string({ minLength: 1100, maxLength: 3000, unit: fc.constantFrom('m', 'é') }) },
);

/** Mostly the paths the API serves, so that most requests reach a route's parameters and the store. */
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('/', '/series', '/changes', '/feeds', '/runs', '/openapi.json') },
  { weight: 3, arbitrary: word.map((metric) => `/series/${metric}`) },
  { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`) },
  { weight: 1, arbitrary: anyText },
);

const PARAMETER_NAMES = ['since', 'until', 'metric', 'cursor', 'limit', 'facility'];

function query(validCursor: string) {
  const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PARAMETER_NAMES) }, { weight: 1, arbitrary: word });
  const value = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '1',
        '0',
        '-1',
        '100',
        '101',
        '1e2',
        ' 5',
        '2026-02-01',
        '2026-02-30',
        '2026-02-01T09:00',
        '2026-02-01T09:00:00+99:99',
        '9999-12-31T23:59:59.999999999Z',
        'detainees_transferred',
        validCursor,
        validCursor.slice(0, -1),
        `${validCursor}.`,
        validCursor.replace('.', ''),
        `${validCursor.split('.')[0]!.slice(1)}.${validCursor.split('.')[1]!}`,
      ),
    },
    { weight: 1, arbitrary: word },
  );
  const pair = fc.tuple(name, fc.option(value, { nil: undefined })).map(([n, v]) => (v === undefined ? n : `${n}=${v}`));
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(pair, { maxLength: 2 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: fc.array(pair, { maxLength: 12 }).map((pairs) => pairs.join('&')) },
    { weight: 1, arbitrary: anyText },
  );
}

const headers = fc.dictionary(
  fc.oneof(fc.constantFrom('origin', 'if-none-match', '__proto__', 'constructor', 'content-length', 'host'), fc.string({ maxLength: 20 })),
  fc.oneof(fc.constantFrom('https://dashboard.example', '*', '"x"', 'W/"x"', '__proto__'), anyText),
  { maxKeys: 5 },
);

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('GET') },
  fc.constantFrom('POST', 'OPTIONS', 'HEAD', 'PUT', 'DELETE', 'PATCH'),
  fc.string(),
);

const bodyBytes = fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, fc.nat({ max: 20_000 }));

/** What only a stack trace or a path on this machine would show. */
const LEAKS = [
  /\n\s+at /,
  /    at /,
  /\.ts:\d/,
  /\.m?js:\d/,
  /node_modules/,
  new RegExp(PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
];

describe('any request', () => {
  it('is answered below 500; a refusal is JSON {error} without a stack or a file; Object.prototype is untouched', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ method, path, query: query(cursor), headers, bodyBytes }), async (request: HttpRequest) => {
        const response = await respond(store, request, options);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers['content-type']).toBe('application/json');
          const body = JSON.parse(response.body) as Record<string, unknown>;
          expect(Object.keys(body)).toEqual(['error']);
          expect(body.error).toEqual(expect.any(String));
          for (const leak of LEAKS) expect(body.error).not.toMatch(leak);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE);
        expect(unexpected).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 120_000);
});
