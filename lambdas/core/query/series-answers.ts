import { oneSeriesAnswerSchema, seriesListAnswerSchema } from './answer-bodies.js';
import { isoTime, noParameters, seriesName } from './parameters.js';
import { QueryError } from './query-answer.js';
import { defineRoute } from './route.js';
import { listSeries, readOneSeries } from './series-reading.js';
import { described } from '../zod.js';
import * as z from '../zod.js';

/** GET /series: the current figure of every series. */
export const seriesListRoute = defineRoute({
  path: '/series',
  operationId: 'listSeries',
  summary: 'The current figure of every series, by metric then facility',
  pathParameters: noParameters,
  queryParameters: noParameters,
  body: seriesListAnswerSchema,
  read: async (store) => ({ series: await listSeries(store) }),
});

const metricParameter = z.strictObject({
  metric: described(seriesName, 'The metric, like detainees_transferred; a "/" in it is percent-encoded'),
});

const oneSeriesParameters = z.strictObject({
  facility: described(z.optional(seriesName), 'The facility the series is about; without it, the series of the metric at no facility'),
  since: described(z.optional(isoTime), 'Only the history published at or after this ISO date or time; the alerts are all given'),
});

/** GET /series/{metric}?facility=&since=: one series, its history and its alerts. */
export const oneSeriesRoute = defineRoute({
  path: '/series/{metric}',
  operationId: 'getSeries',
  summary: 'One series: its current figure, its history with sources, and its alerts',
  pathParameters: metricParameter,
  queryParameters: oneSeriesParameters,
  body: oneSeriesAnswerSchema,
  notFound: 'No series of this metric, at this facility when one is given',
  async read(store, { metric, facility, since }) {
    const found = await readOneSeries(
      store,
      { metric, ...(facility !== undefined ? { facility } : {}) },
      since ? new Date(since) : undefined,
    );
    if (!found) throw new QueryError(404, `no series ${metric}${facility !== undefined ? ` at ${facility}` : ''}`);
    const { series, history, alerts } = found;
    return {
      metric: series.metric,
      ...(series.facility !== undefined ? { facility: series.facility } : {}),
      current: series.current,
      sources: series.sources,
      outlets: series.outlets,
      history,
      alerts,
    };
  },
});
