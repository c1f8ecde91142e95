/**
 * One route of the query API: the schemas that check its requests and describe its answer, and the
 * reader that answers. The router validates with the very schemas the OpenAPI document shows.
 */
import type { Store } from '../poll/ports.js';
import type { CursorSigner } from './cursor-signer.js';
import type * as z from '../zod.js';

type Parameters = z.ZodMiniType<object>;

export interface Route<
  Path extends Parameters = Parameters,
  Query extends Parameters = Parameters,
  Body extends z.ZodMiniType = z.ZodMiniType,
> {
  /** As OpenAPI writes it: `{name}` stands for one path segment, a path parameter. */
  path: string;
  operationId: string;
  summary: string;
  pathParameters: Path;
  queryParameters: Query;
  /** The body of a 200 answer. */
  body: Body;
  /** When the route answers 404, having found nothing at the path. */
  notFound?: string;
  /** Throws QueryError for a request it refuses; `signer` signs the cursors it gives and checks those it is given. */
  read(store: Store, parameters: z.output<Path> & z.output<Query>, signer: CursorSigner): Promise<z.output<Body>>;
}

/** Types `read` by the schemas given beside it. */
export function defineRoute<Path extends Parameters, Query extends Parameters, Body extends z.ZodMiniType>(
  route: Route<Path, Query, Body>,
): Route<Path, Query, Body> {
  return route;
}
