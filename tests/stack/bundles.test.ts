/**
 * Every bundle the stack ships, loaded as Lambda loads it: a fresh Node process importing the
 * bundle's index.mjs from its own folder, with the environment the template gives the function.
 * The query function reads its cursor key at cold start, from a secret made in moto's Secrets Manager.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../lib/constructs/bundled-function.js';
import { MOTO_SETUP_TIMEOUT_MS, startMotoServer, type MotoServer } from '../support/moto-server.js';
import { synthStack, type SynthesizedStack } from '../support/synth-stack.js';

const run = promisify(execFile);

let synthesized: SynthesizedStack;
let moto: MotoServer;
let functions: Array<{ logicalId: string; folder: string; environment: Record<string, string>; handler: string }>;

/** Values for the template's references, which CloudFormation would resolve; the secret's once it is made. */
const RESOLVED: Record<string, string> = {
  TABLE_NAME: 'transfer-watch-table',
  ALERTS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:alerts',
  OPS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:ops',
};

beforeAll(async () => {
  moto = await startMotoServer();
  const secrets = new SecretsManagerClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const { ARN } = await secrets.send(new CreateSecretCommand({ Name: 'QueryCursorKey', SecretString: 'k'.repeat(64) }));
  secrets.destroy();
  const resolved: Record<string, string> = { ...RESOLVED, CURSOR_KEY_SECRET_ARN: ARN! };
  synthesized = synthStack({ feeds: [{ url: 'https://wire.example/world/rss', outlet: 'Levant Wire' }] });
  const resources = synthesized.templateJson.Resources as Record<
    string,
    { Type: string; Properties: { Code: { S3Key: string }; Handler: string; Environment: { Variables: Record<string, unknown> } } }
  >;
  functions = Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
    .map(([logicalId, { Properties }]) => ({
      logicalId,
      folder: join(synthesized.outdir, `asset.${Properties.Code.S3Key.replace(/\.zip$/, '')}`),
      handler: Properties.Handler,
      environment: Object.fromEntries(
        Object.entries(Properties.Environment.Variables).map(([name, value]) => [
          name,
          typeof value === 'string' ? value : resolved[name]!,
        ]),
      ),
    }));
}, MOTO_SETUP_TIMEOUT_MS);
afterAll(async () => {
  await moto?.stop();
});

/** Imports a bundle in a fresh process, as the Lambda runtime does at cold start, and names its exports. */
async function coldStart(folder: string, environment: Record<string, string>): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import('./index.mjs'); console.log(JSON.stringify(Object.keys(m)));`],
    {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        ...environment,
        LAMBDA_TASK_ROOT: folder,
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
}

describe('the bundles the stack ships', () => {
  it('are two: the poller and the query function', () => {
    expect(functions.map((fn) => fn.logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['PollerFunction', 'QueryFunction']);
  });

  it('each load in a fresh Node process and export the handler the template names', async () => {
    for (const fn of functions) {
      expect(fn.handler).toBe('index.handler');
      expect(await coldStart(fn.folder, fn.environment), fn.logicalId).toContain('handler');
    }
  });

  it('carry the poller’s configuration beside its code, without subscribers', async () => {
    const poller = functions.find((fn) => fn.logicalId.startsWith('PollerFunction'))!;
    const { readFile } = await import('node:fs/promises');
    const config = JSON.parse(await readFile(join(poller.folder, poller.environment.TRANSFER_WATCH_CONFIG_FILE!), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config.feeds).toEqual([{ url: 'https://wire.example/world/rss', outlet: 'Levant Wire' }]);
    expect(config).not.toHaveProperty('subscriptions');
    expect(config).not.toHaveProperty('operators');
  });
});

describe('an ES module bundle of the poller', () => {
  it('fails to load without the createRequire banner, which is why the stack adds one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'transfer-watch-bundle-'));
    await build({
      entryPoints: [join(PROJECT_ROOT, 'lambdas', 'poller', 'handler.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      outfile: join(folder, 'index.mjs'),
      logLevel: 'silent',
    });
    const poller = functions.find((fn) => fn.logicalId.startsWith('PollerFunction'))!;
    await expect(coldStart(folder, poller.environment)).rejects.toThrow(/Dynamic require of "[^"]+" is not supported/);
  });
});
