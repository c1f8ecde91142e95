/**
 * Where a list of changes stopped: the last alert given, by creation time and id, the order the
 * store keeps alerts in. A position, not a store page, so a list can stop anywhere inside a page,
 * and a cursor a caller forged or garbled is refused here instead of reaching the store.
 */
import { z } from 'zod';
import type { Alert } from '../alert/alert.js';
import { QueryError } from './query-answer.js';

export interface ChangePosition {
  createdAt: string;
  id: string;
}

const position = z.strictObject({ createdAt: z.iso.datetime(), id: z.string().min(1) });

export function encodeChangeCursor({ createdAt, id }: Alert): string {
  return Buffer.from(JSON.stringify({ createdAt, id })).toString('base64url');
}

export function decodeChangeCursor(cursor: string): ChangePosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const result = position.safeParse(decoded);
  if (!result.success) throw new QueryError(400, 'cursor must be a cursor given by /changes, unchanged');
  return result.data;
}

/** Alerts created at one time (a poll cycle's) are kept in the order of their ids. */
export function isPast(alert: Alert, position: ChangePosition): boolean {
  return alert.createdAt > position.createdAt || (alert.createdAt === position.createdAt && alert.id > position.id);
}
