#!/usr/bin/env node
import { Command } from 'commander';
import { createExtractor } from '../lambdas/core/extract/extract.js';
import { loadTopicFile } from '../lambdas/adapters/topic-file.js';
import { createRelevanceCheck } from '../lambdas/core/relevance/relevance.js';
import { formatExplanation, formatRelevance } from './commands/explain.js';
import { extractFile, extractJsonLines } from './commands/extract.js';
import { readTextArgument } from './commands/read-input.js';

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

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`transfer-watch: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
