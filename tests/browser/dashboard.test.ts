/**
 * The dashboard in a real browser (Debian's chromium, driven by playwright-core), on a store seeded
 * by replaying the demo's story: every chart shows every stored observation, the change list the
 * stored alerts, a point's hover its provenance, and the page is not blank.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../lambdas/composition/local.js';
import type { Alert } from '../../lambdas/core/alert/alert.js';
import { readAll } from '../../lambdas/core/query/read-all.js';
import type { Observation, SeriesState } from '../../lambdas/core/series/series.js';
import { seriesId } from '../../lambdas/core/series/series.js';
import { replayDemo } from '../../scripts/demo-replay.js';
import { ROOT, startCli, type RunningCli } from '../support/cli.js';

/** Where `.ci/run` installs Debian's chromium. */
const CHROMIUM = '/usr/bin/chromium';

let serve: RunningCli;
let browser: Browser;
let page: Page;
let stored: { series: SeriesState[]; history: Map<string, Observation[]>; alerts: Alert[] };
/** Kept after the run (and ignored by git) for a person to look at. */
const SCREENSHOT = join(ROOT, 'test-results', 'dashboard.png');

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'transfer-watch-browser-'));
  await replayDemo(dataDir, () => {});
  // Read before serving: the embedded store admits one process at a time.
  const local = await openLocalStore(dataDir);
  try {
    const series = await readAll((cursor) => local.store.listSeries(cursor));
    const history = new Map<string, Observation[]>();
    for (const one of series) history.set(seriesId(one), await readAll((cursor) => local.store.history(one, cursor)));
    stored = { series, history, alerts: await readAll((cursor) => local.store.alerts({}, cursor)) };
  } finally {
    await local.close();
  }
  serve = startCli(['serve', '--port', '0', '--data-dir', dataDir]);
  const url = /(http:\/\/\S+\/) /.exec(await serve.firstLine)![1]!;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('the dashboard in a browser', () => {
  it('draws one chart per stored series', async () => {
    const shown = await page
      .locator('section[data-series]')
      .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-series')));
    expect(shown.sort()).toEqual(stored.series.map(seriesId).sort());
  });

  it('draws every stored observation of a series as a point, with its value, bound and outlet', async () => {
    for (const one of stored.series) {
      const id = seriesId(one);
      const points = await page
        .locator(`section[data-series="${id}"] .point`)
        .evaluateAll((elements) =>
          elements.map(
            (element) =>
              `${element.getAttribute('data-value')} ${element.getAttribute('data-bound')} ${element.getAttribute('data-outlet')}`,
          ),
        );
      const expected = stored.history.get(id)!.map((observation) => `${observation.value} ${observation.bound} ${observation.outlet}`);
      expect(points.sort(), id).toEqual(expected.sort());
    }
  });

  it('lists the stored alerts as the latest changes, newest first', async () => {
    const listed = await page.locator('.change').evaluateAll((items) => items.map((item) => item.getAttribute('data-alert-id')));
    const newestFirst = [...stored.alerts]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.current.published.localeCompare(a.current.published))
      .map((alert) => alert.id);
    expect(listed.sort()).toEqual(newestFirst.slice(0, listed.length).sort());
    expect(listed.length).toBe(Math.min(stored.alerts.length, 30));
  });

  it('shows a point’s outlet, quote and link when the pointer is over it', async () => {
    const point = page.locator('.point').first();
    const outlet = (await point.getAttribute('data-outlet'))!;
    const quote = (await point.getAttribute('data-quote'))!;
    const link = (await point.getAttribute('data-link'))!;
    await point.hover();
    const tooltip = page.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.textContent()).toContain(outlet);
    expect(await tooltip.textContent()).toContain(quote);
    expect(await tooltip.locator('a').getAttribute('href')).toBe(link);
  });

  it('shows the same provenance to a keyboard user who tabs to a point', async () => {
    await page.mouse.move(0, 0);
    await page.locator('.point').nth(1).focus();
    const outlet = (await page.locator('.point').nth(1).getAttribute('data-outlet'))!;
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    expect(await page.locator('#tooltip').textContent()).toContain(outlet);
  });

  it('renders a screenshot that is not blank', async () => {
    const png = await page.screenshot({ fullPage: true });
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    writeFileSync(SCREENSHOT, png);
    // The browser decodes its own screenshot and counts the colours: a blank page has one or two.
    // Written as page code in a string: the project's types know no DOM.
    const colours = await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const seen = new Set();
      for (let index = 0; index < data.length; index += 28) seen.add((data[index] << 16) | (data[index + 1] << 8) | data[index + 2]);
      return seen.size;
    })()`);
    expect(colours).toBeGreaterThan(50);
  });
});
