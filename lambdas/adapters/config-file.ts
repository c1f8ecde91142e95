import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig, type Config } from '../core/config/config.js';

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

/** What the deployed functions are told by their stack, checked at cold start. */
const awsSettingsSchema = z.object({
  TABLE_NAME: z.string().min(3),
  ALERTS_TOPIC_ARN: z.string().startsWith('arn:'),
  OPS_TOPIC_ARN: z.string().startsWith('arn:'),
  TRANSFER_WATCH_CONFIG: z.string().min(2),
});

export interface AwsSettings {
  tableName: string;
  alertsTopicArn: string;
  opsTopicArn: string;
  config: Config;
}

/** The deployed poller's settings: the table, the topics and the configuration, all from its environment. */
export function loadAwsSettings(env: NodeJS.ProcessEnv = process.env): AwsSettings {
  const result = awsSettingsSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid configuration in environment: ${problems}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(result.data.TRANSFER_WATCH_CONFIG);
  } catch (error) {
    throw new ConfigError(`invalid configuration in environment: TRANSFER_WATCH_CONFIG is not JSON: ${(error as Error).message}`);
  }
  return {
    tableName: result.data.TABLE_NAME,
    alertsTopicArn: result.data.ALERTS_TOPIC_ARN,
    opsTopicArn: result.data.OPS_TOPIC_ARN,
    config: parseConfig(data, 'environment variable TRANSFER_WATCH_CONFIG'),
  };
}
