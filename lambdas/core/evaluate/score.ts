/** What an evaluation compares: a figure reduced to the fields that must be right. */
export interface LabelledFigure {
  metric: string;
  value: number;
  bound: string;
  facility?: string;
  /** Not part of the match, but scored on matched figures: a batch taken for a total, or history for news, misleads. */
  increment?: boolean;
  as_of?: string;
}

export interface Agreement {
  agree: number;
  total: number;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function figureKey(figure: LabelledFigure): string {
  return `${figure.metric}|${figure.value}|${figure.bound}|${figure.facility ?? ''}`;
}

/** Matches predicted against expected figures as multisets; returns the unmatched of each side. */
export function compareFigures(
  expected: LabelledFigure[],
  predicted: LabelledFigure[],
): { missed: LabelledFigure[]; spurious: LabelledFigure[]; matched: LabelledFigure[] } {
  const remaining = new Map<string, number>();
  for (const figure of expected) remaining.set(figureKey(figure), (remaining.get(figureKey(figure)) ?? 0) + 1);
  const matched: LabelledFigure[] = [];
  const spurious: LabelledFigure[] = [];
  for (const figure of predicted) {
    const left = remaining.get(figureKey(figure)) ?? 0;
    if (left > 0) {
      remaining.set(figureKey(figure), left - 1);
      matched.push(figure);
    } else spurious.push(figure);
  }
  const missed = expected.filter((figure) => {
    const left = remaining.get(figureKey(figure)) ?? 0;
    if (left === 0) return false;
    remaining.set(figureKey(figure), left - 1);
    return true;
  });
  return { missed, spurious, matched };
}

export function scoresOf(counts: Counts): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** Tallies per metric and overall. */
export class Tally {
  private readonly perMetric = new Map<string, Counts>();

  add(result: ReturnType<typeof compareFigures>): void {
    const bump = (metric: string, field: keyof Counts) => {
      const counts = this.perMetric.get(metric) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      counts[field] += 1;
      this.perMetric.set(metric, counts);
    };
    for (const figure of result.matched) bump(figure.metric, 'truePositives');
    for (const figure of result.spurious) bump(figure.metric, 'falsePositives');
    for (const figure of result.missed) bump(figure.metric, 'falseNegatives');
  }

  metrics(): Array<[string, Scores]> {
    return [...this.perMetric.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([metric, counts]) => [metric, scoresOf(counts)]);
  }

  overall(): Scores {
    const total: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const counts of this.perMetric.values()) {
      total.truePositives += counts.truePositives;
      total.falsePositives += counts.falsePositives;
      total.falseNegatives += counts.falseNegatives;
    }
    return scoresOf(total);
  }
}

/**
 * On figures matched by metric, value, bound and facility: how often the batch flag and the
 * history date agree with the labels too.
 */
export function qualifierAgreement(expected: LabelledFigure[], matched: LabelledFigure[]): { increment: Agreement; asOf: Agreement } {
  const unused = [...expected];
  const increment: Agreement = { agree: 0, total: 0 };
  const asOf: Agreement = { agree: 0, total: 0 };
  for (const figure of matched) {
    const index = unused.findIndex((label) => figureKey(label) === figureKey(figure));
    if (index < 0) continue;
    const [label] = unused.splice(index, 1);
    increment.total += 1;
    asOf.total += 1;
    if (Boolean(label!.increment) === Boolean(figure.increment)) increment.agree += 1;
    if ((label!.as_of ?? '') === (figure.as_of ?? '')) asOf.agree += 1;
  }
  return { increment, asOf };
}
