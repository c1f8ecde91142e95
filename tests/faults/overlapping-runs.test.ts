/**
 * Runs that overlap: the same scheduled event delivered twice (EventBridge delivers at least once;
 * Lambda retries), one after the other or both at once under the poller's lease, and two cycles
 * at once without it, as a terminal `poll` beside the deployed poller would run. Through the whole
 * story, each alert must reach the subscriber once.
 */
import { describe, expect, it } from 'vitest';
import { runPollCycle } from '../../lambdas/core/poll/poll-cycle.js';
import { runScheduledPoll, type ScheduledRunResult } from '../../lambdas/core/poll/scheduled-run.js';
import { about } from './sdk-faults.js';
import { STORY, stepTime } from '../support/demo-story.js';
import { Scenario, useWorld } from './world.js';

/** As the deployed poller asks: past the longest a run can take. */
const LEASE_MS = 15 * 60_000;

const world = useWorld();

/** One delivery of a snapshot's scheduled event, as one Lambda invocation with its own request id. */
function invocation(scenario: Scenario, requestId: string): Promise<ScheduledRunResult> {
  return runScheduledPoll(scenario.deps(), scenario.feeds(), { runId: requestId, leaseMs: LEASE_MS });
}

function at(scenario: Scenario, step: number): void {
  scenario.show(step);
  scenario.now = stepTime(step);
}

describe('the same scheduled event delivered twice', () => {
  it('one after the other: the second run finds nothing new, and each alert is sent once', async () => {
    const scenario = await Scenario.open(world());
    for (let step = 1; step <= STORY.length; step += 1) {
      at(scenario, step);
      await invocation(scenario, `step-${step}-first`);
      const second = await invocation(scenario, `step-${step}-again`);
      expect(second).toMatchObject({ ran: true, run: { figures: 0, sent: 0 } });
    }
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });

  it('both at once: the lease lets one run, and each alert is sent once', async () => {
    const scenario = await Scenario.open(world());
    for (let step = 1; step <= STORY.length; step += 1) {
      at(scenario, step);
      const runs = await Promise.all([invocation(scenario, `step-${step}-a`), invocation(scenario, `step-${step}-b`)]);
      expect(runs.map((run) => run.ran).sort()).toEqual([false, true]);
    }
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });

  it("when the lease's write is done and its answer lost, the run that took it still runs", async () => {
    const scenario = await Scenario.open(world());
    scenario.dynamoFaults.plan({ command: 'PutItemCommand', where: about('LEASE'), attempts: 1, at: 'response', fault: 'timeout' });
    at(scenario, 1);
    expect(await invocation(scenario, 'step-1')).toMatchObject({ ran: true, run: { sent: STORY[0]!.length } });
    expect(await scenario.settle(1)).toEqual([]);
  });
});

describe('two cycles at once, without the lease', () => {
  it('store each change once and send it once, conflicts included', async () => {
    const scenario = await Scenario.open(world());
    for (let step = 1; step <= STORY.length; step += 1) {
      at(scenario, step);
      await Promise.all([runPollCycle(scenario.deps(), scenario.feeds()), runPollCycle(scenario.deps(), scenario.feeds())]);
      expect((await scenario.delivered()).length, `snapshot ${step}`).toBe(STORY.slice(0, step).flat().length);
    }
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });
});
