/**
 * `npm run bench`: prints the performance figures as a table, or with --json as one object.
 * Goals are printed beside each figure; nothing here fails a build.
 */
import { Command } from 'commander';
import { loadTopicFile } from '../lambdas/adapters/topic-file.js';
import { measureExtraction } from './extract-throughput.js';
import { measureWorstCases } from './worst-case.js';

const options = new Command().option('--json', 'print one JSON object').parse().opts<{ json?: boolean }>();

const topic = loadTopicFile();
const extraction = measureExtraction(topic);
const worstCases = measureWorstCases(topic);
const figures = {
  extract_mb_s: Number(extraction.extract_mb_s.toFixed(2)),
  extract_vs_regex: Number(extraction.extract_vs_regex.toFixed(2)),
  extract_with_reasons_mb_s: Number(extraction.extract_with_reasons_mb_s.toFixed(2)),
  regex_mb_s: Number(extraction.regex_mb_s.toFixed(1)),
  extract_input_mb: Number(extraction.megabytes.toFixed(2)),
  extract_figures: extraction.figures,
  worst_case: worstCases,
};

if (options.json) {
  console.log(JSON.stringify(figures));
} else {
  const rows: Array<[string, string, string]> = [
    ['extraction throughput', `${figures.extract_mb_s} MB/s`, 'goal >= 20 MB/s, one core'],
    ['extraction / bare regex scan', `${figures.extract_vs_regex}x`, 'goal <= 10x'],
    ['extraction keeping every reason', `${figures.extract_with_reasons_mb_s} MB/s`, 'as explain reads'],
    ['bare regex scan', `${figures.regex_mb_s} MB/s`, ''],
    ['input', `${figures.extract_input_mb} MB, ${figures.extract_figures} figures`, ''],
  ];
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(32)} ${value.padEnd(24)} ${goal}`);
  console.log('\nhostile input            1 MB (s)   4 MB (s)   4 MB / 1 MB (linear is about 4)');
  for (const [name, { one_mb_s, four_mb_s, ratio }] of Object.entries(worstCases)) {
    console.log(`${name.padEnd(24)} ${String(one_mb_s).padStart(8)}   ${String(four_mb_s).padStart(8)}   ${ratio}`);
  }
}
