/** One series: its current figure in words, who reported it, its last change, and its timeline. */
import { seriesId } from '../series/series.js';
import { changeFigures } from './changes-list.js';
import { attribute, escapeHtml, linkTo, timeElement } from './escape.js';
import { pointsTable } from './points-table.js';
import type { SeriesPanel } from './read-dashboard.js';
import { timelineOf, type Timeline } from './timeline.js';
import { chartSummary, timelineChart } from './timeline-chart.js';
import { CHANGE_NAMES, plural, seriesNoun, seriesTitle, withBound } from './words.js';

function agreement(outlets: string[]): string {
  const names = outlets.map(escapeHtml).join(', ');
  return outlets.length === 1
    ? `Only ${names} reports this figure.`
    : `${plural(outlets.length, 'outlet', 'outlets')} agree on it: ${names}.`;
}

function lastChange({ alerts }: SeriesPanel): string {
  const last = alerts.at(-1);
  if (!last) return '';
  return `<p class="last-change">Last change: ${CHANGE_NAMES[last.type].toLowerCase()}, ${changeFigures(last)}, noticed ${timeElement(last.createdAt)}.</p>`;
}

/** `index` numbers the section, so the ids inside it are unique on the page. */
export function seriesSection(panel: SeriesPanel, index: number): string {
  const { series, history, alerts } = panel;
  const { current } = series;
  const id = `s${index + 1}`;
  const noun = seriesNoun(series);
  const timeline = timelineOf(history, alerts);
  return (
    `<section class="series"${attribute('data-series', seriesId(series))} id="${id}" aria-labelledby="${id}-heading">` +
    `<h2 id="${id}-heading">${escapeHtml(seriesTitle(series))}</h2>` +
    `<p class="current"><span class="figure">${escapeHtml(withBound(current))}</span></p>` +
    `<p>Reported ${timeElement(current.published)} by ${linkTo(current.link, current.outlet)}: <q>${escapeHtml(current.quote)}</q></p>` +
    `<p>${agreement(series.outlets)}</p>` +
    lastChange(panel) +
    figure(timeline, id, noun) +
    '</section>'
  );
}

/** A series whose history was lost (or never written, when a run died between the two writes) has nothing to draw. */
function figure(timeline: Timeline, id: string, noun: string): string {
  if (timeline.points.length === 0) return '<p>No report of it is stored.</p>';
  return (
    `<figure>${timelineChart(timeline, { id, noun })}<figcaption id="${id}-caption">${escapeHtml(chartSummary(timeline))}</figcaption>` +
    `${pointsTable(timeline, noun)}</figure>`
  );
}
