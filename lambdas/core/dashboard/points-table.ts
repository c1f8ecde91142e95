/** The chart's points as a table, for screen readers and for anyone who wants the figures as text. */
import { attribute, escapeHtml, linkTo } from './escape.js';
import { roleNote, type Timeline } from './timeline.js';
import { minute, withBound } from './words.js';

export function pointsTable({ points }: Timeline, noun: string): string {
  const rows = points
    .map((point) => {
      const { published, outlet, link, quote } = point.entry;
      return (
        `<tr><th scope="row"><time datetime="${escapeHtml(published)}">${escapeHtml(minute(published))}</time></th>` +
        `<td class="number">${escapeHtml(withBound(point.entry))}</td><td>${linkTo(link, outlet)}</td>` +
        `<td>${escapeHtml(quote)}</td><td>${escapeHtml(roleNote(point))}</td></tr>`
      );
    })
    .join('');
  return (
    `<details class="data"><summary>The reports as a table</summary>` +
    // A wide table scrolls inside its own box rather than widening the page on a phone.
    `<div class="scroll" role="region" tabindex="0"${attribute('aria-label', `Reports of ${noun}`)}>` +
    `<table><caption>${escapeHtml(`Reports of ${noun}, oldest first`)}</caption>` +
    `<thead><tr><th scope="col">Published</th><th scope="col">Figure</th><th scope="col">Outlet</th><th scope="col">Quote</th><th scope="col">Note</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></details>`
  );
}
