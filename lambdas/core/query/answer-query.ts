/**
 * The read-only query API, whatever carries it: finds the route a request names, checks its
 * method, and answers; a request it refuses gets a status and a message, never a stack trace.
 */
import type { Store } from '../poll/ports.js';
import { answerChanges } from './changes.js';
import { answerFeeds } from './feeds.js';
import { QueryError, type QueryAnswer, type QueryParameters, type QueryRequest } from './query-answer.js';
import { answerRuns } from './runs.js';
import { answerOneSeries, answerSeriesList } from './series-answers.js';

type Answer = (store: Store, query: QueryParameters) => Promise<QueryAnswer>;

const TOP_LEVEL: Record<string, Answer> = {
  series: answerSeriesList,
  changes: answerChanges,
  feeds: answerFeeds,
  runs: answerRuns,
};

/** Segments are decoded one by one, after splitting, so that an encoded "/" stays inside its segment. */
function segmentsOf(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  try {
    return path.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function route(path: string): Answer | undefined {
  const segments = segmentsOf(path);
  if (!segments || segments.includes('')) return undefined;
  const [first, metric, ...rest] = segments;
  if (rest.length > 0 || first === undefined) return undefined;
  if (metric === undefined) return Object.hasOwn(TOP_LEVEL, first) ? TOP_LEVEL[first] : undefined;
  return first === 'series' ? (store, query) => answerOneSeries(store, metric, query) : undefined;
}

export async function answerQuery(store: Store, request: QueryRequest): Promise<QueryAnswer> {
  try {
    const answer = route(request.path);
    if (!answer) throw new QueryError(404, `no such path: ${request.path}`);
    if (request.method !== 'GET') throw new QueryError(405, `${request.method} is not allowed: the API only reads, with GET`);
    return await answer(store, request.query);
  } catch (error) {
    if (error instanceof QueryError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}
