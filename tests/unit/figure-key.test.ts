import { describe, expect, it } from 'vitest';
import { figureKey } from '../../lambdas/core/extract/extract.js';

describe('the key that makes two readings one figure', () => {
  it('writes an empty field for each detail the figure lacks', () => {
    expect(figureKey({ metric: 'escaped', value: 1500, bound: 'at_least' })).toBe('escaped|1500|at_least|||');
  });

  it('writes every detail the figure has, in a fixed order', () => {
    expect(
      figureKey({ metric: 'detainees_held', value: 9000, bound: 'approx', facility: 'Ghwayran', increment: true, as_of: '2019-03' }),
    ).toBe('detainees_held|9000|approx|Ghwayran|true|2019-03');
  });
});
