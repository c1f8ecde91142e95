/**
 * The query API over HTTP, one implementation for every carrier (the Lambda behind API Gateway,
 * `transfer-watch serve`): the dashboard at `/`, the OpenAPI document, the JSON routes, each with
 * an entity tag, and CORS. A carrier only translates its requests and responses.
 */
import { dashboardPage } from '../../core/dashboard/dashboard.js';
import type { Store } from '../../core/poll/ports.js';
import { answerQuery, methodNotAllowed } from '../../core/query/answer-query.js';
import type { CursorSigner } from '../../core/query/cursor-signer.js';
import { openApiDocument } from '../../core/query/openapi.js';
import { errorAnswer, QueryError, type QueryAnswer } from '../../core/query/query-answer.js';
import { findRoute } from '../../core/query/routes.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { entityTag, isNotModified } from './entity-tag.js';
import { queryParameters } from './query-string.js';
import { refuseOversized } from './request-limits.js';

export interface HttpRequest {
  method: string;
  /** As received, still percent-encoded: a metric's own "/" must not split it. */
  path: string;
  /** The raw query string, without its "?". */
  query: string;
  /** By lower-case name. */
  headers: Record<string, string | undefined>;
  /** The length of the body that came with it; a carrier that stops reading past MAX_BODY_BYTES gives what it read. */
  bodyBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpApiOptions {
  /** The origins whose pages may read the answers, as a browser sends them (https://example.org), or `*` for any. */
  corsOrigins: readonly string[];
  /** Signs the cursors of /changes, and checks those callers give back. */
  signer: CursorSigner;
  /** Told of an error the caller gets a bare 500 for: the carrier logs it. */
  onError(error: unknown, request: HttpRequest): void;
}

/** The dashboard is one document, its style and script inline, that loads nothing and may not be framed. */
const DASHBOARD_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Representation {
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const json = (body: unknown): Representation => ({ contentType: 'application/json', body: JSON.stringify(body) });

/** What is served beside the JSON routes, by path. */
const DOCUMENTS = new Map<string, (store: Store) => Promise<Representation>>([
  [
    '/',
    async (store) => ({
      contentType: 'text/html; charset=utf-8',
      body: await dashboardPage(store),
      headers: { 'content-security-policy': DASHBOARD_POLICY },
    }),
  ],
  ['/openapi.json', async () => json(openApiDocument())],
]);

/** Answers one request; never rejects, an unexpected error becoming a 500 that says nothing of it. */
export async function respond(store: Store, request: HttpRequest, options: HttpApiOptions): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    const refusal = refuseOversized(request);
    response = refusal ? errorResponse(refusal) : await answer(store, request, options);
  } catch (error) {
    if (error instanceof QueryError) response = errorResponse(errorAnswer(error));
    else {
      options.onError(error, request);
      response = errorResponse({ status: 500, body: { error: 'internal error' } });
    }
  }
  return { ...response, headers: { ...response.headers, ...corsHeaders(request.headers.origin, options.corsOrigins) } };
}

async function answer(store: Store, request: HttpRequest, { corsOrigins, signer }: HttpApiOptions): Promise<HttpResponse> {
  const document = DOCUMENTS.get(request.path);
  if (request.method === 'OPTIONS' && (document || findRoute(request.path)))
    return { status: 204, headers: preflightHeaders(request.headers.origin, corsOrigins), body: '' };
  if (document) {
    if (request.method !== 'GET') throw methodNotAllowed(request.method);
    return fresh(request, await document(store));
  }
  const answered = await answerQuery(store, { method: request.method, path: request.path, query: queryParameters(request.query) }, signer);
  return answered.status === 200 ? fresh(request, json(answered.body)) : errorResponse(answered);
}

/**
 * Figures move with every poll: a cache may keep an answer but must ask again before using it,
 * and the entity tag makes asking again cheap, a 304 without a body when nothing moved.
 */
function fresh(request: HttpRequest, { contentType, body, headers }: Representation): HttpResponse {
  const tag = entityTag(body);
  const validation = { etag: tag, 'cache-control': 'no-cache' };
  if (isNotModified(request.headers['if-none-match'], tag)) return { status: 304, headers: validation, body: '' };
  return { status: 200, headers: { 'content-type': contentType, 'x-content-type-options': 'nosniff', ...headers, ...validation }, body };
}

/** An error is about this one request: no cache keeps it. */
function errorResponse({ status, body }: QueryAnswer): HttpResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...(status === 405 ? { allow: 'GET' } : {}),
    },
    body: JSON.stringify(body),
  };
}
