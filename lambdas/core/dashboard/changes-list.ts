/** The latest changes of every series, newest first, each with the report that made it. */
import type { AlertView, ChangeView } from '../query/views.js';
import { attribute, escapeHtml, linkTo, timeElement } from './escape.js';
import { CHANGE_NAMES, seriesNoun, withBound } from './words.js';

/** The figures of a change: the earlier one and the new one, or the new one alone. */
export function changeFigures(alert: AlertView): string {
  const current = escapeHtml(withBound(alert.current));
  if (alert.type === 'new' || alert.previous === null) return current;
  const previous = escapeHtml(withBound(alert.previous));
  // The arrow is drawn; a screen reader says the word.
  const between = alert.type === 'conflict' ? ' vs ' : ' <span aria-hidden="true">→</span><span class="vh"> to </span> ';
  return `${previous}${between}${current}`;
}

function changeItem(change: ChangeView): string {
  const { current } = change;
  return (
    `<li class="change"${attribute('data-alert-id', change.id)}${attribute('data-type', change.type)}>` +
    `<p class="change-head"><span class="change-type">${CHANGE_NAMES[change.type]}</span>: ${escapeHtml(seriesNoun(change))}</p>` +
    `<p class="figures">${changeFigures(change)}</p>` +
    `<blockquote>${escapeHtml(current.quote)}</blockquote>` +
    `<p class="source">${linkTo(current.link, current.outlet)}, published ${timeElement(current.published)}; noticed ${timeElement(change.createdAt)}</p></li>`
  );
}

export function changesSection(changes: ChangeView[]): string {
  const body =
    changes.length === 0
      ? '<p>No change recorded yet.</p>'
      : `<p>Newest first.</p><ol class="changes">${changes.map(changeItem).join('')}</ol>`;
  return `<section class="latest" aria-labelledby="changes-title"><h2 id="changes-title">Latest changes</h2>${body}</section>`;
}
