import { readFileSync } from 'node:fs';
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
