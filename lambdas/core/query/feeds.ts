import type { Store } from '../poll/ports.js';
import { noParameters, parseParameters } from './parameters.js';
import { ok, type QueryAnswer, type QueryParameters } from './query-answer.js';
import { readAll } from './read-all.js';
import { feedView } from './views.js';

/** GET /feeds: the health of every feed polled so far. */
export async function answerFeeds(store: Store, query: QueryParameters): Promise<QueryAnswer> {
  parseParameters(noParameters, query);
  return ok({ feeds: (await readAll((cursor) => store.listFeedStates(cursor))).map(feedView) });
}
