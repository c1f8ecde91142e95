/** How figures, times and series read on the page, in words shared by every part of it. */
import type { ChangeType } from '../alert/alert.js';
import { defaultMetricLabels } from '../alert/format.js';
import type { Bound } from '../extract/figure.js';
import type { Reading, SeriesKey } from '../series/series.js';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** The words before a figure; an exact figure needs none. */
const BOUND_WORDS: Record<Bound, string> = { exact: '', at_least: 'more than ', at_most: 'up to ', approx: 'about ' };

/** A bound named on its own, where an exact figure must say that it is one. */
export const BOUND_NAMES: Record<Bound, string> = { exact: 'exact', at_least: 'more than', at_most: 'up to', approx: 'about' };

export function withBound({ value, bound }: Reading): string {
  return `${BOUND_WORDS[bound]}${formatNumber(value)}`;
}

/** A time that does not parse is shown as stored rather than breaking the page. */
function utc(iso: string): string | undefined {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** "2026-01-21": the same on every machine and in every reader's language. */
export function day(iso: string): string {
  return utc(iso)?.slice(0, 10) ?? iso;
}

/** "2026-01-21 06:14 UTC". */
export function minute(iso: string): string {
  const normal = utc(iso);
  return normal === undefined ? iso : `${normal.slice(0, 10)} ${normal.slice(11, 16)} UTC`;
}

/** A series as a noun phrase: "IS detainees moved to Iraq", "camp population at al-Hol". */
export function seriesNoun({ metric, facility }: SeriesKey): string {
  const label = defaultMetricLabels.metric(metric);
  return facility === undefined ? label : `${label} at ${facility}`;
}

export function seriesTitle(key: SeriesKey): string {
  const noun = seriesNoun(key);
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

export const CHANGE_NAMES: Record<ChangeType, string> = {
  new: 'New figure',
  increase: 'Increase',
  decrease: 'Decrease',
  revised: 'Revised',
  conflict: 'Sources disagree',
};

export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
