import { runsAnswerSchema } from './answer-bodies.js';
import { noParameters, wholeNumber } from './parameters.js';
import { defineRoute } from './route.js';
import { described } from '../zod.js';
import * as z from '../zod.js';

const runsParameters = z.strictObject({ limit: described(wholeNumber(1, 100, 20), 'How many of the last runs to give') });

/** GET /runs?limit=: what the last scheduled runs did, newest first. */
export const runsRoute = defineRoute({
  path: '/runs',
  operationId: 'listRuns',
  summary: 'What the last scheduled runs did, newest first',
  pathParameters: noParameters,
  queryParameters: runsParameters,
  body: runsAnswerSchema,
  read: async (store, { limit }) => ({ runs: await store.recentRuns(limit) }),
});
