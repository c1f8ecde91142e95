/**
 * The suite's figures: every scenario adds what it injected and what subscribers received to a file
 * the global setup names, and the global teardown (tally-report.ts) prints their sum as one line.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figures {
  /** Errors thrown into the SDK (one per failed attempt), processes killed, clocks set wrong, feeds rewritten. */
  injected: number;
  /** Alerts the story raises over the snapshots polled. */
  expected: number;
  /** Of those, how many reached the subscriber's queue. */
  delivered: number;
  lost: number;
  /** Deliveries of a change already delivered, under its id or another. */
  duplicated: number;
  /** Alerts nobody should have been sent: no such change in the story. */
  unexpected: number;
  /** Second deliveries no store can prevent: SNS took the message, and then the process died or the answer was lost. */
  redelivered: number;
}

const TALLY_FILE = 'tally.jsonl';

export function recordFigures(folder: string, figures: Figures): void {
  appendFileSync(join(folder, TALLY_FILE), `${JSON.stringify(figures)}\n`);
}

export function readFigures(folder: string): Figures[] {
  let text: string;
  try {
    text = readFileSync(join(folder, TALLY_FILE), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Figures);
}

export function summaryLine(records: Figures[]): string {
  const sum = (field: keyof Figures) => records.reduce((total, figures) => total + figures[field], 0);
  return (
    `faults: ${sum('injected')} injected, ${sum('expected')} alerts expected, ${sum('delivered')} delivered, ` +
    `${sum('lost')} lost, ${sum('duplicated')} duplicated, ${sum('unexpected')} unexpected; ` +
    `${sum('redelivered')} redelivered after a crash between publish and mark-sent (or a failed sent mark, or a lost Publish answer): SNS has no idempotent publish`
  );
}
