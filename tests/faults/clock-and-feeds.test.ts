/**
 * Faults of time and of feeds: a clock that jumps between cycles (set back a day, a week fast), a
 * feed that re-issues its stories under new guids and links, and a feed whose items lose their
 * dates. Each snapshot's alerts must go out in the cycle that reads it, once, and no old figure
 * may pass for news.
 */
import { describe, expect, it } from 'vitest';
import { NEXT_RUN_MINUTES, STORY, stepTime } from '../support/demo-story.js';
import { rewrittenSnapshot, Scenario, useWorld } from './world.js';

const DAY_MS = 86_400_000;

const world = useWorld();

/** Polls snapshots `from` to 6, each read by `serving` and at `clock`'s time; what each cycle sent, or failed to. */
async function replay(
  scenario: Scenario,
  from: number,
  { clock = stepTime, serving }: { clock?: (step: number) => Date; serving?: (step: number) => string } = {},
): Promise<string[]> {
  const late: string[] = [];
  for (let step = from; step <= STORY.length; step += 1) {
    const before = (await scenario.delivered()).length;
    const offBy = clock(step).getTime() - stepTime(step).getTime();
    await scenario.poll(step, { ...(offBy !== 0 ? { at: clock(step) } : {}), ...(serving ? { serving: serving(step) } : {}) });
    const sent = (await scenario.delivered()).slice(before).sort();
    const deserved = [...STORY[step - 1]!].sort();
    if (sent.join() !== deserved.join()) late.push(`snapshot ${step} sent [${sent.join(', ')}], not [${deserved.join(', ')}]`);
  }
  return late;
}

describe('a clock that jumps between cycles', () => {
  it('set back a day after the first cycle: the next still reads every feed, and each alert goes out in its cycle', async () => {
    const scenario = await Scenario.open(world());
    const clock = (step: number) => (step === 2 ? new Date(stepTime(1).getTime() - DAY_MS) : stepTime(step));
    expect(await replay(scenario, 1, { clock })).toEqual([]);
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });

  it('a week fast for the first cycle, then put right: each alert goes out in its cycle', async () => {
    const scenario = await Scenario.open(world());
    const clock = (step: number) => (step === 1 ? new Date(stepTime(1).getTime() + 7 * DAY_MS) : stepTime(step));
    expect(await replay(scenario, 1, { clock })).toEqual([]);
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });
});

/** The wire's items under new guids, their links with a new query string: a CMS moved. */
const reissue = (xml: string) =>
  xml
    .replace(/<guid isPermaLink="false">(lw-[^<]+)<\/guid>/g, '<guid isPermaLink="false">$1-reissued</guid>')
    .replace(/(<link>https:\/\/levantwire\.example\/[^<]+)<\/link>/g, '$1?edition=intl</link>');

describe('a feed that re-issues its stories under new guids and links', () => {
  it('reads them again and raises no second alert: the same story from the same outlet is the same observation', async () => {
    const scenario = await Scenario.open(world(), { after: 3 });
    const report = await scenario.poll(3, { at: NEXT_RUN_MINUTES, serving: rewrittenSnapshot(world(), 3, { 'wire.xml': reissue }) });
    expect(report.feeds[0]).toMatchObject({ status: 'fetched', read: 3, figures: 4 });
    expect(await scenario.delivered()).toEqual([]);
    expect(await replay(scenario, 4)).toEqual([]);
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });
});

/** Every publication and update time taken out, RSS and Atom alike. */
const undated = (xml: string) => xml.replace(/\s*<(pubDate|published|updated|dc:date)>[^<]*<\/\1>/g, '');
const allUndated = { 'wire.xml': undated, 'daily.xml': undated, 'monitor.xml': undated };

describe('a feed whose items lose their dates', () => {
  it('from the next snapshot on: each new figure is news in its cycle, and no old one', async () => {
    const scenario = await Scenario.open(world(), { after: 2 });
    const serving = (step: number) => rewrittenSnapshot(world(), step, allUndated);
    expect(await replay(scenario, 3, { serving })).toEqual([]);
    expect(await scenario.settle(STORY.length)).toEqual([]);
  });

  it('then revises an old story in place: its figure keeps the date it was read with, and stays old news', async () => {
    const scenario = await Scenario.open(world(), { after: 4 });
    const touchedUp = (xml: string) => undated(xml).replace('after a slow start.</p>', 'after a slow start, officials said.</p>');
    const serving = rewrittenSnapshot(world(), 4, { ...allUndated, 'wire.xml': touchedUp });
    const report = await scenario.poll(4, { at: NEXT_RUN_MINUTES, serving });
    expect(report.feeds[0]).toMatchObject({ status: 'fetched', read: 1, figures: 1 });
    expect(await scenario.delivered()).toEqual([]);
    expect(await scenario.store.series({ metric: 'detainees_transferred' })).toMatchObject({ current: { value: 2250 } });
    // The revision is another story: its 1,380 joins the history, behind the 2,250.
    expect(await scenario.settle(4)).toEqual([
      expect.stringMatching(/^history has, unlike a run without faults: detainees_transferred: 1380 exact from Levant Wire, story \w+$/),
    ]);
  });
});
