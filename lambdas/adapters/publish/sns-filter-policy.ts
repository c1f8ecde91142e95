/**
 * A subscriber's filter as an SNS filter policy on the message attributes the SNS publisher sets
 * (metric, facility, change, magnitude). Digests carry lists, which a policy matches when any
 * element matches, so one policy serves single alerts and digests alike.
 */
import type { SubscriptionFilter } from '../../core/config/config.js';

export type FilterPolicy = Record<string, (string | { numeric: [string, number] })[]>;

/** SNS refuses a policy whose lists multiply past this many combinations. */
const MAX_COMBINATIONS = 150;

export class FilterPolicyError extends Error {
  override name = 'FilterPolicyError';
}

/** The policy for a filter, or nothing when the filter lets everything through. */
export function filterPolicyOf(filter: SubscriptionFilter | undefined): FilterPolicy | undefined {
  if (!filter) return undefined;
  const policy: FilterPolicy = {};
  if (filter.metrics) policy.metric = [...new Set(filter.metrics)];
  if (filter.facilities) policy.facility = [...new Set(filter.facilities)];
  if (filter.changes) policy.change = [...new Set(filter.changes)];
  if (filter.minMagnitude !== undefined) policy.magnitude = [{ numeric: ['>=', filter.minMagnitude] }];
  const combinations = Object.values(policy).reduce((product, values) => product * values.length, 1);
  if (combinations > MAX_COMBINATIONS)
    throw new FilterPolicyError(
      `a subscription filter of ${combinations} combinations (metrics x facilities x changes) is more than SNS allows (${MAX_COMBINATIONS}); list fewer`,
    );
  return Object.keys(policy).length > 0 ? policy : undefined;
}
