import { createHash } from 'node:crypto';
import type { Alert, ChangeType } from '../alert/alert.js';
import type { Config } from '../config/config.js';
import type { Change } from '../poll/ports.js';
import { seriesId, type Observation, type Provenance, type Reading, type SeriesState } from '../series/series.js';
import type { MetricKind } from '../topic/topic.js';

export type DiffSettings = Pick<Config, 'thresholds' | 'conflict'>;

/** What an observation does to its series, and why: the semantics of a change worth an alert. */
export type Decision =
  | { kind: 'history'; reason: 'increment' | 'as_of' | 'stale' | 'bound_only' | 'same_outlet' }
  | { kind: 'corroboration' }
  | { kind: 'move'; alert?: ChangeType }
  | { kind: 'conflict' };

const HOUR_MS = 3_600_000;

export function decide(series: SeriesState | undefined, observation: Observation, kind: MetricKind, settings: DiffSettings): Decision {
  // A batch is never a running total, and a figure told as history is never news.
  if (observation.increment) return { kind: 'history', reason: 'increment' };
  if (observation.as_of !== undefined) return { kind: 'history', reason: 'as_of' };
  if (!series) return { kind: 'move', alert: 'new' };
  const current = series.current;
  if (observation.value === current.value) {
    if (observation.bound !== current.bound) return { kind: 'history', reason: 'bound_only' };
    return series.outlets.includes(observation.outlet) ? { kind: 'history', reason: 'same_outlet' } : { kind: 'corroboration' };
  }
  const published = Date.parse(observation.published);
  const currentPublished = Date.parse(current.published);
  if (published < currentPublished) return { kind: 'history', reason: 'stale' };
  const delta = Math.abs(observation.value - current.value);
  const share = delta / Math.max(1, Math.abs(current.value));
  // Another outlet, hours apart, far off: two sources disagree, and neither replaces the other.
  const closeTogether = published - currentPublished <= settings.conflict.windowHours * HOUR_MS;
  if (closeTogether && observation.outlet !== current.outlet && share > settings.conflict.margin) {
    return { kind: 'conflict' };
  }
  if (delta < settings.thresholds.absolute || share < settings.thresholds.relative) return { kind: 'move' };
  if (kind === 'target') return { kind: 'move', alert: 'revised' };
  return { kind: 'move', alert: observation.value > current.value ? 'increase' : 'decrease' };
}

/** Same change, same id, whichever run reads it: the key that keeps an alert single. */
export function alertId(type: ChangeType, series: SeriesState | undefined, observation: Observation): string {
  const previous = series ? `${series.current.value}/${series.current.bound}/${series.version}` : '-';
  const parts = [type, seriesId(observation), previous, `${observation.value}/${observation.bound}`, observation.storyId];
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32);
}

/** The writes an observation leads to: always itself, and the series and alert when it moves or corroborates one. */
export function planChange(series: SeriesState | undefined, observation: Observation, decision: Decision, now: string): Change {
  const expectedVersion = series ? series.version : null;
  const reading = readingOf(observation);
  switch (decision.kind) {
    case 'history':
      return { observation, expectedVersion };
    case 'corroboration':
      return {
        observation,
        expectedVersion,
        series: {
          ...series!,
          sources: series!.sources + 1,
          outlets: [...series!.outlets, observation.outlet],
          version: series!.version + 1,
          updatedAt: now,
        },
      };
    case 'conflict': {
      const alert = buildAlert('conflict', series, observation, now, series!.sources);
      return {
        observation,
        expectedVersion,
        series: { ...series!, lastChange: { type: 'conflict', at: now }, version: series!.version + 1, updatedAt: now },
        alert,
      };
    }
    case 'move': {
      const next: SeriesState = {
        metric: observation.metric,
        ...(observation.facility !== undefined ? { facility: observation.facility } : {}),
        current: reading,
        sources: 1,
        outlets: [observation.outlet],
        ...(decision.alert
          ? { lastChange: { type: decision.alert, at: now } }
          : series?.lastChange
            ? { lastChange: series.lastChange }
            : {}),
        version: (series?.version ?? 0) + 1,
        updatedAt: now,
      };
      return {
        observation,
        expectedVersion,
        series: next,
        ...(decision.alert ? { alert: buildAlert(decision.alert, series, observation, now, 1) } : {}),
      };
    }
  }
}

function buildAlert(type: ChangeType, series: SeriesState | undefined, observation: Observation, now: string, sources: number): Alert {
  return {
    id: alertId(type, series, observation),
    type,
    metric: observation.metric,
    ...(observation.facility !== undefined ? { facility: observation.facility } : {}),
    previous: series ? { ...series.current } : null,
    current: readingOf(observation),
    sources,
    createdAt: now,
  };
}

/** The figure and its provenance, without what only the history keeps (story, batch, date told). */
function readingOf({ value, bound, quote, link, outlet, published }: Observation): Reading & Provenance {
  return { value, bound, quote, link, outlet, published };
}
