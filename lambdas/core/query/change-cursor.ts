/**
 * Where a list of changes stopped: the last alert given, by creation time and id, the order the
 * store keeps alerts in. A position, not a store page, so a list can stop anywhere inside a page.
 * It is signed: a cursor a caller forged, cut short or altered is refused on its signature, before
 * anything in it is read, and never reaches the store.
 */
import type { Alert } from '../alert/alert.js';
import type { CursorSigner } from './cursor-signer.js';
import { QueryError } from './query-answer.js';
import * as z from '../zod.js';

export interface ChangePosition {
  createdAt: string;
  id: string;
}

const position = z.strictObject({ createdAt: z.iso.datetime(), id: z.string().check(z.minLength(1)) });

export function encodeChangeCursor({ createdAt, id }: Alert, signer: CursorSigner): string {
  return signer.sign(JSON.stringify({ createdAt, id }));
}

const refused = () => new QueryError(400, 'cursor must be a cursor given by /changes, unchanged');

export function decodeChangeCursor(cursor: string, signer: CursorSigner): ChangePosition {
  const data = signer.verify(cursor);
  if (data === undefined) throw refused();
  let decoded: unknown;
  try {
    decoded = JSON.parse(data);
  } catch {
    throw refused();
  }
  const result = position.safeParse(decoded);
  if (!result.success) throw refused();
  return result.data;
}

/** Alerts created at one time (a poll cycle's) are kept in the order of their ids. */
export function isPast(alert: Alert, position: ChangePosition): boolean {
  return alert.createdAt > position.createdAt || (alert.createdAt === position.createdAt && alert.id > position.id);
}
