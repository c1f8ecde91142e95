/**
 * Global setup: names a fresh folder for the fault scenarios' figures, and once every test file has
 * run prints their sum, one line, after vitest's own summary. A run without fault scenarios prints nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readFigures, summaryLine } from './tally.js';

declare module 'vitest' {
  export interface ProvidedContext {
    faultTally: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'transfer-watch-faults-'));
  project.provide('faultTally', folder);
  return () => {
    const records = readFigures(folder);
    if (records.length > 0) process.stdout.write(`\n${summaryLine(records)}\n`);
    rmSync(folder, { recursive: true, force: true });
  };
}
