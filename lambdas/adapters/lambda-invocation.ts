/** What the polling handlers read of Lambda's context object, and the lease an invocation holds. */
import { randomUUID } from 'node:crypto';

export interface InvocationContext {
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

/** Past the end of the invocation: a lease must outlive the run that holds it, never the reverse. */
const LEASE_MARGIN_MS = 60_000;
/** Outside Lambda (a test, a terminal), when no context says how long is left. */
const DEFAULT_LEASE_MS = 15 * 60_000;

/** Who holds a lease this invocation takes (its request id), and for how long. */
export function invocationLease(context?: InvocationContext): { holder: string; leaseMs: number } {
  return {
    holder: context?.awsRequestId ?? randomUUID(),
    leaseMs: context ? context.getRemainingTimeInMillis() + LEASE_MARGIN_MS : DEFAULT_LEASE_MS,
  };
}
