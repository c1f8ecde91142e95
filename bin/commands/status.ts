import { InvalidArgumentError } from 'commander';
import { openLocalStore } from '../../lambdas/composition/local.js';
import type { RunRecord } from '../../lambdas/core/poll/ports.js';
import { readAll } from '../../lambdas/core/query/read-all.js';
import { feedView, type FeedView } from '../../lambdas/core/query/views.js';
import { shortError } from './poll.js';
import { feedsAnswerSchema, runsAnswerSchema } from '../../lambdas/core/query/answer-bodies.js';
import { openDeployedApi, type RemoteOptions } from './remote/deployed-api.js';

export interface Status {
  feeds: FeedView[];
  /** Newest first. */
  runs: RunRecord[];
}

/** The API keeps at most this many runs in one answer. */
const MAX_RUNS = 100;

/** The value of --runs. */
export function runCount(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || count < 1 || count > MAX_RUNS)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_RUNS}`);
  return count;
}

export async function readLocalStatus(dataDir: string, runs: number): Promise<Status> {
  const local = await openLocalStore(dataDir);
  try {
    const feeds = await readAll((cursor) => local.store.listFeedStates(cursor));
    // Through the API's own view of a feed, so that local and deployed status show the same fields.
    return { feeds: feeds.map(feedView), runs: await local.store.recentRuns(runs) };
  } finally {
    await local.close();
  }
}

export async function readDeployedStatus(options: RemoteOptions, runs: number): Promise<Status> {
  const api = await openDeployedApi(options);
  const [{ feeds }, answer] = await Promise.all([
    api.get('/feeds', feedsAnswerSchema),
    api.get('/runs', runsAnswerSchema, { limit: String(runs) }),
  ]);
  return { feeds, runs: answer.runs };
}

export function formatStatus({ feeds, runs }: Status): string {
  const feedPart =
    feeds.length === 0
      ? 'No feed polled yet.\n'
      : table(
          ['feed', 'last success', 'failures', 'next attempt', 'last error'],
          feeds.map((feed) => [
            feed.url,
            feed.lastSuccess ? minute(feed.lastSuccess) : 'never',
            String(feed.consecutiveFailures),
            feed.nextAttempt ? minute(feed.nextAttempt) : '-',
            feed.lastError ? shortError(feed.lastError, feed.url) : '-',
          ]),
        );
  const runPart =
    runs.length === 0
      ? 'No run recorded yet.\n'
      : table(
          ['started', 'duration', 'feeds (fetched/unchanged/failed)', 'items', 'figures', 'alerts (sent/unsent)', 'error'],
          runs.map((run) => [
            minute(run.startedAt),
            duration(Date.parse(run.finishedAt) - Date.parse(run.startedAt)),
            `${run.feeds} (${run.fetched}/${run.unchanged}/${run.failed})`,
            String(run.items),
            String(run.figures),
            `${run.sent}/${run.unsent}`,
            run.error ?? '-',
          ]),
        );
  const runTitle = runs.length === 0 ? 'Runs' : runs.length === 1 ? 'Last run' : `Last ${runs.length} runs`;
  return `Feeds (times in UTC)\n${feedPart}\n${runTitle} (times in UTC)\n${runPart}`;
}

function minute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function duration(ms: number): string {
  if (Number.isNaN(ms)) return '?';
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Columns padded to their widest cell; the last, free text of any length, is not. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
