/**
 * The read-only query API, whatever carries it: finds the route a request names, checks its
 * method and parameters, and answers; a request it refuses gets a status and a message, never a
 * stack trace.
 */
import type { Store } from '../poll/ports.js';
import type { CursorSigner } from './cursor-signer.js';
import { parseParameters } from './parameters.js';
import { ok, QueryError, errorAnswer, type QueryAnswer, type QueryRequest } from './query-answer.js';
import { findRoute } from './routes.js';

/** The refusal of any method but GET, on any path the API knows. */
export function methodNotAllowed(method: string): QueryError {
  return new QueryError(405, `${method} is not allowed: the API only reads, with GET`);
}

export async function answerQuery(store: Store, request: QueryRequest, signer: CursorSigner): Promise<QueryAnswer> {
  try {
    const found = findRoute(request.path);
    if (!found) throw new QueryError(404, `no such path: ${request.path}`);
    if (request.method !== 'GET') throw methodNotAllowed(request.method);
    const { route, pathParameters } = found;
    const parameters = {
      ...parseParameters(route.pathParameters, pathParameters),
      ...parseParameters(route.queryParameters, request.query),
    };
    return ok(await route.read(store, parameters, signer));
  } catch (error) {
    if (error instanceof QueryError) return errorAnswer(error);
    throw error;
  }
}
