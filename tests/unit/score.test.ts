import { describe, expect, it } from 'vitest';
import { compareFigures, qualifierAgreement, scoresOf, Tally } from '../../lambdas/core/evaluate/score.js';

const moved150 = { metric: 'detainees_transferred', value: 150, bound: 'exact' };
const planned7000 = { metric: 'transfer_planned', value: 7000, bound: 'at_most' };

describe('comparing extracted figures with labels', () => {
  it('matches a figure only when metric, value, bound and facility all agree', () => {
    const result = compareFigures([moved150], [{ ...moved150, bound: 'approx' }]);
    expect(result.matched).toEqual([]);
    expect(result.missed).toEqual([moved150]);
    expect(result.spurious).toEqual([{ ...moved150, bound: 'approx' }]);
  });

  it('counts a repeated figure once per label, as a multiset', () => {
    const result = compareFigures([moved150], [moved150, moved150]);
    expect(result.matched).toHaveLength(1);
    expect(result.spurious).toHaveLength(1);
  });

  it('treats a missing facility and a named one as different figures', () => {
    const result = compareFigures([{ ...moved150, facility: 'Ghwayran' }], [moved150]);
    expect(result.missed).toHaveLength(1);
  });
});

describe('scores', () => {
  it('computes precision, recall and F1 from the counts', () => {
    const scores = scoresOf({ truePositives: 8, falsePositives: 2, falseNegatives: 0 });
    expect(scores).toMatchObject({ precision: 0.8, recall: 1 });
    expect(scores.f1).toBeCloseTo(8 / 9, 12);
  });

  it('tallies per metric and overall', () => {
    const tally = new Tally();
    tally.add(compareFigures([moved150, planned7000], [moved150]));
    expect(Object.fromEntries(tally.metrics().map(([metric, scores]) => [metric, scores.recall]))).toEqual({
      detainees_transferred: 1,
      transfer_planned: 0,
    });
    expect(tally.overall()).toMatchObject({ truePositives: 1, falseNegatives: 1, falsePositives: 0 });
  });
});

describe('batch flags and history dates on matched figures', () => {
  it('counts how often increment and as_of agree with the labels', () => {
    const labels = [
      { ...moved150, increment: true },
      { metric: 'camp_population', value: 73000, bound: 'exact', facility: 'al-Hol', as_of: '2019' },
    ];
    const matched = [moved150, { metric: 'camp_population', value: 73000, bound: 'exact', facility: 'al-Hol', as_of: '2019' }];
    expect(qualifierAgreement(labels, matched)).toEqual({ increment: { agree: 1, total: 2 }, asOf: { agree: 2, total: 2 } });
  });
});
