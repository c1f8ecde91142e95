#!/usr/bin/env node
import { Command, Option } from 'commander';
import { createExtractor } from '../lambdas/core/extract/extract.js';
import { loadTopicFile } from '../lambdas/adapters/topic-file.js';
import { createRelevanceCheck } from '../lambdas/core/relevance/relevance.js';
import { formatExplanation, formatRelevance } from './commands/explain.js';
import { extractFile, extractJsonLines } from './commands/extract.js';
import { readTextArgument } from './commands/read-input.js';
import { pollOnce } from './commands/poll.js';
import { queryStore } from './commands/query.js';
import { queryDeployed } from './commands/remote-query.js';
import { portNumber, serve } from './commands/serve.js';
import { isRemote } from './commands/remote/deployed-api.js';
import { formatStatus, readDeployedStatus, readLocalStatus, runCount } from './commands/status.js';
import { subscribe, type SubscribeOptions } from './commands/subscribe.js';
import { loadConfig } from '../lambdas/adapters/config-file.js';
import { DEFAULT_DATA_DIR } from '../lambdas/composition/local.js';

// The CLI supports Node 20 until its end of life; the deployed Lambdas run Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command()
  .name('transfer-watch')
  .description('Follow the figures reported on the transfer of Islamic State detainees from Syria to Iraq.')
  .option('--topic <file>', 'topic file (metrics, cue words, facilities)')
  .showHelpAfterError();

function topic() {
  return loadTopicFile(program.opts<{ topic?: string }>().topic);
}

/** The figures only: no reason is kept for the numbers that become none, as in the pipeline. */
function extractor() {
  return createExtractor(topic(), { reasons: false });
}

program
  .command('extract')
  .description('print the tracked figures a text reports')
  .argument('[file]', 'text or HTML file, or - for standard input', '-')
  .option('--jsonl', 'read JSON lines {"id", "text", "published"?} on stdin; write {"id", "figures"} per line')
  .option('--json', 'print the figures as JSON instead of a table')
  .option('--published <date>', 'publication date of the text, to tell history from news')
  .action(async (file: string, options: { jsonl?: boolean; json?: boolean; published?: string }) => {
    if (options.jsonl) {
      const bad = await extractJsonLines(
        extractor(),
        process.stdin,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${line}\n`),
      );
      if (bad > 0) {
        process.stderr.write(`${bad} bad input line(s)\n`);
        process.exitCode = 1;
      }
      return;
    }
    process.stdout.write(`${await extractFile(extractor(), file, options)}\n`);
  });

program
  .command('explain')
  .description('show, for each number in a text, the figure it became or why it was dropped')
  .argument('<file>', 'text or HTML file, or - for standard input')
  .option('--published <date>', 'publication date of the text')
  .action(async (file: string, options: { published?: string }) => {
    const chosen = topic();
    const extraction = createExtractor(chosen)({ text: await readTextArgument(file), published: options.published });
    const relevance = createRelevanceCheck(chosen)(extraction.text);
    process.stdout.write(`${formatRelevance(relevance)}\n\n${formatExplanation(extraction)}\n`);
  });

program
  .command('poll')
  .description('run one poll cycle: fetch the feeds, store what changed, and print the alerts (local mode)')
  .option('--config <file>', 'configuration file (feeds, thresholds, fetch limits)')
  .option('--feed <url...>', 'poll these feeds instead of the configured ones')
  .option('--data-dir <dir>', 'where local mode keeps its store', DEFAULT_DATA_DIR)
  .option('--json', 'one JSON line per alert and per failing feed')
  .action(async (options: { config?: string; feed?: string[]; dataDir: string; json?: boolean }) => {
    const config = loadConfig(options.config ? { file: options.config } : {});
    process.exitCode = await pollOnce(
      { config, feeds: options.feed ?? [], dataDir: options.dataDir, json: Boolean(options.json) },
      { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
    );
  });

interface DeployedOptions {
  stack?: string;
  region?: string;
  apiUrl?: string;
}

/** The options that read a deployed stack instead of the local store. */
function deployedOptions(command: Command): Command {
  return command
    .addOption(new Option('--stack <name>', 'read the deployed stack of this name, through its API').conflicts('dataDir'))
    .option('--region <region>', "the stack's AWS region (default: the AWS SDK's, e.g. AWS_REGION)")
    .addOption(
      new Option('--api-url <url>', "this API instead of the stack's ApiUrl output (a local or custom endpoint)").conflicts('dataDir'),
    );
}

const write = (text: string) => process.stdout.write(text);

deployedOptions(
  program
    .command('query')
    .description('print the stored series: the current figure of each, and its history with sources')
    .option('--metric <id>', 'only this metric')
    .option('--facility <name>', 'only this facility')
    .option('--since <time>', 'only history published since this date or time')
    .option('--data-dir <dir>', 'where local mode keeps its store', DEFAULT_DATA_DIR)
    .option('--json', 'print {"series": [...]} as JSON'),
).action(async (options: DeployedOptions & { metric?: string; facility?: string; since?: string; dataDir: string; json?: boolean }) => {
  const json = Boolean(options.json);
  if (isRemote(options)) await queryDeployed({ ...options, json }, write);
  else await queryStore({ ...options, json }, write);
});

deployedOptions(
  program
    .command('status')
    .description('show the health of each feed and what the last runs did')
    .option('--data-dir <dir>', `where local mode keeps its store (default: "${DEFAULT_DATA_DIR}")`)
    .option('--runs <n>', 'how many of the last runs to show', runCount, 5)
    .option('--json', 'print {"feeds": [...], "runs": [...]} as JSON'),
).action(async (options: DeployedOptions & { dataDir?: string; runs: number; json?: boolean }) => {
  const remote = isRemote(options);
  const status = remote
    ? await readDeployedStatus(options, options.runs)
    : await readLocalStatus(options.dataDir ?? DEFAULT_DATA_DIR, options.runs);
  write(options.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
});

program
  .command('serve')
  .description('serve the dashboard and the query API over HTTP from the local store, until interrupted')
  .option('--data-dir <dir>', 'where local mode keeps its store', DEFAULT_DATA_DIR)
  .option('--port <n>', 'port to listen on; 0 for any free one', portNumber, 8080)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--config <file>', 'configuration file (api.corsOrigins)')
  .action(async (options: { dataDir: string; port: number; host: string; config?: string }) => {
    const config = loadConfig(options.config ? { file: options.config } : {});
    await serve(
      { dataDir: options.dataDir, host: options.host, port: options.port, corsOrigins: config.api.corsOrigins },
      { out: write, err: (text) => process.stderr.write(text) },
    );
  });

program
  .command('subscribe')
  .description("subscribe an email address or phone number to a deployed stack's alerts, with an optional filter")
  .requiredOption('--stack <name>', 'the deployed stack')
  .option('--region <region>', "the stack's AWS region (default: the AWS SDK's, e.g. AWS_REGION)")
  .option('--email <address>', 'send alerts to this email address')
  .option('--sms <number>', 'send alerts to this phone number, in E.164 form (+447700900123)')
  .option('--metric <id...>', 'only alerts about these metrics')
  .option('--facility <name...>', 'only alerts about these facilities')
  .option('--change <type...>', 'only these changes: new, increase, decrease, revised, conflict')
  .option('--min-magnitude <people>', 'only changes of at least this many people')
  .action(async (options: SubscribeOptions) => {
    await subscribe(options, write);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`transfer-watch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
