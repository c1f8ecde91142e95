/**
 * The query API's function behind an API Gateway HTTP API: the same answers as the core gives
 * anywhere, read from the stack's table. Its setting is read and checked once, at cold start.
 */
import { createObservability } from '../adapters/observability/observability.js';
import { toHttpResult, toQueryRequest, type HttpApiEvent, type HttpApiResult } from '../adapters/http/api-gateway-http.js';
import { composeAwsQuery } from '../composition/aws-query.js';
import { answerQuery } from '../core/query/answer-query.js';

const { logger } = createObservability('transfer-watch-query');
const store = composeAwsQuery(process.env);

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  try {
    return toHttpResult(await answerQuery(store, toQueryRequest(event)));
  } catch (error) {
    // The caller learns only that it failed; what failed is for the logs.
    logger.error('query failed', { method: event.requestContext.http.method, path: event.rawPath, error });
    return toHttpResult({ status: 500, body: { error: 'internal error' } });
  }
}
