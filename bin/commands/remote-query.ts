import type { z } from 'zod';
import { formatSeries, type SeriesAnswer } from './query.js';
import { seriesAnswer, seriesListAnswer } from './remote/api-contract.js';
import { openDeployedApi, type RemoteOptions } from './remote/deployed-api.js';

export interface RemoteQueryOptions extends RemoteOptions {
  metric?: string;
  facility?: string;
  since?: string;
  json: boolean;
}

/** `query` through a deployed stack's API: the same series, in the same text or JSON, as the local store gives. */
export async function queryDeployed(options: RemoteQueryOptions, out: (text: string) => void): Promise<void> {
  const since = sinceTime(options.since);
  const api = await openDeployedApi(options);
  const { series } = await api.get('/series', seriesListAnswer);
  const chosen = series.filter(
    (item) =>
      (options.metric === undefined || item.metric === options.metric) &&
      (options.facility === undefined || item.facility === options.facility),
  );
  const answers = await Promise.all(
    chosen.map(async (item) =>
      asLocalAnswer(await api.get(`/series/${encodeURIComponent(item.metric)}`, seriesAnswer, { facility: item.facility, since })),
    ),
  );
  if (options.json) out(`${JSON.stringify({ series: answers })}\n`);
  // The local formatter's empty message sends the user to `poll`, which a deployed stack runs itself.
  else if (answers.length === 0)
    out(series.length === 0 ? 'No figures stored yet: the stack stores them as its poller runs.\n' : 'No series matches.\n');
  else out(formatSeries(answers));
}

function sinceTime(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  const time = Date.parse(since);
  if (Number.isNaN(time)) throw new Error(`--since must be a date or time, not "${since}"`);
  return new Date(time).toISOString();
}

/** Keeps what the local query prints, in its order, and leaves out what only the API adds (outlets, alerts...). */
function asLocalAnswer(series: z.infer<typeof seriesAnswer>): SeriesAnswer {
  const { value, bound, published, link } = series.current;
  return {
    metric: series.metric,
    ...(series.facility !== undefined ? { facility: series.facility } : {}),
    current: { value, bound, published, link },
    sources: series.sources,
    history: series.history.map(({ value, bound, quote, link, outlet, published, increment, as_of }) => ({
      value,
      bound,
      quote,
      link,
      outlet,
      published,
      ...(increment ? { increment } : {}),
      ...(as_of !== undefined ? { as_of } : {}),
    })),
  };
}
