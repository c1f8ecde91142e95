/** What the query API is asked and what it answers, free of any HTTP framework. */

/** A parameter's value, or its values when it was given more than once. */
export type QueryParameters = Record<string, string | string[] | undefined>;

export interface QueryRequest {
  method: string;
  /** The path as received, still percent-encoded: a metric's own "/" must not split it. */
  path: string;
  query: QueryParameters;
}

/** A status and a JSON body. */
export interface QueryAnswer {
  status: number;
  body: unknown;
}

/** A request the API refuses; its message is shown to the caller, so it names what to fix. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly status: 400 | 404 | 405,
    message: string,
  ) {
    super(message);
  }
}

export const ok = (body: unknown): QueryAnswer => ({ status: 200, body });

export const errorAnswer = (error: QueryError): QueryAnswer => ({ status: error.status, body: { error: error.message } });
