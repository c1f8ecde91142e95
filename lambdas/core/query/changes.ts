import { z } from 'zod';
import type { Alert } from '../alert/alert.js';
import type { Store } from '../poll/ports.js';
import { decodeChangeCursor, encodeChangeCursor, isPast } from './change-cursor.js';
import { isoTime, nonEmpty, parseParameters, wholeNumber } from './parameters.js';
import { ok, QueryError, type QueryAnswer, type QueryParameters } from './query-answer.js';
import { changeView } from './views.js';

const changesParameters = z.strictObject({
  since: isoTime.optional(),
  until: isoTime.optional(),
  metric: nonEmpty.optional(),
  cursor: z.string().optional(),
  limit: wholeNumber(1, 100, 50),
});

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);

/**
 * GET /changes?since=&until=&metric=&cursor=&limit=: the alerts created in [since, until), oldest
 * first, `limit` at a time. `next` is given only when more follow, so the last list has none.
 */
export async function answerChanges(store: Store, query: QueryParameters): Promise<QueryAnswer> {
  const { since, until, metric, cursor, limit } = parseParameters(changesParameters, query);
  if (since !== undefined && until !== undefined && since >= until) throw new QueryError(400, 'since must be before until');
  const position = cursor === undefined ? undefined : decodeChangeCursor(cursor);
  // Resuming starts at the time of the last alert given: the store finds it by key, not by reading what came before.
  const from = later(since, position?.createdAt);
  if (from !== undefined && until !== undefined && from >= until) return ok({ changes: [] });

  const changes: Alert[] = [];
  let page: string | undefined;
  do {
    const { items, next } = await store.alerts(
      { ...(from !== undefined ? { since: from } : {}), ...(until !== undefined ? { until } : {}) },
      page,
    );
    for (const alert of items) {
      if ((position && !isPast(alert, position)) || (metric !== undefined && alert.metric !== metric)) continue;
      // One alert past the limit is read before saying that more follow.
      if (changes.length === limit) return ok({ changes: changes.map(changeView), next: encodeChangeCursor(changes[changes.length - 1]!) });
      changes.push(alert);
    }
    page = next;
  } while (page);
  return ok({ changes: changes.map(changeView) });
}
