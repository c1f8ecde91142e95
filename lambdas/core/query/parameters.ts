/**
 * Checks a request's query parameters against what its route accepts, and turns every problem
 * into one 400 answer naming each parameter at fault, unknown ones included. The schemas here also
 * describe the parameters in the OpenAPI document, read on their input side: what a caller sends.
 */
import { QueryError, type QueryParameters } from './query-answer.js';
import * as z from '../zod.js';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const ISO_TIME_MESSAGE = 'must be an ISO date or time, like 2026-02-01 or 2026-02-01T09:00:00Z';

/** Date.parse rolls 30 February over into March; a caller who wrote it made a mistake. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An ISO date (midnight UTC) or date-time with its zone, as the UTC ISO string the store keeps
 * times in, so that comparing strings compares times. A time without a zone would mean whatever
 * zone the server runs in, so it is refused.
 */
export const isoTime = z.pipe(
  z.string().check(z.regex(ISO_TIME, { error: ISO_TIME_MESSAGE })),
  z.transform((value: string, context) => {
    const [, year, month, day] = ISO_TIME.exec(value)!;
    const time = Date.parse(value);
    if (Number.isNaN(time) || !isCalendarDate(Number(year), Number(month), Number(day))) {
      context.issues.push({ code: 'custom', message: ISO_TIME_MESSAGE, input: value });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  }),
);

/** For routes that take none: any parameter given is refused by name. */
export const noParameters = z.strictObject({});

/** Long enough for any metric or facility; DynamoDB refuses a key over 1024 bytes, and a series' key holds both. */
const MAX_NAME_LENGTH = 100;

/** A metric or facility, as a caller names one. */
export const seriesName = z
  .string()
  .check(
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` }),
  );

/** More than any route takes: past it, a request is refused whole instead of each name being listed back. */
const MAX_PARAMETERS = 10;

/**
 * A whole number in [min, max], `fallback` when absent. Digits are read as a number before the
 * number is checked, so that the document shows an integer with its bounds, not a string.
 */
export function wholeNumber(min: number, max: number, fallback: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.prefault(
    z.pipe(
      z.transform((value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)),
      z.int({ error }).check(z.minimum(min, { error }), z.maximum(max, { error })),
    ),
    fallback,
  );
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return `${issue.path.join('.')} ${issue.message}`;
}

/**
 * The parameters `schema` accepts, or a 400 naming each one at fault; an absent value is an absent
 * parameter. A parameter given twice is refused: which of its values was meant is not for the API to guess.
 */
export function parseParameters<T>(schema: z.ZodMiniType<T>, query: QueryParameters): T {
  const entries = Object.entries(query);
  if (entries.length > MAX_PARAMETERS) throw new QueryError(400, `too many parameters: no route takes more than ${MAX_PARAMETERS}`);
  const repeated = entries.filter(([, value]) => Array.isArray(value)).map(([name]) => `${name} is given more than once`);
  const given = Object.fromEntries(entries.filter(([, value]) => typeof value === 'string'));
  const result = schema.safeParse(given);
  if (!result.success) throw new QueryError(400, [...repeated, ...result.error.issues.map(describe)].join('; '));
  if (repeated.length > 0) throw new QueryError(400, repeated.join('; '));
  return result.data;
}
