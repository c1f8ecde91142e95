import { feedsAnswerSchema } from './answer-bodies.js';
import { noParameters } from './parameters.js';
import { readAll } from './read-all.js';
import { defineRoute } from './route.js';
import { feedView } from './views.js';

/** GET /feeds: the health of every feed polled so far. */
export const feedsRoute = defineRoute({
  path: '/feeds',
  operationId: 'listFeeds',
  summary: 'The health of every feed polled so far',
  pathParameters: noParameters,
  queryParameters: noParameters,
  body: feedsAnswerSchema,
  read: async (store) => ({ feeds: (await readAll((cursor) => store.listFeedStates(cursor))).map(feedView) }),
});
