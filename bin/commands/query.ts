import { openLocalStore } from '../../lambdas/composition/local.js';
import type { Page, Store } from '../../lambdas/core/poll/ports.js';
import type { Observation, SeriesState } from '../../lambdas/core/series/series.js';

export interface QueryOptions {
  dataDir?: string;
  metric?: string;
  facility?: string;
  /** Only history published at or after this time. */
  since?: string;
  json: boolean;
}

async function all<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

interface SeriesAnswer {
  metric: string;
  facility?: string;
  current: { value: number; bound: string; published: string; link: string };
  sources: number;
  history: Array<
    Pick<Observation, 'value' | 'bound' | 'quote' | 'link' | 'outlet' | 'published'> & { increment?: boolean; as_of?: string }
  >;
}

export async function readSeries(store: Store, options: Omit<QueryOptions, 'json' | 'dataDir'>): Promise<SeriesAnswer[]> {
  const since = options.since ? Date.parse(options.since) : undefined;
  if (since !== undefined && Number.isNaN(since)) throw new Error(`--since must be a date or time, not "${options.since}"`);
  const chosen = (await all((cursor) => store.listSeries(cursor))).filter(
    (series: SeriesState) =>
      (options.metric === undefined || series.metric === options.metric) &&
      (options.facility === undefined || series.facility === options.facility),
  );
  const answers: SeriesAnswer[] = [];
  for (const series of chosen) {
    const history = (await all((cursor) => store.history(series, cursor))).filter(
      (item) => since === undefined || Date.parse(item.published) >= since,
    );
    answers.push({
      metric: series.metric,
      ...(series.facility !== undefined ? { facility: series.facility } : {}),
      current: { value: series.current.value, bound: series.current.bound, published: series.current.published, link: series.current.link },
      sources: series.sources,
      history: history.map(({ value, bound, quote, link, outlet, published, increment, as_of }) => ({
        value,
        bound,
        quote,
        link,
        outlet,
        published,
        ...(increment ? { increment } : {}),
        ...(as_of !== undefined ? { as_of } : {}),
      })),
    });
  }
  return answers;
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

function formatSeries(series: SeriesAnswer[]): string {
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
