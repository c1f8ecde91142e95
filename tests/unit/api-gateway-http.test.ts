/** The HTTP API on an API Gateway HTTP API: what it reads of an event, and the result it makes of a response. */
import { describe, expect, it } from 'vitest';
import { toHttpRequest, toHttpResult, type HttpApiEvent } from '../../lambdas/adapters/http/api-gateway-http.js';

/** The fields of a real payload 2.0 event that matter here, with some that do not. */
function event(overrides: Partial<HttpApiEvent> & Record<string, unknown> = {}): HttpApiEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/changes',
    rawQueryString: 'since=2026-02-01&limit=10',
    headers: { accept: 'application/json', origin: 'https://dashboard.example', 'if-none-match': '"abc"' },
    queryStringParameters: { since: '2026-02-01', limit: '10' },
    requestContext: { stage: '$default', http: { method: 'GET', path: '/changes', sourceIp: '192.0.2.1' } },
    ...overrides,
  } as HttpApiEvent;
}

describe('an API Gateway event', () => {
  it('becomes a request with its method, raw path, raw query string and headers', () => {
    expect(toHttpRequest(event())).toEqual({
      method: 'GET',
      path: '/changes',
      query: 'since=2026-02-01&limit=10',
      headers: { accept: 'application/json', origin: 'https://dashboard.example', 'if-none-match': '"abc"' },
      bodyBytes: 0,
    });
  });

  it('tells the length of its body, as sent', () => {
    expect(toHttpRequest(event({ body: 'é'.repeat(3) })).bodyBytes).toBe(6);
  });

  it('tells the length of a body API Gateway encoded in base64 as decoded, without decoding it', () => {
    const body = Buffer.alloc(9000, 7);
    expect(toHttpRequest(event({ body: body.toString('base64'), isBase64Encoded: true })).bodyBytes).toBe(9000);
  });

  it('keeps a parameter given twice as given, for the API to refuse', () => {
    expect(toHttpRequest(event({ rawQueryString: 'limit=5&limit=6' })).query).toBe('limit=5&limit=6');
  });

  it('without a query string becomes a request with an empty one', () => {
    expect(toHttpRequest(event({ rawPath: '/series', rawQueryString: '' })).query).toBe('');
  });

  it('without headers becomes a request without headers', () => {
    const { headers: _none, ...withoutHeaders } = event();
    expect(toHttpRequest(withoutHeaders).headers).toEqual({});
  });

  it('keeps the path percent-encoded, for the API to split before decoding', () => {
    expect(toHttpRequest(event({ rawPath: '/series/camp%2Fpopulation' })).path).toBe('/series/camp%2Fpopulation');
  });
});

describe('a response', () => {
  it('becomes a result with its status, headers and body', () => {
    const headers = { 'content-type': 'application/json', etag: '"abc"', 'cache-control': 'no-cache' };
    expect(toHttpResult({ status: 200, headers, body: '{"runs":[]}' })).toEqual({ statusCode: 200, headers, body: '{"runs":[]}' });
  });

  it('without a body, a 304, becomes a result with an empty body', () => {
    expect(toHttpResult({ status: 304, headers: { etag: '"abc"' }, body: '' })).toEqual({
      statusCode: 304,
      headers: { etag: '"abc"' },
      body: '',
    });
  });
});
