import { describe, expect, it } from 'vitest';
import { filterPolicyOf } from '../../lambdas/adapters/publish/sns-filter-policy.js';

describe('a subscriber’s filter as an SNS filter policy', () => {
  it('lets everything through when there is no filter', () => {
    expect(filterPolicyOf(undefined)).toBeUndefined();
    expect(filterPolicyOf({})).toBeUndefined();
  });

  it('matches the metric, facility and change attributes against the listed values', () => {
    expect(filterPolicyOf({ metrics: ['detainees_transferred'], facilities: ['al-Hol'], changes: ['increase', 'conflict'] })).toEqual({
      metric: ['detainees_transferred'],
      facility: ['al-Hol'],
      change: ['increase', 'conflict'],
    });
  });

  it('turns a least magnitude into a numeric condition on the magnitude attribute', () => {
    expect(filterPolicyOf({ minMagnitude: 500 })).toEqual({ magnitude: [{ numeric: ['>=', 500] }] });
  });

  it('lists a value given twice once', () => {
    expect(filterPolicyOf({ metrics: ['escaped', 'escaped'] })).toEqual({ metric: ['escaped'] });
  });

  it('refuses a filter of more combinations than SNS allows, saying how many', () => {
    const many = Array.from({ length: 16 }, (_, index) => `facility ${index}`);
    expect(() =>
      filterPolicyOf({
        metrics: ['escaped', 'recaptured'],
        facilities: many,
        changes: ['new', 'increase', 'decrease', 'revised', 'conflict'],
      }),
    ).toThrow('a subscription filter of 160 combinations (metrics x facilities x changes) is more than SNS allows (150); list fewer');
  });
});
