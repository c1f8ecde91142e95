/**
 * Specification of the `extract` and `explain` commands, run as a user runs them: a child
 * process on the TypeScript entry point (`node --import tsx bin/cli.ts ...`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

/** The JSON objects the CLI wrote, one a line. */
function jsonLines(stdout: string): Array<{ id: unknown; figures: Array<Record<string, unknown>> }> {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: unknown; figures: Array<Record<string, unknown>> });
}

const jsonl = (...items: unknown[]) => items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n') + '\n';

const TRANSFER = 'US forces moved 150 Islamic State detainees from Hasakah to Iraq on Wednesday.';
const PLAN = 'Up to 7,000 detainees could ultimately be transferred to Iraq, officials said.';
const HELD = 'The SDF still holds 8,500 Islamic State suspects in its prisons, a Kurdish spokesman said.';
const OFF_TOPIC = 'The weather in Baghdad was mild on Thursday.';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'transfer-watch-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

describe('extract --jsonl', () => {
  it('answers every line in order with its id and figures, and exits 0', async () => {
    const result = await cli(
      ['extract', '--jsonl'],
      jsonl(
        { id: 'a1', text: TRANSFER, published: '2026-01-22' },
        { id: 'a2', text: OFF_TOPIC },
        { id: 3, text: PLAN, published: '2026-01-23T08:00:00Z' },
      ),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'a1', figures: [{ metric: 'detainees_transferred', value: 150, bound: 'exact', quote: TRANSFER }] },
      { id: 'a2', figures: [] },
      { id: 3, figures: [{ metric: 'transfer_planned', value: 7000, bound: 'at_most', quote: PLAN }] },
    ]);
  });

  it('gives a facility and an increment in the figure when the text has them', async () => {
    const camp = 'About 24,000 people live in al-Hol camp, the UN said.';
    const batch = 'Another 250 were moved to Iraq on Tuesday, an Iraqi security source said.';
    const result = await cli(['extract', '--jsonl'], jsonl({ id: 'c', text: camp }, { id: 'b', text: batch }));
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'c', figures: [{ metric: 'camp_population', value: 24000, bound: 'approx', facility: 'al-Hol', quote: camp }] },
      { id: 'b', figures: [{ metric: 'detainees_transferred', value: 250, bound: 'exact', increment: true, quote: batch }] },
    ]);
  });

  it('reports a line that is not JSON and a line without text by their numbers, answers the others, and exits 1', async () => {
    const result = await cli(
      ['extract', '--jsonl'],
      jsonl(
        { id: 'b1', text: TRANSFER },
        '{"id": "b2", "text": "cut off',
        { id: 'b3', text: HELD },
        { id: 'b4', published: '2026-01-25' },
        { id: 'b5', text: PLAN },
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\bline 2\b/);
    expect(result.stderr).toMatch(/\bline 4\b/);
    expect(result.stderr).not.toMatch(/\bline [135]\b/);
    const answered = jsonLines(result.stdout);
    expect(answered.map((line) => line.id)).toEqual(['b1', 'b3', 'b5']);
    expect(answered[1]?.figures).toEqual([{ metric: 'detainees_held', value: 8500, bound: 'exact', quote: HELD }]);
  });

  it('ignores empty lines', async () => {
    const input = `\n${JSON.stringify({ id: 'e1', text: TRANSFER })}\n\n   \n${JSON.stringify({ id: 'e2', text: HELD })}\n\n`;
    const result = await cli(['extract', '--jsonl'], input);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((line) => line.id)).toEqual(['e1', 'e2']);
  });
});

describe('extract FILE', () => {
  it('prints a table with the metric and the value', async () => {
    const path = file('table.txt', `${HELD}\n`);
    const result = await cli(['extract', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\bmetric\b/);
    expect(result.stdout).toMatch(/\bvalue\b/);
    expect(result.stdout).toMatch(/detainees_held\s+8,?500\s+exact/);
  });

  it('prints JSON that parses with --json', async () => {
    const path = file('json.txt', `${TRANSFER}\n${PLAN}\n`);
    const result = await cli(['extract', '--json', path]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      figures: [
        { metric: 'detainees_transferred', value: 150, bound: 'exact', quote: TRANSFER },
        { metric: 'transfer_planned', value: 7000, bound: 'at_most', quote: PLAN },
      ],
    });
  });

  it('reads HTML files as text', async () => {
    const path = file(
      'story.html',
      `<html><head><title>ignored 999</title></head><body><p>${HELD}</p><script>var n = 12000;</script></body></html>`,
    );
    const result = await cli(['extract', '--json', path]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ figures: [{ metric: 'detainees_held', value: 8500, bound: 'exact', quote: HELD }] });
  });

  it('reads standard input for "-"', async () => {
    const result = await cli(['extract', '-'], 'At least 40 IS fighters escaped from al-Shaddadi prison, a local official said.\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/escaped\s+40\s+at_least\s+al-Shaddadi/);
  });

  it('gives a clear error and a non-zero exit code for a missing file', async () => {
    const missing = join(dir, 'no-such-article.txt');
    const result = await cli(['extract', missing]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no-such-article.txt');
    expect(result.stderr).toMatch(/cannot read|ENOENT|no such file|not found/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('explain FILE', () => {
  it('lists a dropped year with its reason, next to the figure the other number became', async () => {
    const path = file(
      'explain.txt',
      'Islamic State fighters have been held in SDF prisons since 2019, and 150 were moved to Iraq on Wednesday.\n',
    );
    const result = await cli(['explain', path]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s*2019\s+dropped:.*\byear\b/m);
    expect(result.stdout).toMatch(/^\s*150\s+.*detainees_transferred/m);
  });

  it('says first whether the text is about the story, and which terms decided it', async () => {
    const onTopic = await cli(['explain', file('on-topic.txt', 'US forces moved 150 Islamic State detainees from Syria to Iraq.\n')]);
    expect(onTopic.stdout.split('\n')[0]).toMatch(/^Relevance: about the story \(score \d+: .*islamic state.*\)$/);
    const offTopic = await cli(['explain', file('off-topic.txt', 'The central bank kept its rate at 4.5 percent.\n')]);
    expect(offTopic.stdout.split('\n')[0]).toMatch(/^Relevance: not about the story \(score 0\)$/);
  });

  it('gives a clear error and a non-zero exit code for a missing file', async () => {
    const result = await cli(['explain', join(dir, 'gone.txt')]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain('gone.txt');
    expect(result.stderr).toMatch(/cannot read|ENOENT|no such file|not found/i);
  });
});
