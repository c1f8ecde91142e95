/**
 * A series over time as an SVG string: the figure as a step line, each report a focusable point
 * carrying its reading and provenance in data-* attributes (which the page script shows in a
 * tooltip), and each conflict a labelled marker. The SVG scales to its container through its
 * viewBox; colours come from the page's CSS, so that it follows the reader's colour scheme.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import type { AlertView } from '../query/views.js';
import { attribute, escapeHtml, safeHref } from './escape.js';
import { SHAPES } from './point-shapes.js';
import { roleNote, type Timeline, type TimelinePoint } from './timeline.js';
import { BOUND_NAMES, day, formatNumber, plural, withBound } from './words.js';

/** Narrow enough that the labels stay legible once a phone scales the chart down. */
const WIDTH = 480;
const HEIGHT = 220;
const MARGIN = { top: 18, right: 14, bottom: 30, left: 60 };
/** The shortest time a chart spans, so that one report, or a few in a day, still get a readable date axis. */
const MIN_SPAN_MS = 7 * 86_400_000;

/** One decimal is finer than any screen shows, and keeps the markup small. */
const round = (value: number) => Math.round(value * 10) / 10;

function timeDomain(times: number[]): [Date, Date] {
  const first = Math.min(...times);
  const last = Math.max(...times);
  // Points at the very edge would be cut in half.
  const pad = Math.max((last - first) * 0.05, (MIN_SPAN_MS - (last - first)) / 2);
  return [new Date(first - pad), new Date(last + pad)];
}

export interface ChartText {
  /** Unique on the page: prefixes the ids the chart's labels are referred to by. */
  id: string;
  /** The series as a noun phrase, for the points' labels. */
  noun: string;
}

function pointLabel(point: TimelinePoint, noun: string): string {
  const { value, bound, outlet, published } = point.entry;
  const note = roleNote(point);
  return `${formatNumber(value)} ${noun}, ${BOUND_NAMES[bound]}, ${outlet}, ${day(published)}${note ? `, ${note}` : ''}`;
}

function conflictLabel(alert: AlertView): string {
  const earlier = alert.previous;
  const current = `${alert.current.outlet} reported ${withBound(alert.current)}`;
  const before = earlier ? `${earlier.outlet ?? 'an earlier report'} had ${withBound(earlier)}, ` : '';
  return `Sources disagree, ${day(alert.current.published)}: ${before}${current}`;
}

/** In words, what a chart of at least one report shows: its caption, and its description for screen readers. */
export function chartSummary({ points, conflicts }: Timeline): string {
  const values = points.map((point) => point.entry.value);
  const span = `${plural(points.length, 'report', 'reports')} from ${day(points[0]!.entry.published)} to ${day(points.at(-1)!.entry.published)}`;
  const range = `figures from ${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}`;
  const disputes =
    conflicts.length === 0 ? '' : `; sources disagreed ${conflicts.length === 1 ? 'once' : `${formatNumber(conflicts.length)} times`}`;
  return `${span}, ${range}${disputes}.`;
}

/** The chart of at least one report: with none, there is no time axis to draw. */
export function timelineChart(timeline: Timeline, { id, noun }: ChartText): string {
  const { points, conflicts } = timeline;
  const times = [...points.map((point) => point.time), ...conflicts.map((alert) => Date.parse(alert.current.published))];
  const x = scaleUtc()
    .domain(timeDomain(times))
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((point) => point.entry.value))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  const yAxis = y
    .ticks(4)
    .map((tick) => {
      const at = round(y(tick));
      return `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${at}" y2="${at}"/><text class="tick" x="${MARGIN.left - 6}" y="${at}" dy="0.32em" text-anchor="end">${formatNumber(tick)}</text>`;
    })
    .join('');
  const dateLabel = x.tickFormat();
  const baseline = HEIGHT - MARGIN.bottom;
  const xAxis = x
    .ticks(4)
    .map((tick, index) => {
      const at = round(x(tick));
      // Every other date is marked, so that a phone, drawing them larger, can leave those out.
      return `<line class="axis" x1="${at}" x2="${at}" y1="${baseline}" y2="${baseline + 4}"/><text class="tick${index % 2 === 1 ? ' other' : ''}" x="${at}" y="${baseline + 18}" text-anchor="middle">${dateLabel(tick)}</text>`;
    })
    .join('');

  // The current figure holds until now: its level runs on to the chart's right edge.
  const steps = points.filter((point) => point.role === 'step').map((point): [number, number] => [x(point.time), y(point.entry.value)]);
  const last = steps.at(-1);
  const stepPath =
    last === undefined
      ? ''
      : `<path class="step" d="${line().curve(curveStepAfter).digits(1)([...steps, [WIDTH - MARGIN.right, last[1]]])}"/>`;

  const markers = conflicts
    .map((alert) => {
      const at = round(x(new Date(alert.current.published)));
      return `<g class="conflict" role="img"${attribute('aria-label', conflictLabel(alert))} transform="translate(${at},0)"><line class="conflict-line" y1="${MARGIN.top}" y2="${baseline}"/><text class="conflict-label" y="${MARGIN.top - 5}" text-anchor="middle">!</text></g>`;
    })
    .join('');

  const dots = points
    .map((point) => {
      const { value, bound, outlet, quote, link, published } = point.entry;
      const note = roleNote(point);
      return (
        `<g class="point ${point.role}" tabindex="0" role="img"${attribute('aria-label', pointLabel(point, noun))}` +
        `${attribute('data-bound', bound)}${attribute('data-value', value)}${attribute('data-outlet', outlet)}` +
        `${attribute('data-quote', quote)}${attribute('data-link', safeHref(link) ?? '')}${attribute('data-published', published)}` +
        `${note ? attribute('data-note', note) : ''} transform="translate(${round(x(point.time))},${round(y(value))})">` +
        `<circle class="hit" r="12"/>${SHAPES[bound]}</g>`
      );
    })
    .join('');

  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-caption">` +
    `<title id="${id}-title">${escapeHtml(`Reports of ${noun} over time`)}</title>` +
    `<g aria-hidden="true">${yAxis}<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${baseline}" y2="${baseline}"/>${xAxis}${stepPath}</g>` +
    `${markers}<g class="points">${dots}</g></svg>`
  );
}
