import { openLocalStore } from '../../lambdas/composition/local.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import { readSeriesWithHistory } from '../../lambdas/core/query/series-reading.js';
import type { HistoryEntry } from '../../lambdas/core/query/views.js';

export interface QueryOptions {
  dataDir?: string;
  metric?: string;
  facility?: string;
  /** Only history published at or after this time. */
  since?: string;
  json: boolean;
}

export interface SeriesAnswer {
  metric: string;
  facility?: string;
  current: { value: number; bound: string; published: string; link: string };
  sources: number;
  history: HistoryEntry[];
}

/** The series the options choose, as the command prints them: the reading itself is the query API's. */
export async function readSeries(store: Store, options: Omit<QueryOptions, 'json' | 'dataDir'>): Promise<SeriesAnswer[]> {
  const since = options.since ? new Date(options.since) : undefined;
  if (since !== undefined && Number.isNaN(since.getTime())) throw new Error(`--since must be a date or time, not "${options.since}"`);
  const chosen = await readSeriesWithHistory(store, { metric: options.metric, facility: options.facility }, since);
  return chosen.map(({ series, history }) => ({
    metric: series.metric,
    ...(series.facility !== undefined ? { facility: series.facility } : {}),
    current: { value: series.current.value, bound: series.current.bound, published: series.current.published, link: series.current.link },
    sources: series.sources,
    history,
  }));
}

export async function queryStore(options: QueryOptions, out: (text: string) => void): Promise<void> {
  const local = await openLocalStore(options.dataDir);
  try {
    const series = await readSeries(local.store, options);
    out(options.json ? `${JSON.stringify({ series })}\n` : formatSeries(series));
  } finally {
    await local.close();
  }
}

const BOUND_WORDS: Record<string, string> = { exact: '', at_least: 'more than ', at_most: 'up to ', approx: 'about ' };

export function formatSeries(series: SeriesAnswer[]): string {
  if (series.length === 0) return 'No figures stored yet: run `transfer-watch poll` first.\n';
  return series
    .map((item) => {
      const name = item.facility ? `${item.metric} (${item.facility})` : item.metric;
      const current = `${BOUND_WORDS[item.current.bound] ?? ''}${item.current.value.toLocaleString('en-US')}`;
      const lines = item.history.map(
        (entry) =>
          `    ${entry.published.slice(0, 16).replace('T', ' ')}  ${(BOUND_WORDS[entry.bound] ?? '') + entry.value.toLocaleString('en-US')}${entry.increment ? ' (batch)' : ''}${entry.as_of ? ` (as of ${entry.as_of})` : ''}  ${entry.outlet}  ${entry.link}`,
      );
      return `${name}: ${current}, reported ${item.current.published.slice(0, 10)} by ${item.sources} source(s)\n${lines.join('\n')}\n`;
    })
    .join('\n');
}
