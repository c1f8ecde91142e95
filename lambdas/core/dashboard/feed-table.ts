/** The health of every feed polled, and what the last run did. */
import type { RunRecord } from '../poll/ports.js';
import type { FeedView } from '../query/views.js';
import { escapeHtml, linkTo, timeElement } from './escape.js';
import { formatNumber, plural } from './words.js';

function feedRow(feed: FeedView): string {
  const failing = feed.consecutiveFailures > 0;
  return (
    `<tr${failing ? ' class="failing"' : ''}><th scope="row">${linkTo(feed.url, feed.url)}</th>` +
    `<td>${feed.lastSuccess ? timeElement(feed.lastSuccess) : 'never'}</td>` +
    `<td class="number">${formatNumber(feed.consecutiveFailures)}</td>` +
    `<td>${feed.nextAttempt ? timeElement(feed.nextAttempt) : 'next run'}</td>` +
    `<td>${feed.lastError ? escapeHtml(feed.lastError) : 'none'}</td></tr>`
  );
}

function runLine(run: RunRecord): string {
  const failed = run.failed > 0 ? `, ${plural(run.failed, 'feed', 'feeds')} failed` : '';
  const error = run.error ? `; it stopped early: ${escapeHtml(run.error)}` : '';
  return `<p>The last run finished ${timeElement(run.finishedAt)}: ${plural(run.feeds, 'feed', 'feeds')}, ${plural(run.figures, 'figure', 'figures')} read${failed}${error}.</p>`;
}

export function feedsSection(feeds: FeedView[], lastRun: RunRecord | undefined): string {
  const table =
    feeds.length === 0
      ? '<p>No feed polled yet.</p>'
      : `<div class="scroll" role="region" tabindex="0" aria-labelledby="feeds-caption"><table><caption id="feeds-caption">Each feed polled, and its health</caption>` +
        `<thead><tr><th scope="col">Feed</th><th scope="col">Last success</th><th scope="col">Consecutive failures</th><th scope="col">Next attempt</th><th scope="col">Last error</th></tr></thead>` +
        `<tbody>${feeds.map(feedRow).join('')}</tbody></table></div>`;
  return `<section class="feeds" aria-labelledby="feeds-title"><h2 id="feeds-title">Feeds</h2>${lastRun ? runLine(lastRun) : ''}${table}</section>`;
}
