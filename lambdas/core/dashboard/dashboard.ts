/**
 * The dashboard (`GET /`): one self-contained HTML document, rendered on the server, that shows
 * every series with its timeline, the latest changes and the health of the feeds.
 */
import type { Store } from '../poll/ports.js';
import { changesSection } from './changes-list.js';
import { feedsSection } from './feed-table.js';
import { pageShell } from './page-shell.js';
import { readDashboard, type DashboardData } from './read-dashboard.js';
import { seriesSection } from './series-section.js';

export type { DashboardData, SeriesPanel } from './read-dashboard.js';

const NOTHING_YET = '<p class="empty">No figures stored yet: run <code>transfer-watch poll</code>.</p>';

/**
 * When the data last moved: the last run's end or the latest series update. Not the time of the
 * request, so that an unchanged store gives an unchanged page, and a browser its 304.
 */
function dataAsOf(data: DashboardData): string | undefined {
  const times = [data.lastRun?.finishedAt, ...data.series.map((panel) => panel.series.updatedAt)].filter(
    (time): time is string => time !== undefined,
  );
  return times.length === 0 ? undefined : times.reduce((latest, time) => (time > latest ? time : latest));
}

export function renderDashboard(data: DashboardData): string {
  const series = data.series.length === 0 ? NOTHING_YET : data.series.map(seriesSection).join('');
  return pageShell({ asOf: dataAsOf(data), main: series + changesSection(data.changes) + feedsSection(data.feeds, data.lastRun) });
}

export async function dashboardPage(store: Store): Promise<string> {
  return renderDashboard(await readDashboard(store));
}
