/**
 * `npm run bench`: prints the performance figures as a table, or with --json as one object.
 * Goals are printed beside each figure; nothing here fails a build.
 */
import { Command } from 'commander';
import { loadTopicFile } from '../lambdas/adapters/topic-file.js';
import { measureBundles } from './bundles.js';
import { measureExtraction } from './extract-throughput.js';
import { ASSUMPTIONS, COST_MINUTES, monthlyCostTable, PRICES } from './monthly-cost.js';
import { measurePollCycle, type PollCycleRun } from './poll-cycle.js';
import { measureWorstCases } from './worst-case.js';

const options = new Command()
  .option('--json', 'print one JSON object')
  .option('--poll-profile <dir>', "write a CPU profile (--cpu-prof) of the 200-feed poll cycle's process to <dir>")
  .parse()
  .opts<{ json?: boolean; pollProfile?: string }>();

const topic = loadTopicFile();
const extraction = measureExtraction(topic);
const worstCases = measureWorstCases(topic);
// Progress goes to stderr; each cycle runs in a child process of its own (see bench/poll-cycle.ts).
const poll = await measurePollCycle({
  feeds: 200,
  scaling: [10, 100, 1_000],
  ...(options.pollProfile ? { mainExecArgv: ['--cpu-prof', `--cpu-prof-dir=${options.pollProfile}`] } : {}),
});
const bundles = await measureBundles();
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const roundEach = (values: Record<string, number>, digits: number) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, round(value, digits)]));
const scalingFigures = (run: PollCycleRun) => ({
  cycle_first_s: round(run.cycle_first_s, 2),
  cycle_unchanged_s: round(run.cycle_unchanged_s, 3),
  peak_rss_mb: round(run.peak_rss_mb, 0),
  items_per_s: round(run.items / run.cycle_first_s, 0),
});
const figures = {
  extract_mb_s: Number(extraction.extract_mb_s.toFixed(2)),
  extract_vs_regex: Number(extraction.extract_vs_regex.toFixed(2)),
  extract_with_reasons_mb_s: Number(extraction.extract_with_reasons_mb_s.toFixed(2)),
  regex_mb_s: Number(extraction.regex_mb_s.toFixed(1)),
  extract_input_mb: Number(extraction.megabytes.toFixed(2)),
  extract_figures: extraction.figures,
  worst_case: worstCases,
  poll_feeds: poll.main.feeds,
  poll_items: poll.main.items,
  cycle_first_s: round(poll.main.cycle_first_s, 2),
  cycle_unchanged_s: round(poll.main.cycle_unchanged_s, 3),
  parse_only_s: round(poll.parse_only_s, 3),
  cycle_vs_parse: round(poll.main.cycle_first_s / poll.parse_only_s, 1),
  parse_only_mb_s: round(poll.parsers.megabytes / poll.parse_only_s, 1),
  parse_alternative: `${poll.parsers.alternative.name} ${poll.parsers.alternative.version}`,
  parse_alternative_s: round(poll.parsers.alternative.seconds, 3),
  parse_alternative_mb_s: round(poll.parsers.megabytes / poll.parsers.alternative.seconds, 1),
  // The share of the first cycle saved if its parse cost what the alternative's bare parse costs.
  parse_alternative_saves_share: round((poll.parse_only_s - poll.parsers.alternative.seconds) / poll.main.cycle_first_s, 3),
  unchanged_vs_first: round(poll.main.cycle_unchanged_s / poll.main.cycle_first_s, 4),
  items_per_s: round(poll.main.items / poll.main.cycle_first_s, 0),
  peak_rss_mb: round(poll.main.peak_rss_mb, 0),
  baseline_rss_mb: round(poll.main.baseline_rss_mb, 0),
  writes_first: poll.main.writes_first,
  writes_unchanged: poll.main.writes_unchanged,
  dynamodb_requests_first: poll.main.requests_first,
  publishes_first: poll.main.publishes_first,
  publishes_unchanged: poll.main.publishes_unchanged,
  failed_feeds_first: poll.main.statuses_first.failed ?? 0,
  not_modified_feeds_unchanged: poll.main.statuses_unchanged.unchanged ?? 0,
  poll_scaling: Object.fromEntries(
    [...poll.scaling, poll.main].sort((a, b) => a.feeds - b.feeds).map((run) => [String(run.feeds), scalingFigures(run)]),
  ),
  bundle_kb: roundEach(bundles.bundle_kb, 0),
  bundle_kb_max: round(Math.max(...Object.values(bundles.bundle_kb)), 0),
  bundle_largest_packages_kb: bundles.largest_packages_kb,
  cold_init_ms: roundEach(bundles.cold_init_ms, 1),
  cold_init_ms_max: round(Math.max(...Object.values(bundles.cold_init_ms)), 1),
};
// Dollars a month by feeds and schedule, from the main cycle's per-feed figures (bench/monthly-cost.ts).
const costs = monthlyCostTable({
  unchangedS: poll.main.cycle_unchanged_s / poll.main.feeds,
  newItemS: poll.main.cycle_first_s / poll.main.items,
  writesPerNewItem: poll.main.writes_first / poll.main.items,
  requestsPerNewItem: Object.values(poll.main.requests_first).reduce((sum, count) => sum + count, 0) / poll.main.items,
});
const monthly_cost_usd = Object.fromEntries(
  Object.entries(costs).map(([feeds, byMinutes]) => [
    feeds,
    Object.fromEntries(Object.entries(byMinutes).map(([minutes, cost]) => [minutes, { usd: round(cost.total, 2), mode: cost.mode }])),
  ]),
);

if (options.json) {
  console.log(JSON.stringify({ ...figures, monthly_cost_usd }));
} else {
  const rows: Array<[string, string, string]> = [
    ['extraction throughput', `${figures.extract_mb_s} MB/s`, 'goal >= 20 MB/s, one core'],
    ['extraction / bare regex scan', `${figures.extract_vs_regex}x`, 'goal <= 10x'],
    ['extraction keeping every reason', `${figures.extract_with_reasons_mb_s} MB/s`, 'as explain reads'],
    ['bare regex scan', `${figures.regex_mb_s} MB/s`, ''],
    ['input', `${figures.extract_input_mb} MB, ${figures.extract_figures} figures`, ''],
    [
      `poll cycle, ${figures.poll_feeds} feeds`,
      `${figures.cycle_first_s} s`,
      `${figures.poll_items} items, fresh in-memory dynalite; ${figures.failed_feeds_first} feeds failed`,
    ],
    [
      'poll cycle, nothing changed',
      `${figures.cycle_unchanged_s} s`,
      `${figures.unchanged_vs_first}x the first; ${figures.not_modified_feeds_unchanged} feeds answered 304`,
    ],
    [
      'rss-parser alone, same feeds',
      `${figures.parse_only_s} s`,
      `${figures.parse_only_mb_s} MB/s; the cycle takes ${figures.cycle_vs_parse}x as long`,
    ],
    [
      'faster parser alone, same feeds',
      `${figures.parse_alternative_s} s`,
      `${figures.parse_alternative}, ${figures.parse_alternative_mb_s} MB/s; would save ${round(figures.parse_alternative_saves_share * 100, 1)}% of the first cycle`,
    ],
    ['poll items per second', `${figures.items_per_s} items/s`, 'first cycle'],
    ['poll peak memory', `${figures.peak_rss_mb} MB RSS`, `child process, ${figures.baseline_rss_mb} MB before the cycle`],
    [
      'DynamoDB writes',
      `${figures.writes_first} first, ${figures.writes_unchanged} then`,
      `of ${Object.values(figures.dynamodb_requests_first).reduce((sum, count) => sum + count, 0)} requests in the first cycle`,
    ],
    ['alerts published', `${figures.publishes_first} first, ${figures.publishes_unchanged} then`, ''],
    ...Object.entries(figures.bundle_kb).map(([name, kb]): [string, string, string] => [
      `${name} bundle, minified`,
      `${kb} KB`,
      'goal < 500 KB, as the stack builds it',
    ]),
    ...Object.entries(figures.cold_init_ms).map(([name, ms]): [string, string, string] => [
      `${name} cold import`,
      `${ms} ms`,
      name === 'query'
        ? 'goal < 50 ms; median of 7 fresh processes, secret from a local endpoint'
        : 'goal < 50 ms; median of 7 fresh processes',
    ]),
  ];
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(32)} ${value.padEnd(24)} ${goal}`);
  console.log('\nlargest packages in each bundle (KB)');
  for (const [name, packages] of Object.entries(figures.bundle_largest_packages_kb)) {
    console.log(
      `${name.padEnd(24)} ${Object.entries(packages)
        .map(([pkg, kb]) => `${pkg} ${kb}`)
        .join(', ')}`,
    );
  }
  console.log('\nhostile input            1 MB (s)   4 MB (s)   4 MB / 1 MB (linear is about 4)');
  for (const [name, { one_mb_s, four_mb_s, ratio }] of Object.entries(worstCases)) {
    console.log(`${name.padEnd(24)} ${String(one_mb_s).padStart(8)}   ${String(four_mb_s).padStart(8)}   ${ratio}`);
  }
  console.log('\npoll cycle scaling       first (s)   unchanged (s)   peak RSS (MB)   items/s');
  for (const [feeds, run] of Object.entries(figures.poll_scaling)) {
    console.log(
      `${`${feeds} feeds`.padEnd(24)} ${String(run.cycle_first_s).padStart(9)}   ${String(run.cycle_unchanged_s).padStart(13)}   ${String(run.peak_rss_mb).padStart(13)}   ${run.items_per_s}`,
    );
  }
  console.log(`\nmonthly cost (USD), ${PRICES.asOf}`);
  console.log(`feeds     ${COST_MINUTES.map((minutes) => `every ${minutes} min`.padStart(22)).join('')}`);
  for (const [feeds, byMinutes] of Object.entries(monthly_cost_usd)) {
    const cells = Object.values(byMinutes).map(({ usd, mode }) => `$${usd.toFixed(2)} ${mode}`.padStart(22));
    console.log(`${feeds.padEnd(10)}${cells.join('')}`);
  }
  console.log(
    `assumed: ${ASSUMPTIONS.feedWaitS * 1000} ms a feed request, ${ASSUMPTIONS.storeRequestS * 1000} ms a DynamoDB request, ${ASSUMPTIONS.newItemsPerFeedHour} new items a feed an hour, ${ASSUMPTIONS.alertsPerDay} alerts a day to ${ASSUMPTIONS.emailSubscribers} email subscribers`,
  );
}
