import { createExtractor } from '../lambdas/core/extract/extract.js';
import type { Topic } from '../lambdas/core/topic/topic.js';

/** Hostile inputs at 1 MB and 4 MB: a time ratio near 4 shows extraction stays linear. */
const INPUTS: Record<string, (megabytes: number) => string> = {
  'digits and commas': (mb) => '12,345,'.repeat((mb * 1024 * 1024) / 7),
  'number words': (mb) => 'one thousand and '.repeat((mb * 1024 * 1024) / 17),
  'nested html': (mb) => '<div>'.repeat((mb * 1024 * 1024) / 11) + '150 detainees were moved' + '</div>'.repeat((mb * 1024 * 1024) / 11),
  'one long sentence': (mb) => 'more than 150 IS detainees were moved to Iraq and '.repeat((mb * 1024 * 1024) / 50),
};

function seconds(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function measureWorstCases(topic: Topic): Record<string, { one_mb_s: number; four_mb_s: number; ratio: number }> {
  const extract = createExtractor(topic);
  return Object.fromEntries(
    Object.entries(INPUTS).map(([name, make]) => {
      const small = make(1);
      const large = make(4);
      const one = seconds(() => extract({ text: small }));
      const four = seconds(() => extract({ text: large }));
      return [name, { one_mb_s: Number(one.toFixed(3)), four_mb_s: Number(four.toFixed(3)), ratio: Number((four / one).toFixed(2)) }];
    }),
  );
}
