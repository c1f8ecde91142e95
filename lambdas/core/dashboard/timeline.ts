/**
 * Which reports move a series' line over time. The store does not record what each observation
 * did, so it is read back from what it does record: a batch (`increment`) or a figure told as
 * history (`as_of`) never moves a series, and a report that raised a conflict alert left the
 * series as it was. Every other report is taken to have set the figure from its publication
 * on; a report published late among earlier ones (which the poller files as history) is
 * thereby drawn at its own time, as the figure the outlets gave then.
 */
import type { AlertView, HistoryEntry, ReportedReading } from '../query/views.js';

/** Only a 'step' report moves the line; the others are drawn as points beside it. */
export type PointRole = 'step' | 'batch' | 'as_of' | 'disputed';

export interface TimelinePoint {
  entry: HistoryEntry;
  /** Milliseconds since the epoch, as published. */
  time: number;
  role: PointRole;
}

export interface Timeline {
  /** Oldest first. */
  points: TimelinePoint[];
  conflicts: AlertView[];
}

/** A conflict alert keeps the disputed report's reading and provenance, which together single out its observation. */
const reportKey = ({ published, outlet, link, value, bound }: ReportedReading) => JSON.stringify([published, outlet, link, value, bound]);

function roleOf(entry: HistoryEntry, disputed: Set<string>): PointRole {
  if (entry.increment) return 'batch';
  if (entry.as_of !== undefined) return 'as_of';
  return disputed.has(reportKey(entry)) ? 'disputed' : 'step';
}

export function timelineOf(history: HistoryEntry[], alerts: AlertView[]): Timeline {
  const conflicts = alerts.filter((alert) => alert.type === 'conflict');
  const disputed = new Set(conflicts.map((alert) => reportKey(alert.current)));
  const points = history
    .map((entry) => ({ entry, time: Date.parse(entry.published), role: roleOf(entry, disputed) }))
    .sort((a, b) => a.time - b.time);
  return { points, conflicts };
}

/** What a point's role adds to its description, in words. */
export function roleNote({ role, entry }: TimelinePoint): string {
  switch (role) {
    case 'batch':
      return 'one batch, not a running total';
    case 'as_of':
      return `told as history, as of ${entry.as_of}`;
    case 'disputed':
      return 'disputed: another outlet gave a different figure';
    case 'step':
      return '';
  }
}
