/**
 * The query API on an API Gateway HTTP API (payload format 2.0, `$default` stage, so paths carry
 * no stage prefix): events become requests, answers become JSON responses. Only the fields read
 * here are typed, so the API needs no Lambda type package.
 */
import type { QueryAnswer, QueryRequest } from '../../core/query/query-answer.js';

export interface HttpApiEvent {
  rawPath: string;
  /** Absent when the request has no query string; a parameter given twice arrives as its values joined by commas. */
  queryStringParameters?: Record<string, string | undefined>;
  requestContext: { http: { method: string } };
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function toQueryRequest(event: HttpApiEvent): QueryRequest {
  return { method: event.requestContext.http.method, path: event.rawPath, query: { ...event.queryStringParameters } };
}

export function toHttpResult(answer: QueryAnswer): HttpApiResult {
  return {
    statusCode: answer.status,
    // Figures move with every poll: a cache would show a caller yesterday's.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...(answer.status === 405 ? { allow: 'GET' } : {}) },
    body: JSON.stringify(answer.body),
  };
}
