/** What the dashboard shows, read from the store with the query API's own readers and views. */
import type { Alert } from '../alert/alert.js';
import type { RunRecord, Store } from '../poll/ports.js';
import { readAll } from '../query/read-all.js';
import { listSeries, readHistory } from '../query/series-reading.js';
import {
  alertView,
  changeView,
  feedView,
  type AlertView,
  type ChangeView,
  type FeedView,
  type HistoryEntry,
  type SeriesView,
} from '../query/views.js';

export interface SeriesPanel {
  series: SeriesView;
  /** Every observation, in the order published. */
  history: HistoryEntry[];
  /** Every alert the series raised, oldest first. */
  alerts: AlertView[];
}

export interface DashboardData {
  /** By metric then facility. */
  series: SeriesPanel[];
  /** The latest changes of every series, newest first. */
  changes: ChangeView[];
  feeds: FeedView[];
  lastRun?: RunRecord;
}

const LATEST_CHANGES = 30;

/** Alerts of one poll cycle share its time: the reports' own times then keep them in the order they were told. */
function newestFirst(a: Alert, b: Alert): number {
  return b.createdAt.localeCompare(a.createdAt) || b.current.published.localeCompare(a.current.published) || b.id.localeCompare(a.id);
}

export async function readDashboard(store: Store): Promise<DashboardData> {
  // The store files alerts by time only: they are read once, then shared out among the series.
  const [series, alerts, feeds, [lastRun]] = await Promise.all([
    listSeries(store),
    readAll((cursor) => store.alerts({}, cursor)),
    readAll((cursor) => store.listFeedStates(cursor)),
    store.recentRuns(1),
  ]);
  const panels = await Promise.all(
    series.map(async (view) => ({
      series: view,
      history: await readHistory(store, view),
      alerts: alerts.filter((alert) => alert.metric === view.metric && alert.facility === view.facility).map(alertView),
    })),
  );
  return {
    series: panels,
    changes: [...alerts].sort(newestFirst).slice(0, LATEST_CHANGES).map(changeView),
    feeds: feeds.map(feedView),
    ...(lastRun ? { lastRun } : {}),
  };
}
