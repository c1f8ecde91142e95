/**
 * The query API's function behind an API Gateway HTTP API: the same answers as `transfer-watch
 * serve` gives, read from the stack's table. Its settings and its cursor key are read and checked
 * once, at cold start.
 */
import { createObservability } from '../adapters/observability/observability.js';
import { toHttpRequest, toHttpResult, type HttpApiEvent, type HttpApiResult } from '../adapters/http/api-gateway-http.js';
import { respond, type HttpApiOptions } from '../adapters/http/http-api.js';
import { composeAwsQuery } from '../composition/aws-query.js';

const { logger } = createObservability('transfer-watch-query');
const { store, corsOrigins, signer } = await composeAwsQuery(process.env);

const options: HttpApiOptions = {
  corsOrigins,
  signer,
  // The caller learns only that it failed; what failed is for the logs.
  onError: (error, request) => logger.error('query failed', { method: request.method, path: request.path, error }),
};

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  return toHttpResult(await respond(store, toHttpRequest(event), options));
}
