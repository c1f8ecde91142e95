import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, corsOriginSchema, parseConfig, type Config } from '../core/config/config.js';
import * as z from '../core/zod.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The configuration shipped with transfer-watch: real outlets' feeds, for users with internet. */
export const DEFAULT_CONFIG_FILE = join(here, '..', '..', 'config', 'default.json');

/** Environment variables that override the file, each named in the error when its value is wrong. */
const TRUE = /^(?:1|true|yes)$/i;
const FALSE = /^(?:0|false|no|)$/i;

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  throw new ConfigError(`invalid configuration in environment: ${name} must be 1 or 0, not "${value}"`);
}

/** Reads the config file, applies the environment, and checks it once: a wrong value fails here, saying what and where. */
export function loadConfig({ file = DEFAULT_CONFIG_FILE, env = process.env }: { file?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration file ${file}: ${(error as Error).message}`);
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(raw) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`configuration file ${file} is not JSON: ${(error as Error).message}`);
  }
  const allowPrivateHosts = flag(env, 'TRANSFER_WATCH_ALLOW_PRIVATE_HOSTS');
  if (allowPrivateHosts !== undefined) {
    const fetch = typeof data.fetch === 'object' && data.fetch !== null ? data.fetch : {};
    data = { ...data, fetch: { ...fetch, allowPrivateHosts } };
  }
  return parseConfig(data, file);
}

/** Names what the environment got wrong, every variable at once. */
function checkEnvironment<T>(schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv): T {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = z.describeIssues(result.error);
    throw new ConfigError(`invalid configuration in environment: ${problems}`);
  }
  return result.data;
}

/**
 * What the deployed poller is told by its stack, checked at cold start. The configuration is a
 * file shipped in the bundle, not a variable: Lambda caps a function's environment at 4 KB, which a
 * list of fifty feeds outgrows.
 */
const tableName = z.string().check(z.minLength(3));
const arn = z.string().check(z.startsWith('arn:'));

const pollerEnvironment = z.object({
  TABLE_NAME: tableName,
  ALERTS_TOPIC_ARN: arn,
  OPS_TOPIC_ARN: arn,
  /** Relative to the function's code (LAMBDA_TASK_ROOT), or absolute. */
  TRANSFER_WATCH_CONFIG_FILE: z.string().check(z.minLength(1)),
});

export interface PollerSettings {
  tableName: string;
  alertsTopicArn: string;
  opsTopicArn: string;
  config: Config;
}

export function loadPollerSettings(env: NodeJS.ProcessEnv = process.env): PollerSettings {
  const checked = checkEnvironment(pollerEnvironment, env);
  return {
    tableName: checked.TABLE_NAME,
    alertsTopicArn: checked.ALERTS_TOPIC_ARN,
    opsTopicArn: checked.OPS_TOPIC_ARN,
    config: bundledConfig(env, checked.TRANSFER_WATCH_CONFIG_FILE),
  };
}

/** The configuration shipped in a function's bundle: `file` is relative to its code (LAMBDA_TASK_ROOT), or absolute. */
function bundledConfig(env: NodeJS.ProcessEnv, file: string): Config {
  return loadConfig({ file: resolve(env.LAMBDA_TASK_ROOT ?? process.cwd(), file), env });
}

/** What the fan-out scheduler is told by its stack: where the feed batches go. */
const schedulerEnvironment = z.object({
  FEED_QUEUE_URL: z.url({ protocol: /^https?$/ }),
  TRANSFER_WATCH_CONFIG_FILE: z.string().check(z.minLength(1)),
});

export interface SchedulerSettings {
  feedQueueUrl: string;
  config: Config;
}

export function loadSchedulerSettings(env: NodeJS.ProcessEnv = process.env): SchedulerSettings {
  const checked = checkEnvironment(schedulerEnvironment, env);
  return { feedQueueUrl: checked.FEED_QUEUE_URL, config: bundledConfig(env, checked.TRANSFER_WATCH_CONFIG_FILE) };
}

const queryEnvironment = z.object({
  TABLE_NAME: tableName,
  /** Comma-separated; absent or empty, no page from another origin may read the API. */
  CORS_ORIGINS: z.pipe(
    z.pipe(
      z.optional(z.string()),
      z.transform((value) => (value === undefined || value.trim() === '' ? [] : value.split(',').map((origin) => origin.trim()))),
    ),
    z.array(corsOriginSchema),
  ),
  /** The secret holding the key that signs cursors: where it is, never what it is. */
  CURSOR_KEY_SECRET_ARN: arn,
});

export interface QuerySettings {
  tableName: string;
  corsOrigins: string[];
  cursorKeySecretArn: string;
}

/** The query function reads the table, answers the pages of the origins it is told, and signs with the secret it is shown. */
export function loadQuerySettings(env: NodeJS.ProcessEnv = process.env): QuerySettings {
  const checked = checkEnvironment(queryEnvironment, env);
  return { tableName: checked.TABLE_NAME, corsOrigins: checked.CORS_ORIGINS, cursorKeySecretArn: checked.CURSOR_KEY_SECRET_ARN };
}
