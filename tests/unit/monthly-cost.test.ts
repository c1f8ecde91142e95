import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, monthlyCost, PRICES } from '../../bench/monthly-cost.js';

/** No work of our own: only the waits the model assumes. */
const idle = { unchangedS: 0, newItemS: 0, writesPerNewItem: 0, requestsPerNewItem: 0 };
/** Per-feed figures of the kind the poll-cycle benchmark measures. */
const measured = { unchangedS: 0.0027, newItemS: 0.00115, writesPerNewItem: 0.48, requestsPerNewItem: 0.53 };

describe('the monthly cost of polling', () => {
  it('is the alarms, metrics, key and secret, and the alerts, when polling itself costs nothing', () => {
    const cost = monthlyCost(idle, 10, 60);
    expect(cost.fixed).toBeCloseTo(6 * 0.1 + 6 * 0.3 + 1 + 0.4, 6);
    expect(cost.alerts).toBeCloseTo(ASSUMPTIONS.alertsPerDay * (730 / 24) * (PRICES.snsPublish + 5 * PRICES.snsEmail), 6);
  });

  it('charges Lambda for the time the feeds are waited on, shared among the concurrent fetches', () => {
    const waitPerFeedS = (ASSUMPTIONS.feedWaitS + ASSUMPTIONS.storeRequestS) / ASSUMPTIONS.concurrency;
    const ticks = 730;
    const expected = ticks * ((10 * waitPerFeedS * 512) / 1024) * PRICES.lambdaGbSecond + ticks * PRICES.lambdaRequest;
    expect(monthlyCost(idle, 10, 60).lambda).toBeCloseTo(expected, 8);
  });

  it('polls a thousand feeds every five minutes in one function, and ten thousand only with fan-out', () => {
    expect(monthlyCost(measured, 1_000, 5).mode).toBe('single');
    const large = monthlyCost(measured, 10_000, 5);
    expect(large.mode).toBe('fan-out');
    expect(large.queue).toBeGreaterThan(0);
  });

  it('counts on fan-out past the thousand feeds the benchmark measures in one cycle, however long the schedule', () => {
    expect(monthlyCost(idle, 1_001, 60).mode).toBe('fan-out');
  });

  it('costs less the less often it polls', () => {
    const [every5, every15, every60] = [5, 15, 60].map((minutes) => monthlyCost(measured, 1_000, minutes).total);
    expect(every5).toBeGreaterThan(every15!);
    expect(every15).toBeGreaterThan(every60!);
  });
});
