/**
 * The deployed query function, run in-process with the environment its stack gives it and the
 * AWS SDK pointed at a DynamoDB API served by dynalite and at moto's Secrets Manager, which holds
 * the cursor key, sent the events API Gateway sends.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpApiEvent, HttpApiResult } from '../../lambdas/adapters/http/api-gateway-http.js';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { observation, record } from '../support/seeded-store.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';

let dynamo: EmbeddedDynamoDb;
let moto: MotoServer;
/** The ARNs of two secrets, each holding a key of 64 letters and digits as the stack generates one. */
let cursorKey: string;
let otherCursorKey: string;

const feed = { url: 'https://levantwire.example/rss', consecutiveFailures: 2, lastError: 'HTTP 503 Service Unavailable' };

function event(method: string, rawPath: string, rawQueryString = '', headers: Record<string, string> = {}): HttpApiEvent {
  return { rawPath, rawQueryString, headers, requestContext: { http: { method } } };
}

async function createSecret(name: string, value: string): Promise<string> {
  const client = new SecretsManagerClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const { ARN } = await client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  client.destroy();
  return ARN!;
}

/** The handler as a cold start with `tableName`, the secret `secretArn` (and `corsOrigins`, when given) makes it. */
async function coldStart(
  tableName: string,
  { corsOrigins, secretArn = cursorKey }: { corsOrigins?: string; secretArn?: string } = {},
): Promise<(event: HttpApiEvent) => Promise<HttpApiResult>> {
  vi.stubEnv('TABLE_NAME', tableName);
  vi.stubEnv('CURSOR_KEY_SECRET_ARN', secretArn);
  if (corsOrigins !== undefined) vi.stubEnv('CORS_ORIGINS', corsOrigins);
  vi.stubEnv('AWS_ENDPOINT_URL', dynamo.endpoint);
  vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', moto.endpoint);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.resetModules();
  return (await import('../../lambdas/query/handler.js')).handler;
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamoDb();
  moto = await startMotoServer();
  const store = createDynamoStore(dynamo.client, dynamo.tableName);
  await store.saveFeedState(feed);
  await record(store, observation(150, '2026-02-01T06:00:00.000Z'), '2026-02-01T07:00:00.000Z');
  await record(store, observation(1380, '2026-02-02T06:00:00.000Z'), '2026-02-02T07:00:00.000Z');
  cursorKey = await createSecret('QueryCursorKey', 'a'.repeat(32) + 'B'.repeat(32));
  otherCursorKey = await createSecret('OtherCursorKey', 'C'.repeat(64));
}, MOTO_SETUP_TIMEOUT_MS);
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(async () => {
  await dynamo?.close();
  await moto?.stop();
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
    const handler = await coldStart(dynamo.tableName, { corsOrigins: 'https://dashboard.example, https://other.example' });
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
    await expect(coldStart(dynamo.tableName, { corsOrigins: 'https://dashboard.example/' })).rejects.toThrow(
      'invalid configuration in environment: CORS_ORIGINS.0: must be an origin like https://example.org (no path, no trailing slash), or *',
    );
  });

  it('fails its cold start naming a secret it cannot read, and shows no key', async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:NoSuchKey-AbCdEf';
    await expect(coldStart(dynamo.tableName, { secretArn: missing })).rejects.toThrow(
      `cannot read the cursor key from secret ${missing}: ResourceNotFoundException`,
    );
  });
});

describe('the cursors of the query function', () => {
  const changes = (handler: (event: HttpApiEvent) => Promise<HttpApiResult>, query: string) =>
    handler(event('GET', '/changes', query)).then(({ statusCode, body }) => ({
      statusCode,
      body: JSON.parse(body) as Record<string, unknown>,
    }));

  it('are signed with the key of its secret, read once at cold start: another instance with the secret resumes the list', async () => {
    const read = vi.spyOn(SecretsManagerClient.prototype, 'send');
    const handler = await coldStart(dynamo.tableName);
    const first = await changes(handler, 'limit=1');
    await changes(handler, 'limit=1');
    expect(read).toHaveBeenCalledTimes(1);
    const next = first.body.next as string;
    expect(next).toMatch(/^[\w-]+\.[\w-]{43}$/);
    const resumed = await changes(await coldStart(dynamo.tableName), `cursor=${next}`);
    expect([resumed.statusCode, (resumed.body.changes as Array<{ createdAt: string }>).map((change) => change.createdAt)]).toEqual([
      200,
      ['2026-02-02T07:00:00.000Z'],
    ]);
  });

  it('are refused, naming `cursor`, by an instance whose secret holds another key', async () => {
    const { body } = await changes(await coldStart(dynamo.tableName), 'limit=1');
    const other = await coldStart(dynamo.tableName, { secretArn: otherCursorKey });
    expect(await changes(other, `cursor=${body.next as string}`)).toEqual({
      statusCode: 400,
      body: { error: 'cursor must be a cursor given by /changes, unchanged' },
    });
  });
});

describe('a request with a body', () => {
  it('over 8 KB, as API Gateway sends it in base64, is answered 413 as JSON', async () => {
    const handler = await coldStart(dynamo.tableName);
    const result = await handler({ ...event('GET', '/feeds'), body: Buffer.alloc(8193).toString('base64'), isBase64Encoded: true });
    expect([result.statusCode, JSON.parse(result.body)]).toEqual([
      413,
      { error: 'the request body is over 8192 bytes; the API reads none' },
    ]);
  });

  it('of 8 KB or less, is answered as without one', async () => {
    const handler = await coldStart(dynamo.tableName);
    const result = await handler({ ...event('GET', '/feeds'), body: 'x'.repeat(8192) });
    expect([result.statusCode, JSON.parse(result.body)]).toEqual([200, { feeds: [feed] }]);
  });
});
