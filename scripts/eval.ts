/**
 * Scores extraction on the labelled corpus: precision, recall and F1 per metric and overall,
 * on (metric, value, bound, facility). The held-out set is reported apart: it was written in
 * other phrasings and is never tuned on, so its score is the honest estimate on unseen text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { createExtractor } from '../lambdas/core/extract/extract.js';
import { compareFigures, qualifierAgreement, Tally, type Agreement, type LabelledFigure } from '../lambdas/core/evaluate/score.js';
import { loadTopicFile } from '../lambdas/adapters/topic-file.js';

interface CorpusItem {
  id: string;
  text: string;
  published?: string;
  figures: LabelledFigure[];
}

const CORPUS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'corpus');

function readCorpus(folder: string): CorpusItem[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as CorpusItem),
    );
}

const options = new Command()
  .option('--errors', 'list every missed and spurious figure')
  .option('--json', 'print the scores as JSON')
  .parse()
  .opts<{ errors?: boolean; json?: boolean }>();

const extract = createExtractor(loadTopicFile());
const report: Record<string, unknown> = {};
for (const [name, folder] of [
  ['main', CORPUS],
  ['holdout', join(CORPUS, 'holdout')],
] as const) {
  const items = readCorpus(folder);
  const tally = new Tally();
  const errors: string[] = [];
  const qualifiers = { increment: { agree: 0, total: 0 }, asOf: { agree: 0, total: 0 } };
  for (const item of items) {
    const predicted = extract({ text: item.text, published: item.published }).figures;
    const result = compareFigures(item.figures, predicted);
    tally.add(result);
    const agreement = qualifierAgreement(item.figures, result.matched);
    for (const key of ['increment', 'asOf'] as const) {
      qualifiers[key].agree += agreement[key].agree;
      qualifiers[key].total += agreement[key].total;
    }
    for (const figure of result.missed) errors.push(`${item.id} MISSED   ${JSON.stringify(figure)}\n    ${item.text.slice(0, 300)}`);
    for (const figure of result.spurious)
      errors.push(
        `${item.id} SPURIOUS ${JSON.stringify({ ...figure, quote: undefined, number: undefined, start: undefined, end: undefined })}\n    ${item.text.slice(0, 300)}`,
      );
  }
  const overall = tally.overall();
  report[name] = { items: items.length, overall, metrics: Object.fromEntries(tally.metrics()), qualifiers };
  if (options.json) continue;
  console.log(`\n${name}: ${items.length} items`);
  console.log(
    `${'metric'.padEnd(24)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)}`,
  );
  for (const [metric, scores] of [...tally.metrics(), ['OVERALL', overall] as const]) {
    console.log(
      `${metric.padEnd(24)} ${String(scores.truePositives).padStart(4)} ${String(scores.falsePositives).padStart(4)} ${String(scores.falseNegatives).padStart(4)} ${scores.precision.toFixed(3).padStart(6)} ${scores.recall.toFixed(3).padStart(6)} ${scores.f1.toFixed(3).padStart(6)}`,
    );
  }
  const share = ({ agree, total }: Agreement) => `${agree}/${total} (${total === 0 ? '-' : ((agree / total) * 100).toFixed(1)}%)`;
  console.log(`on matched figures, increment agrees ${share(qualifiers.increment)}, as_of agrees ${share(qualifiers.asOf)}`);
  if (options.errors) for (const error of errors) console.log(error);
}
if (options.json) console.log(JSON.stringify(report, null, 2));
