/**
 * Specification of the dashboard page as rendered from data already read: a self-contained,
 * accessible HTML document with a section per series, the latest changes and the feeds' health,
 * in which nothing a feed wrote can become markup or a script link.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderDashboard, type DashboardData, type SeriesPanel } from '../../lambdas/core/dashboard/dashboard.js';
import type { AlertView, ChangeView, HistoryEntry } from '../../lambdas/core/query/views.js';
import { levantWireReport, type DomElement } from '../support/reports.js';

const reading = levantWireReport;

function panel(metric: string, facility: string | undefined, history: HistoryEntry[], alerts: AlertView[] = []): SeriesPanel {
  const current = history.at(-1)!;
  return {
    series: {
      metric,
      ...(facility !== undefined ? { facility } : {}),
      current,
      sources: 1,
      outlets: [current.outlet],
      updatedAt: current.published,
    },
    history,
    alerts,
  };
}

const transferred150 = reading(150, '2026-01-22T06:14:00.000Z');
const transferred1380 = reading(1380, '2026-02-01T11:05:00.000Z');
const increase: ChangeView = {
  metric: 'detainees_transferred',
  id: 'alert-increase',
  type: 'increase',
  previous: transferred150,
  current: transferred1380,
  sources: 1,
  createdAt: '2026-02-01T12:00:00.000Z',
};
const planned: ChangeView = {
  metric: 'transfer_planned',
  id: 'alert-planned',
  type: 'new',
  previous: null,
  current: reading(7000, '2026-01-22T06:14:00.000Z', { bound: 'at_most' }),
  sources: 1,
  createdAt: '2026-01-22T07:00:00.000Z',
};

const DATA: DashboardData = {
  series: [
    panel('camp_population', 'al-Hol', [reading(40_000, '2026-02-02T08:00:00.000Z', { bound: 'approx', outlet: 'The Gulf Daily' })]),
    panel('detainees_transferred', undefined, [transferred150, transferred1380], [increase]),
    panel('escaped', 'al-Shaddadi', [reading(1200, '2026-01-24T09:30:00.000Z', { bound: 'at_least' })]),
    panel('transfer_planned', undefined, [planned.current], [planned]),
  ],
  changes: [increase, planned],
  feeds: [
    { url: 'https://gulfdaily.example/rss', lastSuccess: '2026-03-04T11:00:00.000Z', consecutiveFailures: 0 },
    {
      url: 'https://levantwire.example/rss',
      consecutiveFailures: 3,
      lastError: 'HTTP 503 Service Unavailable',
      nextAttempt: '2026-03-04T13:00:00.000Z',
    },
  ],
};

function render(data: DashboardData = DATA) {
  const html = renderDashboard(data);
  return { html, document: parseHTML(html).document };
}

const text = (element: DomElement | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the dashboard page', () => {
  it('gives each series a section named by its metric and facility, by metric then facility, headed by its label', () => {
    const { document } = render();
    expect(
      [...document.querySelectorAll('main section[data-series]')].map((section) => [
        section.getAttribute('data-series'),
        text(section.querySelector('h2')),
      ]),
    ).toEqual([
      ['camp_population@al-Hol', 'Camp population at al-Hol'],
      ['detainees_transferred', 'IS detainees moved to Iraq'],
      ['escaped@al-Shaddadi', 'IS detainees escaped at al-Shaddadi'],
      ['transfer_planned', 'IS detainees to be moved to Iraq'],
    ]);
  });

  it('states each current figure in words: "about", "more than", "up to", or the figure alone when exact', () => {
    const { document } = render();
    expect([...document.querySelectorAll('section[data-series] .figure')].map(text)).toEqual([
      'about 40,000',
      '1,380',
      'more than 1,200',
      'up to 7,000',
    ]);
  });

  it('says when and by whom the current figure was reported, in the words of the report, and who agrees on it', () => {
    const section = render().document.querySelector('section[data-series="detainees_transferred"]')!;
    const paragraphs = [...section.querySelectorAll('p')].map(text);
    expect(paragraphs).toContain('Reported 2026-02-01 11:05 UTC by Levant Wire: A total of 1380 detainees have been moved to Iraq.');
    expect(paragraphs).toContain('Only Levant Wire reports this figure.');
    expect(section.querySelector('time')!.getAttribute('datetime')).toBe('2026-02-01T11:05:00.000Z');
  });

  it('counts the outlets that agree on a figure', () => {
    const agreed = panel('detainees_transferred', undefined, [transferred150]);
    agreed.series = { ...agreed.series, sources: 2, outlets: ['Levant Wire', 'The Gulf Daily'] };
    const paragraphs = [...render({ ...DATA, series: [agreed] }).document.querySelectorAll('section[data-series] p')].map(text);
    expect(paragraphs).toContain('2 outlets agree on it: Levant Wire, The Gulf Daily.');
  });

  it("shows a series' last change, from the earlier figure to the new one", () => {
    const section = render().document.querySelector('section[data-series="detainees_transferred"]')!;
    expect(text(section.querySelector('.last-change'))).toBe('Last change: increase, 150 → to 1,380, noticed 2026-02-01 12:00 UTC.');
  });

  it('draws a timeline in each section, with as many points as the series has reports', () => {
    const { document } = render();
    expect(
      [...document.querySelectorAll('section[data-series]')].map((section) => [
        section.querySelectorAll('svg.chart').length,
        section.querySelectorAll('.point').length,
      ]),
    ).toEqual([
      [1, 1],
      [1, 2],
      [1, 1],
      [1, 1],
    ]);
  });

  it('says so, and draws no chart, for a series none of whose reports is stored', () => {
    const lost = { ...panel('detainees_transferred', undefined, [transferred150]), history: [] };
    const section = render({ ...DATA, series: [lost] }).document.querySelector('section[data-series]')!;
    expect([section.querySelector('svg'), [...section.querySelectorAll('p')].map(text).at(-1)]).toEqual([
      null,
      'No report of it is stored.',
    ]);
  });

  it('lists the latest changes in the order given, newest first, each with its id, type, figures, quote, outlet and link', () => {
    const items = [...render().document.querySelectorAll('ol.changes > li.change')];
    expect(
      items.map((item) => [
        item.getAttribute('data-alert-id'),
        text(item.querySelector('.change-head')),
        text(item.querySelector('.figures')),
      ]),
    ).toEqual([
      ['alert-increase', 'Increase: IS detainees moved to Iraq', '150 → to 1,380'],
      ['alert-planned', 'New figure: IS detainees to be moved to Iraq', 'up to 7,000'],
    ]);
    const first = items[0]!;
    expect(text(first.querySelector('blockquote'))).toBe('A total of 1380 detainees have been moved to Iraq.');
    expect(text(first.querySelector('.source'))).toBe('Levant Wire, published 2026-02-01 11:05 UTC; noticed 2026-02-01 12:00 UTC');
    expect(first.querySelector('.source a')!.getAttribute('href')).toBe('https://levantwire.example/1380');
  });

  it('shows a conflict as both figures set against each other', () => {
    const conflict: ChangeView = {
      ...increase,
      id: 'alert-conflict',
      type: 'conflict',
      current: reading(3100, '2026-02-01T14:00:00.000Z'),
    };
    const item = render({ ...DATA, changes: [conflict] }).document.querySelector('li.change')!;
    expect([text(item.querySelector('.change-type')), text(item.querySelector('.figures'))]).toEqual(['Sources disagree', '150 vs 3,100']);
  });

  it("tabulates each feed's health under a caption: last success, failures in a row, next attempt and last error", () => {
    const table = render().document.querySelector('section.feeds table')!;
    expect(text(table.querySelector('caption'))).toBe('Each feed polled, and its health');
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).toEqual([
      ['Feed', 'col'],
      ['Last success', 'col'],
      ['Consecutive failures', 'col'],
      ['Next attempt', 'col'],
      ['Last error', 'col'],
    ]);
    expect([...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map(text))).toEqual([
      ['https://gulfdaily.example/rss', '2026-03-04 11:00 UTC', '0', 'next run', 'none'],
      ['https://levantwire.example/rss', 'never', '3', '2026-03-04 13:00 UTC', 'HTTP 503 Service Unavailable'],
    ]);
  });

  it('says what the last poll run did', () => {
    const lastRun = {
      id: 'run-1',
      startedAt: '2026-03-04T11:00:00.000Z',
      finishedAt: '2026-03-04T11:01:00.000Z',
      feeds: 3,
      fetched: 2,
      unchanged: 0,
      waiting: 0,
      failed: 1,
      items: 12,
      figures: 4,
      sent: 1,
      unsent: 0,
    };
    const paragraph = render({ ...DATA, lastRun }).document.querySelector('section.feeds p')!;
    expect(text(paragraph)).toBe('The last run finished 2026-03-04 11:01 UTC: 3 feeds, 4 figures read, 1 feed failed.');
  });

  it('says when the data last moved (its latest series update), and draws a key to the shapes of the points', () => {
    const header = render().document.querySelector('header')!;
    expect(header.querySelector('time')!.getAttribute('datetime')).toBe('2026-02-02T08:00:00.000Z');
    expect([...header.querySelectorAll('.legend li')].map(text)).toEqual([
      'exact figure',
      '“up to”',
      '“more than”',
      '“about”',
      'the figure over time',
      '! sources disagree',
    ]);
  });

  it('is an accessible document: English, one h1, header, main and footer landmarks, a viewport for phones', () => {
    const { document } = render();
    expect([
      document.documentElement.getAttribute('lang'),
      document.querySelectorAll('h1').length,
      document.querySelectorAll('body > header, body > main, body > footer').length,
      document.querySelector('meta[name="viewport"]')!.getAttribute('content'),
    ]).toEqual(['en', 1, 3, 'width=device-width, initial-scale=1']);
  });

  it('holds one hidden tooltip for the points, which the script fills in', () => {
    const tooltip = render().document.querySelector('#tooltip')!;
    expect([tooltip.getAttribute('role'), tooltip.hasAttribute('hidden'), tooltip.querySelectorAll('a.tip-link').length]).toEqual([
      'tooltip',
      true,
      1,
    ]);
  });

  it('needs nothing but itself: no external script, style, image or font', () => {
    const { document } = render();
    expect(document.querySelectorAll('script[src], link[rel="stylesheet"], img, iframe, object, embed')).toHaveLength(0);
    expect([...document.querySelectorAll('link')].map((link) => link.getAttribute('href'))).toEqual(['data:,']);
  });

  it('lets the browser run its own inline script and style and nothing else, nor fetch anything', () => {
    const { document } = render();
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src ${hash(document.querySelector('script')!.textContent!)}`);
    expect(policy).toContain(`style-src ${hash(document.querySelector('style')!.textContent!)}`);
  });

  it('escapes markup and quotation marks from a feed, in the current figure, the chart and the change list alike', () => {
    const quote = 'He said "150" </q><script>alert(1)</script>';
    const outlet = 'Levant "Wire" <img src=x onerror=alert(1)>';
    const hostile = reading(150, '2026-01-22T06:14:00.000Z', { quote, outlet });
    const change: ChangeView = { ...planned, id: 'alert-hostile', current: hostile };
    const { html, document } = render({ ...DATA, series: [panel('detainees_transferred', undefined, [hostile])], changes: [change] });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(text(document.querySelector('section[data-series] q'))).toBe(quote);
    expect(document.querySelector('.point')!.getAttribute('data-outlet')).toBe(outlet);
    expect(text(document.querySelector('li.change blockquote'))).toBe(quote);
  });

  it('makes no link of a javascript: address, and shows the outlet as text instead', () => {
    const sneaky = reading(150, '2026-01-22T06:14:00.000Z', { link: 'javascript:alert(document.cookie)' });
    const change: ChangeView = { ...planned, id: 'alert-sneaky', current: sneaky };
    const { html, document } = render({ ...DATA, series: [panel('detainees_transferred', undefined, [sneaky])], changes: [change] });
    expect(html).not.toContain('javascript:');
    expect([...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href'))).toEqual([
      '#main',
      'https://gulfdaily.example/rss',
      'https://levantwire.example/rss',
    ]);
    expect(text(document.querySelector('li.change .source'))).toBe(
      'Levant Wire, published 2026-01-22 06:14 UTC; noticed 2026-01-22 07:00 UTC',
    );
  });
});

describe('the dashboard of an empty store', () => {
  const { document } = render({ series: [], changes: [], feeds: [] });

  it('says that no figure is stored yet and how to get some', () => {
    expect(text(document.querySelector('main .empty'))).toBe('No figures stored yet: run transfer-watch poll.');
  });

  it('draws no series, no change and no feed table, and says so', () => {
    expect([
      document.querySelectorAll('section[data-series]').length,
      document.querySelectorAll('li.change').length,
      document.querySelectorAll('table').length,
    ]).toEqual([0, 0, 0]);
    expect([...document.querySelectorAll('main section p')].map(text)).toEqual(['No change recorded yet.', 'No feed polled yet.']);
  });
});
