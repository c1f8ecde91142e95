/**
 * The HTTP API on API Gateway (payload format 2.0, `$default` stage, so paths carry no stage
 * prefix): events become requests, responses become results. Only the fields read here are typed,
 * so the API needs no Lambda type package.
 */
import type { HttpRequest, HttpResponse } from './http-api.js';

export interface HttpApiEvent {
  rawPath: string;
  /** Empty when the request has none; read raw, so that a parameter given twice is seen twice. */
  rawQueryString: string;
  /** By lower-case name, a header given twice with its values joined by commas. */
  headers?: Record<string, string | undefined>;
  requestContext: { http: { method: string } };
  /** Absent without one; base64 when API Gateway took it for binary. */
  body?: string;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The length of the body as sent, measured without decoding it. */
function bodyBytes({ body, isBase64Encoded }: HttpApiEvent): number {
  if (body === undefined) return 0;
  return Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8');
}

export function toHttpRequest(event: HttpApiEvent): HttpRequest {
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: event.rawQueryString,
    headers: { ...event.headers },
    bodyBytes: bodyBytes(event),
  };
}

export function toHttpResult(response: HttpResponse): HttpApiResult {
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
