import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumberWords } from '../../lambdas/core/extract/numbers.js';

const ONES =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = ['', '', ...'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ')];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const unit = n % 10;
  return TENS[Math.floor(n / 10)]! + (unit ? `-${ONES[unit]}` : '');
}

function belowThousand(n: number, british: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest);
  const head = `${ONES[hundreds]} hundred`;
  if (!rest) return head;
  return `${head}${british ? ' and ' : ' '}${belowHundred(rest)}`;
}

/** English words for 0..999,999,999; `british` adds the "and" of "two hundred and five" and "one thousand and five". */
function toWords(n: number, british: boolean): string {
  if (n === 0) return 'zero';
  const parts: string[] = [];
  const groups: [number, string][] = [
    [Math.floor(n / 1e6), ' million'],
    [Math.floor(n / 1e3) % 1000, ' thousand'],
    [n % 1000, ''],
  ];
  for (const [value, scale] of groups) {
    if (!value) continue;
    const lastAfterScale = scale === '' && parts.length > 0 && value < 100;
    parts.push(`${british && lastAfterScale ? 'and ' : ''}${belowThousand(value, british)}${scale}`);
  }
  return parts.join(' ');
}

const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const inSentence = (number: string) => `About ${number} detainees were moved on Monday.`;

const integer = fc.integer({ min: 0, max: 999_999_999 });

/** Number-ish fragments mixed with random code units, to reach the parser's corners. */
const numberSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'one',
        'twenty',
        'hundred',
        'thousand',
        'million',
        'dozen',
        'dozens',
        'tens',
        'of',
        'a',
        'half',
        'few',
        'several',
        'some',
        'between',
        'and',
        'to',
        'from',
        'first',
        'thirds',
        '-year-old',
        ' ',
        ' ',
        '\u00A0',
        '-',
        '–',
        ',',
        '.',
        '000',
        '7',
        '1.5',
        '2019',
        '$',
        'US$',
        '€',
        'USD',
        '%',
        'km',
        'm',
        'k',
        'bn',
        'st',
        'percent',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function expectWellFormed(text: string): void {
  let previousEnd = 0;
  for (const mention of findNumbers(text)) {
    expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
    expect(mention.end).toBeGreaterThan(mention.start);
    expect(mention.end).toBeLessThanOrEqual(text.length);
    expect(mention.text).toBe(text.slice(mention.start, mention.end));
    expect(mention.value === null).toBe(mention.vague);
    if (mention.value !== null) expect(Number.isFinite(mention.value)).toBe(true);
    if (mention.range) {
      expect(mention.range.low).toBeLessThan(mention.range.high);
      expect(mention.value).toBe(mention.range.high);
    }
    previousEnd = mention.end;
  }
}

describe('findNumbers reads any integer up to 999,999,999', () => {
  it('written with comma separators', () => {
    fc.assert(
      fc.property(integer, (n) => {
        const mentions = findNumbers(inSentence(withCommas(n)));
        expect(mentions).toHaveLength(1);
        expect(mentions[0]!.value).toBe(n);
      }),
    );
  });

  it('written without separators', () => {
    fc.assert(
      fc.property(integer, (n) => {
        const mentions = findNumbers(inSentence(String(n)));
        expect(mentions).toHaveLength(1);
        expect(mentions[0]!.value).toBe(n);
      }),
    );
  });

  it('written in words, with or without "and"', () => {
    fc.assert(
      fc.property(integer, fc.boolean(), (n, british) => {
        const words = toWords(n, british);
        const mentions = findNumbers(inSentence(words));
        expect(mentions).toHaveLength(1);
        expect(mentions[0]).toMatchObject({ value: n, text: words, form: 'words' });
      }),
    );
  });
});

describe('parseNumberWords', () => {
  it('reads back any integer written in words', () => {
    fc.assert(
      fc.property(integer, fc.boolean(), (n, british) => {
        expect(parseNumberWords(toWords(n, british))).toBe(n);
      }),
    );
  });
});

describe('findNumbers on arbitrary text', () => {
  it('never throws on random unicode and keeps mentions in bounds, ordered and apart', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectWellFormed), { numRuns: 500 });
  });

  it('keeps mentions well formed on number-like fragments mixed with random text', () => {
    fc.assert(fc.property(numberSoup, expectWellFormed), { numRuns: 2000 });
  });
});
