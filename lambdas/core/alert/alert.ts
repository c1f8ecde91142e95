import type { Provenance, Reading, SeriesKey } from '../series/series.js';

/** The change types subscribers receive; the JSON contract names them. */
export type ChangeType = 'new' | 'increase' | 'decrease' | 'revised' | 'conflict';

/** One change worth telling subscribers about, as stored before it is published. */
export interface Alert extends SeriesKey {
  /** Idempotency key: the same change read twice, by any run, has the same id. */
  id: string;
  type: ChangeType;
  previous: (Reading & Partial<Provenance>) | null;
  current: Reading & Provenance;
  /** How many distinct stories report the current value. */
  sources: number;
  createdAt: string;
  sentAt?: string;
}
