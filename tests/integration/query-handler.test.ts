/**
 * The deployed query function, run in-process with the environment its stack gives it and the
 * AWS SDK pointed at a DynamoDB API served by dynalite, sent the events API Gateway sends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpApiEvent, HttpApiResult } from '../../lambdas/adapters/http/api-gateway-http.js';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';

let dynamo: EmbeddedDynamoDb;

const feed = { url: 'https://levantwire.example/rss', consecutiveFailures: 2, lastError: 'HTTP 503 Service Unavailable' };

function event(method: string, rawPath: string, rawQueryString = '', headers: Record<string, string> = {}): HttpApiEvent {
  return { rawPath, rawQueryString, headers, requestContext: { http: { method } } };
}

/** The handler as a cold start with `tableName` (and `corsOrigins`, when given) makes it. */
async function coldStart(tableName: string, corsOrigins?: string): Promise<(event: HttpApiEvent) => Promise<HttpApiResult>> {
  vi.stubEnv('TABLE_NAME', tableName);
  if (corsOrigins !== undefined) vi.stubEnv('CORS_ORIGINS', corsOrigins);
  vi.stubEnv('AWS_ENDPOINT_URL', dynamo.endpoint);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.resetModules();
  return (await import('../../lambdas/query/handler.js')).handler;
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  await createDynamoStore(dynamo.client, dynamo.tableName).saveFeedState(feed);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await dynamo.close();
});

describe('the query function', () => {
  it('answers an API Gateway request from its table, as JSON a cache must check again before using', async () => {
    const handler = await coldStart(dynamo.tableName);
    expect(await handler(event('GET', '/feeds'))).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'application/json',
        'x-content-type-options': 'nosniff',
        etag: expect.stringMatching(/^"[\w-]+"$/),
        'cache-control': 'no-cache',
      },
      body: JSON.stringify({ feeds: [feed] }),
    });
  });

  it('answers 304 without a body to a caller that has the answer already', async () => {
    const handler = await coldStart(dynamo.tableName);
    const { headers } = await handler(event('GET', '/feeds'));
    const again = await handler(event('GET', '/feeds', '', { 'if-none-match': headers.etag! }));
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });

  it('answers a bad parameter, read from the raw query string, with 400 naming it', async () => {
    const handler = await coldStart(dynamo.tableName);
    const result = await handler(event('GET', '/runs', 'limit=500'));
    expect([result.statusCode, JSON.parse(result.body)]).toEqual([400, { error: 'limit must be a whole number from 1 to 100' }]);
  });

  it('lets a page of an origin CORS_ORIGINS names read the answer', async () => {
    const handler = await coldStart(dynamo.tableName, 'https://dashboard.example, https://other.example');
    const { headers } = await handler(event('GET', '/feeds', '', { origin: 'https://other.example' }));
    expect(headers).toMatchObject({ 'access-control-allow-origin': 'https://other.example', vary: 'Origin' });
  });

  it('lets no page of another origin read the answer when CORS_ORIGINS is absent', async () => {
    const handler = await coldStart(dynamo.tableName);
    const { headers } = await handler(event('GET', '/feeds', '', { origin: 'https://dashboard.example' }));
    expect(headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('answers 500 without saying why when the table fails it, and logs the error', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const handler = await coldStart('no-such-table');
    const result = await handler(event('GET', '/series'));
    expect([result.statusCode, result.body]).toEqual([500, '{"error":"internal error"}']);
    const line = JSON.parse(String(logged.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'query failed',
      service: 'transfer-watch-query',
      path: '/series',
      error: { name: 'ResourceNotFoundException' },
    });
  });

  it('fails its cold start naming a missing table setting', async () => {
    await expect(coldStart('')).rejects.toThrow(/invalid configuration in environment: TABLE_NAME: /);
  });

  it('fails its cold start naming an origin CORS_ORIGINS gives wrong', async () => {
    await expect(coldStart(dynamo.tableName, 'https://dashboard.example/')).rejects.toThrow(
      'invalid configuration in environment: CORS_ORIGINS.0: must be an origin like https://example.org (no path, no trailing slash), or *',
    );
  });
});
