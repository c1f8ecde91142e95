/**
 * Specification of a series' timeline on the dashboard: the SVG chart drawn on the server (a
 * step line, one focusable point per report, a marker per conflict) and its data table.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pointsTable } from '../../lambdas/core/dashboard/points-table.js';
import { timelineOf } from '../../lambdas/core/dashboard/timeline.js';
import { chartSummary, timelineChart } from '../../lambdas/core/dashboard/timeline-chart.js';
import type { AlertView, HistoryEntry } from '../../lambdas/core/query/views.js';
import { levantWireReport, type DomElement } from '../support/reports.js';

const NOUN = 'IS detainees moved to Iraq';

const entry = (value: number, published: string, overrides: Partial<HistoryEntry> = {}) =>
  levantWireReport<HistoryEntry>(value, published, overrides);

function conflict(previous: HistoryEntry, current: HistoryEntry): AlertView {
  const { increment, as_of, ...reading } = current;
  return { id: 'conflict-1', type: 'conflict', previous, current: reading, sources: 1, createdAt: '2026-02-10T15:00:00.000Z' };
}

function chart(history: HistoryEntry[], alerts: AlertView[] = []) {
  const svg = timelineChart(timelineOf(history, alerts), { id: 's1', noun: NOUN });
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return { svg, document };
}

/** A point's place in the chart, from its transform. */
function placeOf(element: DomElement): { x: number; y: number } {
  const [, x, y] = /translate\(([\d.-]+),([\d.-]+)\)/.exec(element.getAttribute('transform') ?? '')!;
  return { x: Number(x), y: Number(y) };
}

/** The corners of the step line, in order. */
function stepCorners(document: DomElement): Array<{ x: number; y: number }> {
  const d = document.querySelector('path.step')!.getAttribute('d')!;
  return [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
}

const points = (document: DomElement) => [...document.querySelectorAll('.point')];

describe('the timeline chart of a series', () => {
  const history = [
    entry(150, '2026-01-22T06:14:00.000Z'),
    entry(1380, '2026-02-01T11:05:00.000Z', { bound: 'approx', outlet: 'The Gulf Daily', link: 'https://gulfdaily.example/1380' }),
    entry(2250, '2026-02-10T09:40:00.000Z', { bound: 'at_least', quote: 'More than 2,250 have been moved.' }),
    entry(7000, '2026-02-20T15:45:00.000Z', { bound: 'at_most', outlet: 'Syria Detention Monitor' }),
  ];

  it('draws each stored observation as one point, carrying its reading and provenance in data attributes', () => {
    const { document } = chart(history);
    expect(
      points(document).map((point) => ({
        value: Number(point.getAttribute('data-value')),
        bound: point.getAttribute('data-bound'),
        outlet: point.getAttribute('data-outlet'),
        quote: point.getAttribute('data-quote'),
        link: point.getAttribute('data-link'),
        published: point.getAttribute('data-published'),
      })),
    ).toEqual(history.map(({ value, bound, outlet, quote, link, published }) => ({ value, bound, outlet, quote, link, published })));
  });

  it('lets each point be focused and names it for screen readers by figure, bound, outlet and day', () => {
    const [first] = points(chart(history).document);
    expect([first!.getAttribute('tabindex'), first!.getAttribute('role'), first!.getAttribute('aria-label')]).toEqual([
      '0',
      'img',
      '150 IS detainees moved to Iraq, exact, Levant Wire, 2026-01-22',
    ]);
  });

  it('draws an exact figure as a filled circle, "about" as a hollow one, "up to" as a downward and "more than" as an upward triangle', () => {
    const shapes = points(chart(history).document).map((point) => {
      const shape = point.querySelector('.shape')!;
      return `${point.getAttribute('data-bound')}: ${shape.tagName.toLowerCase()} ${shape.getAttribute('class')} ${shape.getAttribute('d') ?? ''}`.trim();
    });
    expect(shapes).toEqual([
      'exact: circle shape filled',
      'approx: circle shape hollow',
      'at_least: path shape hollow M-6,4H6L0,-6Z',
      'at_most: path shape hollow M-6,-4H6L0,6Z',
    ]);
  });

  it('draws the figure as a step line that changes level at each report and holds the last one to the right edge', () => {
    const { document } = chart(history);
    const places = points(document).map(placeOf);
    const corners = stepCorners(document);
    // Each report: a corner at its own height, reached by a flat run from the level before.
    const expected = places.flatMap((place, index) => (index === 0 ? [place] : [{ x: place.x, y: places[index - 1]!.y }, place]));
    expect(corners.slice(0, expected.length)).toEqual(expected);
    const end = corners.at(-1)!;
    expect(end.y).toBe(places.at(-1)!.y);
    expect(end.x).toBeGreaterThan(places.at(-1)!.x);
  });

  it('leaves a batch, a figure told as history and a disputed report off the step line, and still draws them as points', () => {
    const disputed = entry(3100, '2026-02-10T14:15:00.000Z', { outlet: 'Syria Detention Monitor' });
    const mixed = [
      entry(150, '2026-01-22T06:14:00.000Z'),
      entry(600, '2026-02-01T16:30:00.000Z', { increment: true }),
      entry(90, '2026-02-05T10:00:00.000Z', { as_of: '2025-12' }),
      entry(2250, '2026-02-10T09:40:00.000Z'),
      disputed,
    ];
    const { document } = chart(mixed, [conflict(entry(2250, '2026-02-10T09:40:00.000Z'), disputed)]);
    const drawn = points(document);
    const onLine = new Set(stepCorners(document).map((corner) => corner.y));
    expect(drawn.map((point) => [point.getAttribute('class'), onLine.has(placeOf(point).y)])).toEqual([
      ['point step', true],
      ['point batch', false],
      ['point as_of', false],
      ['point step', true],
      ['point disputed', false],
    ]);
  });

  it('marks a conflict with a red dashed line and a "!" at the disputed report, named for screen readers', () => {
    const earlier = entry(2250, '2026-02-10T09:40:00.000Z');
    const disputed = entry(3100, '2026-02-10T14:15:00.000Z', { outlet: 'Syria Detention Monitor' });
    const { document } = chart([earlier, disputed], [conflict(earlier, disputed)]);
    const markers = [...document.querySelectorAll('.conflict')];
    expect(markers).toHaveLength(1);
    const marker = markers[0]!;
    expect(marker.getAttribute('aria-label')).toBe(
      'Sources disagree, 2026-02-10: Levant Wire had 2,250, Syria Detention Monitor reported 3,100',
    );
    expect(marker.querySelector('line.conflict-line')).not.toBeNull();
    expect(marker.querySelector('text')!.textContent).toBe('!');
    expect(placeOf(marker).x).toBe(placeOf(points(document)[1]!).x);
  });

  it('draws no conflict marker for alerts of other types', () => {
    const increase: AlertView = {
      id: 'increase-1',
      type: 'increase',
      previous: history[0]!,
      current: history[1]!,
      sources: 1,
      createdAt: '2026-02-01T12:00:00.000Z',
    };
    expect(chart(history, [increase]).document.querySelectorAll('.conflict')).toHaveLength(0);
  });

  it('labels the value axis from 0, with thousands separators', () => {
    const labels = [...chart([entry(40_000, '2026-02-02T08:00:00.000Z')]).document.querySelectorAll('text.tick')].map(
      (tick) => tick.textContent,
    );
    expect(labels.slice(0, 5)).toEqual(['0', '10,000', '20,000', '30,000', '40,000']);
  });

  it('draws a single report on a date axis of a week, without a coordinate that is not a number', () => {
    const { svg, document } = chart([entry(150, '2026-01-22T06:14:00.000Z')]);
    const dates = [...document.querySelectorAll('text.tick')].filter((tick) => tick.getAttribute('text-anchor') === 'middle');
    expect(svg).not.toContain('NaN');
    expect(dates.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a quote and an outlet from a feed as text: markup and quotation marks in them are escaped', () => {
    const quote = 'He said "150" </g><script>alert(1)</script>';
    const outlet = 'Levant "Wire" <img src=x onerror=alert(1)>';
    const { svg, document } = chart([entry(150, '2026-01-22T06:14:00.000Z', { quote, outlet })]);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    const [point] = points(document);
    expect([point!.getAttribute('data-quote'), point!.getAttribute('data-outlet')]).toEqual([quote, outlet]);
  });

  it('gives a point no link when the report’s is not http(s)', () => {
    const { svg, document } = chart([entry(150, '2026-01-22T06:14:00.000Z', { link: 'javascript:alert(1)' })]);
    expect(points(document)[0]!.getAttribute('data-link')).toBe('');
    expect(svg).not.toContain('javascript:');
  });

  it('sums the chart up in words: how many reports, over what time, what range of figures, how often sources disagreed', () => {
    const earlier = entry(2250, '2026-02-10T09:40:00.000Z');
    const disputed = entry(3100, '2026-02-10T14:15:00.000Z', { outlet: 'Syria Detention Monitor' });
    expect(chartSummary(timelineOf([history[0]!, earlier, disputed], [conflict(earlier, disputed)]))).toBe(
      '3 reports from 2026-01-22 to 2026-02-10, figures from 150 to 3,100; sources disagreed once.',
    );
  });
});

describe('the data table of a chart', () => {
  const history = [
    entry(150, '2026-01-22T06:14:00.000Z'),
    entry(600, '2026-02-01T16:30:00.000Z', { increment: true, bound: 'approx', outlet: 'The Gulf Daily', link: 'javascript:void(0)' }),
  ];
  const { document } = parseHTML(`<!doctype html><html><body>${pointsTable(timelineOf(history, []), NOUN)}</body></html>`);

  it('lists the same reports as the chart, oldest first, each figure with its bound and a note on a batch', () => {
    const rows = [...document.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent).join(' | '),
    );
    expect(rows).toEqual([
      '2026-01-22 06:14 UTC | 150 | Levant Wire | A total of 150 detainees have been moved to Iraq. | ',
      '2026-02-01 16:30 UTC | about 600 | The Gulf Daily | A total of 600 detainees have been moved to Iraq. | one batch, not a running total',
    ]);
  });

  it('links each outlet to its report, when the link is http(s)', () => {
    expect([...document.querySelectorAll('tbody a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Levant Wire', 'https://levantwire.example/150'],
    ]);
  });

  it('gives every column and row a header with its scope, under a caption', () => {
    expect([...document.querySelectorAll('th')].map((th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
      'col',
      'col',
      'col',
      'row',
      'row',
    ]);
    expect(document.querySelector('caption')!.textContent).toBe('Reports of IS detainees moved to Iraq, oldest first');
  });
});
