import * as z from '../zod.js';

const httpUrl = z.string().check(
  z.trim(),
  z.url(),
  z.refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL'),
);

const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const atLeast = (min: number) => z.number().check(z.minimum(min));
const between = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
const wholeNumber = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** Whether `value` is an origin exactly as a browser sends it: scheme, host, and port unless the default. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** An origin whose pages may read the query API, or `*` for any. */
export const corsOriginSchema = z
  .string()
  .check(
    z.refine((value) => value === '*' || isOrigin(value), 'must be an origin like https://example.org (no path, no trailing slash), or *'),
  );

export const fetchSettingsSchema = z.object({
  /** Whole request, headers and body, for one feed or page. */
  timeoutMs: z._default(wholeNumber(100, 120_000), 15_000),
  /** Largest body read, after decompression: a bigger one is cut off and reported. */
  maxBytes: z._default(wholeNumber(1024, 100 * 1024 * 1024), 5 * 1024 * 1024),
  maxRedirects: z._default(wholeNumber(0, 20), 5),
  userAgent: z._default(z.string().check(z.minLength(1)), 'transfer-watch/0.1 (+https://github.com/transfer-watch/transfer-watch)'),
  /** Least time between two requests to one host. */
  hostSpacingMs: z._default(wholeNumber(0, 60_000), 1_000),
  /** Feeds fetched at once. */
  concurrency: z._default(wholeNumber(1, 64), 4),
  /** Loopback, private and link-local addresses are refused unless this is set (local feeds, tests, the demo). */
  allowPrivateHosts: z._default(z.boolean(), false),
});
export type FetchSettings = z.infer<typeof fetchSettingsSchema>;

const changeType = z.enum(['new', 'increase', 'decrease', 'revised', 'conflict']);

/** What one subscriber wants: every list left out means any; all given must match. */
export const subscriptionFilterSchema = z.strictObject({
  metrics: z.optional(z.array(z.string().check(z.regex(/^[a-z][a-z_]*$/, 'metric ids are snake_case'))).check(z.minLength(1))),
  facilities: z.optional(z.array(nonEmpty).check(z.minLength(1))),
  changes: z.optional(z.array(changeType).check(z.minLength(1))),
  /** Least size of a change, in people (a share of the old value is not a filter SNS can express). */
  minMagnitude: z.optional(atLeast(0)),
});
export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

const addressShape = {
  email: z.optional(z.string().check(z.trim(), z.email())),
  /** A phone number in E.164 form (+ and digits). */
  sms: z.optional(z.string().check(z.trim(), z.regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, like +447700900123'))),
};
const oneAddress = (address: { email?: string | undefined; sms?: string | undefined }) =>
  (address.email === undefined) !== (address.sms === undefined);

/** An address that gets figure alerts, with what it wants to hear about. */
export const subscriptionSchema = z
  .strictObject({ ...addressShape, filter: z.optional(subscriptionFilterSchema) })
  .check(z.refine(oneAddress, 'give exactly one of email or sms'));
export type Subscription = z.infer<typeof subscriptionSchema>;

/** An address that gets messages about the pipeline itself: feeds failing, alarms. */
export const operatorSchema = z.strictObject(addressShape).check(z.refine(oneAddress, 'give exactly one of email or sms'));
export type Operator = z.infer<typeof operatorSchema>;

export const configSchema = z.object({
  feeds: z._default(
    z.array(z.object({ url: httpUrl, outlet: z.optional(nonEmpty) })).check(
      z.maxLength(5_000, {
        error: (issue) =>
          `at most 5,000 feeds in one configuration, and this one has ${(issue.input as unknown[]).length.toLocaleString('en')}`,
      }),
    ),
    [],
  ),
  /** A topic file other than the default one. */
  topicFile: z.optional(z.string().check(z.minLength(1))),
  fetch: z._default(fetchSettingsSchema, fetchSettingsSchema.parse({})),
  /** Moves smaller than both are recorded, not alerted: `absolute` people, `relative` a share of the old value. */
  thresholds: z._default(z.object({ absolute: z._default(atLeast(0), 0), relative: z._default(between(0, 10), 0) }), {
    absolute: 0,
    relative: 0,
  }),
  /** Reports from two outlets published within `windowHours` that differ by more than `margin` (a share) conflict. */
  conflict: z._default(z.object({ windowHours: z._default(between(0, 24 * 30), 6), margin: z._default(between(0, 10), 0.1) }), {
    windowHours: 6,
    margin: 0.1,
  }),
  feedHealth: z._default(
    z.object({
      /** Consecutive failures before an ops alert names the feed. */
      alertAfterFailures: z._default(wholeNumber(1, 100), 3),
      backoffBaseMinutes: z._default(between(0, 1_440), 5),
      backoffMaxMinutes: z._default(between(1, 10_080), 360),
    }),
    { alertAfterFailures: 3, backoffBaseMinutes: 5, backoffMaxMinutes: 360 },
  ),
  /**
   * Batch alerts into one message per `windowMinutes` (0: every alert on its own); a change of a type
   * in `immediateChanges`, or at least `immediateMagnitude` in size, is still sent at once.
   */
  digest: z._default(
    z.object({
      windowMinutes: z._default(between(0, 10_080), 0),
      immediateChanges: z._default(z.array(changeType), ['conflict']),
      immediateMagnitude: z.optional(atLeast(0)),
      /**
       * More alerts than this to send at once go out as one digest: SNS suspends an email
       * subscription sent more than 10 messages a second, and a burst reads better as one.
       */
      burstLimit: z._default(wholeNumber(1, 10), 5),
    }),
    { windowMinutes: 0, immediateChanges: ['conflict'], burstLimit: 5 },
  ),
  /** How much of what a feed carries is read: more is cut, and the cut reported with the feed. */
  limits: z._default(
    z.object({
      /** Characters of an item's title, summary and content, each: a longer one is read only up to here. */
      itemTextChars: z._default(wholeNumber(1_000, 10_000_000), 100_000),
    }),
    { itemTextChars: 100_000 },
  ),
  /** Fetch the linked page of a relevant item whose feed entry is short, and read its main text. */
  readLinkedPages: z._default(z.boolean(), true),
  /** How often the deployed poller runs. */
  schedule: z._default(z.object({ everyMinutes: z._default(wholeNumber(1, 1_440), 15) }), { everyMinutes: 15 }),
  /**
   * Past one Lambda, for long feed lists: a scheduler puts the feeds on a queue, a host's feeds
   * always in one message so host spacing holds, and worker functions poll them, `maxWorkers` at once.
   */
  fanOut: z._default(
    z.object({
      enabled: z._default(z.boolean(), false),
      /** Feeds per message, one worker run each; a host with more feeds than this still gets one message. */
      feedsPerMessage: z._default(wholeNumber(1, 500), 50),
      /** Worker runs at once: the queue's event source concurrency, which Lambda bounds to 2..1,000. */
      maxWorkers: z._default(wholeNumber(2, 1_000), 5),
    }),
    { enabled: false, feedsPerMessage: 50, maxWorkers: 5 },
  ),
  /** The query API, deployed or served by `transfer-watch serve`. */
  api: z._default(
    z.object({
      /** Origins whose pages may read the API from a browser (CORS); none by default. */
      corsOrigins: z._default(z.array(corsOriginSchema).check(z.maxLength(50)), []),
    }),
    { corsOrigins: [] },
  ),
  /** Who the deployed stack alerts; never passed to the functions, which have no need of addresses. */
  subscriptions: z._default(z.array(subscriptionSchema).check(z.maxLength(100)), []),
  operators: z._default(z.array(operatorSchema).check(z.maxLength(20)), []),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Checks configuration; `source` says where it came from, so the message points at the wrong value. */
export function parseConfig(data: unknown, source: string): Config {
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const problems = z.describeIssues(result.error);
    throw new ConfigError(`invalid configuration in ${source}: ${problems}`);
  }
  return result.data;
}
