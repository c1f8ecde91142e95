import type { Alert } from '../alert/alert.js';
import { changesAnswerSchema } from './answer-bodies.js';
import { decodeChangeCursor, encodeChangeCursor, isPast } from './change-cursor.js';
import { isoTime, noParameters, seriesName, wholeNumber } from './parameters.js';
import { QueryError } from './query-answer.js';
import { defineRoute } from './route.js';
import { changeView } from './views.js';
import { described } from '../zod.js';
import * as z from '../zod.js';

const changesParameters = z.strictObject({
  since: described(
    z.optional(isoTime),
    'Only the alerts created at or after this ISO date or time (a date is midnight UTC; a time needs its zone)',
  ),
  until: described(z.optional(isoTime), 'Only the alerts created before this ISO date or time'),
  metric: described(z.optional(seriesName), 'Only the alerts of this metric'),
  cursor: described(z.optional(z.string()), 'The `next` of the previous list, unchanged, for the changes that follow it: it is signed'),
  limit: described(wholeNumber(1, 100, 50), 'How many alerts one list gives at most'),
});

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined || a > b ? a : b);

/**
 * GET /changes?since=&until=&metric=&cursor=&limit=: the alerts created in [since, until), oldest
 * first, `limit` at a time. `next` is given only when more follow, so the last list has none.
 */
export const changesRoute = defineRoute({
  path: '/changes',
  operationId: 'listChanges',
  summary: 'The alerts raised, oldest first, a list at a time',
  pathParameters: noParameters,
  queryParameters: changesParameters,
  body: changesAnswerSchema,
  async read(store, { since, until, metric, cursor, limit }, signer) {
    if (since !== undefined && until !== undefined && since >= until) throw new QueryError(400, 'since must be before until');
    const position = cursor === undefined ? undefined : decodeChangeCursor(cursor, signer);
    // Resuming starts at the time of the last alert given: the store finds it by key, not by reading what came before.
    const from = later(since, position?.createdAt);
    if (from !== undefined && until !== undefined && from >= until) return { changes: [] };

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
        if (changes.length === limit)
          return { changes: changes.map(changeView), next: encodeChangeCursor(changes[changes.length - 1]!, signer) };
        changes.push(alert);
      }
      page = next;
    } while (page);
    return { changes: changes.map(changeView) };
  },
});
