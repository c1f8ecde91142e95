import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { formatDigest } from '../../lambdas/core/alert/digest.js';
import { defaultMetricLabels } from '../../lambdas/core/alert/format.js';
import { fitsOneSms } from '../../lambdas/core/alert/sms-encoding.js';

function alert(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    type: 'increase',
    metric: 'detainees_transferred',
    previous: { value: 1380, bound: 'exact' },
    current: {
      value: 2250,
      bound: 'exact',
      quote: 'A total of 2,250 detainees have been moved to Iraq.',
      link: `https://levantwire.example/${id}`,
      outlet: 'Levant Wire',
      published: '2026-02-10T09:40:00.000Z',
    },
    sources: 1,
    createdAt: '2026-02-10T10:00:00.000Z',
    ...overrides,
  };
}

const camp = alert('camp', {
  type: 'decrease',
  metric: 'camp_population',
  facility: 'al-Hol',
  previous: { value: 24000, bound: 'at_least' },
  current: { ...alert('x').current, value: 21000, bound: 'approx' },
});

describe('a digest', () => {
  it('counts its changes in a subject under 100 characters', () => {
    const { subject } = formatDigest([alert('a'), camp], defaultMetricLabels);
    expect(subject.startsWith('transfer-watch: 2 changes: ')).toBe(true);
    expect(subject.length).toBeLessThan(100);
  });

  it('carries every alert in its JSON, each as the contract gives it', () => {
    const parsed = JSON.parse(formatDigest([alert('a'), camp], defaultMetricLabels).json) as {
      type: string;
      alerts: Array<Record<string, unknown>>;
    };
    expect(parsed.type).toBe('digest');
    expect(parsed.alerts.map((item) => [item.type, item.metric, item.facility])).toEqual([
      ['increase', 'detainees_transferred', undefined],
      ['decrease', 'camp_population', 'al-Hol'],
    ]);
  });

  it('lists metrics, facilities and changes in its attributes, with the largest move as magnitude', () => {
    expect(formatDigest([alert('a'), camp], defaultMetricLabels).attributes).toEqual({
      metric: ['detainees_transferred', 'camp_population'],
      facility: ['none', 'al-Hol'],
      change: ['increase', 'decrease'],
      magnitude: 3000,
    });
  });

  it('puts as many SMS lines as one message holds and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => alert(`a${i}`, { current: { ...alert('x').current, value: 2250 + i } }));
    const { sms } = formatDigest(many, defaultMetricLabels);
    expect(fitsOneSms(sms)).toBe(true);
    expect(sms).toMatch(/\+\d more$/);
  });
});
