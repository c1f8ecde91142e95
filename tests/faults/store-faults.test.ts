/**
 * DynamoDB throttling, failing with 5xx and answering late in the middle of a cycle: beyond the
 * SDK's retries (two attempts), or done by DynamoDB with the answer lost, so that the SDK's retry
 * finds it done. Every request of a first cycle fails in turn; then the faults that matter most in
 * the story's fourth snapshot, where the wire's 2,250 and the monitor's 3,100 conflict. The next
 * cycle, twenty minutes later, must finish what was cut short: each alert delivered once, the table
 * as a run without faults leaves it; and a write found done is done, not an error.
 */
import { describe, expect, it } from 'vitest';
import type { PollEvent } from '../../lambdas/core/poll/poll-cycle.js';
import { about, describeRequest, type Request, type RequestInput } from './sdk-faults.js';
import { NEXT_RUN_MINUTES, STORY } from '../support/demo-story.js';
import { Scenario, useWorld } from './world.js';

const WRITES = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand'];

const world = useWorld();

type Input = { Item?: { doc?: { S?: string }; sk?: { S?: string } }; ExpressionAttributeValues?: Record<string, { S?: string }> };

/** The outbox and the alert log are read once every feed is done: a cycle that cannot read them ends with the error. */
function readsOutbox({ command, input }: Request): boolean {
  const { RequestItems } = input as { RequestItems?: Record<string, { Keys?: Array<{ pk: { S: string } }> }> };
  return (
    (command === 'QueryCommand' && (input as Input).ExpressionAttributeValues?.[':pk']?.S === 'SERIES') ||
    (command === 'BatchGetItemCommand' && Object.values(RequestItems ?? {})[0]?.Keys?.[0]?.pk.S === 'ALERT')
  );
}

/** The first write after SNS took an alert: if it fails, nothing says the alert was sent. */
function alertMarkedSent({ command, input }: Request): string | undefined {
  const { Item } = input as Input;
  if (command !== 'PutItemCommand' || !about('ALERT')(input)) return undefined;
  const alert = JSON.parse(Item?.doc?.S ?? '{}') as { id: string; sentAt?: string };
  return alert.sentAt === undefined ? undefined : alert.id;
}

/** Fails the nth DynamoDB request of the first cycle on every attempt, then runs the next cycle: what is wrong after. */
async function failRequest(n: number): Promise<string[]> {
  const scenario = await Scenario.open(world());
  scenario.dynamoFaults.plan({ calls: [n], fault: 'internal-error' });
  const threw = await scenario.poll(1).then(
    () => undefined,
    (error: Error) => error,
  );
  const failed = scenario.dynamoFaults.requests[n - 1]!;
  await scenario.poll(1, { at: NEXT_RUN_MINUTES });
  const marked = alertMarkedSent(failed);
  const problems = await scenario.settle(1, { redeliveredAfterCrash: marked ? [marked] : [] });
  return threw && !readsOutbox(failed) ? [`the cycle threw ${threw.name}`, ...problems] : problems;
}

/** The write that records the monitor's 3,100 as a conflict with the wire's 2,250. */
function recordsConflict(input: RequestInput): boolean {
  const values = input.ExpressionAttributeValues as { ':doc'?: { S: string } } | undefined;
  return about('SERIES', 'detainees_transferred')(input) && JSON.parse(values?.[':doc']?.S ?? '{}').lastChange?.type === 'conflict';
}

/** The write that marks a feed's items read, once their figures are recorded. */
function marksItemsOf(file: string): (input: RequestInput) => boolean {
  return (input) => {
    const [writes] = Object.values(input.RequestItems as Record<string, Array<{ PutRequest: { Item: { doc: { S: string } } } }>>);
    const first = writes?.[0]?.PutRequest.Item.doc.S;
    return first !== undefined && (JSON.parse(first) as { feedUrl: string }).feedUrl.endsWith(`/${file}`);
  };
}

describe('each DynamoDB request of the first cycle failing in turn with a 500, beyond retries', () => {
  // The first snapshot starts series, corroborates them from a syndicated copy, and publishes.
  it('whichever it is, the next cycle heals what it cut short', async () => {
    const dry = await Scenario.open(world());
    await dry.poll(1);
    const broken: string[] = [];
    for (const [index, request] of dry.dynamoFaults.requests.entries()) {
      const problems = await failRequest(index + 1);
      if (problems.length > 0) broken.push(`${index + 1}. ${describeRequest(request)}: ${problems.join('; ')}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('the write that records a conflict', () => {
  it('throttled beyond retries: the monitor fails this cycle, and the next raises the conflict once', async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    scenario.dynamoFaults.plan({ command: 'UpdateItemCommand', where: recordsConflict, fault: 'throughput-exceeded' });
    const report = await scenario.poll(4);
    expect(report.feeds.map((feed) => feed.status)).toEqual(['fetched', 'fetched', 'failed']);
    expect(await scenario.delivered()).toEqual(['increase detainees_transferred 1380->2250']);
    scenario.dynamoFaults.clear();
    await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(await scenario.delivered()).toEqual(STORY[3]);
    expect(await scenario.settle(4)).toEqual([]);
  });

  it('done, its answer lost: the retry finds it done, and the conflict is raised once, in this cycle', async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    scenario.dynamoFaults.plan({ command: 'UpdateItemCommand', where: recordsConflict, at: 'response', attempts: 1, fault: 'timeout' });
    const report = await scenario.poll(4);
    expect(report.feeds.map((feed) => feed.status)).toEqual(['fetched', 'fetched', 'fetched']);
    expect(await scenario.delivered()).toEqual(STORY[3]);
    await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(4)).toEqual([]);
  });
});

describe("the monitor's items marked read, after its conflict is recorded", () => {
  it('throttled beyond retries: the next cycle reads the item again and raises nothing more', async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    scenario.dynamoFaults.plan({ command: 'BatchWriteItemCommand', where: marksItemsOf('monitor.xml'), fault: 'throttled' });
    await scenario.poll(4);
    scenario.dynamoFaults.clear();
    const next = await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(next.feeds.find((feed) => feed.feed.endsWith('/monitor.xml'))).toMatchObject({ status: 'fetched', read: 1 });
    expect(await scenario.settle(4)).toEqual([]);
  });
});

describe('DynamoDB unavailable for a whole cycle', () => {
  it('fails every feed, then the cycle itself, which cannot read its outbox; the next cycle does it all', async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    const feeds: string[] = [];
    scenario.dynamoFaults.plan({ fault: 'unavailable' });
    const deps = { ...scenario.deps(), onEvent: (event: PollEvent) => event.type === 'feed' && feeds.push(event.report.status) };
    await expect(scenario.poll(4, { deps })).rejects.toThrow('Service Unavailable');
    expect(feeds).toEqual(['failed', 'failed', 'failed']);
    expect(await scenario.delivered()).toEqual([]);
    scenario.dynamoFaults.clear();
    await scenario.poll(4, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(4)).toEqual([]);
  });
});

describe('every write done by DynamoDB and its answer lost', () => {
  // A claim found taken is taken, even by this run whose answer was lost: the alert waits for the lease to lapse.
  it.each([
    [0, 'new series and their corroboration'],
    [3, 'an increase and a conflict'],
  ])('after snapshot %i (%s): each retry finds its write done, and every alert is delivered once, by the next cycle', async (after) => {
    const scenario = await Scenario.open(world(), { after });
    scenario.dynamoFaults.plan({ command: WRITES, at: 'response', attempts: 1, fault: 'timeout' });
    const report = await scenario.poll(after + 1);
    expect(report.feeds.map((feed) => feed.status)).toEqual(['fetched', 'fetched', 'fetched']);
    scenario.dynamoFaults.clear();
    await scenario.poll(after + 1, { at: NEXT_RUN_MINUTES });
    expect(await scenario.settle(after + 1)).toEqual([]);
  });
});
