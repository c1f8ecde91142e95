import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL');

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
  .refine((value) => value === '*' || isOrigin(value), 'must be an origin like https://example.org (no path, no trailing slash), or *');

export const fetchSettingsSchema = z.object({
  /** Whole request, headers and body, for one feed or page. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** Largest body read, after decompression: a bigger one is cut off and reported. */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  userAgent: z.string().min(1).default('transfer-watch/0.1 (+https://github.com/transfer-watch/transfer-watch)'),
  /** Least time between two requests to one host. */
  hostSpacingMs: z.number().int().min(0).max(60_000).default(1_000),
  /** Feeds fetched at once. */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Loopback, private and link-local addresses are refused unless this is set (local feeds, tests, the demo). */
  allowPrivateHosts: z.boolean().default(false),
});
export type FetchSettings = z.infer<typeof fetchSettingsSchema>;

const changeType = z.enum(['new', 'increase', 'decrease', 'revised', 'conflict']);

/** What one subscriber wants: every list left out means any; all given must match. */
export const subscriptionFilterSchema = z
  .object({
    metrics: z
      .array(z.string().regex(/^[a-z][a-z_]*$/, 'metric ids are snake_case'))
      .min(1)
      .optional(),
    facilities: z.array(z.string().trim().min(1)).min(1).optional(),
    changes: z.array(changeType).min(1).optional(),
    /** Least size of a change, in people (a share of the old value is not a filter SNS can express). */
    minMagnitude: z.number().min(0).optional(),
  })
  .strict();
export type SubscriptionFilter = z.infer<typeof subscriptionFilterSchema>;

const addressShape = {
  email: z.string().trim().email().optional(),
  /** A phone number in E.164 form (+ and digits). */
  sms: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, like +447700900123')
    .optional(),
};
const oneAddress = (address: { email?: string | undefined; sms?: string | undefined }) =>
  (address.email === undefined) !== (address.sms === undefined);

/** An address that gets figure alerts, with what it wants to hear about. */
export const subscriptionSchema = z
  .object({ ...addressShape, filter: subscriptionFilterSchema.optional() })
  .strict()
  .refine(oneAddress, 'give exactly one of email or sms');
export type Subscription = z.infer<typeof subscriptionSchema>;

/** An address that gets messages about the pipeline itself: feeds failing, alarms. */
export const operatorSchema = z.object(addressShape).strict().refine(oneAddress, 'give exactly one of email or sms');
export type Operator = z.infer<typeof operatorSchema>;

export const configSchema = z.object({
  feeds: z
    .array(z.object({ url: httpUrl, outlet: z.string().trim().min(1).optional() }))
    .max(5_000, {
      error: (issue) =>
        `at most 5,000 feeds in one configuration, and this one has ${(issue.input as unknown[]).length.toLocaleString('en')}`,
    })
    .default([]),
  /** A topic file other than the default one. */
  topicFile: z.string().min(1).optional(),
  fetch: fetchSettingsSchema.default(fetchSettingsSchema.parse({})),
  /** Moves smaller than both are recorded, not alerted: `absolute` people, `relative` a share of the old value. */
  thresholds: z
    .object({ absolute: z.number().min(0).default(0), relative: z.number().min(0).max(10).default(0) })
    .default({ absolute: 0, relative: 0 }),
  /** Reports from two outlets published within `windowHours` that differ by more than `margin` (a share) conflict. */
  conflict: z
    .object({
      windowHours: z
        .number()
        .min(0)
        .max(24 * 30)
        .default(6),
      margin: z.number().min(0).max(10).default(0.1),
    })
    .default({ windowHours: 6, margin: 0.1 }),
  feedHealth: z
    .object({
      /** Consecutive failures before an ops alert names the feed. */
      alertAfterFailures: z.number().int().min(1).max(100).default(3),
      backoffBaseMinutes: z.number().min(0).max(1_440).default(5),
      backoffMaxMinutes: z.number().min(1).max(10_080).default(360),
    })
    .default({ alertAfterFailures: 3, backoffBaseMinutes: 5, backoffMaxMinutes: 360 }),
  /**
   * Batch alerts into one message per `windowMinutes` (0: every alert on its own); a change of a type
   * in `immediateChanges`, or at least `immediateMagnitude` in size, is still sent at once.
   */
  digest: z
    .object({
      windowMinutes: z.number().min(0).max(10_080).default(0),
      immediateChanges: z.array(changeType).default(['conflict']),
      immediateMagnitude: z.number().min(0).optional(),
      /**
       * More alerts than this to send at once go out as one digest: SNS suspends an email
       * subscription sent more than 10 messages a second, and a burst reads better as one.
       */
      burstLimit: z.number().int().min(1).max(10).default(5),
    })
    .default({ windowMinutes: 0, immediateChanges: ['conflict'], burstLimit: 5 }),
  /** How much of what a feed carries is read: more is cut, and the cut reported with the feed. */
  limits: z
    .object({
      /** Characters of an item's title, summary and content, each: a longer one is read only up to here. */
      itemTextChars: z.number().int().min(1_000).max(10_000_000).default(100_000),
    })
    .default({ itemTextChars: 100_000 }),
  /** Fetch the linked page of a relevant item whose feed entry is short, and read its main text. */
  readLinkedPages: z.boolean().default(true),
  /** How often the deployed poller runs. */
  schedule: z.object({ everyMinutes: z.number().int().min(1).max(1_440).default(15) }).default({ everyMinutes: 15 }),
  /**
   * Past one Lambda, for long feed lists: a scheduler puts the feeds on a queue, a host's feeds
   * always in one message so host spacing holds, and worker functions poll them, `maxWorkers` at once.
   */
  fanOut: z
    .object({
      enabled: z.boolean().default(false),
      /** Feeds per message, one worker run each; a host with more feeds than this still gets one message. */
      feedsPerMessage: z.number().int().min(1).max(500).default(50),
      /** Worker runs at once: the queue's event source concurrency, which Lambda bounds to 2..1,000. */
      maxWorkers: z.number().int().min(2).max(1_000).default(5),
    })
    .default({ enabled: false, feedsPerMessage: 50, maxWorkers: 5 }),
  /** The query API, deployed or served by `transfer-watch serve`. */
  api: z
    .object({
      /** Origins whose pages may read the API from a browser (CORS); none by default. */
      corsOrigins: z.array(corsOriginSchema).max(50).default([]),
    })
    .default({ corsOrigins: [] }),
  /** Who the deployed stack alerts; never passed to the functions, which have no need of addresses. */
  subscriptions: z.array(subscriptionSchema).max(100).default([]),
  operators: z.array(operatorSchema).max(20).default([]),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Checks configuration; `source` says where it came from, so the message points at the wrong value. */
export function parseConfig(data: unknown, source: string): Config {
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid configuration in ${source}: ${problems}`);
  }
  return result.data;
}
