/**
 * The configuration a polling function reads at cold start, shipped as a file in its bundle,
 * without subscribers' addresses, which no function has any need of. A file and not a variable:
 * Lambda caps a function's environment at 4 KB, which a list of fifty feeds outgrows.
 */
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../../lambdas/core/config/config.js';

/** The name the configuration has inside the bundle, beside index.mjs. */
export const BUNDLED_CONFIG_FILE = 'config.json';

/** A topic file of the user's own, when the configuration names one; the function runs in the bundle's folder. */
export const BUNDLED_TOPIC_FILE = 'topic.json';

/** esbuild hooks that copy the configuration, and the topic file it names, into the bundle. */
export function configBundlingHooks(config: Config): ICommandHooks {
  const configFile = writeFunctionConfig(config);
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) => [
      `cp "${configFile}" "${outputDir}/${BUNDLED_CONFIG_FILE}"`,
      ...(config.topicFile ? [`cp "${resolve(config.topicFile)}" "${outputDir}/${BUNDLED_TOPIC_FILE}"`] : []),
    ],
  };
}

/** Written where esbuild's hook can copy it from. */
function writeFunctionConfig(config: Config): string {
  const { subscriptions: _subscriptions, operators: _operators, ...rest } = config;
  const forFunction = rest.topicFile ? { ...rest, topicFile: BUNDLED_TOPIC_FILE } : rest;
  const file = join(mkdtempSync(join(tmpdir(), 'transfer-watch-config-')), BUNDLED_CONFIG_FILE);
  writeFileSync(file, `${JSON.stringify(forFunction, null, 2)}\n`);
  return file;
}
