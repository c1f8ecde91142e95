import type { Bound } from '../extract/figure.js';

/** A series is one (metric, facility) pair. */
export interface SeriesKey {
  metric: string;
  facility?: string;
}

export interface Reading {
  value: number;
  bound: Bound;
}

/** Where a figure was read: what every alert shows so that it can be checked. */
export interface Provenance {
  quote: string;
  link: string;
  outlet: string;
  /** ISO time the item was published (or first seen, when the feed gives no date). */
  published: string;
}

/** One figure as one story reported it. */
export interface Observation extends SeriesKey, Reading, Provenance {
  increment?: boolean;
  as_of?: string;
  /** The story it came from: syndicated copies of one text share it. */
  storyId: string;
  observedAt: string;
}

export interface SeriesState extends SeriesKey {
  current: Reading & Provenance;
  /** How many distinct outlets have reported the current value. */
  sources: number;
  /** Those outlets: a story updated in place, or a copy in a second feed of the same outlet, adds none. */
  outlets: string[];
  lastChange?: { type: string; at: string };
  /** Raised by every write, so two runs can never both move the series from the same state. */
  version: number;
  updatedAt: string;
}

/** A stable id for a series, usable in storage keys and URLs. */
export function seriesId({ metric, facility }: SeriesKey): string {
  return facility === undefined ? metric : `${metric}@${facility}`;
}
