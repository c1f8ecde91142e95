/**
 * Change semantics: what an observation does to its series (topic.md, "Change semantics").
 */
import { describe, expect, it } from 'vitest';
import { alertId, decide, planChange, type DiffSettings } from '../../lambdas/core/diff/diff.js';
import type { Observation, SeriesState } from '../../lambdas/core/series/series.js';

const settings: DiffSettings = { thresholds: { absolute: 0, relative: 0 }, conflict: { windowHours: 6, margin: 0.1 } };
const NOW = '2026-02-10T12:00:00.000Z';

function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    metric: 'detainees_transferred',
    value: 2250,
    bound: 'exact',
    quote: 'US forces have now moved a total of 2,250 detainees to Iraq.',
    link: 'https://levantwire.example/2250',
    outlet: 'Levant Wire',
    published: '2026-02-10T09:00:00.000Z',
    storyId: 'story-2250',
    observedAt: NOW,
    ...overrides,
  };
}

function series(overrides: Partial<SeriesState> = {}): SeriesState {
  return {
    metric: 'detainees_transferred',
    current: {
      value: 1380,
      bound: 'exact',
      quote: 'The total moved reached 1,380.',
      link: 'https://levantwire.example/1380',
      outlet: 'Levant Wire',
      published: '2026-02-01T10:00:00.000Z',
    },
    sources: 2,
    outlets: ['Levant Wire', 'The Gulf Daily'],
    version: 4,
    updatedAt: '2026-02-01T10:05:00.000Z',
    ...overrides,
  };
}

describe('decide', () => {
  it('alerts "new" on the first figure of a series', () => {
    expect(decide(undefined, observation(), 'cumulative', settings)).toEqual({ kind: 'move', alert: 'new' });
  });

  it('alerts "increase" when a cumulative figure rises in a later report', () => {
    expect(decide(series(), observation(), 'cumulative', settings)).toEqual({ kind: 'move', alert: 'increase' });
  });

  it('alerts "decrease" when a stock falls', () => {
    expect(decide(series(), observation({ value: 900 }), 'stock', settings)).toEqual({ kind: 'move', alert: 'decrease' });
  });

  it('alerts "revised" when a target changes', () => {
    expect(decide(series(), observation({ value: 6800 }), 'target', settings)).toEqual({ kind: 'move', alert: 'revised' });
  });

  it('counts the same figure from another outlet as a corroboration', () => {
    expect(decide(series(), observation({ value: 1380, outlet: 'Syria Detention Monitor' }), 'cumulative', settings)).toEqual({
      kind: 'corroboration',
    });
  });

  it('adds no source when an outlet that already reported the figure reports it again', () => {
    expect(decide(series(), observation({ value: 1380 }), 'cumulative', settings)).toEqual({ kind: 'history', reason: 'same_outlet' });
  });

  it('keeps a change of bound alone in the history', () => {
    expect(decide(series(), observation({ value: 1380, bound: 'at_least' }), 'cumulative', settings)).toEqual({
      kind: 'history',
      reason: 'bound_only',
    });
  });

  it('keeps a report older than the current figure in the history', () => {
    expect(decide(series(), observation({ published: '2026-01-30T00:00:00.000Z' }), 'cumulative', settings)).toEqual({
      kind: 'history',
      reason: 'stale',
    });
  });

  it('never lets a batch overwrite a total', () => {
    expect(decide(series(), observation({ value: 600, increment: true }), 'cumulative', settings)).toEqual({
      kind: 'history',
      reason: 'increment',
    });
  });

  it('never takes a figure told as history for news', () => {
    expect(decide(undefined, observation({ as_of: '2019' }), 'stock', settings)).toEqual({ kind: 'history', reason: 'as_of' });
  });

  it('alerts "conflict" when another outlet reports a figure far off within hours', () => {
    const current = series({ current: { ...series().current, value: 2250, published: '2026-02-10T09:00:00.000Z' } });
    const other = observation({ value: 3100, outlet: 'Syria Detention Monitor', published: '2026-02-10T13:00:00.000Z' });
    expect(decide(current, other, 'cumulative', settings)).toEqual({ kind: 'conflict' });
  });

  it('reads the same outlet updating its own figure within hours as an increase, not a conflict', () => {
    const current = series({ current: { ...series().current, value: 2250, published: '2026-02-10T09:00:00.000Z' } });
    expect(decide(current, observation({ value: 3100, published: '2026-02-10T13:00:00.000Z' }), 'cumulative', settings)).toEqual({
      kind: 'move',
      alert: 'increase',
    });
  });

  it('records a move below the absolute threshold without an alert', () => {
    const strict = { ...settings, thresholds: { absolute: 1000, relative: 0 } };
    expect(decide(series(), observation({ value: 1500 }), 'cumulative', strict)).toEqual({ kind: 'move' });
  });

  it('records a move below the relative threshold without an alert', () => {
    const strict = { ...settings, thresholds: { absolute: 0, relative: 0.2 } };
    expect(decide(series(), observation({ value: 1500 }), 'cumulative', strict)).toEqual({ kind: 'move' });
  });
});

describe('planChange', () => {
  it('moves the series, resets its sources and raises the alert with the previous figure', () => {
    const change = planChange(series(), observation(), { kind: 'move', alert: 'increase' }, NOW);
    expect(change.expectedVersion).toBe(4);
    expect(change.series).toMatchObject({
      current: { value: 2250, outlet: 'Levant Wire' },
      sources: 1,
      outlets: ['Levant Wire'],
      version: 5,
    });
    expect(change.alert).toMatchObject({
      type: 'increase',
      metric: 'detainees_transferred',
      previous: { value: 1380, bound: 'exact' },
      current: { value: 2250, bound: 'exact', link: 'https://levantwire.example/2250' },
      sources: 1,
      createdAt: NOW,
    });
  });

  it('adds a source on a corroboration, without an alert', () => {
    const change = planChange(series(), observation({ value: 1380, outlet: 'Monitor' }), { kind: 'corroboration' }, NOW);
    expect(change.series).toMatchObject({
      current: { value: 1380 },
      sources: 3,
      outlets: ['Levant Wire', 'The Gulf Daily', 'Monitor'],
      version: 5,
    });
    expect(change.alert).toBeUndefined();
  });

  it('writes only the observation for history', () => {
    const change = planChange(series(), observation({ increment: true }), { kind: 'history', reason: 'increment' }, NOW);
    expect(change.series).toBeUndefined();
    expect(change.alert).toBeUndefined();
  });

  it('leaves the current figure in place on a conflict and names both reports in the alert', () => {
    const change = planChange(series(), observation({ value: 3100, outlet: 'Monitor' }), { kind: 'conflict' }, NOW);
    expect(change.series?.current.value).toBe(1380);
    expect(change.alert).toMatchObject({
      type: 'conflict',
      previous: { value: 1380, outlet: 'Levant Wire' },
      current: { value: 3100, outlet: 'Monitor' },
    });
  });
});

describe('alert id', () => {
  it('is the same for the same change read by two runs', () => {
    expect(alertId('increase', series(), observation())).toBe(alertId('increase', series(), observation({ observedAt: 'later' })));
  });

  it('differs when the series it moves from differs', () => {
    expect(alertId('increase', series(), observation())).not.toBe(alertId('increase', series({ version: 5 }), observation()));
  });
});
