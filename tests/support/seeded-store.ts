/**
 * Stores on an embedded DynamoDB, filled as the poller fills them: observations read, decided and
 * committed one by one.
 */
import { expect } from 'vitest';
import { createDynamoStore } from '../../lambdas/adapters/store/dynamo-store.js';
import type { EmbeddedDynamoDb } from '../../lambdas/adapters/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambdas/adapters/store/table.js';
import { decide, planChange } from '../../lambdas/core/diff/diff.js';
import type { Store } from '../../lambdas/core/poll/ports.js';
import type { Observation } from '../../lambdas/core/series/series.js';
import { levantWireReport } from './reports.js';

const settings = { thresholds: { absolute: 0, relative: 0 }, conflict: { windowHours: 6, margin: 0.1 } };
let tables = 0;

/** A store on a table of its own, so tests do not see each other's data. */
export async function emptyStore(dynamo: EmbeddedDynamoDb, prefix: string): Promise<Store> {
  tables += 1;
  const tableName = `${prefix}-${tables}`;
  await ensureTable(dynamo.client, tableName);
  return createDynamoStore(dynamo.client, tableName);
}

/** Levant Wire's report as an observation of the series detainees_transferred. */
export function observation(value: number, published: string, overrides: Partial<Observation> = {}): Observation {
  return levantWireReport<Observation>(value, published, {
    metric: 'detainees_transferred',
    storyId: `story-${value}-${published}`,
    observedAt: published,
    ...overrides,
  });
}

/** Reads the series, decides and commits at `now`, as a poll cycle does. */
export async function record(store: Store, observed: Observation, now: string): Promise<void> {
  const series = await store.series(observed);
  expect(await store.commit(planChange(series, observed, decide(series, observed, 'cumulative', settings), now))).toBe('committed');
}
