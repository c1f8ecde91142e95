import { z } from 'zod';
import type { Store } from '../poll/ports.js';
import { parseParameters, wholeNumber } from './parameters.js';
import { ok, type QueryAnswer, type QueryParameters } from './query-answer.js';

const runsParameters = z.strictObject({ limit: wholeNumber(1, 100, 20) });

/** GET /runs?limit=: what the last scheduled runs did, newest first. */
export async function answerRuns(store: Store, query: QueryParameters): Promise<QueryAnswer> {
  const { limit } = parseParameters(runsParameters, query);
  return ok({ runs: await store.recentRuns(limit) });
}
