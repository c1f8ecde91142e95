import { z } from 'zod';
import type { Store } from '../poll/ports.js';
import { isoTime, noParameters, nonEmpty, parseParameters } from './parameters.js';
import { ok, QueryError, type QueryAnswer, type QueryParameters } from './query-answer.js';
import { listSeries, readOneSeries } from './series-reading.js';

const oneSeriesParameters = z.strictObject({ facility: nonEmpty.optional(), since: isoTime.optional() });

/** GET /series: the current figure of every series. */
export async function answerSeriesList(store: Store, query: QueryParameters): Promise<QueryAnswer> {
  parseParameters(noParameters, query);
  return ok({ series: await listSeries(store) });
}

/** GET /series/{metric}?facility=&since=: one series, its history and its alerts. */
export async function answerOneSeries(store: Store, metric: string, query: QueryParameters): Promise<QueryAnswer> {
  const { facility, since } = parseParameters(oneSeriesParameters, query);
  const found = await readOneSeries(
    store,
    { metric, ...(facility !== undefined ? { facility } : {}) },
    since ? new Date(since) : undefined,
  );
  if (!found) throw new QueryError(404, `no series ${metric}${facility !== undefined ? ` at ${facility}` : ''}`);
  const { series, history, alerts } = found;
  return ok({
    metric: series.metric,
    ...(series.facility !== undefined ? { facility: series.facility } : {}),
    current: series.current,
    sources: series.sources,
    outlets: series.outlets,
    history,
    alerts,
  });
}
