/**
 * The two Lambda bundles as the stack builds them (the esbuild options are the ones
 * lib/constructs/bundled-function.ts passes to NodejsFunction): their minified size, what takes
 * the most of it, and the time a fresh Node process takes to import each, which is most of a
 * cold start's init.
 */
import { build, type Metafile } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUNDLE_ALIASES, ESBUILD_OPTIONS, PROJECT_ROOT } from '../lib/constructs/bundled-function.js';
import { BUNDLED_CONFIG_FILE } from '../lib/constructs/function-config.js';

const HANDLERS = {
  poller: 'lambdas/poller/handler.ts',
  query: 'lambdas/query/handler.ts',
  scheduler: 'lambdas/scheduler/handler.ts',
  worker: 'lambdas/worker/handler.ts',
} as const;
type HandlerName = keyof typeof HANDLERS;

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:x';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursor-key';
// The generated cursor key's length; its value does not matter to the import.
const CURSOR_KEY = 'k'.repeat(64);

export interface BundleBench {
  bundle_kb: Record<HandlerName, number>;
  /** The packages with the most bytes in each bundle, largest first; this project's own code is "transfer-watch". */
  largest_packages_kb: Record<HandlerName, Record<string, number>>;
  /** Median over `runs` fresh processes of `await import('./index.mjs')`, timed inside the child. */
  cold_init_ms: Record<HandlerName, number>;
}

const run = promisify(execFile);

/** How many packages `largest_packages_kb` names per bundle. */
const LARGEST_PACKAGES = 10;

/** Builds both bundles into a temporary folder and imports each `runs` times, one fresh process each. */
export async function measureBundles({
  runs = 7,
  progress = (line: string) => process.stderr.write(`${line}\n`),
}: { runs?: number; progress?: (line: string) => void } = {}): Promise<BundleBench> {
  const root = mkdtempSync(join(tmpdir(), 'transfer-watch-bundles-'));
  // The query function reads its cursor key from Secrets Manager during the import (a top-level
  // await), so the import is timed against a local endpoint answering GetSecretValue.
  const secrets = createServer((request, response) => {
    request.resume().on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ ARN: SECRET_ARN, Name: 'cursor-key', SecretString: CURSOR_KEY }));
    });
  });
  await new Promise<void>((resolve) => secrets.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`;
    const bundle_kb = {} as Record<HandlerName, number>;
    const largest_packages_kb = {} as Record<HandlerName, Record<string, number>>;
    const cold_init_ms = {} as Record<HandlerName, number>;
    for (const name of Object.keys(HANDLERS) as HandlerName[]) {
      const dir = join(root, name);
      mkdirSync(dir);
      const outfile = join(dir, 'index.mjs');
      const { metafile } = await build({
        entryPoints: [join(PROJECT_ROOT, HANDLERS[name])],
        outfile,
        bundle: true,
        absWorkingDir: PROJECT_ROOT,
        format: ESBUILD_OPTIONS.format,
        target: ESBUILD_OPTIONS.target,
        platform: ESBUILD_OPTIONS.platform,
        minify: ESBUILD_OPTIONS.minify,
        mainFields: [...ESBUILD_OPTIONS.mainFields],
        banner: { js: ESBUILD_OPTIONS.banner },
        external: [...ESBUILD_OPTIONS.externalModules],
        alias: BUNDLE_ALIASES,
        metafile: true,
        logLevel: 'warning',
      });
      bundle_kb[name] = statSync(outfile).size / 1024;
      largest_packages_kb[name] = largestPackages(metafile);
      progress(`bundles: ${name} ${bundle_kb[name].toFixed(0)} KB, importing it in ${runs} fresh processes`);
      // The polling functions read their configuration, one feed here, beside index.mjs as the stack ships it.
      if (name !== 'query')
        writeFileSync(
          join(dir, BUNDLED_CONFIG_FILE),
          JSON.stringify({ feeds: [{ url: 'https://feeds.example/rss.xml', outlet: 'Bench Outlet' }] }),
        );
      const env = environment(name, dir, endpoint);
      const times: number[] = [];
      for (let index = 0; index < runs; index += 1) times.push(await timeImport(dir, env));
      cold_init_ms[name] = median(times);
    }
    return { bundle_kb, largest_packages_kb, cold_init_ms };
  } finally {
    await new Promise<void>((resolve) => secrets.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  }
}

/** Each package's bytes in the bundle, the largest first. */
function largestPackages(metafile: Metafile): Record<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return Object.fromEntries(
    [...bytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, LARGEST_PACKAGES)
      .map(([name, size]) => [name, Number((size / 1024).toFixed(1))]),
  );
}

/**
 * The package a bundled file belongs to. A copy nested inside another package is named with it
 * ("entities in rss-parser"), so that two versions of one package show as two entries.
 */
function packageOf(path: string): string {
  const names = path
    .split('node_modules/')
    .slice(1)
    .map((rest) => /^(?:@[^/]+\/)?[^/]+/.exec(rest)![0]);
  if (names.length === 0) return 'transfer-watch';
  const name = names.at(-1)!;
  return names.length > 1 ? `${name} in ${names.at(-2)}` : name;
}

/** What Lambda and the stack give each function, and nothing of this process's environment but PATH. */
function environment(name: HandlerName, dir: string, endpoint: string): NodeJS.ProcessEnv {
  const common = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LAMBDA_TASK_ROOT: dir,
    AWS_REGION: 'us-east-1',
    // Lambda puts the role's credentials in the environment; without them the SDK would search further.
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: 'bench-table',
  };
  if (name === 'query') return { ...common, CURSOR_KEY_SECRET_ARN: SECRET_ARN, AWS_ENDPOINT_URL: endpoint };
  if (name === 'scheduler')
    return {
      ...common,
      FEED_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/feed-batches',
      TRANSFER_WATCH_CONFIG_FILE: BUNDLED_CONFIG_FILE,
      POWERTOOLS_SERVICE_NAME: 'transfer-watch-scheduler',
    };
  return {
    ...common,
    ALERTS_TOPIC_ARN: TOPIC_ARN,
    OPS_TOPIC_ARN: TOPIC_ARN,
    TRANSFER_WATCH_CONFIG_FILE: BUNDLED_CONFIG_FILE,
    POWERTOOLS_SERVICE_NAME: 'transfer-watch-poller',
  };
}

/** One fresh process: the milliseconds of the import alone, not of Node's own start. */
async function timeImport(dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const script =
    "const started = performance.now(); await import('./index.mjs'); process.stdout.write(String(performance.now() - started));";
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: dir, env });
  // The last line, in case the function itself writes to stdout while it starts.
  const milliseconds = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(milliseconds)) throw new Error(`the import in ${dir} printed no time: ${stdout}`);
  return milliseconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
