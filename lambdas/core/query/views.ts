/**
 * What the query API shows of stored records. Each field is copied by name, so that what the
 * store keeps for its own use (a series' version, a feed's validators) never reaches a reader.
 */
import type { Alert } from '../alert/alert.js';
import type { FeedState } from '../feed/feed.js';
import type { Observation, Provenance, Reading, SeriesKey, SeriesState } from '../series/series.js';

export type ReportedReading = Reading & Provenance;

export interface SeriesView extends SeriesKey {
  current: ReportedReading;
  sources: number;
  outlets: string[];
  lastChange?: { type: string; at: string };
  updatedAt: string;
}

export type HistoryEntry = ReportedReading & { increment?: true; as_of?: string };

export interface AlertView extends Pick<Alert, 'id' | 'type' | 'previous' | 'current' | 'sources' | 'createdAt'> {
  sentAt?: string;
}

export type ChangeView = SeriesKey & AlertView;

export type FeedView = Pick<FeedState, 'url' | 'lastSuccess' | 'consecutiveFailures' | 'lastError' | 'nextAttempt'>;

/** Leaves out the fields a record does not have, rather than showing them as undefined. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const reportedReading = ({ value, bound, quote, link, outlet, published }: ReportedReading): ReportedReading => ({
  value,
  bound,
  quote,
  link,
  outlet,
  published,
});

export function seriesView(series: SeriesState): SeriesView {
  return defined({
    metric: series.metric,
    facility: series.facility,
    current: reportedReading(series.current),
    sources: series.sources,
    outlets: series.outlets,
    lastChange: series.lastChange && { type: series.lastChange.type, at: series.lastChange.at },
    updatedAt: series.updatedAt,
  });
}

export function historyEntry(observation: Observation): HistoryEntry {
  return defined({
    ...reportedReading(observation),
    // Only batches are marked: `increment: false` would say no more than its absence.
    increment: observation.increment || undefined,
    as_of: observation.as_of,
  });
}

export function alertView(alert: Alert): AlertView {
  const previous = alert.previous;
  return defined({
    id: alert.id,
    type: alert.type,
    // A previous reading may lack provenance: what it has is shown.
    previous:
      previous &&
      defined({
        value: previous.value,
        bound: previous.bound,
        quote: previous.quote,
        link: previous.link,
        outlet: previous.outlet,
        published: previous.published,
      }),
    current: reportedReading(alert.current),
    sources: alert.sources,
    createdAt: alert.createdAt,
    sentAt: alert.sentAt,
  });
}

/** An alert listed among those of every series says which series it is about. */
export function changeView(alert: Alert): ChangeView {
  return defined({ metric: alert.metric, facility: alert.facility, ...alertView(alert) });
}

export function feedView(state: FeedState): FeedView {
  return defined({
    url: state.url,
    lastSuccess: state.lastSuccess,
    consecutiveFailures: state.consecutiveFailures,
    lastError: state.lastError,
    nextAttempt: state.nextAttempt,
  });
}
