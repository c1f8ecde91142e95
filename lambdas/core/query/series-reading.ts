/** Series read whole from the store, for the API's /series routes and the local `query` command alike. */
import type { Store } from '../poll/ports.js';
import type { SeriesKey } from '../series/series.js';
import { readAll } from './read-all.js';
import { alertView, historyEntry, seriesView, type AlertView, type HistoryEntry, type SeriesView } from './views.js';

export interface SeriesWithHistory {
  series: SeriesView;
  history: HistoryEntry[];
}

/** A series without a facility comes before those with one; names compare by code point, the same on every machine. */
function bySeriesKey(a: SeriesKey, b: SeriesKey): number {
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return compare(a.metric, b.metric) || compare(a.facility ?? '', b.facility ?? '');
}

const sameSeries = (a: SeriesKey, b: SeriesKey) => a.metric === b.metric && a.facility === b.facility;

/** Every series, by metric then facility. */
export async function listSeries(store: Store): Promise<SeriesView[]> {
  return (await readAll((cursor) => store.listSeries(cursor))).sort(bySeriesKey).map(seriesView);
}

/** The observations of one series in the order they were published, those published before `since` left out. */
export async function readHistory(store: Store, key: SeriesKey, since?: Date): Promise<HistoryEntry[]> {
  const history = await readAll((cursor) => store.history(key, cursor));
  return history.filter((item) => since === undefined || Date.parse(item.published) >= since.getTime()).map(historyEntry);
}

/** The series of `metric` and `facility` (every one when either is left out), each with its history since `since`. */
export async function readSeriesWithHistory(store: Store, filter: Partial<SeriesKey>, since?: Date): Promise<SeriesWithHistory[]> {
  const chosen = (await listSeries(store)).filter(
    (series) =>
      (filter.metric === undefined || series.metric === filter.metric) &&
      (filter.facility === undefined || series.facility === filter.facility),
  );
  const answers: SeriesWithHistory[] = [];
  for (const series of chosen) answers.push({ series, history: await readHistory(store, series, since) });
  return answers;
}

/** One series, with its history since `since` and every alert it raised, oldest first. */
export async function readOneSeries(
  store: Store,
  key: SeriesKey,
  since?: Date,
): Promise<(SeriesWithHistory & { alerts: AlertView[] }) | undefined> {
  const series = await store.series(key);
  if (!series) return undefined;
  // The store files alerts by time only: a series' own are found among all of them.
  const alerts = (await readAll((cursor) => store.alerts({}, cursor))).filter((alert) => sameSeries(alert, key));
  return { series: seriesView(series), history: await readHistory(store, key, since), alerts: alerts.map(alertView) };
}
