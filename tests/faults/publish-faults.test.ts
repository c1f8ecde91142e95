/**
 * Publishing under faults, seen from the subscriber's queue. SNS throttling, failing and timing out
 * on Publish: an alert SNS did not take stays pending and goes out with the next cycle, once; one
 * SNS took but whose answer was lost is sent again by the SDK's retry, as SNS cannot tell the two
 * apart. Then the poller killed (SIGKILL, in a process of its own) at the worst moments: after
 * storing its alerts and before sending them, after SNS took one and before recording it, and
 * halfway through recording it. The next cycle sends what was not sent and not again what was,
 * except where nothing recorded the send: that alert comes again once its claim lapses, counted
 * apart as redelivered after a crash, since SNS has no idempotent Publish.
 */
import { describe, expect, it } from 'vitest';
import { about, type RequestInput } from './sdk-faults.js';
import { describeChange, NEXT_RUN_MINUTES, pollConfig, STORY } from '../support/demo-story.js';
import { Scenario, useWorld } from './world.js';

const PUBLISH = 'PublishCommand';
/** Spawning a child with tsx costs a second or two. */
const KILLED_RUN_TIMEOUT_MS = 30_000;

const world = useWorld();

describe('a Publish SNS refuses beyond retries', () => {
  it.each([
    ['throttled', 'throttled'],
    ['answered with a 500', 'internal-error'],
    ['timed out before SNS got it', 'timeout'],
  ] as const)('%s: that alert alone waits, and the next cycle sends it', async (_, fault) => {
    const scenario = await Scenario.open(world(), { after: 3 });
    scenario.snsFaults.plan({ command: PUBLISH, calls: [1], fault });
    const report = await scenario.poll(4);
    expect(report.unsent.map(describeChange)).toEqual([STORY[3]![0]]);
    expect(await scenario.delivered()).toEqual([STORY[3]![1]]);
    await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(4)).toEqual([]);
  });
});

describe('SNS unavailable for a whole cycle', () => {
  it('sends nothing and keeps every alert; the next cycle sends each once', async () => {
    const scenario = await Scenario.open(world(), { after: 4 });
    scenario.snsFaults.plan({ command: PUBLISH, fault: 'unavailable' });
    const report = await scenario.poll(5);
    expect(report.unsent.map(describeChange).sort()).toEqual([...STORY[4]!].sort());
    expect(await scenario.delivered()).toEqual([]);
    scenario.snsFaults.clear();
    await scenario.poll(5, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(5)).toEqual([]);
  });
});

describe('a throttle, a 503 and a timeout on the first attempt', () => {
  it("are absorbed by the SDK's retry: each alert is sent once, in this cycle", async () => {
    const scenario = await Scenario.open(world(), { after: 4 });
    scenario.snsFaults.plan(
      { command: PUBLISH, calls: [1], attempts: 1, fault: 'throttled' },
      { command: PUBLISH, calls: [2], attempts: 1, fault: 'unavailable' },
      { command: PUBLISH, calls: [3], attempts: 1, fault: 'timeout' },
    );
    const report = await scenario.poll(5);
    expect(report.unsent).toEqual([]);
    expect(scenario.snsFaults.injected).toBe(3);
    expect(await scenario.settle(5)).toEqual([]);
  });
});

describe('a Publish SNS took whose answer was lost', () => {
  it("is sent again by the SDK's retry: the subscriber gets it twice, under one alert id to drop the copy by", async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    scenario.snsFaults.plan({ command: PUBLISH, calls: [1], attempts: 1, at: 'response', fault: 'timeout' });
    await scenario.poll(4);
    const [first] = await scenario.delivered();
    await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(4, { redeliveredAfterCrash: [first!] })).toEqual([]);
    expect(scenario.figures).toMatchObject({ delivered: 2, redelivered: 1 });
  });
});

describe('a digest SNS throttles beyond retries', () => {
  const digest = pollConfig({ digest: { windowMinutes: 60, immediateChanges: ['conflict'] } });

  it('keeps every alert it carries, and the next cycle sends them together, once', async () => {
    const scenario = await Scenario.open(world());
    await scenario.poll(1, { deps: scenario.deps(digest) });
    scenario.snsFaults.plan({ command: PUBLISH, fault: 'throttled' });
    const held = await scenario.poll(1, { at: 61, deps: scenario.deps(digest) });
    expect(held.unsent.map(describeChange).sort()).toEqual([...STORY[0]!].sort());
    scenario.snsFaults.clear();
    await scenario.poll(1, { at: 61 + NEXT_RUN_MINUTES, deps: scenario.deps(digest) });
    expect(await scenario.settle(1)).toEqual([]);
  });
});

const removesFromOutbox = (input: RequestInput) => about('SERIES')(input) && String(input.UpdateExpression).startsWith('REMOVE outbox');

describe('killed after storing its alerts, as it publishes the first', () => {
  it(
    'a run within the claim sends the other; the first goes once its claim lapses, each once',
    async () => {
      const scenario = await Scenario.open(world());
      await scenario.pollKilled(1, 'publish');
      expect(await scenario.delivered()).toEqual([]);
      const withinClaim = await scenario.poll(1, { at: 2 });
      expect(withinClaim.sent).toHaveLength(1);
      await scenario.poll(1, { at: NEXT_RUN_MINUTES });
      expect((await scenario.delivered()).sort()).toEqual([...STORY[0]!].sort());
      expect(await scenario.settle(1)).toEqual([]);
    },
    KILLED_RUN_TIMEOUT_MS,
  );
});

describe('killed after SNS took an alert, before recording that it did', () => {
  it(
    'sends it again once its claim lapses: the one redelivery no store can prevent',
    async () => {
      const scenario = await Scenario.open(world());
      await scenario.pollKilled(1, 'sent-mark');
      const [published] = await scenario.delivered();
      await scenario.poll(1, { at: NEXT_RUN_MINUTES });
      expect(await scenario.settle(1, { redeliveredAfterCrash: [published!] })).toEqual([]);
      expect(scenario.figures).toMatchObject({ delivered: 2, duplicated: 0, redelivered: 1 });
    },
    KILLED_RUN_TIMEOUT_MS,
  );
});

describe('killed after recording the send in the alert log, before taking the alert out of its outbox', () => {
  it(
    'the next cycle finishes recording it, and sends it no second time',
    async () => {
      const scenario = await Scenario.open(world());
      await scenario.pollKilled(1, 'outbox-removal');
      expect(await scenario.delivered()).toHaveLength(1);
      await scenario.poll(1, { at: NEXT_RUN_MINUTES });
      expect(await scenario.settle(1)).toEqual([]);
    },
    KILLED_RUN_TIMEOUT_MS,
  );
});

describe('the outbox removal failing beyond retries, the run alive', () => {
  it('publishes the other alerts all the same; the next cycle finishes recording each, and sends none again', async () => {
    const scenario = await Scenario.open(world(), { after: 4 });
    scenario.dynamoFaults.plan({ command: 'UpdateItemCommand', where: removesFromOutbox, fault: 'internal-error' });
    const report = await scenario.poll(5);
    expect(report.sent).toHaveLength(STORY[4]!.length);
    scenario.dynamoFaults.clear();
    await scenario.poll(5, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(5)).toEqual([]);
  });
});
