/** The query API on an API Gateway HTTP API: what it reads of an event, and the response it makes of an answer. */
import { describe, expect, it } from 'vitest';
import { toHttpResult, toQueryRequest, type HttpApiEvent } from '../../lambdas/adapters/http/api-gateway-http.js';

/** The fields of a real payload 2.0 event that matter here, with some that do not. */
function event(overrides: Partial<HttpApiEvent> & Record<string, unknown> = {}): HttpApiEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/changes',
    rawQueryString: 'since=2026-02-01&limit=10',
    headers: { accept: 'application/json' },
    queryStringParameters: { since: '2026-02-01', limit: '10' },
    requestContext: { stage: '$default', http: { method: 'GET', path: '/changes', sourceIp: '192.0.2.1' } },
    ...overrides,
  } as HttpApiEvent;
}

describe('an API Gateway event', () => {
  it('becomes a request with its method, raw path and query parameters', () => {
    expect(toQueryRequest(event())).toEqual({ method: 'GET', path: '/changes', query: { since: '2026-02-01', limit: '10' } });
  });

  it('without a query string becomes a request without parameters', () => {
    const { queryStringParameters: _none, ...withoutQuery } = event({ rawPath: '/series', rawQueryString: '' });
    expect(toQueryRequest(withoutQuery)).toEqual({ method: 'GET', path: '/series', query: {} });
  });

  it('keeps the path percent-encoded, for the API to split before decoding', () => {
    expect(toQueryRequest(event({ rawPath: '/series/camp%2Fpopulation' })).path).toBe('/series/camp%2Fpopulation');
  });
});

describe('an answer', () => {
  it('becomes a JSON response that no cache keeps', () => {
    expect(toHttpResult({ status: 200, body: { runs: [] } })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: '{"runs":[]}',
    });
  });

  it('refusing a method says which one is allowed', () => {
    expect(toHttpResult({ status: 405, body: { error: 'POST is not allowed: the API only reads, with GET' } })).toEqual({
      statusCode: 405,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', allow: 'GET' },
      body: '{"error":"POST is not allowed: the API only reads, with GET"}',
    });
  });
});
